import { randomUUID } from 'node:crypto';
import { Client, escapeLiteral } from 'pg';
import { processCpuSeconds } from './process-cpu';
import { ChildPageStatement } from './child-page-statement';
import { addGeneratedChildren } from './generated-children';
import { startScratchSystem } from './scratch-system';

/**
 * `npm run bench:explain`: starts a fresh system with BENCH_CHILDREN demo children (default
 * 20,000) and prints PostgreSQL's `EXPLAIN (ANALYZE, BUFFERS)` of a page of the registry's child
 * list (`children(first: 20)`, id order) read as the service reads it: the application role, bound by
 * row-level security, with the row scope of a one-county, one-township, one-village, one-city and a
 * province token, each also as the single statement the list sent before the area arms.
 * What to read: "Rows Removed by Filter" and the buffers: rows the policy looked at and threw away.
 * BENCH_EXPLAIN_CHILDREN adds that many children in SQL over 安徽's townships first
 * (generated-children.ts; 1,000,000 for issue 14's "rows scale with the page": the busiest county
 * then holds about 1 % of the registry, a township 0.06 %).
 * Then the access-log append's time on an empty log and with a long history (below; BENCH_LOG_ENTRIES=0 skips it).
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
      const generated = Number(process.env.BENCH_EXPLAIN_CHILDREN ?? 0);
      if (generated > 0) await addGeneratedChildren(owner, generated, 'bench:explain');
      // The demo's busiest county, its busiest township, a village of it, its city and its province.
      const [place] = (
        await owner.query(
          `SELECT residence_region_code AS county, (SELECT residence_township_code FROM child t WHERE t.residence_region_code = c.residence_region_code
                     AND residence_township_code IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1) AS township, count(*)::int AS n
             FROM child c GROUP BY residence_region_code ORDER BY n DESC LIMIT 1`,
        )
      ).rows as { county: string; township: string | null; n: number }[];
      const village = place.township ? await busiestVillage(owner, place.township) : null;
      const [smaller] = (await owner.query(`SELECT left(residence_region_code, 2) AS province, count(*)::int AS n FROM child GROUP BY 1 ORDER BY n, 1 LIMIT 1`))
        .rows as { province: string; n: number }[];
      await owner.query('VACUUM ANALYZE child');
      const total = (await owner.query('SELECT count(*)::int AS n FROM child')).rows[0].n as number;
      console.log(`\n${total} children in the registry; county ${place.county} has ${place.n} by residence.`);
      const tokens: [string, string][] = [
        [`one county (${place.county})`, place.county],
        ...(place.township ? ([[`one township (${place.township})`, place.township]] as [string, string][]) : []),
        ...(village ? ([[`one village (${village.code}, ${village.n} children)`, village.code]] as [string, string][]) : []),
        [`one city (${place.county.slice(0, 4)})`, place.county.slice(0, 4)],
        [`a province (${place.county.slice(0, 2)})`, place.county.slice(0, 2)],
        // A province holding a small share of the registry, as each does of a national one.
        [`a smaller province (${smaller.province}, ${smaller.n} children)`, smaller.province],
      ];
      const statements = new ChildPageStatement(system.databaseUrls.app['civil-affairs']);
      await statements.open();
      try {
        // Each token also as every page was read before the area arms (1764700200000, 1764700450000): the single statement.
        for (const [label, jurisdiction, singleStatement] of tokens.flatMap(([label, jurisdiction]) => [
          [`${label}, the single statement of before`, jurisdiction, true] as const,
          [label, jurisdiction, false] as const,
        ])) {
          for (const [what, afterId] of [
            [`first page of ${PAGE}`, null],
            [`a page of ${PAGE} halfway through the list`, '80000000-0000-0000-0000-000000000000'],
          ] as const) {
            const [sql, parameters] = await statements.of(jurisdiction, PAGE, afterId, singleStatement);
            await app.query('BEGIN');
            try {
              await app.query(
                `SELECT set_config('app.sub', 'bench-explain', true), set_config('app.jurisdiction', $1, true), set_config('app.scopes', $2, true),
                        set_config('app.purpose', 'case-management', true),
                        -- The service sends the list prepared (by its text) and, after five runs on a
                        -- connection, runs it on its generic plan: explain that one.
                        set_config('plan_cache_mode', 'force_generic_plan', true)`,
                [jurisdiction, SCOPES],
              );
              // Once to warm the session (its first statement also loads the functions' plans), then explained.
              await app.query(sql, parameters);
              // Prepared as the service prepares it, and explained on the plan it then keeps (the generic one).
              await app.query(`PREPARE listed AS ${sql}`);
              // EXPLAIN EXECUTE takes no parameters of its own: the values go as literals.
              const literal = (value: unknown): string =>
                value === null || value === undefined
                  ? 'NULL'
                  : Array.isArray(value)
                    ? `ARRAY[${value.map(literal).join(', ')}]`
                    : escapeLiteral(String(value));
              const args = parameters.map(literal).join(', ');
              const lines = (
                await app.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY ON) EXECUTE listed${args ? `(${args})` : ''}`)
              ).rows.map((row: Record<string, string>) => row['QUERY PLAN']);
              const plan = lines
                // The policy's conditions run to thousands of characters: their start says which they are.
                .map((line) => `    ${line.length > 150 ? `${line.slice(0, 150)}…` : line}`)
                .join('\n');
              console.log(`\n${label}, ${what}:\n${plan}\n  ${readSummary(lines)}`);
            } finally {
              await app.query('ROLLBACK');
              // A prepared statement outlives its transaction.
              await app.query('DEALLOCATE ALL');
            }
          }
        }
      } finally {
        await statements.close();
      }
      await appendWithHistory(app, owner);
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

/**
 * The township's most populated residence village. The generated children have none: then its
 * children are spread over ten villages of it first (as the owner, so the stored areas follow).
 */
async function busiestVillage(owner: Client, township: string): Promise<{ code: string; n: number }> {
  const busiest = async () =>
    (
      await owner.query(
        `SELECT residence_village_code AS code, count(*)::int AS n FROM child WHERE residence_township_code = $1 AND residence_village_code IS NOT NULL
          GROUP BY 1 ORDER BY n DESC LIMIT 1`,
        [township],
      )
    ).rows[0] as { code: string; n: number } | undefined;
  const found = await busiest();
  if (found && found.n >= PAGE) return found;
  await owner.query(
    `UPDATE child SET residence_village_code = $1 || (201 + abs(hashtext(id::text)) % 10)::text WHERE residence_township_code = $1 AND residence_village_code IS NULL`,
    [township],
  );
  return (await busiest())!;
}

/** What the plan read in all: rows its scans returned or threw away, and the buffers of its top node (which include its children's). */
function readSummary(lines: string[]): string {
  const sum = (pattern: RegExp) => lines.reduce((total, line) => total + Number(line.match(pattern)?.[1] ?? 0), 0);
  const scanned = lines
    .filter((line) => /Scan/.test(line) && !/Bitmap Index Scan/.test(line))
    .reduce((total, line) => total + Number(line.match(/rows=(\d+)/)?.[1] ?? 0) * Number(line.match(/loops=(\d+)/)?.[1] ?? 1), 0);
  const buffers = lines.find((line) => /Buffers:/.test(line)) ?? '';
  const blocks = [...buffers.matchAll(/(?:hit|read)=(\d+)/g)].reduce((total, [, n]) => total + Number(n), 0);
  return `=> rows returned by table scans ${scanned}, removed by filters ${sum(/Rows Removed by Filter: (\d+)/) + sum(/Rows Removed by Index Recheck: (\d+)/)}, buffers ${blocks}`;
}

/**
 * The access-log append of a page's 20 entries (and its COMMIT, in one round trip as the service
 * sends it), median of 200, on the empty log and again after BENCH_LOG_ENTRIES entries (default
 * 1,000,000) of history spread over the twelve months before this one: the append writes only into
 * this month's partition, so the history should not show.
 */
async function appendWithHistory(app: Client, owner: Client): Promise<void> {
  const history = Number(process.env.BENCH_LOG_ENTRIES ?? 1_000_000);
  if (history <= 0) return;
  const entries = () =>
    JSON.stringify(
      Array.from({ length: 20 }, () => ({
        childId: randomUUID(),
        action: 'READ',
        categories: ['child:basic', 'child:family', 'child:identity', 'child:masked'],
      })),
    );
  // The backend's own CPU per append (what the append adds to PostgreSQL's CPU per request) beside the wall-clock median.
  const backend = (await app.query('SELECT pg_backend_pid() AS pid')).rows[0].pid as number;
  const median = async () => {
    const timings: number[] = [];
    const cpuBefore = processCpuSeconds(backend);
    for (let run = 0; run < 200; run++) {
      await app.query('BEGIN');
      const statement = `SELECT append_access_log('bench', 'bench', 'bench', 'case-management', ${escapeLiteral(entries())}::jsonb); COMMIT`;
      const start = performance.now();
      await app.query(statement);
      timings.push(performance.now() - start);
    }
    const cpuAfter = processCpuSeconds(backend);
    const cpu = cpuBefore === null || cpuAfter === null ? 'n/a' : `${(((cpuAfter - cpuBefore) * 1000) / 200).toFixed(2)} ms`;
    return `${timings.sort((a, b) => a - b)[100]!.toFixed(2)} ms (backend CPU ${cpu} per append)`;
  };
  console.log(`\nAccess-log append of 20 entries with its COMMIT (median of 200), civil affairs:`);
  console.log(`  this month's entries only: ${await median()}`);
  const started = performance.now();
  await owner.query(`
    DO $$
    DECLARE
      v_month timestamptz := date_trunc('month', now(), 'UTC') - interval '12 months';
    BEGIN
      WHILE v_month < date_trunc('month', now(), 'UTC') LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relname = 'access_log_' || to_char(v_month AT TIME ZONE 'UTC', 'YYYY_MM')) THEN
          PERFORM access_log_add_partition(v_month);
        END IF;
        v_month := v_month + interval '1 month';
      END LOOP;
    END $$`);
  // History as the owner writes it in bulk (the chain is not what is measured here).
  await owner.query(
    `INSERT INTO access_log
       SELECT nextval('access_log_seq'), date_trunc('month', now(), 'UTC') - interval '12 months' + (i::float8 / $1) * interval '360 days',
              'history-' || (i / 20), 'bench', 'bench', 'case-management', 'READ', gen_random_uuid(), '{child:basic}', repeat('0', 64), repeat('1', 64)
         FROM generate_series(0, $1 - 1) AS i`,
    [history],
  );
  await owner.query('ANALYZE access_log');
  console.log(`  (${history} entries of history loaded in ${((performance.now() - started) / 1000).toFixed(0)} s)`);
  console.log(`  with ${history} entries in the twelve months before: ${await median()}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
