import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { DataSource, EntityManager, EntitySchema, MigrationInterface } from 'typeorm';
import { createErrorMasker } from '../../platform/error-masking';
import { ErrorCode, unauthenticated } from '../../platform/errors';
import { serve } from '../../platform/graphql-http';
import { bearerToken, InternalTokenVerifier } from '../../platform/internal-token';
import { createLogger, type Logger } from '../../platform/logger';
import { createMetrics } from '../../platform/metrics';
import type { SubgraphName } from '../../platform/subgraphs';
import { loadSubgraphConfig, type SubgraphConfig } from './config';
import type { SubgraphContext } from './context';
import { assertBoundByRowSecurity, createDataSource, migrate, withMigrationLock } from './database';
import { AccessRecorder } from './audit/access-recorder';
import { RequestTransaction, rowScopeOf } from './request-transaction';

export interface DemoSeedOptions {
  children: number;
  seed: number;
}

/** What a subgraph contributes; the runner does the rest the same way for all three. */
export interface SubgraphDefinition<Loaders> {
  name: SubgraphName;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: (Function | EntitySchema)[];
  migrations: (new () => MigrationInterface)[];
  buildSchema: () => Promise<GraphQLSchema>;
  createLoaders: (db: EntityManager) => Loaders;
  /** Loads demo data when the database holds none yet; returns how many children it loaded. */
  seedDemoData: (db: DataSource, options: DemoSeedOptions, logger: Logger) => Promise<number>;
}

export async function runSubgraph<Loaders>(definition: SubgraphDefinition<Loaders>, config: SubgraphConfig = loadSubgraphConfig(definition.name)) {
  const logger = createLogger(definition.name);
  const metrics = createMetrics(definition.name);
  const dataSource = (url: string, role: string) =>
    createDataSource({
      url,
      applicationName: `${definition.name}:${role}`,
      entities: definition.entities,
      migrations: definition.migrations,
      poolSize: config.dbPoolSize,
      registry: metrics.registry,
      logger,
    });

  // Migrations and demo data run as the owner, on a connection closed before serving.
  if (config.migrateOnStart || config.demoData.enabled) {
    const owner = await dataSource(config.ownerDatabaseUrl!, 'owner').initialize();
    try {
      if (config.migrateOnStart) {
        const applied = await migrate(owner);
        if (applied.length) logger.info({ applied }, 'migrations applied');
      }
      if (config.demoData.enabled) {
        const loaded = await withMigrationLock(owner, () => definition.seedDemoData(owner, config.demoData, logger));
        if (loaded) logger.info({ children: loaded }, 'demo data loaded');
      }
    } finally {
      await owner.destroy();
    }
  }

  const db = await dataSource(config.databaseUrl, 'app').initialize();
  await assertBoundByRowSecurity(db);

  const verifier = await InternalTokenVerifier.fromPemFile(config.internalTokenPublicKeyFile, definition.name);
  const schema = await definition.buildSchema();

  const apollo = new ApolloServer<SubgraphContext<Loaders>>({
    schema,
    introspection: config.development,
    includeStacktraceInErrorResponses: false,
    formatError: createErrorMasker(logger),
    plugins: [
      // Inline traces would tell any caller how long our SQL took; the gateway needs none.
      ApolloServerPluginInlineTraceDisabled(),
      {
        async requestDidStart() {
          return {
            // Log the request's accesses and commit before the answer leaves, so a client that
            // reads its own write sees it. No access log entry, no answer.
            async willSendResponse({ contextValue, response }) {
              try {
                await contextValue.audit.flush(contextValue.db, contextValue);
                await contextValue.transaction.finish();
              } catch (err) {
                logger.error({ err, requestId: contextValue.requestId }, 'could not log or commit the request; nothing is returned');
                await contextValue.transaction.abort().catch(() => undefined);
                if (response.body.kind === 'single') {
                  response.body.singleResult.data = null;
                  response.body.singleResult.errors = [
                    { message: 'The request could not be recorded in the access log, so nothing is returned.', extensions: { code: ErrorCode.AUDIT_UNAVAILABLE } },
                  ];
                }
              }
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  await serve({
    apollo,
    port: config.port,
    bodyLimit: config.bodyLimit,
    metrics,
    logger,
    ready: async () => {
      await db.query('SELECT 1');
      return true;
    },
    context: async (req, res) => {
      const token = bearerToken(req.headers.authorization);
      if (!token) throw unauthenticated('This service answers only requests signed by the gateway.');
      const call = await verifier.verify(token).catch((err: unknown) => {
        logger.warn({ reason: err instanceof Error ? err.message : String(err) }, 'rejected internal token');
        throw unauthenticated('The internal token is not valid.');
      });
      const transaction = await RequestTransaction.open(db, rowScopeOf(call));
      // Whatever happens to the request, the connection goes back to the pool.
      res.once('close', () => void transaction.abort().catch((err: unknown) => logger.error({ err }, 'rollback failed')));
      return { ...call, db: transaction.manager, transaction, audit: new AccessRecorder(), loaders: definition.createLoaders(transaction.manager) };
    },
    release: () => db.destroy(),
  });
  logger.info({ port: config.port }, 'subgraph listening');
}
