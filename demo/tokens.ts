import { readFileSync } from 'node:fs';
import { importPKCS8, SignJWT } from 'jose';
import type { Principal } from '../platform/principal';
import { demoPrincipals } from './principals';

export const DEV_ISSUER = 'https://idp.child-registry.dev';
export const DEV_AUDIENCE = 'child-registry';

/** Signs a user token for a principal with the development identity provider's key. */
export async function signDevToken(privateKeyFile: string, principal: Principal, expiresIn = '12h'): Promise<string> {
  const key = await importPKCS8(readFileSync(privateKeyFile, 'utf8'), 'ES256');
  return new SignJWT({
    org: principal.org,
    scope: principal.scopes.join(' '),
    jurisdiction: principal.jurisdiction,
    schools: principal.schools,
    partner: principal.partner,
    purposes: principal.purposes,
  })
    .setProtectedHeader({ alg: 'ES256', typ: 'JWT' })
    .setIssuer(DEV_ISSUER)
    .setAudience(DEV_AUDIENCE)
    .setSubject(principal.sub)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(key);
}

/** A token for every demo role, keyed by role name. */
export async function signDemoTokens(privateKeyFile: string, seed: number): Promise<Record<string, string>> {
  const tokens: Record<string, string> = {};
  for (const [role, principal] of Object.entries(demoPrincipals(seed))) tokens[role] = await signDevToken(privateKeyFile, principal);
  return tokens;
}
