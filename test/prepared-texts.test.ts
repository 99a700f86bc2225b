import { Registry } from 'prom-client';
import type { EntityManager } from 'typeorm';
import { DEMO_COUNTY } from '../demo/principals';
import { createLogger } from '../platform/logger';
import { ChildRow } from '../subgraphs/civil-affairs/child/child.entity';
import { listChildren } from '../subgraphs/civil-affairs/child/child.repository';
import { ChildStatus } from '../subgraphs/civil-affairs/child/child.type';
import { createDataSource } from '../subgraphs/shared/database';
import { PREPARED_TEXTS_PER_CONNECTION, runPreparedText } from '../subgraphs/shared/prepared-statement';
import { RequestTransaction, type RowScope } from '../subgraphs/shared/request-transaction';
import { system } from './support/system';

/**
 * The child list is built per request (filters, area arms) and prepared by its text (issue 14):
 * the same text, hence the same cached plan, serves every token with the same shape of filter. Attack:
 * one connection serves a county's token and its neighbour's, alternating on the one generic plan
 * they share (a request's transaction asks for it from the first run), on both ways the list is read (area arms, and the plain list a region filter
 * narrows); each must see only its own children. And a connection keeps a bounded number of them.
 */
const NEIGHBOUR = '360731';
const LIMITS = { statementTimeoutMs: 5000, lockTimeoutMs: 1000, idleInTransactionTimeoutMs: 5000, requestDeadlineMs: 10_000 };

function countyScope(county: string): RowScope {
  return { sub: `county-officer-${county}`, scopes: [], jurisdiction: [county], schools: [], partner: null, purpose: 'case-management' };
}

const window = (limit: number) => ({ limit, afterId: null, first: limit - 1, cursorOf: (id: string) => id });

const inCounty = (row: ChildRow, county: string) => row.residenceRegionCode === county || row.householdRegionCode === county;

describe('statements prepared by their text on a shared connection', () => {
  const db = createDataSource({
    url: system.databaseUrls.app['civil-affairs'],
    applicationName: 'prepared-texts-test',
    entities: [ChildRow],
    migrations: [],
    // One connection: every transaction below runs on the same backend and its prepared statements.
    poolSize: 1,
    registry: new Registry(),
    logger: createLogger('prepared-texts-test'),
  });
  const inTransaction = async <T>(county: string, work: (db: EntityManager) => Promise<T>): Promise<T> => {
    const transaction = await RequestTransaction.open(db, countyScope(county), LIMITS, createLogger('prepared-texts-test'));
    try {
      return await work(transaction.manager);
    } finally {
      await transaction.finish();
    }
  };
  const preparedNames = (manager: EntityManager): Promise<{ name: string; generic: number; custom: number }[]> =>
    manager.query(
      `SELECT name, generic_plans::int AS generic, custom_plans::int AS custom FROM pg_prepared_statements WHERE name LIKE 'by\\_text\\_%' ORDER BY name`,
    );

  beforeAll(() => db.initialize());
  afterAll(() => db.destroy());

  it('gives each county token only its own children, turn by turn, on the generic plan they share', async () => {
    for (const shape of ['county arms', 'plain list', 'filtered to the neighbour'] as const) {
      for (let round = 0; round < 8; round++) {
        for (const [county, other] of [
          [DEMO_COUNTY, NEIGHBOUR],
          [NEIGHBOUR, DEMO_COUNTY],
        ] as const) {
          await inTransaction(county, async (manager) => {
            // The plain list (and one narrowed to the neighbour's county): the policy alone must keep the neighbour's children out.
            const rows =
              shape === 'county arms'
                ? await listChildren(manager, {}, window(101), [{ level: 'county', code: county }])
                : await listChildren(manager, { status: ChildStatus.ACTIVE, regionPrefix: shape === 'plain list' ? null : other }, window(101), null);
            if (shape !== 'filtered to the neighbour') expect(rows.length).toBeGreaterThan(0);
            // Generic plans for the list alone: the request's other statements keep PostgreSQL's choice.
            expect(await manager.query('SHOW plan_cache_mode')).toEqual([{ plan_cache_mode: 'auto' }]);
            expect(rows.filter((row) => !inCounty(row, county))).toEqual([]);
            expect(rows[0] === undefined || rows[0] instanceof ChildRow).toBe(true);
          });
        }
      }
    }
    const prepared = await inTransaction(DEMO_COUNTY, preparedNames);
    // One text per shape, shared by both tokens, planned once: a request's transaction asks for the
    // generic plan from the first run (plan_cache_mode around it), so no run pays for planning the arms again.
    expect(prepared).toHaveLength(3);
    expect(prepared.every(({ generic, custom }) => generic > 0 && custom === 0)).toBe(true);
  });

  it('keeps at most its bound of texts on a connection, and runs an evicted one again', async () => {
    const text = (n: number) => `SELECT count(*)::int AS n FROM child WHERE residence_county = $1 OR ${n} < 0`;
    const run = (manager: EntityManager, n: number) => runPreparedText<{ n: number }>(manager, text(n), [DEMO_COUNTY]);
    const [expected] = await inTransaction(DEMO_COUNTY, (manager) => run(manager, 0));
    expect(expected.n).toBeGreaterThan(0);
    await inTransaction(DEMO_COUNTY, async (manager) => {
      for (let n = 1; n <= PREPARED_TEXTS_PER_CONNECTION + 8; n++) expect(await run(manager, n)).toEqual([expected]);
      expect((await preparedNames(manager)).length).toBe(PREPARED_TEXTS_PER_CONNECTION);
    });
    // A text that does not parse leaves nothing behind to deallocate later.
    await expect(inTransaction(DEMO_COUNTY, (manager) => runPreparedText(manager, 'SELECT FROM nowhere_at_all', []))).rejects.toThrow();
    await inTransaction(DEMO_COUNTY, async (manager) => {
      expect(await run(manager, 0)).toEqual([expected]);
      for (let n = 100; n < 100 + PREPARED_TEXTS_PER_CONNECTION; n++) await run(manager, n);
      expect((await preparedNames(manager)).length).toBe(PREPARED_TEXTS_PER_CONNECTION);
    });
  });
});
