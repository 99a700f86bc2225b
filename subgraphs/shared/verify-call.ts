import type { DataSource } from 'typeorm';
import { unauthenticated } from '../../platform/errors';
import type { VerifiedCaller } from '../../platform/graphql-http';
import { bearerToken, InternalTokenVerifier, type InternalCall } from '../../platform/internal-token';
import type { Logger } from '../../platform/logger';
import type { SubgraphName } from '../../platform/subgraphs';

/** Claims a token's id for this call; false when it was claimed before (a replay). */
export type TokenClaim = (tokenId: string, expiresAt: Date) => Promise<boolean>;

/**
 * Claims token ids in the subgraph's own database, which every replica of the subgraph shares, so a
 * token replayed to another replica is refused as surely as to the same one. One autocommitted
 * statement, before the request's transaction: a claim stands even if the request later fails.
 */
export function claimInDatabase(db: DataSource): TokenClaim {
  return async (tokenId, expiresAt) => {
    const [row]: { claimed: boolean }[] = await db.query('SELECT claim_internal_call($1, $2) AS claimed', [tokenId, expiresAt]);
    return row?.claimed === true;
  };
}

/**
 * The first step of each request: a subgraph answers only calls the gateway signed for it
 * (DESIGN 6.2), each token once. Returns a check that turns the Authorization header into the call
 * (principal, request id, purpose) and the digest of the body it was signed for (graphql-http.ts
 * checks the body against it as it reads it), or throws 401. The token is claimed before the body
 * is read: one sent with another body is refused, and spent.
 */
export function createCallVerifier(keyFile: string, subgraph: SubgraphName, logger: Logger, claim: TokenClaim) {
  const verifier = InternalTokenVerifier.fromKeyFile(keyFile, subgraph);
  return async (authorization: string | undefined): Promise<VerifiedCaller & { caller: InternalCall }> => {
    const token = bearerToken(authorization);
    if (!token) throw unauthenticated('This service answers only requests signed by the gateway.');
    const call = await verifier.verify(token).catch((err: unknown) => {
      logger.warn({ reason: err instanceof Error ? err.message : String(err) }, 'rejected internal token');
      throw unauthenticated('The internal token is not valid.');
    });
    if (!(await claim(call.tokenId, call.expiresAt))) {
      logger.warn({ sub: call.principal.sub, requestId: call.requestId, tokenId: call.tokenId }, 'rejected a replayed internal token');
      throw unauthenticated('The internal token is not valid.');
    }
    return { caller: { principal: call.principal, requestId: call.requestId, purpose: call.purpose }, bodyDigest: call.bodyDigest };
  };
}
