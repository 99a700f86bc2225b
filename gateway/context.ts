import type { Principal } from '../platform/principal';

/** What the gateway knows about one request once the user token is verified. */
export interface GatewayContext {
  principal: Principal;
  /** The gateway's id for this request, in every subgraph's access log. */
  requestId: string;
  /** The X-Request-Id the client sent, if well formed: logged beside requestId, never used as it. */
  clientRequestId: string | null;
  /** The purpose stated in the X-Purpose header, checked against the token's purposes. */
  purpose: string | null;
  /** Aborted when the client goes away before its answer: the subgraph calls still running are cancelled. */
  clientGone?: AbortSignal;
  /** How long each subgraph call may take, when not the configured SUBGRAPH_TIMEOUT_MS: set by the import endpoint only, never by a client. */
  subgraphTimeoutMs?: number;
}
