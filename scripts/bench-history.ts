import { loadavg } from 'node:os';
import { SUBGRAPHS } from '../platform/subgraphs';
import { AccessLogHistory } from './access-log-history';
import { QUERIES, loadKit, throughGateway } from './bench-throughput';
import { formatLoad, runLoad, totalCpuMs, type LoadResult } from './load-run';
import { startScratchSystem } from './scratch-system';

/**
 * `npm run bench:history` (issue 14, "flat with history"): throughput with a long access log against
 * an empty one, on one system, interleaved. A fresh system of BENCH_CHILDREN (20,000) children; each
 * agency's log gets BENCH_LOG_ENTRIES (5,000,000) entries of history in the twelve months before this
 * one (access-log-history.ts), generated once; then BENCH_ROUNDS (3) rounds, each measuring both
 * queries of the throughput benchmark (BENCH_CONNECTIONS, BENCH_SECONDS, CPU per process) with the
 * history detached and attached, in alternating order (empty, full; full, empty; ...) so drift and
 * the neighbours' load fall on both. Prints each run, then per query the medians of each state and
 * the ratio full / empty. Figures only; it asserts nothing.
 */
type State = 'empty log' | 'with history';

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const load = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');

async function main() {
  const children = Number(process.env.BENCH_CHILDREN ?? 20_000);
  const entries = Number(process.env.BENCH_LOG_ENTRIES ?? 5_000_000);
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
  const system = await startScratchSystem('bench-history', children);
  const histories: AccessLogHistory[] = [];
  try {
    const started = performance.now();
    histories.push(...(await Promise.all(SUBGRAPHS.map(({ name }) => AccessLogHistory.generate(system.databaseUrls.owner[name], entries)))));
    console.log(
      `${entries} entries of history generated in each of the ${SUBGRAPHS.length} databases in ${((performance.now() - started) / 1000).toFixed(0)} s (load average ${load()})`,
    );
    const setState = async (state: State) => {
      await Promise.all(histories.map((history) => (state === 'with history' ? history.attach() : history.detach())));
      const logs = await Promise.all(histories.map((history) => history.attachedEntries()));
      console.log(`\n${state}: ${logs.join(' / ')} history entries attached (load average ${load()})`);
    };

    const kit = await loadKit(system);
    const { connections, seconds, warmUpSeconds } = kit.load;
    console.log(`\n${rounds} rounds, ${connections} connections, ${seconds} s per run (after ${warmUpSeconds} s warm-up); CPU ms per request by process:`);
    // Unmeasured: code compiled, caches and pools filled, before either state is timed.
    for (const query of Object.values(QUERIES)) await runLoad(throughGateway(kit, system.gatewayUrl, query), { ...kit.load, seconds: warmUpSeconds });
    const results: Record<string, Record<State, LoadResult[]>> = {};
    let attached = false;
    for (let round = 0; round < rounds; round++) {
      const order: State[] = round % 2 === 0 ? ['empty log', 'with history'] : ['with history', 'empty log'];
      for (const state of order) {
        if ((state === 'with history') !== attached) {
          await setState(state);
          attached = !attached;
        }
        for (const [label, query] of Object.entries(QUERIES)) {
          const send = throughGateway(kit, system.gatewayUrl, query);
          await send();
          const result = await runLoad(send, kit.load);
          console.log(formatLoad(`round ${round + 1}, ${label}, ${state}`, result));
          ((results[label] ??= { 'empty log': [], 'with history': [] })[state] as LoadResult[]).push(result);
        }
      }
    }

    console.log(`\nMedians of ${rounds} rounds (${entries} entries of history per database; load average ${load()}):`);
    console.log('  query                 state          RPS   p50 ms  p99 ms  PostgreSQL CPU ms/req  all processes CPU ms/req');
    for (const [label, byState] of Object.entries(results)) {
      const figures = (state: State) => {
        const runs = byState[state];
        return {
          rps: median(runs.map((run) => run.rps)),
          p50: median(runs.map((run) => run.p50)),
          p99: median(runs.map((run) => run.p99)),
          postgresql: median(runs.map((run) => run.cpuMsPerRequest.postgresql ?? 0)),
          all: median(runs.map((run) => totalCpuMs(run.cpuMsPerRequest))),
        };
      };
      const empty = figures('empty log');
      const full = figures('with history');
      for (const [state, f] of [
        ['empty log', empty],
        ['with history', full],
      ] as const) {
        console.log(
          `  ${label.padEnd(21)} ${state.padEnd(13)} ${f.rps.toFixed(1).padStart(6)} ${f.p50.toFixed(1).padStart(8)} ${f.p99.toFixed(1).padStart(7)} ${f.postgresql.toFixed(2).padStart(22)} ${f.all.toFixed(2).padStart(26)}`,
        );
      }
      const ratio = (a: number, b: number) => `${((a / b - 1) * 100).toFixed(1)} %`;
      console.log(
        `  ${label.padEnd(21)} history vs empty: RPS ${ratio(full.rps, empty.rps)}, p50 ${ratio(full.p50, empty.p50)}, p99 ${ratio(full.p99, empty.p99)}, PostgreSQL CPU/req ${ratio(full.postgresql, empty.postgresql)}, all CPU/req ${ratio(full.all, empty.all)}`,
      );
    }
  } finally {
    await Promise.all(histories.map((history) => history.end()));
    await system.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
