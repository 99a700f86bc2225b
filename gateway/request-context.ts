import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import type { Authenticator } from './authenticate';
import type { GatewayContext } from './context';
import type { PartnerGrants } from './partner-grants';
import { statedPurpose } from './purpose';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * Builds the context of a request, once per HTTP request: authentication (401 without a valid user
 * token), the stated purpose (403 for one the token does not grant), the request id, and for a
 * partner NGO user the children its consents open.
 */
export function createRequestContext(authenticator: Authenticator, partnerGrants: PartnerGrants) {
  return async (req: Request): Promise<GatewayContext> => {
    const principal = await authenticator.authenticate(req.headers.authorization);
    const purpose = statedPurpose(req.headers['x-purpose'], principal);
    const requestIdHeader = req.headers['x-request-id'];
    const requestId = typeof requestIdHeader === 'string' && REQUEST_ID.test(requestIdHeader) ? requestIdHeader : randomUUID();
    const partnerChildren = await partnerGrants.childrenFor({ principal, requestId, purpose });
    return { principal, requestId, purpose, partnerChildren };
  };
}
