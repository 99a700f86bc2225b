import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import { forbiddenPurpose, unauthenticated } from '../platform/errors';
import { bearerToken } from '../platform/internal-token';
import type { Logger } from '../platform/logger';
import { AuthenticationError, type Authenticator } from './authenticate';
import type { GatewayContext } from './context';
import type { PartnerGrants } from './partner-grants';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Builds the context of a request: 401 without a valid user token, 403 for a purpose not granted. */
export function createRequestContext(authenticator: Authenticator, partnerGrants: PartnerGrants, logger: Logger) {
  return async (req: Request): Promise<GatewayContext> => {
    const token = bearerToken(req.headers.authorization);
    if (!token) throw unauthenticated('A bearer token is required.');
    let principal;
    try {
      principal = await authenticator.authenticate(token);
    } catch (err) {
      if (err instanceof AuthenticationError) {
        logger.info({ reason: err.message }, 'rejected user token');
        throw unauthenticated('The token is not valid.');
      }
      throw err;
    }
    const purposeHeader = req.headers['x-purpose'];
    const purpose = typeof purposeHeader === 'string' && purposeHeader ? purposeHeader : null;
    if (purpose && !principal.purposes.includes(purpose)) {
      throw forbiddenPurpose();
    }
    const requestIdHeader = req.headers['x-request-id'];
    const requestId = typeof requestIdHeader === 'string' && REQUEST_ID.test(requestIdHeader) ? requestIdHeader : randomUUID();
    const partnerChildren = await partnerGrants.childrenFor({ principal, requestId, purpose });
    return { principal, requestId, purpose, partnerChildren };
  };
}
