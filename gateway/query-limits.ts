import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  validate,
  visit,
  type DocumentNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { ErrorCode } from '../platform/errors';

/**
 * Reports a refusal with the name of the limit, so the gateway can give it our code (graphql-armor
 * would report a generic BAD_USER_INPUT, which Apollo turns into a validation failure). Used with
 * propagateOnRejection off, so this is the only report.
 */
function report(limit: string) {
  return {
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => {
        if (context) context.reportError(new GraphQLError(error.message, { extensions: { limit } }));
        else throw new GraphQLError(error.message, { extensions: { limit } });
      },
    ],
  };
}

/**
 * Outside development, takes every "Did you mean ...?" out of error messages: graphql-armor hides
 * field suggestions in validation, but not enum values ("Did you mean the enum value ...?"), nor
 * those in variable errors, each of which maps the schema for a caller who may not introspect it.
 */
export function hideSuggestions(development: boolean, next: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError) {
  if (development) return next;
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const result = next(formatted, error);
    return /Did you mean/.test(result.message) ? { ...result, message: result.message.replace(/\s*Did you mean [^?]*\?/g, '').trim() } : result;
  };
}

/** Gives a limit refusal the QUERY_LIMIT_EXCEEDED code; other errors are left to `next`. */
export function formatLimitErrors(next: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const limit = formatted.extensions?.limit;
    if (typeof limit !== 'string') return next(formatted, error);
    // graphql-armor words every refusal as a "Syntax Error", which it is not.
    return { message: formatted.message.replace(/^Syntax Error: /, ''), extensions: { code: ErrorCode.QUERY_LIMIT_EXCEEDED, limit } };
  };
}

/**
 * Limits on what one operation may ask, so no query can exhaust the gateway or the databases.
 * Our deepest legitimate query (schools → enrolments → child → pairings → programme → partner,
 * through connections) is 11 levels; the limits leave room above what clients need and no more.
 */
export const QUERY_LIMITS = {
  maxDepth: 12,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 2000,
  // graphql-armor's cost: objects 2, scalars 1, times 1.5 per level of depth. The benchmark's page
  // of children with every agency's fields costs about 21,000.
  maxCost: 50_000,
} as const;

/**
 * graphql-armor's protections for Apollo Server: depth, aliases and directives as validation rules
 * (tokens are counted by the parser); the cost once the operation's variables are known (below);
 * and, outside development, no "did you mean" field suggestions, which would map the schema for a
 * caller who may not introspect it.
 */
export function queryLimits(development: boolean): {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
  parseOptions: { maxTokens: number };
} {
  const armor = new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth, ignoreIntrospection: true, flattenFragments: true, ...report('depth') },
    maxAliases: { n: QUERY_LIMITS.maxAliases, ...report('aliases') },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives, ...report('directives') },
    // graphql-js counts tokens while parsing (parseOptions below): cheaper, and its refusal is a
    // plain parse failure rather than an unexpected error.
    maxTokens: { enabled: false },
    // Validation sees no variables: computed in costWithVariables instead.
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: !development },
  });
  const { plugins, validationRules } = armor.protect();
  return { plugins: [...plugins, costWithVariables()], validationRules, parseOptions: { maxTokens: QUERY_LIMITS.maxTokens } };
}

/**
 * The cost limit, computed on the operation as it will run: graphql-armor multiplies a list's cost
 * by its literal `first` or `last`, so a page size passed as a variable (`schools(first: $a) {
 * enrolments(first: $b) }`) would count as 1. Each such variable is put in as the literal it
 * stands for (its value, or its default) and graphql-armor's own rule measures the result.
 */
function costWithVariables(): ApolloServerPlugin {
  const rules = new ApolloArmor({
    maxDepth: { enabled: false },
    maxAliases: { enabled: false },
    maxDirectives: { enabled: false },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
    costLimit: { maxCost: QUERY_LIMITS.maxCost, ignoreIntrospection: true, flattenFragments: true, ...report('cost') },
  }).protect().validationRules;
  const verdicts = new CostVerdicts();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, schema }) {
          if (!operation) return;
          const variables = request.variables ?? {};
          const refused = verdicts.verdict(
            schema,
            document,
            operation,
            variables,
            () => validate(schema, withPageSizes(document, operation, variables), rules)[0] ?? null,
          );
          if (refused) throw new GraphQLError(refused.message, { extensions: { ...refused.extensions, http: { status: 400 } } });
        },
      };
    },
  };
}

/** Distinct page sizes whose verdict is kept per operation; past it the oldest goes. */
const VERDICTS_PER_OPERATION = 64;

/**
 * The cost of an operation depends on the schema, its document and the page sizes its `first` and
 * `last` variables carry, and on nothing else: measuring it again for each request (a copy of the
 * document and a validation pass) cost about a thirtieth of the gateway's CPU. The verdict is kept
 * by schema, document object (Apollo's parsed document, the same for every request of the same
 * text) and operation, then by those variables' values.
 */
class CostVerdicts {
  private readonly bySchema = new WeakMap<
    GraphQLSchema,
    WeakMap<OperationDefinitionNode, { pageSizeVariables: string[]; verdicts: Map<string, GraphQLError | null> }>
  >();

  verdict(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Record<string, unknown>,
    measure: () => GraphQLError | null,
  ): GraphQLError | null {
    let byOperation = this.bySchema.get(schema);
    if (!byOperation) this.bySchema.set(schema, (byOperation = new WeakMap()));
    let known = byOperation.get(operation);
    if (!known) byOperation.set(operation, (known = { pageSizeVariables: pageSizeVariables(document), verdicts: new Map() }));
    const key = JSON.stringify(known.pageSizeVariables.map((name) => variables[name] ?? null));
    if (known.verdicts.has(key)) return known.verdicts.get(key)!;
    const verdict = measure();
    if (known.verdicts.size >= VERDICTS_PER_OPERATION) known.verdicts.delete(known.verdicts.keys().next().value!);
    known.verdicts.set(key, verdict);
    return verdict;
  }
}

/** The variables a document passes as `first` or `last`: the only ones its cost depends on. */
function pageSizeVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Argument(node) {
      if ((node.name.value === 'first' || node.name.value === 'last') && node.value.kind === Kind.VARIABLE) names.add(node.value.name.value);
    },
  });
  return [...names].sort();
}

/** The document with each `first`/`last` variable replaced by the literal page size it carries. */
function withPageSizes(document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): DocumentNode {
  const defaults = new Map((operation.variableDefinitions ?? []).map((definition) => [definition.variable.name.value, definition.defaultValue]));
  return visit(document, {
    Argument(node) {
      if ((node.name.value !== 'first' && node.name.value !== 'last') || node.value.kind !== Kind.VARIABLE) return undefined;
      const name = node.value.name.value;
      const value = variables[name];
      if (typeof value === 'number' && Number.isFinite(value)) return { ...node, value: { kind: Kind.INT, value: String(Math.trunc(value)) } };
      const fallback = defaults.get(name);
      return fallback?.kind === Kind.INT ? { ...node, value: fallback } : undefined;
    },
  });
}
