import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/** What a fetch-style caller passes (Apollo's `Fetcher` init, and ours). */
export interface LeanRequestInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  signal?: AbortSignal | null;
}

export type LeanFetcher = (url: string, init?: LeanRequestInit) => Promise<Response>;

/** Statuses whose answer has no body (a Response refuses one). */
const NO_BODY = new Set([101, 204, 205, 304]);

/** An answer as it came: status, headers and the whole body as text. */
export interface LeanResponse {
  status: number;
  statusText: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export type LeanSend = (url: string, init?: LeanRequestInit) => Promise<LeanResponse>;

/**
 * A lean HTTP client over node:http with kept-alive connections. Apollo's default stack
 * (make-fetch-happen, built for npm's caching and retries) spent about a fifth of the gateway's CPU
 * on subgraph calls that need none of it: they are POSTs to a few known hosts, never cached, never
 * retried. The answer comes back as text with its headers, with no fetch `Response` (a web stream
 * per call) in between.
 *
 * node:http keeps the OpenTelemetry HTTP instrumentation (client spans, traceparent) working as
 * before. A call is cancelled by its signal (timeout, client gone); the connection it used is
 * destroyed then, never handed to the next call half read.
 */
export function keepAliveClient(options: { maxSockets?: number } = {}): LeanSend {
  // An idle connection is closed after 5 s, well before the servers close theirs (65 s,
  // graphql-http.ts): a call is never sent on a socket the other side is just closing.
  const agentOptions = { keepAlive: true, timeout: 5_000, maxSockets: options.maxSockets ?? 256, scheduling: 'lifo' as const };
  const http = new HttpAgent(agentOptions);
  const https = new HttpsAgent(agentOptions);
  return (url, init = {}) =>
    new Promise<LeanResponse>((resolve, reject) => {
      const target = new URL(url);
      const secure = target.protocol === 'https:';
      const body = init.body ?? '';
      const request = (secure ? httpsRequest : httpRequest)(
        target,
        {
          method: init.method ?? 'GET',
          headers: { ...init.headers, 'content-length': String(Buffer.byteLength(body)) },
          agent: secure ? https : http,
          signal: init.signal ?? undefined,
        },
        (incoming) => readAll(incoming, resolve, reject),
      );
      request.on('error', reject);
      request.end(body);
    });
}

/** The same client shaped as `fetch` (a `Response`), for callers that want one (the benchmarks). */
export function keepAliveFetcher(options: { maxSockets?: number } = {}): LeanFetcher {
  const send = keepAliveClient(options);
  return async (url, init) => {
    const { status, statusText, headers, body } = await send(url, init);
    const fetchHeaders = new Headers();
    for (const [name, value] of Object.entries(headers)) {
      if (value === undefined) continue;
      for (const one of Array.isArray(value) ? value : [value]) fetchHeaders.append(name, one);
    }
    return new Response(NO_BODY.has(status) ? null : body, { status, statusText, headers: fetchHeaders });
  };
}

function readAll(incoming: IncomingMessage, resolve: (response: LeanResponse) => void, reject: (err: Error) => void): void {
  const chunks: Buffer[] = [];
  incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
  incoming.on('error', reject);
  // Cut short (aborted, connection lost): not an answer, whatever arrived.
  incoming.on('close', () => {
    if (!incoming.complete) reject(new Error('the connection closed before the answer was complete'));
  });
  incoming.on('end', () => {
    resolve({
      status: incoming.statusCode ?? 500,
      statusText: incoming.statusMessage ?? '',
      headers: incoming.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    });
  });
}
