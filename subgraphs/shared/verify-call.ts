import { unauthenticated } from '../../platform/errors';
import { bearerToken, InternalTokenVerifier, type InternalCall } from '../../platform/internal-token';
import type { Logger } from '../../platform/logger';
import type { SubgraphName } from '../../platform/subgraphs';

/**
 * The first step of each request: a subgraph answers only calls the gateway signed for it
 * (DESIGN 6.2). Returns a check that turns the Authorization header into the call (principal,
 * request id, purpose, partner grants), or throws 401.
 */
export async function createCallVerifier(publicKeyFile: string, subgraph: SubgraphName, logger: Logger) {
  const verifier = await InternalTokenVerifier.fromPemFile(publicKeyFile, subgraph);
  return async (authorization: string | undefined): Promise<InternalCall> => {
    const token = bearerToken(authorization);
    if (!token) throw unauthenticated('This service answers only requests signed by the gateway.');
    return verifier.verify(token).catch((err: unknown) => {
      logger.warn({ reason: err instanceof Error ? err.message : String(err) }, 'rejected internal token');
      throw unauthenticated('The internal token is not valid.');
    });
  };
}
