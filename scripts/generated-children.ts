import type { Client } from 'pg';
import { regionChildren } from '../standards/regions';

/**
 * Adds `children` children straight into civil affairs' tables (as the owner), spread evenly over
 * every township of 安徽, each left-behind (both parents away) with a guardianship: for benchmarks at
 * registry sizes the demo generator takes too long to seed (1,000,000 in some minutes). Writing the
 * tables directly is a benchmark's shortcut: the figures count what is in them, however it got there.
 * Returns the number of townships they were spread over.
 */
export async function addGeneratedChildren(owner: Client, children: number, createdBy: string): Promise<number> {
  const places = regionChildren('340000').flatMap((city) =>
    regionChildren(city).flatMap((county) => regionChildren(county).map((township) => [county, township])),
  );
  const start = performance.now();
  await owner.query(
    `WITH place AS (SELECT * FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS p(county, township, i)),
          generated AS (SELECT gen_random_uuid() AS id, s FROM generate_series(1, $3::int) s),
          added AS (
            INSERT INTO child (id, name, gender, birth_date, household_region_code, residence_region_code, residence_township_code, created_by)
            SELECT g.id, '生成儿童', CASE WHEN g.s % 2 = 0 THEN 'MALE' ELSE 'FEMALE' END, date '2012-01-01' + (g.s % 3000),
                   p.county, p.county, p.township, $5
              FROM generated g JOIN place p ON p.i = 1 + g.s % $4
            RETURNING id),
          parents AS (INSERT INTO parent (child_id, role, away_since) SELECT id, role, date '2024-01-01' FROM added, unnest(ARRAY['FATHER', 'MOTHER']) role)
     INSERT INTO guardianship (child_id, form, recorded_by, since, version)
     SELECT id, CASE WHEN random() < 0.02 THEN 'ALONE' ELSE 'GRANDPARENTS' END, $5, current_date, 1 FROM added`,
    [places.map(([county]) => county), places.map(([, township]) => township), children, places.length, createdBy],
  );
  await owner.query('ANALYZE');
  console.log(`added ${children} children over ${places.length} townships in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  return places.length;
}
