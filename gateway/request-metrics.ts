import type { ApolloServerPlugin } from '@apollo/server';
import type { Metrics } from '../platform/metrics';

/** Counts each response by outcome (`graphql_requests_total`): ok, or error when it carries any. */
export function countRequests(metrics: Metrics): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          metrics.requests.inc({ outcome: errors?.length ? 'error' : 'ok' });
        },
      };
    },
  };
}
