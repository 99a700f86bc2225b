import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { withEducationScope } from './support/education-scope';
import { database } from './support/system';

/**
 * Issue 14, PostgreSQL CPU per dossier: education's rule that a child's talks, enrolments and
 * records follow the child's school (`app_child_records_reachable`) became one call instead of
 * two (migration 1764700000001). It must answer exactly as the two did, for every child and
 * every kind of row scope, and stay the service's alone.
 */
let owner: Client;
/** Two counties with enrolled pupils: each one's code, a school there, and a pupil with talks there. */
let counties: { code: string; school: string; child: string }[];

beforeAll(async () => {
  owner = await database('education');
  const { rows } = await owner.query(
    `SELECT s.region_code::text AS code, min(s.id::text) AS school, min(e.child_id::text) AS child
       FROM enrolment e JOIN school s ON s.id = e.school_id
      WHERE e.status = 'ENROLLED' AND EXISTS (SELECT 1 FROM talk t WHERE t.child_id = e.child_id)
      GROUP BY 1 ORDER BY count(*) DESC LIMIT 2`,
  );
  counties = rows;
  expect(counties).toHaveLength(2);
});

afterAll(async () => {
  await owner.end();
});

const withScope = <T>(client: Client, jurisdiction: string, schools: string, work: () => Promise<T>) =>
  withEducationScope(client, jurisdiction, schools, work, 'school-record-reach-test');

describe('app_child_records_reachable, in one call', () => {
  it('answers as app_school_reachable(child_school(child)) did, for every child and row scope', async () => {
    const [home, neighbour] = counties as [(typeof counties)[0], (typeof counties)[0]];
    const scopes: [string, string][] = [
      [home.code, ''],
      [neighbour.code, ''],
      [home.code.slice(0, 2), ''],
      ['11', ''],
      ['', home.school],
      ['', `${home.school},not-a-uuid`],
      ['', ''],
    ];
    for (const [jurisdiction, schools] of scopes) {
      const { rows } = await withScope(owner, jurisdiction, schools, () =>
        owner.query(
          `WITH children AS (SELECT child_id FROM enrolment UNION SELECT child_id FROM talk UNION SELECT $1::uuid)
           SELECT count(*)::int AS children, count(*) FILTER (WHERE app_child_records_reachable(child_id))::int AS reached,
                  count(*) FILTER (WHERE app_child_records_reachable(child_id) IS DISTINCT FROM app_school_reachable(child_school(child_id)))::int AS differing
             FROM children`,
          [randomUUID()],
        ),
      );
      expect(rows[0]).toMatchObject({ differing: 0 });
      if (jurisdiction === home.code) expect(rows[0].reached).toBeGreaterThan(0);
      if (jurisdiction === '11' || (jurisdiction === '' && schools === '')) expect(rows[0].reached).toBe(0);
    }
  });

  it('a neighbouring county’s token reads none of a pupil’s talks or enrolments; its own county’s does', async () => {
    const [home, neighbour] = counties as [(typeof counties)[0], (typeof counties)[0]];
    const app = await database('education', 'app');
    try {
      const count = (jurisdiction: string, table: string) =>
        withScope(app, jurisdiction, '', async () => (await app.query(`SELECT count(*)::int AS n FROM ${table} WHERE child_id = $1`, [home.child])).rows[0].n);
      for (const table of ['talk', 'enrolment']) {
        expect(await count(home.code, table)).toBeGreaterThan(0);
        expect(await count(neighbour.code, table)).toBe(0);
      }
    } finally {
      await app.end();
    }
  });

  it('is the service’s alone: the feed role may not call it', async () => {
    const { rows } = await owner.query(
      `SELECT r.rolname, has_function_privilege(r.oid, 'app_child_records_reachable(uuid)', 'EXECUTE') AS may
         FROM pg_roles r WHERE r.rolname IN ('education_app', 'education_feed') ORDER BY 1`,
    );
    expect(rows).toEqual([
      { rolname: 'education_app', may: true },
      { rolname: 'education_feed', may: false },
    ]);
  });
});
