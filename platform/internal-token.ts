import { createHash, createHmac, createSecretKey, randomUUID, timingSafeEqual, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { jwtVerify } from 'jose';
import { principalSchema, type Principal } from './principal';

/**
 * The gateway signs one short-lived token per subgraph call; each subgraph accepts a request
 * only with a valid one addressed to itself. This is what makes "subgraphs answer only
 * requests signed by the gateway" (DESIGN 6.2) hold even on a flat network. Each token names one
 * audience and carries a fresh id (jti) that the subgraph claims before answering, so a token
 * captured on the way is good for nothing: not at another subgraph, not a second time. The request
 * id (`rid`) is the gateway's own, shared by the calls of one request. The token also signs the
 * SHA-256 of the request body (`bdy`): held back and sent first with another operation, it is
 * refused.
 *
 * Signed with HMAC-SHA256 (HS256 compact JWS), one secret key per subgraph, as Hive Gateway signs
 * upstream calls: the gateway holds the three keys, each subgraph only its own. A subgraph's key
 * can sign only for that subgraph, so a subgraph (or whoever takes its key) cannot call another;
 * and what it could sign for itself it can already read in its own database. ES256 cost 14 % of
 * the gateway's CPU for the same guarantee (README, Access control).
 */
const INTERNAL_TOKEN_ISSUER = 'child-registry-gateway';
const INTERNAL_TOKEN_ALGORITHM = 'HS256';
/** The JOSE header of every internal token, base64url. */
const PROTECTED_HEADER = Buffer.from(JSON.stringify({ alg: INTERNAL_TOKEN_ALGORITHM, typ: 'JWT' })).toString('base64url');
/** A key of at least 256 bits, as long as the HMAC-SHA256 output (RFC 7518 3.2). */
export const INTERNAL_KEY_BYTES = 32;
/** Long enough for one subgraph call, short enough that a leaked token is soon useless. */
const INTERNAL_TOKEN_TTL_SECONDS = 60;

export interface InternalCall {
  principal: Principal;
  requestId: string;
  /** The purpose the user stated for this request, if any. */
  purpose: string | null;
}

/** A verified call, with what the subgraph needs to refuse its token a second time. */
export interface VerifiedCall extends InternalCall {
  /** The token's own id, unique to this call. */
  tokenId: string;
  /** When the token stops being valid anyway. */
  expiresAt: Date;
  /** The digest of the one request body the token was signed for (bodyDigest). */
  bodyDigest: string;
}

/** SHA-256 of a request body, base64url: what a token's `bdy` claim holds. */
export function bodyDigest(body: string | Uint8Array): string {
  return createHash('sha256').update(body).digest('base64url');
}

/** A base64url SHA-256 digest. */
const DIGEST = /^[A-Za-z0-9_-]{43}$/;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A subgraph's key from its file: base64 of at least 32 random bytes (what the dev credentials
 * script writes; a secret store's file in production).
 */
export function readInternalKey(path: string): KeyObject {
  const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
  if (key.length < INTERNAL_KEY_BYTES) throw new Error(`the internal token key in ${path} must be at least ${INTERNAL_KEY_BYTES} bytes, base64-encoded`);
  return createSecretKey(key);
}

export class InternalTokenSigner {
  private constructor(private readonly keys: ReadonlyMap<string, KeyObject>) {}

  /**
   * One key file per subgraph, by subgraph name. Two subgraphs with the same key would let each
   * sign for the other: refused.
   */
  static fromKeyFiles(files: Readonly<Record<string, string>>): InternalTokenSigner {
    const keys = new Map(Object.entries(files).map(([subgraph, path]) => [subgraph, readInternalKey(path)] as const));
    const material = [...keys.values()].map((key) => key.export());
    material.forEach((one, index) =>
      material.slice(index + 1).forEach((other) => {
        if (one.length === other.length && timingSafeEqual(one, other)) throw new Error('each subgraph needs its own internal token key');
      }),
    );
    return new InternalTokenSigner(keys);
  }

  /**
   * `audience` is the subgraph name: the token is signed with that subgraph's key and names it, so
   * the others refuse it. `body` is the exact request body it will travel with.
   */
  sign(call: InternalCall, audience: string, body: string | Uint8Array): Promise<string> {
    const key = this.keys.get(audience);
    if (!key) return Promise.reject(new Error(`no internal token key for ${audience}`));
    const issuedAt = Math.floor(Date.now() / 1000);
    const payload = {
      principal: call.principal,
      purpose: call.purpose,
      rid: call.requestId,
      bdy: bodyDigest(body),
      iss: INTERNAL_TOKEN_ISSUER,
      aud: audience,
      sub: call.principal.sub,
      jti: randomUUID(),
      iat: issuedAt,
      exp: issuedAt + INTERNAL_TOKEN_TTL_SECONDS,
    };
    // The compact JWS (RFC 7515) written out: HMAC-SHA256 over the two parts, as jose's SignJWT
    // produces and its jwtVerify checks, without its builder's checks and copies on every call.
    const signingInput = `${PROTECTED_HEADER}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
    return Promise.resolve(`${signingInput}.${createHmac('sha256', key).update(signingInput).digest('base64url')}`);
  }
}

export class InternalTokenVerifier {
  private constructor(
    private readonly key: KeyObject,
    private readonly audience: string,
  ) {}

  /** The subgraph's own key, and its name as the one audience it accepts. */
  static fromKeyFile(path: string, audience: string): InternalTokenVerifier {
    return new InternalTokenVerifier(readInternalKey(path), audience);
  }

  /** Throws on any defect: another algorithm than HS256 (so never a public key or `none`), bad signature, wrong or several audiences, wrong issuer, expired, malformed principal or ids. */
  async verify(token: string): Promise<VerifiedCall> {
    const { payload } = await jwtVerify(token, this.key, {
      issuer: INTERNAL_TOKEN_ISSUER,
      audience: this.audience,
      algorithms: [INTERNAL_TOKEN_ALGORITHM],
      maxTokenAge: `${INTERNAL_TOKEN_TTL_SECONDS}s`,
      requiredClaims: ['exp', 'iat', 'jti', 'sub'],
    });
    if (payload.aud !== this.audience) throw new Error('the token must name this subgraph as its one audience');
    if (typeof payload.jti !== 'string' || !UUID.test(payload.jti)) throw new Error('the token id must be a UUID');
    if (typeof payload.rid !== 'string' || !payload.rid) throw new Error('the token carries no request id');
    if (typeof payload.bdy !== 'string' || !DIGEST.test(payload.bdy)) throw new Error('the token is bound to no request body');
    const principal = principalSchema.parse(payload.principal);
    const purpose = typeof payload.purpose === 'string' ? payload.purpose : null;
    const expiresAt = new Date(payload.exp! * 1000);
    // Beyond a date's range (no signer of ours writes one) the claim could not be stored: refused, not a 500 at each replay.
    if (Number.isNaN(expiresAt.getTime())) throw new Error('the token expiry is out of range');
    return { principal, requestId: payload.rid, purpose, tokenId: payload.jti, expiresAt, bodyDigest: payload.bdy };
  }
}

/** The bearer token in an Authorization header, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match ? match[1] : null;
}
