import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { DataSource, EntitySchema, MigrationInterface } from 'typeorm';
import { createErrorMasker } from '../../platform/error-masking';
import { unauthenticated } from '../../platform/errors';
import { closeHttpServer, createGraphQLHttpApp, listen, stopOnSignals } from '../../platform/graphql-http';
import { bearerToken, InternalTokenVerifier } from '../../platform/internal-token';
import { createLogger, type Logger } from '../../platform/logger';
import { createMetrics } from '../../platform/metrics';
import type { SubgraphName } from '../../platform/subgraphs';
import { loadSubgraphConfig, type SubgraphConfig } from './config';
import type { SubgraphContext } from './context';
import { createDataSource, migrate, withMigrationLock } from './database';

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
  createLoaders: (db: DataSource) => Loaders;
  /** Loads demo data when the database holds none yet; returns how many children it loaded. */
  seedDemoData: (db: DataSource, options: DemoSeedOptions, logger: Logger) => Promise<number>;
}

export async function runSubgraph<Loaders>(definition: SubgraphDefinition<Loaders>, config: SubgraphConfig = loadSubgraphConfig(definition.name)) {
  const logger = createLogger(definition.name);
  const metrics = createMetrics(definition.name);
  const db = createDataSource({
    url: config.databaseUrl,
    applicationName: definition.name,
    entities: definition.entities,
    migrations: definition.migrations,
    poolSize: config.dbPoolSize,
    registry: metrics.registry,
    logger,
  });
  await db.initialize();

  if (config.migrateOnStart) {
    const applied = await migrate(db);
    if (applied.length) logger.info({ applied }, 'migrations applied');
  }
  if (config.demoData.enabled) {
    const loaded = await withMigrationLock(db, () => definition.seedDemoData(db, config.demoData, logger));
    if (loaded) logger.info({ children: loaded }, 'demo data loaded');
  }

  const verifier = await InternalTokenVerifier.fromPemFile(config.internalTokenPublicKeyFile, definition.name);
  const schema = await definition.buildSchema();

  const apollo = new ApolloServer<SubgraphContext<Loaders>>({
    schema,
    introspection: config.development,
    includeStacktraceInErrorResponses: false,
    formatError: createErrorMasker(logger),
    // Inline traces would tell any caller how long our SQL took; the gateway needs none.
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  await apollo.start();

  const httpServer = createGraphQLHttpApp({
    apollo,
    bodyLimit: config.bodyLimit,
    metrics,
    logger,
    ready: async () => {
      await db.query('SELECT 1');
      return true;
    },
    context: async (req) => {
      const token = bearerToken(req.headers.authorization);
      if (!token) throw unauthenticated('This service answers only requests signed by the gateway.');
      const call = await verifier.verify(token).catch((err: unknown) => {
        logger.warn({ reason: err instanceof Error ? err.message : String(err) }, 'rejected internal token');
        throw unauthenticated('The internal token is not valid.');
      });
      return { ...call, db, loaders: definition.createLoaders(db) };
    },
  });
  await listen(httpServer, config.port);
  logger.info({ port: config.port }, 'subgraph listening');

  stopOnSignals(logger, async () => {
    await closeHttpServer(httpServer);
    await apollo.stop();
    await db.destroy();
  });
}
