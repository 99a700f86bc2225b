import { readFileSync } from 'node:fs';
import { importPKCS8, importSPKI, jwtVerify, SignJWT, type KeyLike } from 'jose';
import { z } from 'zod';
import { principalSchema, type Principal } from './principal';

/**
 * The gateway signs one short-lived token per subgraph call; each subgraph accepts a request
 * only with a valid one addressed to itself. This is what makes "subgraphs answer only
 * requests signed by the gateway" (DESIGN 6.2) hold even on a flat network.
 */
const INTERNAL_TOKEN_ISSUER = 'child-registry-gateway';
const INTERNAL_TOKEN_ALGORITHM = 'ES256';
/** Long enough for one subgraph call, short enough that a leaked token is soon useless. */
const INTERNAL_TOKEN_TTL_SECONDS = 60;

/** Most consent grants one call may carry; a partner with more is refused rather than cut short. */
export const MAX_PARTNER_GRANTS = 2000;

export interface InternalCall {
  principal: Principal;
  requestId: string;
  /** The purpose the user stated for this request, if any. */
  purpose: string | null;
  /**
   * For a partner NGO user: the children whose guardians' active consents open their masked data
   * to the partner for this purpose, as the women's federation answered for this request.
   */
  partnerChildren?: string[];
}

const partnerChildrenSchema = z.array(z.string().uuid()).max(MAX_PARTNER_GRANTS);

export class InternalTokenSigner {
  private constructor(private readonly key: KeyLike) {}

  static async fromPemFile(path: string): Promise<InternalTokenSigner> {
    return new InternalTokenSigner(await importPKCS8(readFileSync(path, 'utf8'), INTERNAL_TOKEN_ALGORITHM));
  }

  /** `audience` is the subgraph name, so a token for one subgraph is refused by the others. */
  sign(call: InternalCall, audience: string): Promise<string> {
    return new SignJWT({ principal: call.principal, purpose: call.purpose, partnerChildren: call.partnerChildren ?? [] })
      .setProtectedHeader({ alg: INTERNAL_TOKEN_ALGORITHM, typ: 'JWT' })
      .setIssuer(INTERNAL_TOKEN_ISSUER)
      .setAudience(audience)
      .setSubject(call.principal.sub)
      .setJti(call.requestId)
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

  /** Throws on any defect: bad signature, wrong audience or issuer, expired, malformed principal. */
  async verify(token: string): Promise<InternalCall> {
    const { payload } = await jwtVerify(token, this.key, {
      issuer: INTERNAL_TOKEN_ISSUER,
      audience: this.audience,
      algorithms: [INTERNAL_TOKEN_ALGORITHM],
      maxTokenAge: `${INTERNAL_TOKEN_TTL_SECONDS}s`,
      requiredClaims: ['exp', 'iat', 'jti', 'sub'],
    });
    const principal = principalSchema.parse(payload.principal);
    const purpose = typeof payload.purpose === 'string' ? payload.purpose : null;
    const partnerChildren = partnerChildrenSchema.parse(payload.partnerChildren ?? []);
    return { principal, requestId: String(payload.jti), purpose, partnerChildren };
  }
}

/** The bearer token in an Authorization header, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match ? match[1] : null;
}
