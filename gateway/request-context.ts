import { randomUUID } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Request } from 'express';
import { GraphQLError } from 'graphql';
import type { Logger } from '../platform/logger';
import type { Principal } from '../platform/principal';
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
export function createRequestContext(authenticator: Authenticator, logger: Logger) {
  return async (req: Request): Promise<GatewayContext> => {
    const requestIdHeader = req.headers['x-request-id'];
    const clientRequestId = typeof requestIdHeader === 'string' && REQUEST_ID.test(requestIdHeader) ? requestIdHeader : null;
    let principal: Principal | undefined;
    try {
      principal = await authenticator.authenticate(req.headers.authorization);
      const purpose = statedPurpose(req.headers['x-purpose'], principal);
      return { principal, requestId: randomUUID(), clientRequestId, purpose };
    } catch (err) {
      // Refused before any operation (no or bad token, a purpose not granted): its line, as
      // refusal-log.ts writes one for a request refused later, so every refusal can be counted.
      const code = err instanceof GraphQLError ? String(err.extensions.code ?? 'UNKNOWN') : 'INTERNAL_SERVER_ERROR';
      logger.info({ sub: principal?.sub, org: principal?.org, clientRequestId: clientRequestId ?? undefined, codes: [code] }, 'request refused');
      throw err;
    }
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
