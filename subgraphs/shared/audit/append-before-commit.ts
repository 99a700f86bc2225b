import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '../../../platform/errors';
import { fetchPaths } from '../../../platform/fetch-paths';
import type { Logger } from '../../../platform/logger';
import { isDatabaseOutage, sqlState } from '../../../platform/sql-state';
import type { SubgraphContext } from '../context';

/** SQLSTATE in_failed_sql_transaction: a statement of the request failed, so nothing more runs in it. */
const FAILED_TRANSACTION = '25P02';

/**
 * The last step of each request: its accesses are appended to the access log and its transaction
 * commits, in one round trip, before the answer leaves, so a client that reads its own write sees it. No access-log
 * entry, no answer: the request is rolled back and its answer withheld, with an error at each path
 * it would have filled: AUDIT_UNAVAILABLE when the log refused the entry, SERVICE_UNAVAILABLE
 * (retryable) when the database failed, the deadline passed or the commit did not happen.
 */
export function appendAccessLogBeforeCommit<Loaders>(logger: Logger): ApolloServerPlugin<SubgraphContext<Loaders>> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse(request) {
          const { contextValue } = request;
          const transaction = contextValue.transaction;
          if (!transaction) return;
          if (!transaction.open) {
            withhold(request, ErrorCode.SERVICE_UNAVAILABLE, 'The request did not finish in time and nothing of it was saved. Retry it.');
            return;
          }
          // undefined while not yet written: a failure then is the log's too.
          let append: string | null | undefined;
          try {
            append = contextValue.audit.appendStatement(contextValue);
            await transaction.finish(append);
          } catch (err) {
            await transaction.abort('failed');
            if (sqlState(err) === FAILED_TRANSACTION) {
              // A statement failed earlier: its error, already in the answer, says why; no data leaves unlogged.
              withhold(request, ErrorCode.SERVICE_UNAVAILABLE, 'The request failed and nothing of it was saved.', true);
            } else if (isDatabaseOutage(err)) {
              withhold(request, ErrorCode.SERVICE_UNAVAILABLE, 'The agency’s database did not answer; nothing was saved. Retry it.');
            } else if (append !== null) {
              // The append and the COMMIT share a round trip; in READ COMMITTED with no deferred
              // constraint a COMMIT fails only as an outage, so any other failure is the log's.
              logger.error({ err, requestId: contextValue.requestId }, 'could not log the request; nothing is returned');
              withhold(request, ErrorCode.AUDIT_UNAVAILABLE, 'The request could not be recorded in the access log, so nothing is returned.');
            } else {
              logger.warn({ err, requestId: contextValue.requestId }, 'commit failed; the request was rolled back');
              withhold(request, ErrorCode.SERVICE_UNAVAILABLE, 'The request could not be saved and was rolled back. Retry it.');
            }
          }
        },
      };
    },
  };
}

/**
 * Replaces the answer's data with null and puts one error at each path the request would have
 * filled. With `keepErrors`, errors already in the answer stay (they say why) and the new one is
 * added only if there were none.
 */
function withhold<Loaders>(
  { request, response }: GraphQLRequestContextWillSendResponse<SubgraphContext<Loaders>>,
  code: ErrorCode,
  message: string,
  keepErrors = false,
): void {
  if (response.body.kind !== 'single') return;
  const result = response.body.singleResult;
  const existing = keepErrors ? (result.errors ?? []) : [];
  const extensions = code === ErrorCode.SERVICE_UNAVAILABLE ? { code, retryable: true } : { code };
  const paths = fetchPaths(request.query ?? '', request.operationName, request.variables);
  const added: GraphQLFormattedError[] = (paths.length ? paths : [undefined]).map((path) => ({ message, ...(path ? { path } : {}), extensions }));
  result.data = null;
  result.errors = existing.length ? existing : added;
}
