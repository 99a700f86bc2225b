import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  coerceInputValue,
  GraphQLError,
  isInputType,
  isNonNullType,
  Kind,
  typeFromAST,
  visit,
  type ASTNode,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { ErrorCode } from './errors';

/** A client error answered with HTTP 400 before anything runs. */
function refusal(code: ErrorCode | 'GRAPHQL_VALIDATION_FAILED', message: string, field?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...(field ? { field } : {}), http: { status: 400 } } });
}

/** A NUL character: PostgreSQL cannot store one in text, and no real name, note or id holds one. */
const NUL = '\u0000';

/**
 * Where the first string holding a NUL lies in a variable's value, as path segments (`['input',
 * 'name']`, `['ids', 2]`), or null. The path is written only on the way back from the one found: the
 * common answer, none, costs no string per value.
 */
function nulInValue(value: unknown): Array<string | number> | null {
  if (typeof value === 'string') return value.includes(NUL) ? [] : null;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const found = nulInValue(value[index]);
      if (found) return [index, ...found];
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = nulInValue(item);
      if (found) return [key, ...found];
    }
  }
  return null;
}

/**
 * What nulInLiterals found, per parsed document. Apollo keeps one parsed document per query text
 * (its document store, bounded), so the gateway's few plan documents are walked once, not on every
 * request; the answer depends on the document alone (never on variables or the caller), and a
 * document Apollo drops is dropped here too.
 */
const literalNuls = new WeakMap<DocumentNode, string | null>();

/** The argument path (`input.name`) of the first string literal holding a NUL in the document, or null. */
function nulInLiterals(document: DocumentNode): string | null {
  let found = literalNuls.get(document);
  if (found === undefined) literalNuls.set(document, (found = findNulInLiterals(document)));
  return found;
}

function findNulInLiterals(document: DocumentNode): string | null {
  let found: string | null = null;
  visit(document, {
    StringValue(node, _key, parent, _path, ancestors) {
      if (found || !node.value.includes(NUL)) return;
      const names = [...(ancestors as ReadonlyArray<ASTNode | ReadonlyArray<ASTNode>>), parent as ASTNode | ReadonlyArray<ASTNode>]
        .filter((ancestor): ancestor is ASTNode => !Array.isArray(ancestor))
        .flatMap((ancestor) => (ancestor.kind === Kind.ARGUMENT || ancestor.kind === Kind.OBJECT_FIELD ? [ancestor.name.value] : []));
      found = names.join('.') || 'query';
    },
  });
  return found;
}

/**
 * The first variable whose value does not fit its declared type (an impossible date, a string for
 * a number, a missing required field), with the path of the offending part, or null.
 */
function variableProblem(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): { field: string; message: string } | null {
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type);
    // An unknown type is a validation error, already reported.
    if (!type || !isInputType(type)) continue;
    if (!(name in variables)) {
      if (!definition.defaultValue && isNonNullType(type)) return { field: name, message: `${name} is required.` };
      continue;
    }
    let problem: { field: string; message: string } | null = null;
    coerceInputValue(variables[name], type, (path, _invalid, error) => {
      if (problem) return;
      const field = [name, ...path].join('.');
      problem = { field, message: `${field}: ${error.message.replace(/^Expected type "[^"]+"\. /, '')}` };
    });
    if (problem) return problem;
  }
  return null;
}

/**
 * Requests no process can run, refused with a stable client code and HTTP 400 before anything
 * runs, instead of failing somewhere inside as a server error:
 * - no operation to run: an operationName the document does not hold, or several operations and
 *   none named (OPERATION_RESOLUTION_FAILURE);
 * - a subscription: the API has none (GRAPHQL_VALIDATION_FAILED, as graphql-js 17 reports it);
 * - a NUL character in any string, in a variable or a literal (BAD_USER_INPUT, `field` = where);
 * - a variable whose value does not fit its type, such as an impossible date (BAD_USER_INPUT,
 *   `field` = the variable and the path inside it, e.g. `input.birthDate`).
 */
export function refuseUnrunnableRequests<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request, schema }) {
          if (!operation) {
            throw refusal(
              ErrorCode.OPERATION_RESOLUTION_FAILURE,
              request.operationName
                ? 'The document holds no operation of that operationName.'
                : 'The document holds several operations: name the one to run in operationName.',
            );
          }
          if (operation.operation === 'subscription') {
            throw refusal('GRAPHQL_VALIDATION_FAILED', 'This API has no subscriptions; ask with a query.');
          }
          const variables = request.variables ?? {};
          const nulAt = nulInValue(variables)?.join('.') ?? nulInLiterals(document);
          if (nulAt) throw refusal(ErrorCode.BAD_USER_INPUT, `${nulAt} holds a NUL character, which no text may contain.`, nulAt);
          const problem = variableProblem(schema, operation, variables);
          if (problem) throw refusal(ErrorCode.BAD_USER_INPUT, problem.message, problem.field);
        },
      };
    },
  };
}
