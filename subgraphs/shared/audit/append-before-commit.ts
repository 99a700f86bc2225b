import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '../../../platform/errors';
import type { Logger } from '../../../platform/logger';
import type { SubgraphContext } from '../context';

/**
 * The last step of each request: its accesses are appended to the access log, and its transaction
 * commits, before the answer leaves, so a client that reads its own write sees it. No access-log
 * entry, no answer: the request is rolled back and answered AUDIT_UNAVAILABLE.
 */
export function appendAccessLogBeforeCommit<Loaders>(logger: Logger): ApolloServerPlugin<SubgraphContext<Loaders>> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          try {
            await contextValue.audit.flush(contextValue.db, contextValue);
            await contextValue.transaction.finish();
          } catch (err) {
            logger.error({ err, requestId: contextValue.requestId }, 'could not log or commit the request; nothing is returned');
            await contextValue.transaction.abort().catch(() => undefined);
            if (response.body.kind === 'single') {
              response.body.singleResult.data = null;
              response.body.singleResult.errors = [
                { message: 'The request could not be recorded in the access log, so nothing is returned.', extensions: { code: ErrorCode.AUDIT_UNAVAILABLE } },
              ];
            }
          }
        },
      };
    },
  };
}
