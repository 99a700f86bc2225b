import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { importPKCS8, importSPKI, jwtVerify, SignJWT, type KeyLike } from 'jose';
import { principalSchema, type Principal } from './principal';

/**
 * The gateway signs one short-lived token per subgraph call; each subgraph accepts a request
 * only with a valid one addressed to itself. This is what makes "subgraphs answer only
 * requests signed by the gateway" (DESIGN 6.2) hold even on a flat network. Each token names one
 * audience and carries a fresh id (jti) that the subgraph claims before answering, so a token
 * captured on the way is good for nothing: not at another subgraph, not a second time. The request
 * id (`rid`) is the gateway's own, shared by the calls of one request.
 */
const INTERNAL_TOKEN_ISSUER = 'child-registry-gateway';
const INTERNAL_TOKEN_ALGORITHM = 'ES256';
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
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export class InternalTokenSigner {
  private constructor(private readonly key: KeyLike) {}

  static async fromPemFile(path: string): Promise<InternalTokenSigner> {
    return new InternalTokenSigner(await importPKCS8(readFileSync(path, 'utf8'), INTERNAL_TOKEN_ALGORITHM));
  }

  /** `audience` is the subgraph name, so a token for one subgraph is refused by the others. */
  sign(call: InternalCall, audience: string): Promise<string> {
    return new SignJWT({ principal: call.principal, purpose: call.purpose, rid: call.requestId })
      .setProtectedHeader({ alg: INTERNAL_TOKEN_ALGORITHM, typ: 'JWT' })
      .setIssuer(INTERNAL_TOKEN_ISSUER)
      .setAudience(audience)
      .setSubject(call.principal.sub)
      .setJti(randomUUID())
      .setIssuedAt()
      .setExpirationTime(`${INTERNAL_TOKEN_TTL_SECONDS}s`)
      .sign(this.key);
  }
}

export class InternalTokenVerifier {
  private constructor(
    private readonly key: KeyLike,
    private readonly audience: string,
  ) {}

  static async fromPemFile(path: string, audience: string): Promise<InternalTokenVerifier> {
    return new InternalTokenVerifier(await importSPKI(readFileSync(path, 'utf8'), INTERNAL_TOKEN_ALGORITHM), audience);
  }

  /** Throws on any defect: bad signature, wrong or several audiences, wrong issuer, expired, malformed principal or ids. */
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
    const principal = principalSchema.parse(payload.principal);
    const purpose = typeof payload.purpose === 'string' ? payload.purpose : null;
    return { principal, requestId: payload.rid, purpose, tokenId: payload.jti, expiresAt: new Date(payload.exp! * 1000) };
  }
}

/** The bearer token in an Authorization header, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match ? match[1] : null;
}
