import type { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { Logger } from '../../platform/logger';
import type { SubgraphConfig } from './config';
import { assertBoundByRowSecurity, createDataSource, migrate, withMigrationLock } from './database';
import type { SubgraphDefinition } from './subgraph-definition';

/**
 * A subgraph's database, before it serves: migrations and demo data run as the owner, on a
 * connection closed before serving; the service then connects as the application role, and
 * refuses to start unless row-level security binds that role. Returns that connection.
 */
export async function prepareDatabase(
  definition: SubgraphDefinition<unknown>,
  config: SubgraphConfig,
  logger: Logger,
  registry: Registry,
): Promise<DataSource> {
  const dataSource = (url: string, role: 'owner' | 'app') =>
    createDataSource({
      url,
      applicationName: `${definition.name}:${role}`,
      entities: definition.entities,
      migrations: definition.migrations,
      poolSize: config.dbPoolSize,
      // Requests fail fast as an outage when the database is down or the pool exhausted; migrations
      // and demo data, as the owner, wait as long as they must.
      ...(role === 'app'
        ? { connectTimeoutMs: config.dbConnectTimeoutMs, idleInTransactionTimeoutMs: config.transactionLimits.idleInTransactionTimeoutMs }
        : {}),
      registry,
      logger,
    });

  if (config.migrateOnStart || config.demoData.enabled) {
    const owner = await dataSource(config.ownerDatabaseUrl!, 'owner').initialize();
    try {
      if (config.migrateOnStart) {
        const applied = await migrate(owner);
        if (applied.length) logger.info({ applied }, 'migrations applied');
      }
      if (config.demoData.enabled) {
        const loaded = await withMigrationLock(owner, () => definition.seedDemoData(owner, config.demoData, logger));
        if (loaded) {
          // Statistics for the tables just filled, as autovacuum would gather within a minute or so:
          // until then the planner guesses, and a page of the child list reads the whole registry.
          await owner.query('ANALYZE');
          logger.info({ children: loaded }, 'demo data loaded');
        }
      }
    } finally {
      await owner.destroy();
    }
  }

  const db = await dataSource(config.databaseUrl, 'app').initialize();
  await assertBoundByRowSecurity(db);
  return db;
}
