import { createHash } from 'node:crypto';
import { GraphQLError, print, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { ErrorCode, unauthorizedField } from '../../platform/errors';
import type { AccessRules } from './access-rules';
import type { Executor, OperationRequest, OperationResult, Refusal } from './operation';
import { filterOperation, type FilterResult } from './operation-filter';
import { applyDenials } from './response-nulls';

/** filter: unauthorized fields become null with an error each; strict: the whole operation is refused. */
export type AuthorizationMode = 'filter' | 'strict';

/**
 * Field authorization with Apollo Router's semantics. First, before planning: the operation as the
 * caller's scopes allow it, every field and fragment they do not open removed, so no subgraph is
 * asked for them.
 */
export function authorizeFields(request: OperationRequest, rules: AccessRules): FilterResult {
  return filterOperation(
    request.schema,
    request.document,
    request.request.operationName,
    request.request.variables ?? {},
    rules,
    new Set(request.context.principal?.scopes ?? []),
  );
}

/** The response paths of the removed fields the caller asked for (not those removed only because all under them was). */
export function deniedPaths(authorized: FilterResult): ReadonlyArray<ReadonlyArray<string>> {
  return authorized.denials.filter((denial) => denial.reported).map((denial) => denial.path);
}

/** One UNAUTHORIZED_FIELD_OR_TYPE error per denied path (naming the input, where one was the reason). */
const deniedFieldErrors = (authorized: FilterResult) =>
  authorized.denials.filter((denial) => denial.reported).map((denial) => unauthorizedField(denial.path, denial.argument));

/** First: variables that do not fit their definitions refuse the operation, as the gateway itself would (BAD_USER_INPUT). */
export function variablesRefusal(authorized: FilterResult): Refusal | null {
  if (!authorized.invalidVariables) return null;
  const errors = authorized.invalidVariables.map(
    (error) => new GraphQLError(error.message, { nodes: error.nodes, extensions: { code: ErrorCode.BAD_USER_INPUT } }),
  );
  return { reason: 'invalid variables', result: { errors } };
}

/** Then: with fields removed, strict mode refuses the operation, and so does filter mode when nothing requested is left. */
export function fieldRefusal(authorized: FilterResult, mode: AuthorizationMode): Refusal | null {
  if (!authorized.denials.length) return null;
  const errors = deniedFieldErrors(authorized);
  if (mode === 'strict') return { reason: 'unauthorized fields (strict mode)', result: { errors } };
  if (!authorized.document) return { reason: 'nothing requested is authorized', result: { data: null, errors } };
  return null;
}

/** The hash of a filtered document, worked out once per document (a cached analysis keeps its document). */
const filteredHashes = new WeakMap<DocumentNode, string>();
function filteredHash(document: DocumentNode): string {
  let hash = filteredHashes.get(document);
  if (!hash) filteredHashes.set(document, (hash = createHash('sha256').update(print(document)).digest('hex')));
  return hash;
}

/**
 * Last: runs what is authorized, and puts null where removed fields would have been (with the usual
 * null propagation) and an UNAUTHORIZED_FIELD_OR_TYPE error per path.
 */
export async function executeAuthorized(request: OperationRequest, authorized: FilterResult, execute: Executor): Promise<OperationResult> {
  if (!authorized.denials.length) return execute(request);
  const document = authorized.document;
  if (!document) throw new Error('Nothing requested is authorized: the operation should have been refused.');
  const result = await execute({
    ...request,
    document,
    operation: document.definitions[0] as OperationDefinitionNode,
    // The gateway caches query plans by this hash: the filtered operation must never share a plan
    // with the unfiltered one, or one caller's plan would serve another's fields.
    queryHash: filteredHash(document),
  });
  return {
    ...result,
    data: applyDenials(result.data, authorized.denials, authorized.addedTypename),
    errors: [...deniedFieldErrors(authorized), ...(result.errors ?? [])],
  };
}
