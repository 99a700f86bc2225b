// Stock @apollo/gateway on our supergraph with the security links stripped (no @authenticated, no
// @requiresScopes: no field authorization at all), in front of our subgraphs, for `npm run
// bench:peers`. It checks the user token's signature, issuer, audience and expiry (the subgraphs
// need its claims as the principal) and signs each subgraph call as our gateway does, with Apollo's
// own subgraph client; nothing else of ours is involved.
//
//   PORT, SUPERGRAPH (the stripped one), GATEWAY_JWT_PUBLIC_KEY_FILE, GATEWAY_JWT_ISSUER,
//   GATEWAY_JWT_AUDIENCE, and the subgraph-signing.mjs variables
import { Buffer } from 'node:buffer';
import { createPublicKey, randomUUID, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { GraphQLError } from 'graphql';
import { env, principalOf, signer, SUBGRAPH_URLS } from './subgraph-signing.mjs';

const publicKey = createPublicKey(readFileSync(env('GATEWAY_JWT_PUBLIC_KEY_FILE')));
const issuer = env('GATEWAY_JWT_ISSUER');
const audience = env('GATEWAY_JWT_AUDIENCE');

const unauthenticated = () => new GraphQLError('A valid bearer token is required.', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });

/** The claims of a valid ES256 user token, or an error. */
function verifiedClaims(header) {
  let claims = null;
  try {
    const [head, payload, signature] = String(header ?? '')
      .replace(/^Bearer /, '')
      .split('.');
    const json = (part) => JSON.parse(Buffer.from(part, 'base64url').toString());
    const signed = { key: publicKey, dsaEncoding: 'ieee-p1363' };
    if (json(head).alg === 'ES256' && verify('sha256', Buffer.from(`${head}.${payload}`), signed, Buffer.from(signature, 'base64url'))) claims = json(payload);
  } catch {
    // Not a token at all: refused below like a forged one.
  }
  if (!claims || claims.iss !== issuer || ![claims.aud].flat().includes(audience) || !(claims.exp > Date.now() / 1000)) throw unauthenticated();
  return claims;
}

/** Apollo's stock data source, with each call signed for its subgraph over the exact body Apollo sends. */
class SignedDataSource extends RemoteGraphQLDataSource {
  async sendRequest(request, context) {
    // Apollo sends the request without its http part, serialized as here.
    const { http, ...sent } = request;
    const call = { principal: principalOf(context.claims), requestId: context.requestId, purpose: context.purpose };
    http.headers.set('authorization', `Bearer ${await signer.sign(call, this.name, JSON.stringify(sent))}`);
    return super.sendRequest(request, context);
  }
}

const server = new ApolloServer({
  gateway: new ApolloGateway({
    supergraphSdl: readFileSync(env('SUPERGRAPH'), 'utf8'),
    buildService: ({ name }) => new SignedDataSource({ name, url: SUBGRAPH_URLS[name] }),
  }),
});
const { url } = await startStandaloneServer(server, {
  listen: { port: Number(env('PORT')), host: '127.0.0.1' },
  context: async ({ req }) => ({
    claims: verifiedClaims(req.headers.authorization),
    purpose: req.headers['x-purpose'] ?? null,
    requestId: randomUUID(),
  }),
});
console.log(`apollo gateway listening at ${url}`);
