import { readFileSync } from 'node:fs';
import { createRemoteJWKSet, importSPKI, jwtVerify, type JWTPayload, type KeyLike } from 'jose';
import { z } from 'zod';
import { unauthenticated } from '../platform/errors';
import { bearerToken } from '../platform/internal-token';
import type { Logger } from '../platform/logger';
import { principalSchema, type Principal } from '../platform/principal';
import type { GatewayConfig } from './config';

/** The claims we read from a user token (OIDC access token). */
const claimsSchema = z.object({
  sub: z.string().min(1),
  org: z.string().min(1),
  scope: z.string().default(''),
  jurisdiction: z.array(z.string()).default([]),
  schools: z.array(z.string()).default([]),
  partner: z.string().nullable().default(null),
  purposes: z.array(z.string()).default([]),
});

class AuthenticationError extends Error {}

/**
 * How long a verified token's principal is remembered: never past the token's own expiry, and no
 * longer than this, so a key withdrawn from the JWKS stops working within a minute.
 */
const VERIFIED_TOKEN_TTL_MS = 60_000;
/** Tokens remembered at most (the oldest go first): a bound on memory, whatever the traffic. */
const VERIFIED_TOKENS_MAX = 10_000;

/**
 * Authentication, the first step of a request: verifies the user token (signature by the
 * configured key or JWKS, one of the allowed asymmetric algorithms, never `none`, never HMAC;
 * issuer, audience and expiry), then reads the principal.
 *
 * Verifying an ES256 signature was the gateway's largest single cost per request (8 % of its
 * CPU), for a token a client sends again and again: a token verified once is remembered, by its
 * exact text, until it expires or for a minute, whichever is first. Only tokens that verified
 * are remembered; a refused one is checked afresh each time.
 */
export class Authenticator {
  private readonly verified = new Map<string, { principal: Principal; until: number }>();

  private constructor(
    private readonly key: KeyLike | ReturnType<typeof createRemoteJWKSet>,
    private readonly config: GatewayConfig['jwt'],
    private readonly logger: Logger,
  ) {}

  static async create(config: GatewayConfig['jwt'], logger: Logger): Promise<Authenticator> {
    if (config.jwksUrl) return new Authenticator(createRemoteJWKSet(new URL(config.jwksUrl)), config, logger);
    const pem = readFileSync(config.publicKeyFile!, 'utf8');
    return new Authenticator(await importSPKI(pem, config.algorithms[0]), config, logger);
  }

  /** The principal of the request's bearer token; 401 without a valid one (the reason is logged, never told). */
  async authenticate(authorization: string | undefined): Promise<Principal> {
    const token = bearerToken(authorization);
    if (!token) throw unauthenticated('A bearer token is required.');
    const known = this.verified.get(token);
    if (known && Date.now() < known.until) return known.principal;
    if (known) this.verified.delete(token);
    try {
      const { principal, expiresAt } = await this.verify(token);
      this.remember(token, principal, expiresAt);
      return principal;
    } catch (err) {
      if (err instanceof AuthenticationError) {
        this.logger.info({ reason: err.message }, 'rejected user token');
        throw unauthenticated('The token is not valid.');
      }
      throw err;
    }
  }

  private remember(token: string, principal: Principal, expiresAt: number): void {
    if (this.verified.size >= VERIFIED_TOKENS_MAX) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, { principal, until: Math.min(expiresAt, Date.now() + VERIFIED_TOKEN_TTL_MS) });
  }

  private async verify(token: string): Promise<{ principal: Principal; expiresAt: number }> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.key as KeyLike, {
        issuer: this.config.issuer,
        audience: this.config.audience,
        algorithms: this.config.algorithms,
        requiredClaims: ['exp', 'sub'],
      }));
    } catch (err) {
      throw new AuthenticationError(err instanceof Error ? err.message : 'invalid token');
    }
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) throw new AuthenticationError('token claims are malformed');
    const principal = principalSchema.safeParse({
      sub: claims.data.sub,
      org: claims.data.org,
      scopes: claims.data.scope.split(' ').filter(Boolean),
      jurisdiction: claims.data.jurisdiction,
      schools: claims.data.schools,
      partner: claims.data.partner,
      purposes: claims.data.purposes,
    });
    if (!principal.success) throw new AuthenticationError('token claims are malformed');
    return { principal: principal.data, expiresAt: payload.exp! * 1000 };
  }
}
