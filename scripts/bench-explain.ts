import { Client } from 'pg';
import { startScratchSystem } from './scratch-system';

/**
 * `npm run bench:explain`: starts a fresh system with BENCH_CHILDREN demo children (default
 * 20,000) and prints PostgreSQL's `EXPLAIN (ANALYZE, BUFFERS)` of a page of the registry's child
 * list (`children(first: 20)`, id order) read as the service reads it: the application role, bound by
 * row-level security, with the row scope of a one-county, a one-township and a province token.
 * What to read: "Rows Removed by Filter" and the buffers: rows the policy looked at and threw away.
 * Figures only; it asserts nothing. BENCH_KEEP=1 keeps the system running for inspection (Ctrl-C).
 */
const PAGE = Number(process.env.BENCH_PAGE ?? 20);

const SCOPES = 'child:masked,child:basic,child:identity,child:family,child:welfare,audit:read';

async function main() {
  const children = Number(process.env.BENCH_CHILDREN ?? 20_000);
  const system = await startScratchSystem('bench-explain', children);
  try {
    const app = new Client({ connectionString: system.databaseUrls.app['civil-affairs'] });
    const owner = new Client({ connectionString: system.databaseUrls.owner['civil-affairs'] });
    await Promise.all([app.connect(), owner.connect()]);
    try {
      await owner.query('VACUUM ANALYZE child');
      // The demo's busiest county, one of its townships, and its province.
      const [place] = (
        await owner.query(
          `SELECT residence_region_code AS county, (SELECT residence_township_code FROM child t WHERE t.residence_region_code = c.residence_region_code
                     AND residence_township_code IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1) AS township, count(*)::int AS n
             FROM child c GROUP BY residence_region_code ORDER BY n DESC LIMIT 1`,
        )
      ).rows as { county: string; township: string | null; n: number }[];
      const total = (await owner.query('SELECT count(*)::int AS n FROM child')).rows[0].n as number;
      console.log(`\n${total} children in the registry; county ${place.county} has ${place.n} by residence.`);
      const tokens: [string, string][] = [
        [`one county (${place.county})`, place.county],
        ...(place.township ? ([[`one township (${place.township})`, place.township]] as [string, string][]) : []),
        [`a province (${place.county.slice(0, 2)})`, place.county.slice(0, 2)],
      ];
      for (const [label, jurisdiction] of tokens) {
        for (const [what, sql] of [
          [`first page of ${PAGE}`, `SELECT * FROM child WHERE status = 'ACTIVE' ORDER BY id LIMIT ${PAGE}`],
          [
            `a page of ${PAGE} halfway through the list`,
            `SELECT * FROM child WHERE status = 'ACTIVE' AND id > '80000000-0000-0000-0000-000000000000' ORDER BY id LIMIT ${PAGE}`,
          ],
        ] as const) {
          await app.query('BEGIN');
          try {
            await app.query(
              `SELECT set_config('app.sub', 'bench-explain', true), set_config('app.jurisdiction', $1, true), set_config('app.scopes', $2, true),
                      set_config('app.purpose', 'case-management', true)`,
              [jurisdiction, SCOPES],
            );
            // Once to warm the session (its first statement also loads the functions' plans), then explained.
            await app.query(sql);
            const plan = (await app.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY ON) ${sql}`)).rows
              .map((row: Record<string, string>) => row['QUERY PLAN'])
              // The policy's conditions run to thousands of characters: their start says which they are.
              .map((line) => `    ${line.length > 150 ? `${line.slice(0, 150)}…` : line}`)
              .join('\n');
            console.log(`\n${label}, ${what}:\n${plan}`);
          } finally {
            await app.query('ROLLBACK');
          }
        }
      }
    } finally {
      await Promise.all([app.end(), owner.end()]);
    }
    if (process.env.BENCH_KEEP === '1') {
      console.log(`\nkept running: ${JSON.stringify(system.databaseUrls)}`);
      await new Promise<void>((stop) => process.once('SIGINT', () => stop()));
    }
  } finally {
    await system.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
