// What every peer gateway needs of ours to reach our subgraphs, which answer only calls signed by a
// gateway: each subgraph's HMAC key (as our gateway holds them), the subgraphs' real URLs, and the
// principal as our subgraphs expect it in the internal token. Nothing here authorizes anything.
//
//   CIVIL_AFFAIRS_URL, EDUCATION_URL, WOMENS_FEDERATION_URL,
//   CIVIL_AFFAIRS_INTERNAL_TOKEN_KEY_FILE, EDUCATION_INTERNAL_TOKEN_KEY_FILE,
//   WOMENS_FEDERATION_INTERNAL_TOKEN_KEY_FILE, PROJECT_DIST (our compiled code, for the signer)
import { createRequire } from 'node:module';
import { join } from 'node:path';

export const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`Set ${name}.`);
  return value;
};

const require = createRequire(import.meta.url);
const { InternalTokenSigner } = require(join(env('PROJECT_DIST'), 'platform', 'internal-token.js'));

/** Signs an internal token for one subgraph, bound to the body it travels with. */
export const signer = InternalTokenSigner.fromKeyFiles({
  'civil-affairs': env('CIVIL_AFFAIRS_INTERNAL_TOKEN_KEY_FILE'),
  education: env('EDUCATION_INTERNAL_TOKEN_KEY_FILE'),
  'womens-federation': env('WOMENS_FEDERATION_INTERNAL_TOKEN_KEY_FILE'),
});

// The supergraph's subgraph URLs are placeholders named after the subgraphs (http://civil-affairs:4001/…).
export const SUBGRAPH_URLS = { 'civil-affairs': env('CIVIL_AFFAIRS_URL'), education: env('EDUCATION_URL'), 'womens-federation': env('WOMENS_FEDERATION_URL') };

/** The verified user token's claims as our subgraphs expect the principal in their internal token. */
export function principalOf(claims) {
  return {
    sub: claims.sub,
    org: claims.org,
    scopes: String(claims.scope ?? '')
      .split(' ')
      .filter(Boolean),
    jurisdiction: claims.jurisdiction ?? [],
    schools: claims.schools ?? [],
    partner: claims.partner ?? null,
    purposes: claims.purposes ?? [],
  };
}
