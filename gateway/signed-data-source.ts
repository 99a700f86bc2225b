import { context as otelContext, propagation } from '@opentelemetry/api';
import { AsyncLocalStorage } from 'node:async_hooks';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { Counter, type Registry } from 'prom-client';
import { ErrorCode } from '../platform/errors';
import { fetchPaths } from '../platform/fetch-paths';
import type { InternalCall, InternalTokenSigner } from '../platform/internal-token';
import { keepAliveFetcher } from '../platform/keep-alive-fetcher';
import type { Logger } from '../platform/logger';
import type { GatewayContext } from './context';

type GatewayGraphQLResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;

/** GraphQLDataSourceRequestKind.INCOMING_OPERATION (the enum is not exported as a value): a call that serves a client's operation. */
const INCOMING_OPERATION = 'incoming operation';

/** Used for the gateway's own calls (composing from live subgraphs): no user, no scopes. */
const GATEWAY_SYSTEM_CALL: InternalCall = {
  principal: { sub: 'system:gateway', org: 'gateway', scopes: [], jurisdiction: [], schools: [], partner: null, purposes: [] },
  requestId: 'gateway-system',
  purpose: null,
};

export interface SubgraphCallOptions {
  name: string;
  url: string;
  /** How long one call may take. */
  timeoutMs: number;
  logger: Logger;
  registry: Registry;
}

/**
 * Every call to a subgraph carries a token the gateway signed for that subgraph alone, holding
 * the verified principal. The user's own token never leaves the gateway.
 *
 * Each call is bounded: it is cancelled past `timeoutMs`, or as soon as the client goes away (the
 * subgraph then rolls its transaction back). A call that fails (timeout, refused connection, an
 * error status) does not fail the operation: what it would have answered is null, with a
 * SERVICE_UNAVAILABLE error (`retryable: true`) at each path it would have filled, and the other
 * subgraphs' data still comes back (DESIGN 6.5).
 *
 * Calls go through a lean keep-alive HTTP client (platform/keep-alive-fetcher.ts), not Apollo's
 * default stack. Nothing is shared between calls but connections: no cache, no de-duplication of
 * identical in-flight calls, since two users' identical calls carry different principals and may
 * have different answers (test/upstream-isolation.test.ts).
 */
export class SignedSubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly subgraphName: string;
  private readonly timeoutMs: number;
  private readonly logger: Logger;
  private readonly failures: Counter<'subgraph' | 'reason'>;
  /** The running call and its cancellation signal, for the fetcher (which Apollo calls without the context). */
  private readonly running = new AsyncLocalStorage<{ call: InternalCall; signal: AbortSignal }>();

  constructor(
    options: SubgraphCallOptions,
    private readonly signer: InternalTokenSigner,
  ) {
    super({ url: options.url });
    this.subgraphName = options.name;
    this.timeoutMs = options.timeoutMs;
    this.logger = options.logger;
    this.failures =
      (options.registry.getSingleMetric('subgraph_call_failures_total') as Counter<'subgraph' | 'reason'> | undefined) ??
      new Counter({
        name: 'subgraph_call_failures_total',
        help: 'Subgraph calls that failed (answered as SERVICE_UNAVAILABLE), by subgraph and reason.',
        labelNames: ['subgraph', 'reason'] as const,
        registers: [options.registry],
      });
    const fetcher = keepAliveFetcher();
    // Signed here, where the body is final: the token covers exactly the bytes sent.
    this.fetcher = async (url, init = {}) => {
      const { call, signal } = this.running.getStore()!;
      const token = await this.signer.sign(call, this.subgraphName, init.body ?? '');
      return fetcher(url, { ...init, headers: { ...init.headers, authorization: `Bearer ${token}` }, signal });
    };
  }

  override willSendRequest({ request }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    request.http?.headers.set('x-request-id', this.running.getStore()!.call.requestId);
    // W3C trace context (traceparent), for tracing only: outside the signed token, trusted for nothing else.
    if (request.http) propagation.inject(otelContext.active(), request.http.headers, { set: (headers, key, value) => headers.set(key, value) });
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const serving = (options.kind as string) === INCOMING_OPERATION;
    const context = options.context as GatewayContext | undefined;
    // The import endpoint's calls carry their own (longer) bound; every other call has the configured one.
    const timeoutMs = (serving ? context?.subgraphTimeoutMs : undefined) ?? this.timeoutMs;
    const timeout = AbortSignal.timeout(timeoutMs);
    const clientGone = serving ? context?.clientGone : undefined;
    const signal = clientGone ? AbortSignal.any([timeout, clientGone]) : timeout;
    const call: InternalCall = context?.principal
      ? { principal: context.principal, requestId: context.requestId, purpose: context.purpose }
      : { ...GATEWAY_SYSTEM_CALL, requestId: `gateway-system-${Date.now()}` };
    try {
      return await this.running.run({ call, signal }, () => super.process(options));
    } catch (err) {
      // Loading the schema (live composition) has no client answer to fill: let it fail.
      if (!serving) throw err;
      const clientErrors = this.clientErrors(err);
      if (clientErrors) return { errors: clientErrors };
      const reason = timeout.aborted ? 'timeout' : clientGone?.aborted ? 'client gone' : 'unreachable';
      this.failures.inc({ subgraph: this.subgraphName, reason });
      this.logger.warn({ subgraph: this.subgraphName, reason, detail: err instanceof Error ? err.message : String(err) }, 'subgraph call failed');
      const message =
        reason === 'timeout'
          ? `The ${this.subgraphName} service did not answer within ${timeoutMs / 1000} s. Retry shortly.`
          : `The ${this.subgraphName} service is unavailable. Retry shortly.`;
      const extensions = { code: ErrorCode.SERVICE_UNAVAILABLE, retryable: true };
      const { request } = options;
      const paths = fetchPaths(request.query ?? '', request.operationName, request.variables);
      return { errors: (paths.length ? paths : [undefined]).map((path) => ({ message, ...(path ? { path } : {}), extensions })) };
    }
  }

  /**
   * A subgraph's 400 carries its own client errors (bad input it refused): those go to the client
   * as they are, not as an outage.
   */
  private clientErrors(err: unknown): GatewayGraphQLResponse['errors'] | null {
    const response = (err as { extensions?: { response?: { status?: number; body?: { errors?: unknown } } } }).extensions?.response;
    if (response?.status !== 400 || !Array.isArray(response.body?.errors)) return null;
    const errors = response.body.errors as { message?: unknown; extensions?: { code?: unknown } }[];
    return errors.every((error) => typeof error.extensions?.code === 'string') ? (errors as GatewayGraphQLResponse['errors']) : null;
  }
}
