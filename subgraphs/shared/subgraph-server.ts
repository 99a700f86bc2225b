import 'reflect-metadata';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { createErrorMasker } from '../../platform/error-masking';
import { loadMetricsToken } from '../../platform/env';
import { refuseUnrunnableRequests } from '../../platform/input-checks';
import { answersNotStored } from './answers-not-stored';
import { serve } from '../../platform/graphql-http';
import { createLogger } from '../../platform/logger';
import { createMetrics } from '../../platform/metrics';
import { appendAccessLogBeforeCommit } from './audit/append-before-commit';
import { AccessRecorder } from './audit/access-recorder';
import { loadCursorKey, loadSubgraphConfig } from './config';
import type { SubgraphContext } from './context';
import { prepareDatabase } from './prepare-database';
import { CursorCodec } from './pagination';
import { openRowScope } from './request-transaction';
import type { SubgraphDefinition } from './subgraph-definition';
import { createCallVerifier, type SignedCall } from './verify-call';
import { startFeeds } from './feeds/start-feeds';
import { startFigureRecording } from './figure-recording';
import { PERSONAL_FIELD_NAMES } from '../../schema/scope-catalogue';

// The agencies' subgraph.ts and demo-seed.ts import the definition's types from here.
export type { DemoSeedOptions, SubgraphDefinition } from './subgraph-definition';

/**
 * Runs one subgraph, the same way for all three. At start: prepare the database, then serve. Each
 * request then goes: verify the call → open its row scope → resolve, each field enforcing its own
 * access directive → append the access log and commit → answer.
 */
export async function runSubgraph<Loaders>(definition: SubgraphDefinition<Loaders>): Promise<void> {
  const config = loadSubgraphConfig(definition.name);
  const logger = createLogger(definition.name, undefined, PERSONAL_FIELD_NAMES);
  const metrics = createMetrics(definition.name);

  // Migrated and seeded as the owner; served as the application role, which row-level security binds.
  const db = await prepareDatabase(definition, config, logger, metrics.registry);
  // Sharing feeds: subscribe to the sets this agency needs, keep the ones it publishes fresh.
  const feeds = startFeeds(config, logger, metrics.registry);
  // Each day's report figures, so a past day's report is reproducible.
  const figures = startFigureRecording({
    databaseUrl: config.databaseUrl,
    name: definition.name,
    recorders: definition.figureRecorders ?? [],
    minutes: config.reportRecordMinutes,
    logger,
    caughtUp: async () => (await feeds.health()).status === 'ok',
  });
  const verifyCall = createCallVerifier(config.internalTokenKeyFile, definition.name, logger, db);
  const cursors = new CursorCodec(loadCursorKey());
  // Each field enforces its own access directive (field-access.ts, applied as the schema is built).
  const schema = await definition.buildSchema();

  const apollo = new ApolloServer<SubgraphContext<Loaders>>({
    schema,
    introspection: config.development,
    includeStacktraceInErrorResponses: false,
    formatError: createErrorMasker(logger),
    // serve() stops the process in order (readiness, in-flight requests, then Apollo).
    stopOnTerminationSignals: false,
    plugins: [
      // Inline traces would tell any caller how long our SQL took; the gateway needs none.
      ApolloServerPluginInlineTraceDisabled(),
      // No field has a cache hint and the gateway caches nothing; the default cache-control plugin
      // would still wrap every field's resolver to compute one (about 3 % of a subgraph's CPU).
      // Its one visible effect, `no-store` on every answer, is kept by answersNotStored.
      ApolloServerPluginCacheControlDisabled(),
      answersNotStored(),
      refuseUnrunnableRequests(),
      ...(config.development ? [] : [ApolloServerPluginLandingPageDisabled()]),
      appendAccessLogBeforeCommit(logger),
    ],
  });
  await apollo.start();

  await serve({
    apollo,
    port: config.port,
    bodyLimit: config.bodyLimit,
    // METRICS_TOKEN or METRICS_TOKEN_FILE: /metrics needs it as a bearer credential (not served without).
    metricsToken: loadMetricsToken(),
    metrics,
    logger,
    shutdownGraceMs: config.shutdownGraceMs,
    health: feeds.health,
    // The gateway's token is checked before the body is read: nobody else gets one parsed.
    verifyCaller: (req) => verifyCall(req.headers.authorization),
    context: async (_req, res) => {
      const { token, ...call } = res.locals.caller as SignedCall;
      const transaction = await openRowScope(db, call, token, res, config.transactionLimits, logger);
      return { ...call, db: transaction.manager, transaction, audit: new AccessRecorder(), loaders: definition.createLoaders(transaction.manager), cursors };
    },
    release: async () => {
      await feeds.stop();
      await figures.stop();
      await db.destroy();
    },
  });
  logger.info({ port: config.port }, 'subgraph listening');
}
