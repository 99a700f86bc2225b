import type { DataSource } from 'typeorm';
import type { GraphQLError } from 'graphql';
import { escapeLiteral } from 'pg';
import { unauthenticated } from '../../platform/errors';
import type { VerifiedCaller } from '../../platform/graphql-http';
import { bearerToken, InternalTokenVerifier, type InternalCall } from '../../platform/internal-token';
import type { Logger } from '../../platform/logger';
import { sqlState } from '../../platform/sql-state';
import type { SubgraphName } from '../../platform/subgraphs';

/** What `spend_internal_call` raises for a token claimed before (migration 1764710000000). */
const REPLAYED_TOKEN_STATE = 'IC401';

/**
 * A verified call's internal token, good for one call, spent exactly once in the subgraph's own
 * database, which every replica of the subgraph shares (a token replayed to another replica is
 * refused as surely as to the same one). Normally it is spent by the first statement of the message
 * that opens the request's transaction (`statement`, request-transaction.ts), committed before that
 * transaction starts: the claim stands even if the request later fails or is rolled back. A
 * request refused before its transaction opens (a body that is not the signed one, a refused
 * setting) spends it alone (`spendAlone`).
 */
export class SingleUseToken {
  private spent = false;

  constructor(
    private readonly tokenId: string,
    private readonly expiresAt: Date,
    private readonly call: InternalCall,
    private readonly db: DataSource,
    private readonly logger: Logger,
  ) {}

  /**
   * The statement that spends the token, as escaped literals (it travels in a simple-protocol
   * message with others, which takes no parameters; the id is a UUID the verifier checked). On a
   * replay it fails with its own SQLSTATE, so the server runs nothing after it (`isReplay`).
   */
  statement(): string {
    this.spent = true;
    return `SELECT spend_internal_call(${escapeLiteral(this.tokenId)}, ${escapeLiteral(this.expiresAt.toISOString())})`;
  }

  /** Whether a failure of the message `statement` opened was the token's replay. */
  isReplay(err: unknown): boolean {
    return sqlState(err) === REPLAYED_TOKEN_STATE;
  }

  /** Spends the token alone, autocommitted; false when it was spent before (a replay). A no-op once spent. */
  async spendAlone(): Promise<boolean> {
    if (this.spent) return true;
    this.spent = true;
    const [row]: { claimed: boolean }[] = await this.db.query('SELECT claim_internal_call($1, $2) AS claimed', [this.tokenId, this.expiresAt]);
    if (row?.claimed === true) return true;
    this.replayed();
    return false;
  }

  /** Logs the replay and returns the refusal, the same as for any other invalid token. */
  replayed(): GraphQLError {
    this.logger.warn({ sub: this.call.principal.sub, requestId: this.call.requestId, tokenId: this.tokenId }, 'rejected a replayed internal token');
    return unauthenticated('The internal token is not valid.');
  }
}

/** A verified call, with the token it came with, still to be spent. */
export type SignedCall = InternalCall & { token: SingleUseToken };

/**
 * The first step of each request: a subgraph answers only calls the gateway signed for it
 * (DESIGN 6.2), each token once. Returns a check that turns the Authorization header into the call
 * (principal, request id, purpose, and its token to spend) and the digest of the body it was
 * signed for (graphql-http.ts checks the body against it as it reads it), or throws 401. The token
 * is spent later, when the request's transaction opens; a request refused before that (a token
 * sent with another body among others) spends it alone (`spend`), and is refused as a replay if
 * it was spent before.
 */
export function createCallVerifier(keyFile: string, subgraph: SubgraphName, logger: Logger, db: DataSource) {
  const verifier = InternalTokenVerifier.fromKeyFile(keyFile, subgraph);
  return async (authorization: string | undefined): Promise<VerifiedCaller & { caller: SignedCall }> => {
    const token = bearerToken(authorization);
    if (!token) throw unauthenticated('This service answers only requests signed by the gateway.');
    const verified = await verifier.verify(token).catch((err: unknown) => {
      logger.warn({ reason: err instanceof Error ? err.message : String(err) }, 'rejected internal token');
      throw unauthenticated('The internal token is not valid.');
    });
    const call: InternalCall = { principal: verified.principal, requestId: verified.requestId, purpose: verified.purpose };
    const single = new SingleUseToken(verified.tokenId, verified.expiresAt, call, db, logger);
    return { caller: { ...call, token: single }, bodyDigest: verified.bodyDigest, spend: () => single.spendAlone() };
  };
}
