import { Client } from 'pg';
import { SUBGRAPHS } from '../platform/subgraphs';
import { DOSSIER_PAGE, QUERIES, loadKit, throughGateway } from './bench-throughput';
import { runLoad } from './load-run';
import { startScratchSystem } from './scratch-system';

/**
 * `npm run bench:statements`: where PostgreSQL's backend time per request goes, statement by
 * statement. Starts a fresh system (BENCH_CHILDREN, default 2,000) with pg_stat_statements loaded
 * (BENCH_PG_STATEMENTS=1, embedded-postgres.ts: nested statements and planning tracked), runs
 * BENCH_QUERY (`dossier`, default, or `small`) through the gateway for BENCH_SECONDS (default 8)
 * after a warm-up, and prints per database the statements ranked by plan + execution time per
 * request: calls per request, ms planning and executing per request, rows per call. The warm-up
 * lasts 12 s and 200 requests at least (BENCH_WARM_UP_SECONDS). A statement
 * marked `nested` ran inside another (a function, a policy's SQL function, the access-log append),
 * whose own time includes it. Figures only; it asserts nothing. BENCH_TOP (default 12) per database.
 */
const TOP = Number(process.env.BENCH_TOP ?? 12);
/** Ten connections per subgraph pool, each having prepared its statements (and the page's variants), with room to spare. */
const WARM_UP_REQUESTS = 200;

interface Ranked {
  query: string;
  toplevel: boolean;
  calls: number;
  rows: number;
  plan_ms: number;
  exec_ms: number;
}

async function main() {
  process.env.BENCH_PG_STATEMENTS = '1';
  const children = Number(process.env.BENCH_CHILDREN ?? 2_000);
  process.env.BENCH_SECONDS ??= '8';
  process.env.BENCH_WARM_UP_SECONDS ??= '12';
  const label = process.env.BENCH_QUERY === 'small' ? 'small query' : 'dossier page of 20';
  const query = label === 'small query' ? QUERIES['small query'] : DOSSIER_PAGE;
  const system = await startScratchSystem('bench-statements', children);
  try {
    if (!system.superuserUrl) throw new Error('bench:statements needs the embedded server (or POSTGRES_ADMIN_URL) with pg_stat_statements preloaded');
    const admin = new Client({ connectionString: system.superuserUrl });
    await admin.connect();
    try {
      // The view is the cluster's, read from any one database.
      await admin.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
      const kit = await loadKit(system);
      const send = throughGateway(kit, system.gatewayUrl, query);
      await send();
      // The reset after the warm-up drops start-up, migrations and the first plans: at least
      // BENCH_WARM_UP_SECONDS and WARM_UP_REQUESTS, so that on a loaded machine too every pooled
      // connection has planned its prepared statements (the child list generic from its first run; the rest by PostgreSQL's choice after five).
      let warmedUp = 0;
      for (const started = Date.now(); warmedUp < WARM_UP_REQUESTS || Date.now() - started < kit.load.warmUpSeconds * 1000;) {
        warmedUp += (await runLoad(send, { ...kit.load, seconds: 2, warmUpSeconds: 0 })).requests;
      }
      await admin.query('SELECT pg_stat_statements_reset()');
      const result = await runLoad(send, { ...kit.load, warmUpSeconds: 0 });
      const requests = result.requests;
      console.log(
        `\n${label} through the gateway: ${requests} requests in ${kit.load.seconds} s (${result.rps.toFixed(1)} rps, after ${warmedUp} warm-up), ` +
          `PostgreSQL backends ${(result.cpuMsPerRequest['postgresql:backends'] ?? 0).toFixed(2)} CPU ms per request`,
      );
      for (const { database } of SUBGRAPHS) {
        const { rows } = await admin.query<Ranked>(
          `SELECT s.query, s.toplevel, s.calls::float8 AS calls, s.rows::float8 AS rows, s.total_plan_time AS plan_ms, s.total_exec_time AS exec_ms
             FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
            WHERE d.datname = $1
            ORDER BY s.total_plan_time + s.total_exec_time DESC`,
          [database],
        );
        const perRequest = (ms: number) => (ms / Math.max(1, requests)).toFixed(3);
        const topTotal = rows.filter((row) => row.toplevel).reduce((sum, row) => sum + row.plan_ms + row.exec_ms, 0);
        console.log(
          `\n${database}: top-level statements ${perRequest(topTotal)} ms per request (plan + exec), ` +
            `${(rows.filter((row) => row.toplevel).reduce((sum, row) => sum + row.calls, 0) / Math.max(1, requests)).toFixed(1)} calls per request`,
        );
        console.log(`  ${'calls/req'.padStart(9)} ${'plan ms'.padStart(8)} ${'exec ms'.padStart(8)} ${'rows/call'.padStart(9)}  statement`);
        for (const row of rows.slice(0, TOP)) {
          const text = row.query.replace(/\s+/g, ' ').trim();
          console.log(
            `  ${(row.calls / Math.max(1, requests)).toFixed(2).padStart(9)} ${perRequest(row.plan_ms).padStart(8)} ${perRequest(row.exec_ms).padStart(8)} ` +
              `${(row.rows / Math.max(1, row.calls)).toFixed(1).padStart(9)}  ${row.toplevel ? '' : '(nested) '}${text.length > 160 ? `${text.slice(0, 160)}…` : text}`,
          );
        }
      }
    } finally {
      await admin.end();
    }
  } finally {
    await system.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
