import { context as otelContext, propagation } from '@opentelemetry/api';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { Counter, type Registry } from 'prom-client';
import { ErrorCode } from '../platform/errors';
import { fetchPaths } from '../platform/fetch-paths';
import type { InternalCall, InternalTokenSigner } from '../platform/internal-token';
import { keepAliveClient, type LeanResponse, type LeanSend } from '../platform/keep-alive-fetcher';
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
 * default stack, and this class sends them itself rather than through RemoteGraphQLDataSource's
 * `process`, which builds fetch `Headers`, a `Request` it never sends and a `Response` per call.
 * Nothing is shared between calls but connections: no cache, no de-duplication of identical
 * in-flight calls, since two users' identical calls carry different principals and may have
 * different answers (test/upstream-isolation.test.ts).
 */
export class SignedSubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly subgraphName: string;
  private readonly timeoutMs: number;
  private readonly logger: Logger;
  private readonly failures: Counter<'subgraph' | 'reason'>;
  private readonly send: LeanSend = keepAliveClient();

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
      const response = await this.call(options, call, signal);
      // Subgraph answers are about people and carry no cache hints: nothing the gateway answers may be cached.
      if (serving && 'incomingRequestContext' in options) options.incomingRequestContext.overallCachePolicy?.restrict({ maxAge: 0 });
      return response;
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

  /** One signed call: the body serialized once, the token signed over exactly those bytes. */
  private async call(options: GraphQLDataSourceProcessOptions<GatewayContext>, call: InternalCall, signal: AbortSignal): Promise<GatewayGraphQLResponse> {
    const { request } = options;
    if (!request.query) throw new Error('Missing query');
    const body = JSON.stringify({ query: request.query, variables: request.variables, operationName: request.operationName, extensions: request.extensions });
    const headers: Record<string, string> = {};
    // What Apollo asks to send along (the trace request of its usage reporting, when on).
    for (const [name, value] of request.http?.headers ?? []) headers[name] = value;
    headers['content-type'] = 'application/json';
    headers['x-request-id'] = call.requestId;
    // W3C trace context (traceparent), for tracing only: outside the signed token, trusted for nothing else.
    propagation.inject(otelContext.active(), headers);
    headers.authorization = `Bearer ${await this.signer.sign(call, this.subgraphName, body)}`;
    const answer = await this.send(this.url!, { method: 'POST', headers, body, signal });
    if (answer.status < 200 || answer.status > 299) throw errorFromAnswer(this.url!, answer);
    const parsed: unknown = JSON.parse(answer.body);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('Expected a JSON object from the subgraph.');
    return parsed as GatewayGraphQLResponse;
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

/** A non-2xx answer as Apollo's data source reports it (`extensions.response` with the status and body), so a 400's client errors can pass. */
function errorFromAnswer(url: string, answer: LeanResponse): GraphQLError {
  let body: unknown = answer.body;
  if (/^application\/(graphql-response\+)?json/.test(String(answer.headers['content-type']))) {
    try {
      body = JSON.parse(answer.body);
    } catch {
      // Not JSON after all: kept as text.
    }
  }
  const extensions: Record<string, unknown> = { response: { url, status: answer.status, statusText: answer.statusText, body } };
  if (answer.status === 401) extensions.code = 'UNAUTHENTICATED';
  else if (answer.status === 403) extensions.code = 'FORBIDDEN';
  return new GraphQLError(`${answer.status}: ${answer.statusText}`, { extensions });
}
