import type { ApolloGateway } from '@apollo/gateway';
import type { GatewayContext } from '../context';

/** The gateway's executor: plans one parsed and validated operation, calls the subgraphs, merges. */
export type Executor = Awaited<ReturnType<ApolloGateway['load']>>['executor'];

/** One operation as the executor receives it, with the context the request built. */
export type OperationRequest = Parameters<Executor>[0] & { context: Partial<GatewayContext> };

export type OperationResult = Awaited<ReturnType<Executor>>;

/** An operation the gateway does not run: the answer it gives instead, and why (for the log). */
export interface Refusal {
  reason: string;
  result: OperationResult;
}
