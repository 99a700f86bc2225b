import { readFileSync } from 'node:fs';
import { Client, escapeLiteral } from 'pg';
import { APPEND_ACCESS_LOG_1764600000000 } from '../migrations/shared/1764700100000-access-log-lean-append';
import { SUBGRAPHS } from '../platform/subgraphs';
import { DOSSIER_PAGE, loadKit, throughGateway } from './bench-throughput';
import { processCpuSeconds } from './process-cpu';
import { startScratchSystem } from './scratch-system';

/**
 * `npm run bench:audit`: what the access-log append costs PostgreSQL per request, in each database,
 * for the entries a dossier page (20 children, bench-throughput's query) really appends there. It
 * starts a fresh system (BENCH_CHILDREN, default 2,000), sends the page once, takes each agency's
 * entries of it, and times as backend CPU (from /proc, which the shared machine's load blurs far
 * less than wall-clock time) `BEGIN`, append, `COMMIT`, BENCH_APPENDS (400) times per round,
 * BENCH_ROUNDS (5) rounds interleaved, medians:
 *   before   the append as migration 1764600000000 wrote it (one INSERT per entry);
 *   now      the append the migrations install;
 *   record   one record per request and action holding all its children (`child_ids uuid[]`
 *            with a GIN index, `entries jsonb`, one hash): the alternative issue 14 allowed, built
 *            here in the scratch database only, to measure it;
 *   head     the chain's head taken and updated, nothing appended: the floor of any chained append.
 * Figures only; it asserts nothing.
 */
const SCRATCH_SQL = [
  APPEND_ACCESS_LOG_1764600000000.replace('CREATE OR REPLACE FUNCTION append_access_log(', 'CREATE FUNCTION bench_append_before('),
  `CREATE TABLE bench_access_record (seq bigint NOT NULL, at timestamptz NOT NULL, request_id text NOT NULL, actor text NOT NULL, org text NOT NULL,
     purpose text, action text NOT NULL, child_ids uuid[] NOT NULL, entries jsonb NOT NULL, prev_hash char(64) NOT NULL, hash char(64) NOT NULL)`,
  `CREATE INDEX bench_access_record_child_idx ON bench_access_record USING gin (child_ids)`,
  `CREATE INDEX bench_access_record_seq_idx ON bench_access_record (seq)`,
  `CREATE FUNCTION bench_append_record(p_request_id text, p_actor text, p_org text, p_purpose text, p_entries jsonb)
     RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET TimeZone = 'UTC' AS $$
   DECLARE v_head access_log_head%ROWTYPE; v_at timestamptz; v_seq bigint; v_hash text; r record;
   BEGIN
     SELECT * INTO STRICT v_head FROM access_log_head FOR UPDATE;
     v_at := clock_timestamp();
     FOR r IN SELECT e ->> 'action' AS action, array_agg((e ->> 'childId')::uuid ORDER BY e ->> 'childId') AS ids,
                     jsonb_agg(jsonb_build_object('c', e ->> 'childId', 'k', e -> 'categories') ORDER BY e ->> 'childId') AS entries
                FROM jsonb_array_elements(p_entries) e GROUP BY 1 LOOP
       v_seq := nextval('access_log_seq');
       v_hash := encode(sha256(convert_to(access_log_field(v_head.hash) || access_log_field(v_seq::text)
         || access_log_field(((extract(epoch FROM v_at) * 1000000)::bigint)::text) || access_log_field(p_request_id) || access_log_field(p_actor)
         || access_log_field(p_org) || access_log_field(p_purpose) || access_log_field(r.action) || access_log_field(r.entries::text), 'UTF8')), 'hex');
       INSERT INTO bench_access_record VALUES (v_seq, v_at, p_request_id, p_actor, p_org, p_purpose, r.action, r.ids, r.entries, v_head.hash, v_hash);
       v_head.hash := v_hash;
     END LOOP;
     UPDATE access_log_head SET seq = v_seq, hash = v_head.hash;
     RETURN 1;
   END $$`,
  `CREATE FUNCTION bench_head_only(p_request_id text, p_actor text, p_org text, p_purpose text, p_entries jsonb)
     RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET TimeZone = 'UTC' AS $$
   DECLARE v_head access_log_head%ROWTYPE;
   BEGIN
     SELECT * INTO STRICT v_head FROM access_log_head FOR UPDATE;
     UPDATE access_log_head SET hash = v_head.hash;
     RETURN 0;
   END $$`,
];

const FUNCTIONS = { before: 'bench_append_before', now: 'append_access_log', record: 'bench_append_record', head: 'bench_head_only' } as const;

async function main() {
  const appends = Number(process.env.BENCH_APPENDS ?? 400);
  const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
  const system = await startScratchSystem('bench-audit', Number(process.env.BENCH_CHILDREN ?? 2000));
  try {
    const kit = await loadKit(system);
    await throughGateway(kit, system.gatewayUrl, DOSSIER_PAGE)();
    const requestId = await lastRequestId(system.databaseUrls.owner['civil-affairs']);
    console.log(`\nAccess-log append of one dossier page's entries, PostgreSQL backend CPU ms per BEGIN, append, COMMIT (median of ${rounds} × ${appends}):`);
    console.log(
      `| agency | entries | categories | ${Object.keys(FUNCTIONS).join(' | ')} |\n| --- | --- | --- |${' --- |'.repeat(Object.keys(FUNCTIONS).length)}`,
    );
    let total: Record<string, number> = {};
    for (const { name } of SUBGRAPHS) {
      const owner = new Client({ connectionString: system.databaseUrls.owner[name] });
      await owner.connect();
      try {
        const { rows } = await owner.query(
          `SELECT actor, org, purpose, jsonb_agg(jsonb_build_object('childId', child_id, 'action', action, 'categories', categories) ORDER BY seq) AS entries
             FROM access_log WHERE request_id = $1 GROUP BY 1, 2, 3`,
          [requestId],
        );
        const { actor, org, purpose, entries } = rows[0] as { actor: string; org: string; purpose: string; entries: { categories: string[] }[] };
        for (const sql of SCRATCH_SQL) await owner.query(sql);
        const backend = (await owner.query('SELECT pg_backend_pid() AS pid')).rows[0].pid as number;
        const args = (run: number) =>
          [`bench-${run}`, actor, org, purpose].map((value) => escapeLiteral(value)).join(', ') + `, ${escapeLiteral(JSON.stringify(entries))}::jsonb`;
        const samples: Record<string, number[]> = {};
        for (let round = 0; round < rounds; round++) {
          for (const [label, fn] of Object.entries(FUNCTIONS)) {
            const statement = (run: number) => `BEGIN; SELECT ${fn}(${args(run)}); COMMIT`;
            for (let run = 0; run < 20; run++) await owner.query(statement(run));
            const before = processCpuSeconds(backend) ?? NaN;
            for (let run = 0; run < appends; run++) await owner.query(statement(run));
            (samples[label] ??= []).push((((processCpuSeconds(backend) ?? NaN) - before) * 1000) / appends);
          }
        }
        const medians = Object.fromEntries(
          Object.entries(samples).map(([label, values]) => [label, values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!]),
        );
        total = Object.fromEntries(Object.entries(medians).map(([label, value]) => [label, (total[label] ?? 0) + value]));
        const categories = new Set(entries.flatMap((entry) => entry.categories));
        console.log(
          `| ${name} | ${entries.length} | ${[...categories].join(' ')} | ${Object.values(medians)
            .map((value) => value.toFixed(2))
            .join(' | ')} |`,
        );
      } finally {
        await owner.end();
      }
    }
    console.log(
      `| all three | | | ${Object.values(total)
        .map((value) => value.toFixed(2))
        .join(' | ')} |`,
    );
    console.log(`(load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')})`);
  } finally {
    await system.stop();
  }
}

/** The request id of the dossier page just sent: the newest request in civil affairs' log. */
async function lastRequestId(ownerUrl: string): Promise<string> {
  const owner = new Client({ connectionString: ownerUrl });
  await owner.connect();
  try {
    return (await owner.query(`SELECT request_id FROM access_log ORDER BY seq DESC LIMIT 1`)).rows[0].request_id as string;
  } finally {
    await owner.end();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
