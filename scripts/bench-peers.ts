import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { armProfiling } from './cpu-profiling';
import { loadKit, QUERIES, replayed, throughGateway } from './bench-throughput';
import { SUPERGRAPH_PATH } from './compose-supergraph';
import { formatLoad, runLoad, type LoadResult } from './load-run';
import { ensurePeersInstalled, startPeerGateway, type PeerGateway } from './peer-gateways';
import { startScratchSystem } from './scratch-system';
import { stripSecurity } from './strip-security';

/** The measured paths, in the order each round runs them; `process` names the gateway's CPU figure. */
const TARGETS = [
  { key: 'ours', label: 'ours (JWT, scopes, purpose, signed calls)', process: 'gateway' },
  { key: 'apollo', label: 'stock @apollo/gateway (no authorization)', process: 'apollo-gateway' },
  { key: 'hive', label: 'Hive Gateway (JWT, @requiresScopes, no dedup)', process: 'hive-gateway' },
  { key: 'replay', label: 'no gateway: the plan replayed', process: null },
] as const;
type TargetKey = (typeof TARGETS)[number]['key'];

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const round = (value: number, digits: number) => Number(value.toFixed(digits));

/**
 * `npm run bench:peers`: a fresh system of BENCH_CHILDREN (20,000), and the throughput measurement of
 * `npm run bench` (bench-throughput.ts: same queries, connections, seconds, CPU per process) run
 * against our gateway, stock `@apollo/gateway` on the supergraph without its security links, Hive
 * Gateway with JWT and `@requiresScopes` (both installed on demand in peers/), and the no-gateway
 * replay: interleaved A B C D, BENCH_ROUNDS (3) times, medians. Prints a table; its last line is one
 * JSON object with, per query, each path's requests per second and each gateway's CPU per request.
 * Figures only; it asserts nothing.
 */
async function main() {
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
  // BENCH_TARGETS=ours,apollo: only those paths (a quicker profiling loop); all four by default.
  const chosen = process.env.BENCH_TARGETS?.split(',').map((key) => key.trim());
  const targets = TARGETS.filter(({ key }) => !chosen || chosen.includes(key));
  const profileDir = armProfiling();
  ensurePeersInstalled();
  const system = await startScratchSystem('bench-peers', Number(process.env.BENCH_CHILDREN ?? 20_000));
  const peers: PeerGateway[] = [];
  try {
    const stripped = join(system.dataDir, 'supergraph-without-security.graphql');
    writeFileSync(stripped, stripSecurity(readFileSync(SUPERGRAPH_PATH, 'utf8')));
    const want = (key: TargetKey) => targets.some((target) => target.key === key);
    const apollo = want('apollo') ? await startPeerGateway('apollo-gateway.mjs', system, stripped, '/') : null;
    if (apollo) peers.push(apollo);
    const hive = want('hive') ? await startPeerGateway('hive-gateway.mjs', system, SUPERGRAPH_PATH, '/graphql') : null;
    if (hive) peers.push(hive);

    const kit = await loadKit(system);
    // Every gateway is named, so none of them is counted as PostgreSQL (every other process under this one).
    const peerPids = { ...(apollo ? { 'apollo-gateway': apollo.pid } : {}), ...(hive ? { 'hive-gateway': hive.pid } : {}) };
    const load = { ...kit.load, pids: { ...system.pids, ...peerPids } as Record<string, number> };
    const urls: Record<Exclude<TargetKey, 'replay'>, string> = { ours: system.gatewayUrl, apollo: apollo?.url ?? '', hive: hive?.url ?? '' };
    const gatewayPid = (name: string | null) => (name ? load.pids[name] : undefined);
    console.log(
      `\nPeers: ${load.connections} connections, ${load.seconds} s each (after ${load.warmUpSeconds} s warm-up), ${targets.map(({ key }) => key).join(' ')} interleaved, ${rounds} rounds; CPU ms per request by process:`,
    );

    const summary: Record<string, Record<string, unknown>> = {};
    const table: string[] = ['| query | path | RPS | p50 ms | p99 ms | gateway CPU ms / req |', '| --- | --- | --- | --- | --- | --- |'];
    for (const [query, text] of Object.entries(QUERIES)) {
      const sends = Object.fromEntries(
        targets.map(({ key }) => [key, key === 'replay' ? replayed(kit, system, text) : throughGateway(kit, urls[key], text)]),
      ) as Record<TargetKey, () => Promise<void>>;
      // Every path must answer before it is timed.
      for (const { key } of targets) await sends[key]();
      const results = Object.fromEntries(targets.map(({ key }) => [key, [] as LoadResult[]])) as Record<TargetKey, LoadResult[]>;
      for (let r = 1; r <= rounds; r++) {
        for (const { key, process: name } of targets) {
          const profiled = profileDir && r === 1 ? gatewayPid(name) : undefined;
          if (profiled) process.kill(profiled, 'SIGUSR2');
          const result = await runLoad(sends[key], load);
          if (profiled) process.kill(profiled, 'SIGUSR2');
          console.log(formatLoad(`${query}, ${key}, round ${r}`, result));
          results[key].push(result);
        }
      }
      const rps: Record<string, number> = {};
      const gatewayCpuMsPerRequest: Record<string, number> = {};
      for (const { key, label, process: name } of targets) {
        const runs = results[key];
        rps[key] = round(median(runs.map((run) => run.rps)), 1);
        const cpu = name ? round(median(runs.map((run) => run.cpuMsPerRequest[name] ?? NaN)), 2) : null;
        if (name && cpu !== null) gatewayCpuMsPerRequest[key] = cpu;
        const failed = runs.reduce((sum, run) => sum + run.failures, 0);
        table.push(
          `| ${query} | ${label}${failed ? ` (${failed} failed)` : ''} | ${rps[key]} | ${median(runs.map((run) => run.p50)).toFixed(0)} | ${median(runs.map((run) => run.p99)).toFixed(0)} | ${cpu ?? '–'} |`,
        );
      }
      summary[query] = { rps, gatewayCpuMsPerRequest };
    }
    console.log(`\nMedians of ${rounds} rounds (${process.env.BENCH_CHILDREN ?? 20_000} children, ${load.connections} connections):\n`);
    console.log(table.join('\n'));
    console.log(JSON.stringify(summary));
    if (profileDir) console.log(`CPU profiles (first round of each query) in ${profileDir}`);
  } finally {
    for (const peer of peers) await peer.stop();
    await system.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
