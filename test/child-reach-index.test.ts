import { demoPrincipals } from '../demo/principals';
import { database } from './support/system';

/**
 * Issue 14: the registry's child read policy is written so that an index answers it (a county's
 * page is found without walking the registry), and it reaches by area exactly the children the
 * area rule (`app_in_area` on the household or the residence) reaches.
 */
const principals = demoPrincipals(2026);
const TOWNSHIP = principals['township-child-supervisor'].jurisdiction[0]!;
const VILLAGE = principals['child-director'].jurisdiction[0]!;

/** Runs `work` as the service's role with a row scope of this jurisdiction alone (no school, partner or care-worker row). */
async function asJurisdiction<T>(jurisdiction: string, work: (query: (sql: string) => Promise<Record<string, unknown>[]>) => Promise<T>): Promise<T> {
  const app = await database('civil-affairs', 'app');
  try {
    await app.query('BEGIN');
    await app.query(
      `SELECT set_config('app.sub', 'reach-index-test', true), set_config('app.jurisdiction', $1, true),
              set_config('app.scopes', 'child:basic,child:archive', true), set_config('app.purpose', 'case-management', true)`,
      [jurisdiction],
    );
    return await work(async (sql) => (await app.query(sql)).rows);
  } finally {
    await app.query('ROLLBACK').catch(() => undefined);
    await app.end();
  }
}

/** The children the area rule reaches for this jurisdiction, computed as the owner with the rule of 1764500000000. */
async function byAreaRule(jurisdiction: string): Promise<string[]> {
  const owner = await database('civil-affairs');
  try {
    await owner.query('BEGIN');
    await owner.query(`SELECT set_config('app.jurisdiction', $1, true)`, [jurisdiction]);
    const { rows } = await owner.query(
      `SELECT id FROM child WHERE app_in_area(household_region_code, household_township_code, household_village_code)
                                OR app_in_area(residence_region_code, residence_township_code, residence_village_code) ORDER BY id`,
    );
    return rows.map((row: { id: string }) => row.id);
  } finally {
    await owner.query('ROLLBACK').catch(() => undefined);
    await owner.end();
  }
}

describe('the child read policy', () => {
  it('can be answered by the area index: a township’s page needs no walk of the registry', async () => {
    const plan = await asJurisdiction(TOWNSHIP, async (query) => {
      // With sequential and plain index scans priced out, a policy no index can answer would still show a scan of every row.
      await query('SET LOCAL enable_seqscan = off');
      await query('SET LOCAL enable_indexscan = off');
      return (await query('EXPLAIN SELECT id FROM child ORDER BY id LIMIT 20')).map((row) => row['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('Bitmap Index Scan on child_reach_areas_idx');
    expect(plan).not.toMatch(/Seq Scan on child\b/);
  });

  it.each([
    ['a province', '34'],
    ['a city', '3413'],
    ['a county', '341322'],
    ['a township', TOWNSHIP],
    ['a village', VILLAGE],
    ['a prefix that is no division (3 digits)', '341'],
    ['two counties', '341322,341321'],
    ['another province', '11'],
  ])('reaches by area exactly the children the area rule reaches: %s', async (_label, jurisdiction) => {
    const expected = await byAreaRule(jurisdiction);
    const seen = await asJurisdiction(jurisdiction, async (query) => (await query('SELECT id FROM child ORDER BY id')).map((row) => row.id as string));
    expect(seen).toEqual(expected);
    if (jurisdiction.startsWith('34')) expect(seen.length).toBeGreaterThan(0);
  });

  it('reaches nothing through an empty jurisdiction element (the old rule read one as a prefix of every code)', async () => {
    expect(await asJurisdiction(',', async (query) => (await query('SELECT count(*)::int AS n FROM child'))[0].n)).toBe(0);
  });
});
