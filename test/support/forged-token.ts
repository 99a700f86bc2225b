import { createHmac, randomUUID } from 'node:crypto';
import { bodyDigest, readInternalKey } from '../../platform/internal-token';
import type { Principal } from '../../platform/principal';

const base64url = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/**
 * The claims the gateway writes into an internal token to civil affairs for `body`, then `change`
 * (a claim changed to undefined is left out): for tests that forge tokens by hand.
 */
export function internalClaims(principal: Principal, body: string, change: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  const claims: Record<string, unknown> = {
    iss: 'child-registry-gateway',
    aud: 'civil-affairs',
    sub: principal.sub,
    principal,
    rid: randomUUID(),
    purpose: 'case-management',
    bdy: bodyDigest(body),
    jti: randomUUID(),
    iat: now,
    exp: now + 60,
    ...change,
  };
  for (const [name, value] of Object.entries(change)) if (value === undefined) delete claims[name];
  return claims;
}

/** A compact JWS written by hand over any header and claims (a string is taken as already JSON), HS256 with the key in `keyFile`. */
export function forgeToken(claims: unknown, keyFile: string, header: unknown = { alg: 'HS256', typ: 'JWT' }): string {
  const input = `${base64url(header)}.${base64url(claims)}`;
  return `${input}.${createHmac('sha256', readInternalKey(keyFile)).update(input).digest('base64url')}`;
}
