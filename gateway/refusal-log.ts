import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from '../platform/logger';
import type { GatewayContext } from './context';

/**
 * One log line for each request refused before it could run: unparsable, invalid, over a query
 * limit (depth, aliases, cost), or with an ill-typed variable. Operations that reach execution get
 * their line from the authorization step (authorization/decision-log.ts: authorized or refused), so
 * each request is logged once, and an operator can count every refusal from the log alone. The
 * line names who asked and why it was refused (the errors' codes), never the variables' values.
 */
export function logRefusedRequests(logger: Logger): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      let executed = false;
      return {
        async executionDidStart() {
          executed = true;
        },
        // At the response, so the codes are those the client got (after the limit errors were coded).
        async willSendResponse({ contextValue, response, queryHash }) {
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          if (executed || !errors?.length) return;
          logger.info(
            {
              sub: contextValue.principal?.sub,
              org: contextValue.principal?.org,
              requestId: contextValue.requestId,
              clientRequestId: contextValue.clientRequestId ?? undefined,
              purpose: contextValue.purpose,
              operationHash: queryHash,
              codes: [...new Set(errors.map((error) => String(error.extensions?.code ?? 'UNKNOWN')))],
            },
            'request refused',
          );
        },
      };
    },
  };
}
