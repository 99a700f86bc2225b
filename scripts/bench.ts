import { SUBGRAPHS, type SubgraphName } from '../platform/subgraphs';
import { Client } from 'pg';
import { fullAccessPrincipal } from '../demo/principals';
import { signDevToken } from '../demo/tokens';
import { benchThroughput } from './bench-throughput';
import { armProfiling } from './cpu-profiling';
import { timeRecording, timeRegionReports } from './region-report-timing';
import { startScratchSystem } from './scratch-system';
import { statementCount } from './statement-count';

/**
 * `npm run bench`: starts a fresh system with BENCH_CHILDREN demo children (default 20,000) and
 * prints how long pages of children with fields from all three subgraphs take, and how many SQL
 * statements each subgraph sends per page, then the throughput of the gateway and of the no-gateway
 * replay (bench-throughput.ts), then two region reports. Figures only; it asserts nothing (machines
 * are noisy). BENCH_ONLY=throughput runs the throughput part alone; BENCH_PROFILE=<folder> writes a
 * CPU profile of the gateway and each subgraph per query of the throughput part.
 */
const PAGE_QUERY = `query ($after: String) {
  children(first: 100, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node {
      id name age nationalId classification { type isLeftBehind } father { awaySince } mother { awaySince }
      guardianship { form } enrolment { grade school { name } } careResponsiblePerson { teacherName }
      talks(last: 3) { heldOn } talkOverdue pairings { helperName programme { partner { name } } }
    } }
  }
}`;

async function main() {
  const children = Number(process.env.BENCH_CHILDREN ?? 20_000);
  const pages = Number(process.env.BENCH_PAGES ?? 50);
  const profiles = armProfiling();
  const system = await startScratchSystem('bench', children);
  try {
    if (process.env.BENCH_ONLY === 'throughput') {
      await benchThroughput(system);
      if (profiles) console.log(`CPU profiles in ${profiles}`);
      return;
    }
    const token = await signDevToken(system.keys.idpPrivateKeyFile, fullAccessPrincipal());
    const before = await Promise.all(SUBGRAPHS.map(({ name }) => statementCount(system.subgraphUrls[name], system.keys.metricsToken)));
    const timings: number[] = [];
    let after: string | null = null;
    for (let page = 0; page < pages; page++) {
      const start = performance.now();
      const response = await fetch(system.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-purpose': 'case-management' },
        body: JSON.stringify({ query: PAGE_QUERY, variables: { after } }),
      });
      const body = (await response.json()) as { data?: { children: { pageInfo: { endCursor: string | null; hasNextPage: boolean } } }; errors?: unknown };
      timings.push(performance.now() - start);
      if (body.errors || !body.data) throw new Error(`query failed: ${JSON.stringify(body.errors)}`);
      after = body.data.children.pageInfo.hasNextPage ? body.data.children.pageInfo.endCursor : null;
    }
    const afterCounts = await Promise.all(SUBGRAPHS.map(({ name }) => statementCount(system.subgraphUrls[name], system.keys.metricsToken)));
    timings.sort((a, b) => a - b);
    const at = (q: number) => timings[Math.min(timings.length - 1, Math.floor(q * timings.length))].toFixed(1);
    console.log(`\n${pages} pages of 100 children, fields from all three subgraphs, one at a time:`);
    console.log(`  latency ms: p50 ${at(0.5)}  p95 ${at(0.95)}  max ${at(1)}`);
    SUBGRAPHS.forEach(({ name }, index) => {
      console.log(`  ${name as SubgraphName}: ${((afterCounts[index] - before[index]) / pages).toFixed(1)} SQL statements per page`);
    });
    await benchThroughput(system);
    await regionReport(system.gatewayUrl, system.databaseUrls.owner['civil-affairs'], token, children);
  } finally {
    await system.stop();
  }
}

/** Records the day's figures once and times it, then the region reports read from that recording. */
async function regionReport(gatewayUrl: string, ownerUrl: string, token: string, children: number): Promise<void> {
  const owner = new Client({ connectionString: ownerUrl });
  await owner.connect();
  try {
    await timeRecording(owner, `over ${children} children`);
  } finally {
    await owner.end();
  }
  await timeRegionReports(gatewayUrl, token);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
