import type { Client } from 'pg';
import { withEducationScope } from './support/education-scope';
import { database } from './support/system';

/**
 * Issue 14, PostgreSQL CPU per dossier: the read policies of talks, enrolments and care
 * assignments test the child's school inline (migration 1764700500000, the view
 * `child_records_reach`) instead of calling a function per row. They must let every row scope see
 * exactly the rows the functions let it see, and the view must show a caller nothing beyond them.
 */
let owner: Client;
let app: Client;
/** Two counties with enrolled pupils: each one's code, a school there, a pupil with talks there, and a township of its pupils. */
let counties: { code: string; school: string; child: string; township: string | null }[];

/** What each table's read policies allowed before, as the functions answer (computed as the owner, who bypasses them). */
const BEFORE: Record<string, string> = {
  talk: `app_child_records_reachable(child_id) OR (app_has_local_jurisdiction() AND app_child_in_local_area(child_id))`,
  enrolment: `app_current_school_reachable(child_id) OR (app_has_local_jurisdiction() AND app_child_in_local_area(child_id))`,
  care_assignment: `app_school_reachable(school_id) OR (app_has_local_jurisdiction() AND app_child_in_local_area(child_id))`,
};

beforeAll(async () => {
  [owner, app] = await Promise.all([database('education'), database('education', 'app')]);
  const { rows } = await owner.query(
    `SELECT p.*, (SELECT min(r.residence_township_code::text) FROM registry_feed.child r WHERE r.residence_region_code = p.code) AS township
       FROM (SELECT s.region_code::text AS code, min(s.id::text) AS school, min(e.child_id::text) AS child, count(*) AS pupils
               FROM enrolment e JOIN school s ON s.id = e.school_id
              WHERE e.status = 'ENROLLED' AND EXISTS (SELECT 1 FROM talk t WHERE t.child_id = e.child_id)
              GROUP BY 1) p
      ORDER BY p.pupils DESC LIMIT 2`,
  );
  counties = rows;
  expect(counties).toHaveLength(2);
});

afterAll(async () => {
  await Promise.all([owner.end(), app.end()]);
});

const withScope = <T>(client: Client, jurisdiction: string, schools: string, work: () => Promise<T>) =>
  withEducationScope(client, jurisdiction, schools, work, 'inline-school-reach-test');

const ids = async (client: Client, sql: string): Promise<string[]> => (await client.query(sql)).rows[0].ids ?? [];

describe('school reach inline in the read policies', () => {
  it('shows each row scope exactly the talks, enrolments and care assignments the functions showed', async () => {
    const [home, neighbour] = counties as [(typeof counties)[0], (typeof counties)[0]];
    const scopes: [string, string][] = [
      [home.code, ''],
      [neighbour.code, ''],
      [home.code.slice(0, 2), ''],
      ...(home.township ? ([[home.township, '']] as [string, string][]) : []),
      ['11', ''],
      ['', home.school],
      ['', `${home.school},not-a-uuid`],
      ['', neighbour.school],
      ['', ''],
    ];
    for (const [jurisdiction, schools] of scopes) {
      for (const [table, before] of Object.entries(BEFORE)) {
        const seen = await withScope(app, jurisdiction, schools, () => ids(app, `SELECT array_agg(id::text ORDER BY id) AS ids FROM ${table}`));
        const allowed = await withScope(owner, jurisdiction, schools, () =>
          ids(owner, `SELECT array_agg(id::text ORDER BY id) AS ids FROM ${table} WHERE ${before}`),
        );
        expect({ jurisdiction, schools, table, seen }).toEqual({ jurisdiction, schools, table, seen: allowed });
        if (jurisdiction === home.code) expect(seen.length).toBeGreaterThan(0);
        if (jurisdiction === '11' || (jurisdiction === '' && schools === '')) expect(seen).toEqual([]);
      }
    }
  });

  it('a neighbouring county’s token reads none of a pupil’s talks, enrolments or school through the view; its own county’s does', async () => {
    const [home, neighbour] = counties as [(typeof counties)[0], (typeof counties)[0]];
    const reach = (jurisdiction: string) =>
      withScope(
        app,
        jurisdiction,
        '',
        async () => (await app.query(`SELECT school_id::text AS school FROM child_records_reach WHERE child_id = $1`, [home.child])).rows,
      );
    // The school the functions tie the pupil's records to (in the home county: the pupil is enrolled there).
    const school = (await owner.query(`SELECT child_school($1)::text AS school`, [home.child])).rows[0].school as string;
    expect(await reach(home.code)).toEqual([{ school }]);
    expect(await reach(neighbour.code)).toEqual([]);
    for (const table of ['talk', 'enrolment']) {
      const count = (jurisdiction: string) =>
        withScope(app, jurisdiction, '', async () => (await app.query(`SELECT count(*)::int AS n FROM ${table} WHERE child_id = $1`, [home.child])).rows[0].n);
      expect(await count(home.code)).toBeGreaterThan(0);
      expect(await count(neighbour.code)).toBe(0);
    }
    // Counting the view tells a caller with no reach nothing either.
    expect(await withScope(app, '', '', async () => (await app.query(`SELECT count(*)::int AS n FROM child_records_reach`)).rows[0].n)).toBe(0);
  });

  it('runs a caller’s failing condition only on the rows it reaches (security barrier): no error quoting a hidden school', async () => {
    const [home, neighbour] = counties as [(typeof counties)[0], (typeof counties)[0]];
    // The cast fails on any row it meets, and its error would quote the value: a neighbour's token must meet none of the home county's rows.
    const probe = (jurisdiction: string) =>
      withScope(app, jurisdiction, '', async () =>
        app.query(`SELECT 1 FROM child_records_reach WHERE child_id = $1 AND school_id::text::int > 0`, [home.child]),
      );
    expect((await probe(neighbour.code)).rows).toEqual([]);
    await expect(probe(home.code)).rejects.toThrow(/invalid input syntax for type integer/);
  });

  it('is the service’s alone, and writes keep the functions’ checks', async () => {
    const { rows } = await owner.query(
      `SELECT r.rolname, has_table_privilege(r.oid, 'child_records_reach', 'SELECT') AS may_read, has_table_privilege(r.oid, 'child_records_reach', 'INSERT') AS may_write
         FROM pg_roles r WHERE r.rolname IN ('education_app', 'education_feed') ORDER BY 1`,
    );
    expect(rows).toEqual([
      { rolname: 'education_app', may_read: true, may_write: false },
      { rolname: 'education_feed', may_read: false, may_write: false },
    ]);
    const policies = await owner.query(
      `SELECT polname, pg_get_expr(polqual, polrelid) AS using, pg_get_expr(polwithcheck, polrelid) AS checks FROM pg_policy
        WHERE polname IN ('talk_of_childs_school', 'enrolment_read', 'care_assignment_of_childs_school') ORDER BY 1`,
    );
    expect(policies.rows).toHaveLength(3);
    for (const policy of policies.rows) expect(policy.using).not.toMatch(/app_child_records_reachable|app_current_school_reachable|app_school_reachable/);
    expect(Object.fromEntries(policies.rows.map((policy) => [policy.polname, policy.checks]))).toEqual({
      care_assignment_of_childs_school: '(app_school_reachable(school_id) AND (school_id = child_school(child_id)))',
      enrolment_read: null,
      talk_of_childs_school: 'app_child_records_reachable(child_id)',
    });
  });
});
