import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError, type ValidationContext, type ValidationRule } from 'graphql';
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
 * graphql-armor's protections for Apollo Server: depth, aliases, directives and cost (tokens are
 * counted by the parser),
 * and, outside development, no "did you mean" field suggestions, which would map the schema
 * for a caller who may not introspect it.
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
    costLimit: { maxCost: QUERY_LIMITS.maxCost, ignoreIntrospection: true, flattenFragments: true, ...report('cost') },
    blockFieldSuggestion: { enabled: !development },
  });
  const { plugins, validationRules } = armor.protect();
  return { plugins, validationRules, parseOptions: { maxTokens: QUERY_LIMITS.maxTokens } };
}
