import { Registry } from 'prom-client';
import { DEMO_COUNTY } from '../demo/principals';
import { createLogger } from '../platform/logger';
import { ClassificationRow } from '../subgraphs/civil-affairs/classification/classification.entity';
import { findClassificationsByChildIds } from '../subgraphs/civil-affairs/classification/classification.repository';
import { GuardianshipRow } from '../subgraphs/civil-affairs/guardianship/guardianship.entity';
import { findCurrentGuardianshipsByChildIds } from '../subgraphs/civil-affairs/guardianship/guardianship.repository';
import { ParentRow } from '../subgraphs/civil-affairs/parent/parent.entity';
import { findParentsByChildIds } from '../subgraphs/civil-affairs/parent/parent.repository';
import { createDataSource } from '../subgraphs/shared/database';
import { RequestTransaction, type RowScope } from '../subgraphs/shared/request-transaction';
import { gqlData, system, type Connection } from './support/system';

/**
 * The dossier's hot batches are named prepared statements (issue 14), parsed once per pooled
 * connection and, after a few runs, kept with a generic plan. Attack: the same connection serves
 * one county's token, then a neighbouring county's, alternating past the point where PostgreSQL
 * switches to the cached plan; each must get only its own rows, as the service runs them.
 */
const NEIGHBOUR = '360731';
const LIMITS = { statementTimeoutMs: 5000, lockTimeoutMs: 1000, idleInTransactionTimeoutMs: 5000, requestDeadlineMs: 10_000 };

function countyScope(county: string): RowScope {
  return { sub: `county-officer-${county}`, scopes: [], jurisdiction: [county], schools: [], partner: null, purpose: 'case-management' };
}

async function childOf(county: string): Promise<string> {
  const page = await gqlData<{ children: Connection<{ id: string; residenceRegionCode: string; householdRegionCode: string; guardianship: unknown }> }>(
    `query ($p: String) { children(first: 100, filter: { regionPrefix: $p, status: ACTIVE }) { edges { node { id residenceRegionCode householdRegionCode guardianship { form } } } } }`,
    { p: county },
  );
  const child = page.children.edges
    .map((edge) => edge.node)
    .find((node) => node.residenceRegionCode === county && node.householdRegionCode === county && node.guardianship);
  if (!child) throw new Error(`no child wholly of ${county} with a guardianship in the demo data`);
  return child.id;
}

describe('prepared statements on a shared connection', () => {
  const db = createDataSource({
    url: system.databaseUrls.app['civil-affairs'],
    applicationName: 'prepared-statements-test',
    entities: [ParentRow, GuardianshipRow, ClassificationRow],
    migrations: [],
    // One connection: every transaction below runs on the same backend and its cached statements.
    poolSize: 1,
    registry: new Registry(),
    logger: createLogger('prepared-statements-test'),
  });
  let own: string;
  let neighbours: string;

  beforeAll(async () => {
    await db.initialize();
    [own, neighbours] = await Promise.all([childOf(DEMO_COUNTY), childOf(NEIGHBOUR)]);
  });
  afterAll(() => db.destroy());

  it('returns only the running token’s rows, turn by turn, past the switch to a cached plan', async () => {
    const backends = new Set<number>();
    for (let round = 0; round < 8; round++) {
      for (const [county, expected, hidden] of [
        [DEMO_COUNTY, own, neighbours],
        [NEIGHBOUR, neighbours, own],
      ] as const) {
        const transaction = await RequestTransaction.open(db, countyScope(county), LIMITS, createLogger('prepared-statements-test'));
        try {
          const ids = [own, neighbours];
          const [parents, classifications, guardianships] = [
            await findParentsByChildIds(transaction.manager, ids),
            await findClassificationsByChildIds(transaction.manager, ids),
            await findCurrentGuardianshipsByChildIds(transaction.manager, ids),
          ];
          for (const rows of [parents, classifications, guardianships]) {
            expect(rows.length).toBeGreaterThan(0);
            expect(rows.every((row) => row.childId === expected)).toBe(true);
            expect(rows.some((row) => row.childId === hidden)).toBe(false);
          }
          // Hydrated as TypeORM would: entity instances with their typed fields.
          expect(guardianships[0]).toBeInstanceOf(GuardianshipRow);
          expect(typeof guardianships[0].version).toBe('number');
          expect(guardianships[0].recordedAt).toBeInstanceOf(Date);
          const [{ pid, prepared }]: { pid: number; prepared: string[] }[] = await transaction.manager.query(
            `SELECT pg_backend_pid() AS pid, array(SELECT name FROM pg_prepared_statements ORDER BY name)::text[] AS prepared`,
          );
          backends.add(pid);
          // They really are the connection's named prepared statements, reused each turn.
          expect(prepared).toEqual(expect.arrayContaining(['classification_by_child_ids', 'current_guardianships_by_child_ids', 'parents_by_child_ids']));
        } finally {
          await transaction.finish();
        }
      }
    }
    expect(backends.size).toBe(1);
  });
});
