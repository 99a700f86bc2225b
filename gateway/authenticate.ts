import { readFileSync } from 'node:fs';
import { createRemoteJWKSet, importSPKI, jwtVerify, type JWTPayload, type KeyLike } from 'jose';
import { z } from 'zod';
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

export class AuthenticationError extends Error {}

/**
 * Verifies user tokens: signature by the configured key or JWKS, one of the allowed asymmetric
 * algorithms (never `none`, never HMAC), issuer, audience and expiry; then reads the principal.
 */
export class Authenticator {
  private constructor(
    private readonly key: KeyLike | ReturnType<typeof createRemoteJWKSet>,
    private readonly config: GatewayConfig['jwt'],
  ) {}

  static async create(config: GatewayConfig['jwt']): Promise<Authenticator> {
    if (config.jwksUrl) return new Authenticator(createRemoteJWKSet(new URL(config.jwksUrl)), config);
    const pem = readFileSync(config.publicKeyFile!, 'utf8');
    return new Authenticator(await importSPKI(pem, config.algorithms[0]), config);
  }

  async authenticate(token: string): Promise<Principal> {
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
    return principal.data;
  }
}
