import { createHash, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import express, { type Request } from 'express';
import type { ApolloServer, BaseContext } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ErrorCode } from './errors';
import { bodyDigest } from './internal-token';
import type { Logger } from './logger';
import type { Metrics } from './metrics';
import { stopTracing } from './tracing';

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
  /**
   * Authenticates the caller before its body is read (a subgraph: the gateway's internal token), so
   * that no body of any size is parsed for a caller who may not call at all. Its `caller` is in
   * `res.locals.caller` for `context`; what it throws (a 401 GraphQLError) is the answer. The body
   * must then be the one the caller signed (`bodyDigest`), or the answer is 401 too. A request
   * refused between the two (that body check among others) first spends the caller's credential.
   */
  verifyCaller?: (req: Request) => Promise<VerifiedCaller>;
}

export interface VerifiedCaller {
  caller: unknown;
  /** SHA-256 (base64url) of the request body the caller's signature covers. */
  bodyDigest: string;
  /**
   * Spends the caller's single-use credential on its own (a subgraph's internal token), for a
   * request that ends before its context is built: refused (another body than the signed one, too
   * large, malformed, a batch too long) or abandoned. False when it was spent before: the refusal
   * is then 401, as for any replay. A no-op once spent (the context spends it otherwise).
   */
  spend: () => Promise<boolean>;
}

const UNSIGNED_BODY = { message: 'The internal token is not valid.', extensions: { code: ErrorCode.UNAUTHENTICATED } };

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

/**
 * Answers a refusal. A verified caller's credential is spent first (awaited, so a later request
 * with the same token finds it spent), and a credential spent before turns the answer into the
 * replay's 401. A spend that fails (the database is down) leaves the refusal as it was.
 */
async function refuse(res: express.Response, logger: Logger, status: number, body: unknown): Promise<void> {
  const spend = res.locals.spend as VerifiedCaller['spend'] | undefined;
  const fresh = spend
    ? await spend().catch((err: unknown) => {
        logger.warn({ err }, 'could not spend the token of a refused request');
        return true;
      })
    : true;
  res.status(fresh ? status : 401).json(fresh ? body : { errors: [UNSIGNED_BODY] });
}

/** Every query limit holds per operation: a batch must not multiply them without bound. */
function limitBatch(maxBatch: number, logger: Logger): express.RequestHandler {
  return (req, res, next) => {
    if (Array.isArray(req.body) && req.body.length > maxBatch) {
      void refuse(res, logger, 400, {
        errors: [{ message: `A batch may hold at most ${maxBatch} operations.`, extensions: { code: ErrorCode.BATCH_TOO_LARGE } }],
      });
      return;
    }
    next();
  };
}

/** How long a readiness check may take before the process counts as not ready (a locked table, a hung database). */
const HEALTH_TIMEOUT_MS = 3000;

/** Whether the process is shutting down: no longer ready, finishing what it has. */
interface Lifecycle {
  stopping: boolean;
}

/** The readiness check, bounded in time: a check that hangs is a failed one. */
function checkReadiness(health: () => Promise<Health>): Promise<Health> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<Health>((done) => {
    timer = setTimeout(() => done({ ready: false, reason: `no answer within ${HEALTH_TIMEOUT_MS / 1000} s` }), HEALTH_TIMEOUT_MS);
  });
  return Promise.race([health().catch((): Health => ({ ready: false })), timedOut]).finally(() => clearTimeout(timer));
}

/**
 * While stopping, every answer closes its connection (`Connection: close`), so no client sends
 * another request on a socket the server is about to close.
 */
function closeConnectionsWhileStopping(lifecycle: Lifecycle): express.RequestHandler {
  return (_req, res, next) => {
    const writeHead = res.writeHead;
    res.writeHead = function (this: express.Response, ...args: Parameters<typeof writeHead>) {
      if (lifecycle.stopping && !res.headersSent) res.setHeader('connection', 'close');
      return writeHead.apply(this, args);
    } as typeof writeHead;
    next();
  };
}

/**
 * Runs `verifyCaller` before the body is read; its refusal is the answer. A request that ends
 * without its credential spent (the caller went away while sending its body) spends it then.
 */
function verifyBeforeBody(verifyCaller: (req: Request) => Promise<VerifiedCaller>, logger: Logger): express.RequestHandler {
  return (req, res, next) => {
    verifyCaller(req).then(
      ({ caller, bodyDigest, spend }) => {
        res.locals.caller = caller;
        res.locals.signedBodyDigest = bodyDigest;
        res.locals.spend = spend;
        res.once('close', () => void spend().catch((err: unknown) => logger.warn({ err }, 'could not spend the token of an abandoned request')));
        next();
      },
      (err: { message?: string; extensions?: { code?: string; http?: { status?: number } } }) => {
        const status = err.extensions?.http?.status ?? 401;
        res
          .status(status)
          .json({ errors: [{ message: err.message ?? 'Unauthenticated.', extensions: { code: err.extensions?.code ?? ErrorCode.UNAUTHENTICATED } }] });
      },
    );
  };
}

/** Checks, as the body is read, that it is the one the caller signed; a body-parser `verify` hook. */
function checkSignedBody(_req: Request, res: http.ServerResponse, raw: Buffer): void {
  const locals = (res as express.Response).locals;
  if (bodyDigest(raw) !== locals.signedBodyDigest) throw Object.assign(new Error('the body is not the one the token was signed for'), { status: 401 });
  locals.bodySigned = true;
}

/** After the body is read: a signed caller's request must have had its body checked (no GET, no other content type). */
function requireSignedBody(logger: Logger): express.RequestHandler {
  return (_req, res, next) => {
    if (res.locals.bodySigned === true) next();
    else void refuse(res, logger, 401, { errors: [UNSIGNED_BODY] });
  };
}

/**
 * The HTTP shell every process shares: POST /graphql, GET /health (readiness, for load balancers
 * and compose health checks: 503 while a dependency it cannot serve without is down, or while
 * stopping), GET /health/live (liveness: the process runs and answers) and GET /metrics
 * (Prometheus).
 */
function createGraphQLHttpApp<TContext extends BaseContext>(options: GraphQLHttpOptions<TContext>, lifecycle: Lifecycle) {
  const app = express();
  app.disable('x-powered-by');
  // Express hashes every answer's body for an ETag (SHA-1 of kilobytes per dossier page) and checks
  // freshness against it; no answer here is ever served from a cache (they are `no-store`, and
  // POSTs), so that work was spent on every request for nothing.
  app.set('etag', false);
  app.use(closeConnectionsWhileStopping(lifecycle));

  app.get('/health', async (_req, res) => {
    if (lifecycle.stopping) {
      res.status(503).json({ status: 'stopping' });
      return;
    }
    const health = await checkReadiness(options.health);
    const { ready, status, ...details } = health;
    res.status(ready ? 200 : 503).json({ status: status ?? (ready ? 'ok' : 'unavailable'), ...details });
  });

  app.get('/health/live', (_req, res) => {
    res.json({ status: lifecycle.stopping ? 'stopping' : 'alive' });
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
    ...(options.verifyCaller
      ? [
          verifyBeforeBody(options.verifyCaller, options.logger),
          express.json({ limit: options.bodyLimit, verify: checkSignedBody }),
          requireSignedBody(options.logger),
        ]
      : [express.json({ limit: options.bodyLimit })]),
    limitBatch(options.maxBatch ?? 1, options.logger),
    expressMiddleware(options.apollo, { context: ({ req, res }) => options.context(req, res) }),
  );

  // Body too large, malformed JSON and the like: a clear JSON error, never a stack.
  app.use((err: Error & { status?: number }, _req: Request, res: express.Response, _next: express.NextFunction) => {
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 401) {
      options.logger.warn({ reason: err.message }, 'rejected internal token');
      void refuse(res, options.logger, 401, { errors: [UNSIGNED_BODY] });
      return;
    }
    if (status === 500) options.logger.error({ err }, 'unhandled HTTP error');
    const code = status === 413 ? ErrorCode.PAYLOAD_TOO_LARGE : status === 500 ? ErrorCode.INTERNAL_SERVER_ERROR : ErrorCode.BAD_REQUEST;
    const message = status === 413 ? 'Request body too large.' : status === 500 ? 'Internal server error.' : 'Malformed request.';
    void refuse(res, options.logger, status, { errors: [{ message, extensions: { code } }] });
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
  /** On SIGTERM, how long in-flight requests may take to finish before their connections are closed. */
  shutdownGraceMs: number;
  /** Run last when stopping, once requests are done and Apollo has stopped (closes the database pool, say). */
  release?: () => Promise<void>;
}

/**
 * Serves the HTTP shell on `port` (resolves once it listens; rejects if the port is taken) until
 * SIGINT or SIGTERM. Then, in order: /health answers 503 (stopping) so load balancers send no more
 * work; the server accepts no new connections, and every answer from then on closes its own; the
 * requests in flight finish (for up to `shutdownGraceMs`); only then does Apollo stop and
 * `release` run. A request already accepted is answered, never failed because the process is
 * stopping. The Apollo server must be started, with its own signal handling off
 * (`stopOnTerminationSignals: false`), or it would stop under the requests in flight.
 */
export async function serve<TContext extends BaseContext>(options: ServeOptions<TContext>): Promise<void> {
  const lifecycle: Lifecycle = { stopping: false };
  const server = createGraphQLHttpApp(options, lifecycle);
  await listen(server, options.port);
  stopOnSignals(options.logger, async () => {
    lifecycle.stopping = true;
    await closeHttpServer(server, options.shutdownGraceMs, options.logger);
    await options.apollo.stop();
    await options.release?.();
    await stopTracing();
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
      logger.info('stopped');
      process.exit(0);
    } catch (err) {
      logger.error({ err }, 'error while stopping');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

/**
 * Stops accepting, closes idle connections, lets in-flight requests finish for up to `graceMs`
 * (each closes its connection when answered), then drops whatever is left.
 */
function closeHttpServer(server: http.Server, graceMs: number, logger: Logger): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      logger.warn({ graceMs }, 'requests still in flight at the end of the grace period were cut off');
      server.closeAllConnections();
    }, graceMs);
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}
