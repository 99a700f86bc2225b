import { Client } from 'pg';
import { demoPrincipals } from '../demo/principals';
import { signDevToken } from '../demo/tokens';
import { regionChildren } from '../standards/regions';
import { timeRecording, timeRegionReports } from './region-report-timing';
import { startScratchSystem } from './scratch-system';

/**
 * `npm run bench:reports`: region reports at registry sizes the demo generator takes too long to
 * seed. It starts a fresh system with a small demo, then adds BENCH_REPORT_CHILDREN children
 * (default 100,000; 1,000,000 takes some minutes) straight into the registry's tables, spread over
 * every township of 安徽, each left-behind (both parents away) with a guardianship; times recording
 * the day's figures, then the province-wide report and a county's, read through the gateway as the
 * analyst. Figures only; it asserts nothing. Writing the tables directly is a benchmark's shortcut:
 * the figures count what is in them, however it got there.
 */
async function addChildren(owner: Client, children: number): Promise<void> {
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
                   p.county, p.county, p.township, 'bench:reports'
              FROM generated g JOIN place p ON p.i = 1 + g.s % $4
            RETURNING id),
          parents AS (INSERT INTO parent (child_id, role, away_since) SELECT id, role, date '2024-01-01' FROM added, unnest(ARRAY['FATHER', 'MOTHER']) role)
     INSERT INTO guardianship (child_id, form, recorded_by, since, version)
     SELECT id, CASE WHEN random() < 0.02 THEN 'ALONE' ELSE 'GRANDPARENTS' END, 'bench:reports', current_date, 1 FROM added`,
    [places.map(([county]) => county), places.map(([, township]) => township), children, places.length],
  );
  await owner.query('ANALYZE');
  console.log(`added ${children} children over ${places.length} townships in ${((performance.now() - start) / 1000).toFixed(1)} s`);
}

async function main() {
  const children = Number(process.env.BENCH_REPORT_CHILDREN ?? 100_000);
  const system = await startScratchSystem('bench-reports', 200);
  const owner = new Client({ connectionString: system.databaseUrls.owner['civil-affairs'] });
  try {
    await owner.connect();
    await addChildren(owner, children);
    for (let run = 1; run <= 3; run++) await timeRecording(owner, `over ${children} added children, run ${run}`);
    await timeRegionReports(system.gatewayUrl, await signDevToken(system.keys.idpPrivateKeyFile, demoPrincipals(2026).analyst));
  } finally {
    await owner.end();
    await system.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
