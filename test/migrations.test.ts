import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { Registry } from 'prom-client';
import { createLogger } from '../platform/logger';
import { NationalIdCipher } from '../subgraphs/civil-affairs/national-id-cipher';
import { civilAffairsSubgraph } from '../subgraphs/civil-affairs/subgraph';
import { educationSubgraph } from '../subgraphs/education/subgraph';
import { createDataSource, migrate } from '../subgraphs/shared/database';
import type { SubgraphDefinition } from '../subgraphs/shared/subgraph-server';
import { womensFederationSubgraph } from '../subgraphs/womens-federation/subgraph';
import { system } from './support/system';

const definitions: SubgraphDefinition<unknown>[] = [
  civilAffairsSubgraph(new NationalIdCipher(randomBytes(32), randomBytes(32))),
  educationSubgraph(),
  womensFederationSubgraph(),
];

/** The schema of each database comes from its committed migrations, and only from them. */
describe.each(definitions.map((definition) => [definition.name, definition] as const))('%s migrations', (_name, definition) => {
  const database = `migration_check_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: system.superuserUrl! });
  let url: string;

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    const target = new URL(system.superuserUrl!);
    target.pathname = `/${database}`;
    url = target.toString();
  });

  afterAll(async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  });

  function dataSource() {
    return createDataSource({
      url,
      applicationName: 'migration-test',
      entities: definition.entities,
      migrations: definition.migrations,
      registry: new Registry(),
      logger: createLogger('migration-test', 'silent'),
    });
  }

  it('starts from an empty database, creates every table, and then matches the entities exactly', async () => {
    const db = await dataSource().initialize();
    try {
      expect(db.options.synchronize).toBe(false);
      const before = await db.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`);
      expect(before[0].n).toBe(0);

      const applied = await migrate(db);
      expect(applied).toEqual(definition.migrations.map((migration) => new migration().name));

      const tables: { table_name: string }[] = await db.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
      );
      const names = tables.map((table) => table.table_name);
      for (const entity of db.entityMetadatas.filter((metadata) => metadata.tableType === 'regular')) {
        expect(names).toContain(entity.tableName);
      }
      expect(names).toContain('idempotency_key');

      // What `synchronize` would still change in tables and columns: nothing, if the migrations
      // built every column the code maps, with its type and nullability. (Checks, indexes and
      // defaults live in the SQL migrations alone, so TypeORM would drop them: not drift.)
      const pending = await db.driver.createSchemaBuilder().log();
      const drift = pending.upQueries.map((query) => query.query).filter((sql) => !/DROP CONSTRAINT|DROP INDEX|DROP DEFAULT|typeorm_metadata/.test(sql));
      expect(drift).toEqual([]);

      expect(await migrate(db)).toEqual([]);
    } finally {
      await db.destroy();
    }
  });
});
