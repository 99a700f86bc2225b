import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { database } from './support/system';

/**
 * Issue 14, PostgreSQL CPU per dossier: the civil-affairs row-security helpers changed form
 * (migration 1764700000000). `area_prefixes` became an expression the planner inlines, and the
 * policies of the tables read through their child (parents, guardianship, the child records) test
 * `EXISTS` over `child` in the statement instead of calling the plpgsql `app_child_visible` per row.
 * Who sees what must not change: these tests hold the new forms to the old ones.
 */
const CHILD_TABLES = ['parent', 'guardianship', 'difficulty_category', 'benefit', 'guardianship_verification', 'reentrustment_notice', 'file_review'];

/** Runs `work` as the service's role with a row scope of this jurisdiction alone. */
async function asJurisdiction<T>(jurisdiction: string, work: (app: Client) => Promise<T>): Promise<T> {
  const app = await database('civil-affairs', 'app');
  try {
    await app.query('BEGIN');
    await app.query(
      `SELECT set_config('app.sub', 'child-record-reach-test', true), set_config('app.jurisdiction', $1, true),
              set_config('app.scopes', 'child:basic,child:family,child:welfare', true), set_config('app.purpose', 'case-management', true)`,
      [jurisdiction],
    );
    return await work(app);
  } finally {
    await app.query('ROLLBACK').catch(() => undefined);
    await app.end();
  }
}

/** Each table's rows (child id and a row key), sorted, as a list of strings. */
async function rowsOf(client: Client, table: string, children: string[] | null): Promise<string[]> {
  const { rows } = await client.query(
    `SELECT child_id::text || '/' || md5(t::text) AS row FROM ${table} t WHERE $1::uuid[] IS NULL OR child_id = ANY ($1::uuid[]) ORDER BY 1`,
    [children],
  );
  return rows.map((row: { row: string }) => row.row);
}

let owner: Client;
/** The demo's two busiest counties by residence: each one's children, and a token of the other. */
let counties: { code: string; child: string }[];

beforeAll(async () => {
  owner = await database('civil-affairs');
  const { rows } = await owner.query(
    `SELECT residence_region_code AS code, min(id::text) AS child FROM child
      WHERE status = 'ACTIVE' AND household_region_code = residence_region_code AND EXISTS (SELECT 1 FROM parent p WHERE p.child_id = child.id)
      GROUP BY 1 ORDER BY count(*) DESC LIMIT 2`,
  );
  counties = rows;
  expect(counties).toHaveLength(2);
});

afterAll(async () => {
  await owner.end();
});

describe('area_prefixes, inlined', () => {
  it('has the value of the old aggregate for every child’s places and for odd codes', async () => {
    const { rows } = await owner.query(
      `WITH codes AS (
         SELECT coalesce(household_village_code, household_township_code, household_region_code)::text AS code FROM child
         UNION SELECT coalesce(residence_village_code, residence_township_code, residence_region_code)::text FROM child
         UNION SELECT unnest(ARRAY[NULL, '', '3', '34', '341', '341322', '341322100', '341322100201', '3413221002011', '34 ', '3413221002011234567'])
       )
       SELECT count(*)::int AS codes, count(*) FILTER (WHERE area_prefixes(code) IS DISTINCT FROM area_prefixes_by_series(code))::int AS differing FROM codes`,
    );
    expect(rows[0].codes).toBeGreaterThan(10);
    expect(rows[0].differing).toBe(0);
  });

  it('is inlined: the child read policy calls no function per row for the area', async () => {
    const plan = await asJurisdiction(counties[0]!.code, async (app) =>
      (await app.query(`EXPLAIN (VERBOSE) SELECT id FROM child WHERE id = $1`, [counties[0]!.child])).rows.map((row) => row['QUERY PLAN']).join('\n'),
    );
    expect(plan).not.toContain('area_prefixes(');
    expect(plan).toContain('"left"(');
  });
});

describe('rows read through their child', () => {
  it.each(CHILD_TABLES)('%s: a county token reads exactly the rows of the children it sees', async (table) => {
    for (const { code } of counties) {
      const { seen, visible } = await asJurisdiction(code, async (app) => {
        const children = (await app.query('SELECT id FROM child')).rows.map((row: { id: string }) => row.id);
        return { seen: await rowsOf(app, table, null), visible: children };
      });
      expect(visible.length).toBeGreaterThan(0);
      expect(seen).toEqual(await rowsOf(owner, table, visible));
    }
  });

  it('a neighbouring county’s token reads none of a child’s parents or guardianship, its own county’s token does', async () => {
    const [home, neighbour] = counties as [{ code: string; child: string }, { code: string; child: string }];
    for (const table of ['parent', 'guardianship']) {
      const own = await asJurisdiction(home.code, (app) => rowsOf(app, table, [home.child]));
      const other = await asJurisdiction(neighbour.code, (app) => rowsOf(app, table, [home.child]));
      expect(own).toEqual(await rowsOf(owner, table, [home.child]));
      if (table === 'parent') expect(own.length).toBeGreaterThan(0);
      expect(other).toEqual([]);
    }
  });

  it('a neighbouring county’s token can neither add a parent to the child nor change one', async () => {
    const [home, neighbour] = counties as [{ code: string; child: string }, { code: string; child: string }];
    await asJurisdiction(neighbour.code, async (app) => {
      await app.query('SAVEPOINT attempt');
      await expect(app.query(`INSERT INTO parent (child_id, role, name) VALUES ($1, 'FATHER', $2)`, [home.child, randomUUID().slice(0, 8)])).rejects.toThrow(
        /row-level security/,
      );
      await app.query('ROLLBACK TO SAVEPOINT attempt');
      const updated = await app.query(`UPDATE parent SET phone = '000' WHERE child_id = $1`, [home.child]);
      expect(updated.rowCount).toBe(0);
    });
  });
});
