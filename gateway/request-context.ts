import { randomUUID } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Request } from 'express';
import type { Authenticator } from './authenticate';
import type { GatewayContext } from './context';
import { statedPurpose } from './purpose';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * Builds the context of a request, once per HTTP request: authentication (401 without a valid user
 * token), the stated purpose (403 for one the token does not grant) and the request id. (Which
 * children a partner NGO may see, each agency decides in its own database from the women's
 * federation's partner-grant feed: nothing about them travels with the request.)
 */
export function createRequestContext(authenticator: Authenticator) {
  return async (req: Request): Promise<GatewayContext> => {
    const principal = await authenticator.authenticate(req.headers.authorization);
    const purpose = statedPurpose(req.headers['x-purpose'], principal);
    const requestIdHeader = req.headers['x-request-id'];
    const clientRequestId = typeof requestIdHeader === 'string' && REQUEST_ID.test(requestIdHeader) ? requestIdHeader : null;
    return { principal, requestId: randomUUID(), clientRequestId, purpose };
  };
}

/** Tells the client the gateway's request id (`X-Request-Id` on the response): the id the access logs hold. */
export function returnRequestId(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      return {
        async willSendResponse({ response }) {
          if (contextValue.requestId) response.http.headers.set('x-request-id', contextValue.requestId);
        },
      };
    },
  };
}
