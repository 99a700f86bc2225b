import { createHash, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import express, { type Request } from 'express';
import type { ApolloServer, BaseContext } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ErrorCode } from './errors';
import type { Logger } from './logger';
import type { Metrics } from './metrics';

export interface GraphQLHttpOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  /** Builds the per-request context; throws (401) when the caller is not authenticated. */
  context: (req: Request, res: express.Response) => Promise<TContext>;
  metrics: Metrics;
  logger: Logger;
  /** Largest request body accepted, e.g. "100kb". */
  bodyLimit: string;
  /**
   * Readiness: whether the process can serve (its database answers, and so on), with details for
   * operators (never personal data).
   */
  health: () => Promise<Health>;
  /** Most operations one batched request (a JSON array) may carry; batching must also be allowed in Apollo. */
  maxBatch?: number;
  /** Further routes the process serves before /graphql (the gateway's IDE). */
  routes?: (app: express.Express) => void;
  /** The bearer credential GET /metrics requires; null: /metrics is not served. */
  metricsToken?: string | null;
}

export interface Health {
  ready: boolean;
  /** ok; degraded (serving, but a dependency lags or is down); unavailable (not ready). */
  status?: 'ok' | 'degraded' | 'unavailable';
  [detail: string]: unknown;
}

function bearer(header: string | undefined): string {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match ? match[1] : '';
}

/** Compares in constant time (over digests, so unequal lengths leak nothing either). */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** Every query limit holds per operation: a batch must not multiply them without bound. */
function limitBatch(maxBatch: number): express.RequestHandler {
  return (req, res, next) => {
    if (Array.isArray(req.body) && req.body.length > maxBatch) {
      res.status(400).json({ errors: [{ message: `A batch may hold at most ${maxBatch} operations.`, extensions: { code: ErrorCode.BATCH_TOO_LARGE } }] });
      return;
    }
    next();
  };
}

/**
 * The HTTP shell every process shares: POST /graphql, GET /health (liveness and readiness for
 * load balancers and compose health checks) and GET /metrics (Prometheus).
 */
function createGraphQLHttpApp<TContext extends BaseContext>(options: GraphQLHttpOptions<TContext>) {
  const app = express();
  app.disable('x-powered-by');

  app.get('/health', async (_req, res) => {
    const health = await options.health().catch((): Health => ({ ready: false }));
    const { ready, status, ...details } = health;
    res.status(ready ? 200 : 503).json({ status: status ?? (ready ? 'ok' : 'unavailable'), ...details });
  });

  // The operations surface is not public: metrics tell request rates, errors and database load.
  app.get('/metrics', async (req, res) => {
    if (!options.metricsToken) {
      res.status(404).end();
      return;
    }
    if (!sameSecret(bearer(req.headers.authorization), options.metricsToken)) {
      res.status(401).set('www-authenticate', 'Bearer').end();
      return;
    }
    res.type(options.metrics.registry.contentType).send(await options.metrics.registry.metrics());
  });

  options.routes?.(app);

  app.use(
    '/graphql',
    express.json({ limit: options.bodyLimit }),
    limitBatch(options.maxBatch ?? 1),
    expressMiddleware(options.apollo, { context: ({ req, res }) => options.context(req, res) }),
  );

  // Body too large, malformed JSON and the like: a clear JSON error, never a stack.
  app.use((err: Error & { status?: number }, _req: Request, res: express.Response, _next: express.NextFunction) => {
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) options.logger.error({ err }, 'unhandled HTTP error');
    const code = status === 413 ? ErrorCode.PAYLOAD_TOO_LARGE : status === 500 ? ErrorCode.INTERNAL_SERVER_ERROR : ErrorCode.BAD_REQUEST;
    const message = status === 413 ? 'Request body too large.' : status === 500 ? 'Internal server error.' : 'Malformed request.';
    res.status(status).json({ errors: [{ message, extensions: { code } }] });
  });

  const server = http.createServer(app);
  // Keep idle connections open longer than any client's keep-alive pool keeps them (the gateway's
  // is a few seconds), so a client never sends a request on a socket the server is just closing
  // (an ECONNRESET, "socket hang up", under a steady trickle of requests).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return server;
}

export interface ServeOptions<TContext extends BaseContext> extends GraphQLHttpOptions<TContext> {
  port: number;
  /** Run last when stopping, once requests are done and Apollo has stopped (closes the database pool, say). */
  release?: () => Promise<void>;
}

/**
 * Serves the HTTP shell on `port` (resolves once it listens; rejects if the port is taken) until
 * SIGINT or SIGTERM; then stops accepting, lets in-flight requests finish, stops Apollo and
 * runs `release`. The Apollo server must be started.
 */
export async function serve<TContext extends BaseContext>(options: ServeOptions<TContext>): Promise<void> {
  const server = createGraphQLHttpApp(options);
  await listen(server, options.port);
  stopOnSignals(options.logger, async () => {
    await closeHttpServer(server);
    await options.apollo.stop();
    await options.release?.();
  });
}

/** Resolves once the server listens; rejects if the port is taken. */
function listen(server: http.Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '0.0.0.0', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Stops on SIGINT/SIGTERM: finishes in-flight requests, then runs `close`. */
function stopOnSignals(logger: Logger, close: () => Promise<void>) {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    try {
      await close();
      process.exit(0);
    } catch (err) {
      logger.error({ err }, 'error while stopping');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

/** How long in-flight requests may take to finish once the server stops accepting. */
const GRACE_MS = 5000;

/** Stops accepting, lets in-flight requests finish for up to GRACE_MS, then drops idle sockets. */
function closeHttpServer(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.closeAllConnections(), GRACE_MS);
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}
