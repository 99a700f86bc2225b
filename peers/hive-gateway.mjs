// Hive Gateway (the runtime of @graphql-hive/gateway) on our committed supergraph, in front of our
// subgraphs: standard JWT verification and Hive's generic auth enforcing the supergraph's
// @authenticated / @requiresScopes, upstream request de-duplication off (it would share one
// principal's subgraph answer with another). Our subgraphs answer only calls signed by a gateway,
// so a small plugin signs each subgraph call as ours does; it is the only piece of ours involved.
//
//   PORT, SUPERGRAPH, GATEWAY_JWT_PUBLIC_KEY_FILE, GATEWAY_JWT_ISSUER, GATEWAY_JWT_AUDIENCE,
//   and the subgraph-signing.mjs variables
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { createInlineSigningKeyProvider, extractFromHeader, useJWT } from '@graphql-mesh/plugin-jwt-auth';
import { env, principalOf, signer, SUBGRAPH_URLS } from './subgraph-signing.mjs';

/** Signs each subgraph call for its subgraph alone, as our gateway does, and sends it to the real URL. */
const signSubgraphCalls = {
  async onFetch({ url, setURL, options, setOptions, context }) {
    const subgraph = new URL(url).hostname;
    const claims = context.jwt?.payload;
    if (!SUBGRAPH_URLS[subgraph] || !claims) return;
    setURL(SUBGRAPH_URLS[subgraph]);
    const purpose = context.request?.headers?.get('x-purpose') ?? null;
    // The token covers the body it travels with, as our gateway's does.
    const token = await signer.sign({ principal: principalOf(claims), requestId: randomUUID(), purpose }, subgraph, options.body ?? '');
    setOptions({ ...options, headers: { ...options.headers, authorization: `Bearer ${token}` } });
  },
};

const gateway = createGatewayRuntime({
  supergraph: readFileSync(env('SUPERGRAPH'), 'utf8'),
  logging: 'error',
  graphiql: false,
  // One user's subgraph answer must never serve another's request.
  transportEntries: { '*.http': { options: { deduplicateInflightRequests: false } } },
  plugins: () => [
    useJWT({
      signingKeyProviders: [createInlineSigningKeyProvider(readFileSync(env('GATEWAY_JWT_PUBLIC_KEY_FILE'), 'utf8'))],
      tokenLookupLocations: [extractFromHeader({ name: 'authorization', prefix: 'Bearer' })],
      tokenVerification: { issuer: env('GATEWAY_JWT_ISSUER'), audience: env('GATEWAY_JWT_AUDIENCE'), algorithms: ['ES256'] },
      reject: { missingToken: true, invalidToken: true },
    }),
    signSubgraphCalls,
  ],
  genericAuth: {
    mode: 'protect-granular',
    resolveUserFn: (context) => context.jwt?.payload,
    extractScopes: (user) =>
      String(user?.scope ?? '')
        .split(' ')
        .filter(Boolean),
    rejectUnauthenticated: true,
  },
});

createServer(gateway).listen(Number(env('PORT')), '127.0.0.1', () => console.log('hive gateway listening'));
