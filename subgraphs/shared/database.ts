import { DataSource, type EntitySchema, type MigrationInterface } from 'typeorm';
import type { Registry } from 'prom-client';
import type { Logger } from '../../platform/logger';
import { StatementCountingLogger } from './statement-counter';

export interface DatabaseOptions {
  url: string;
  applicationName: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: (Function | EntitySchema)[];
  migrations: (new () => MigrationInterface)[];
  poolSize?: number;
  /** How long to wait for a connection from the pool (or a new one) before failing; by default, for ever. */
  connectTimeoutMs?: number;
  /**
   * A backstop the server applies to every session of the pool: a transaction left idle this long
   * is ended by PostgreSQL (requests set their own, shorter limits too).
   */
  idleInTransactionTimeoutMs?: number;
  registry: Registry;
  logger: Logger;
}

/**
 * A subgraph's connection to its own database. The schema comes only from committed migrations,
 * never from `synchronize`.
 */
export function createDataSource(options: DatabaseOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    maxQueryExecutionTime: 1000,
    logger: new StatementCountingLogger(options.registry, (sql, ms) => options.logger.warn({ ms, sql: sql.slice(0, 200) }, 'slow SQL statement')),
    extra: {
      max: options.poolSize ?? 10,
      application_name: options.applicationName,
      ...(options.connectTimeoutMs ? { connectionTimeoutMillis: options.connectTimeoutMs } : {}),
      ...(options.idleInTransactionTimeoutMs ? { idle_in_transaction_session_timeout: options.idleInTransactionTimeoutMs } : {}),
    },
  });
}

/** Serialises migrations and demo seeding across replicas starting at once. */
export async function withMigrationLock<T>(db: DataSource, work: () => Promise<T>): Promise<T> {
  const runner = db.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`SELECT pg_advisory_lock(hashtext('child-registry-migrations'))`);
    return await work();
  } finally {
    await runner.query(`SELECT pg_advisory_unlock(hashtext('child-registry-migrations'))`).catch(() => undefined);
    await runner.release();
  }
}

/** Applies pending migrations, each in its own transaction; returns the names applied. */
export async function migrate(db: DataSource): Promise<string[]> {
  return withMigrationLock(db, async () => {
    const applied = await db.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  });
}

/**
 * Refuses to serve as a role row-level security does not bind: a superuser, a role with
 * BYPASSRLS, or the owner of any table (owners are exempt from their tables' policies).
 */
export async function assertBoundByRowSecurity(db: DataSource): Promise<void> {
  const [role]: { name: string; superuser: boolean; bypass: boolean; owned: number }[] = await db.query(
    `SELECT r.rolname AS name, r.rolsuper AS superuser, r.rolbypassrls AS bypass,
            (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname = 'public' AND pg_has_role(current_user, c.relowner, 'USAGE')) AS owned
       FROM pg_roles r WHERE r.rolname = current_user`,
  );
  if (!role || role.superuser || role.bypass || role.owned > 0) {
    throw new Error(
      `The database role ${role?.name ?? '(unknown)'} is not bound by row-level security (superuser, BYPASSRLS, or owner of tables). ` +
        'Connect the service as the application role; migrations use the owner URL.',
    );
  }
}
