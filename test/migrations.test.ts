import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Registry } from 'prom-client';
import { createLogger } from '../platform/logger';
import { NationalIdCipher } from '../subgraphs/civil-affairs/national-id-cipher';
import { civilAffairsSubgraph } from '../subgraphs/civil-affairs/subgraph';
import { educationSubgraph } from '../subgraphs/education/subgraph';
import { verifyChain } from '../subgraphs/shared/audit/audit-chain';
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

  it('partitions the access log by month and back (up and down keep every entry and the chain), and an append creates the next month’s partition', async () => {
    const db = await dataSource().initialize();
    const client = new Client({ connectionString: url });
    await client.connect();
    const append = (requestId: string, children: number) =>
      client.query(`SELECT append_access_log($1, 'test:reader', 'test', 'case-management', $2::jsonb)`, [
        requestId,
        JSON.stringify(Array.from({ length: children }, () => ({ childId: randomUUID(), action: 'READ', categories: ['child:basic'] }))),
      ]);
    const kind = async () => (await client.query(`SELECT relkind FROM pg_class WHERE oid = 'access_log'::regclass`)).rows[0].relkind;
    const partitions = async () =>
      (
        await client.query(
          `SELECT c.relname, c.relrowsecurity, pg_get_expr(c.relpartbound, c.oid) AS bound FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
            WHERE i.inhparent = 'access_log'::regclass ORDER BY c.relname`,
        )
      ).rows as { relname: string; relrowsecurity: boolean; bound: string }[];
    try {
      await migrate(db);
      // The partitioning and every migration after it, undone and redone (their down() and up() run).
      const names = definition.migrations.map((migration) => new migration().name);
      const from = names.indexOf('AccessLogPartitions1764600000000');
      expect(from).toBeGreaterThan(0);
      const undo = async () => {
        for (let index = names.length - 1; index >= from; index--) await db.undoLastMigration({ transaction: 'each' });
      };

      // Down: a plain table again, as the migration before left it; entries appended there...
      await undo();
      expect(await kind()).toBe('r');
      await append('before', 3);
      // ...move into the monthly partitions on the way up, and the chain goes on from them.
      expect(await migrate(db)).toEqual(names.slice(from));
      expect(await kind()).toBe('p');
      await append('after', 2);
      expect(await verifyChain(client)).toMatchObject({ entries: 5, brokenAt: null });
      const made = await partitions();
      // This month and the next at least; each bound by row-level security (no policy: reached only through the table).
      expect(made.length).toBeGreaterThanOrEqual(2);
      for (const partition of made) expect(partition.relrowsecurity).toBe(true);

      // Without next month's partition, the next append creates it before writing.
      const next = made[made.length - 1];
      const nextFrom = /FROM \('([^']+)'\)/.exec(next.bound)![1];
      await client.query(`DROP TABLE ${next.relname}`);
      await client.query(`UPDATE access_log_head SET partitions_until = $1::timestamptz`, [nextFrom]);
      await append('ahead', 1);
      expect((await partitions()).map((partition) => partition.relname)).toEqual(made.map((partition) => partition.relname));
      // An update aimed at a partition directly is refused like one through the table.
      await expect(client.query(`UPDATE ${made[0].relname} SET actor = 'someone else'`)).rejects.toThrow(/append-only/);

      await undo();
      expect(await kind()).toBe('r');
      expect(await verifyChain(client)).toMatchObject({ entries: 6, brokenAt: null });
      expect(await migrate(db)).toEqual(names.slice(from));
      expect(await verifyChain(client)).toMatchObject({ entries: 6, brokenAt: null });
    } finally {
      await client.end();
      await db.destroy();
    }
  });
});
