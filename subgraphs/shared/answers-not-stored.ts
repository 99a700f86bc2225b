import type { ApolloServerPlugin } from '@apollo/server';

/**
 * Every subgraph answer says `Cache-Control: no-store`: it holds a child's data for one principal
 * and purpose, and nothing on the way (a proxy, the gateway's HTTP client) may keep it. Set once
 * per request, not per field (Apollo's cache-control plugin, which set it before, is off).
 */
export function answersNotStored(): ApolloServerPlugin {
  const noStore = {
    async willSendResponse({ response }: { response: { http: { headers: Map<string, string> } } }) {
      response.http.headers.set('cache-control', 'no-store');
    },
  };
  return { requestDidStart: async () => noStore };
}
