import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { InternalCall, InternalTokenSigner } from '../platform/internal-token';
import type { GatewayContext } from './context';

/** Used for the gateway's own calls (composing from live subgraphs): no user, no scopes. */
const GATEWAY_SYSTEM_CALL: InternalCall = {
  principal: { sub: 'system:gateway', org: 'gateway', scopes: [], jurisdiction: [], schools: [], partner: null, purposes: [] },
  requestId: 'gateway-system',
  purpose: null,
};

/**
 * Every call to a subgraph carries a token the gateway signed for that subgraph alone, holding
 * the verified principal. The user's own token never leaves the gateway.
 */
export class SignedSubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    options: { name: string; url: string },
    private readonly signer: InternalTokenSigner,
  ) {
    super({ url: options.url });
    this.subgraphName = options.name;
  }

  private readonly subgraphName: string;

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    const call: InternalCall = context?.principal
      ? { principal: context.principal, requestId: context.requestId, purpose: context.purpose }
      : { ...GATEWAY_SYSTEM_CALL, requestId: `gateway-system-${Date.now()}` };
    const token = await this.signer.sign(call, this.subgraphName);
    request.http?.headers.set('authorization', `Bearer ${token}`);
    request.http?.headers.set('x-request-id', call.requestId);
  }
}
