import type { Logger } from '../../platform/logger';
import { deniedPaths } from './field-authorization';
import type { OperationRequest, Refusal } from './operation';
import type { FilterResult } from './operation-filter';

/**
 * One log line per operation, once the gateway has decided on it: authorized (perhaps with fields
 * removed) or refused and why, with the principal, the operation hash and the denied paths.
 */
export function logDecision(logger: Logger, request: OperationRequest, authorized: FilterResult, refusal: Refusal | null): void {
  const entry = {
    sub: request.context.principal?.sub,
    org: request.context.principal?.org,
    requestId: request.context.requestId,
    clientRequestId: request.context.clientRequestId ?? undefined,
    purpose: request.context.purpose,
    operationHash: request.queryHash,
    denied: deniedPaths(authorized).map((path) => path.join('.')),
  };
  if (refusal) logger.info({ ...entry, reason: refusal.reason }, 'operation refused');
  else logger.info(entry, 'operation authorized');
}
