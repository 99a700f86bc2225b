import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SUBGRAPHS, type SubgraphName } from '../platform/subgraphs';
import { fullAccessPrincipal } from '../demo/principals';
import { signDevToken } from '../demo/tokens';
import { freePort } from './free-port';
import { statementCount } from './statement-count';
import { startSystem } from './system';

/**
 * `npm run bench`: starts a fresh system with BENCH_CHILDREN demo children (default 20,000) and
 * prints how long pages of children with fields from all three subgraphs take, and how many SQL
 * statements each subgraph sends per page. Figures only; it asserts nothing (machines are noisy).
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
  const dataDir = mkdtempSync(join(tmpdir(), 'child-registry-bench-'));
  // mkdtemp makes it private; the embedded server runs as its own user and must reach its folder.
  chmodSync(dataDir, 0o755);
  const ports = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort()]);
  console.log(`starting a fresh system with ${children} children...`);
  const started = Date.now();
  const system = await startSystem({
    dataDir,
    gatewayPort: ports[0],
    subgraphPorts: { 'civil-affairs': ports[1], education: ports[2], 'womens-federation': ports[3] },
    postgresPort: ports[4],
    externalDatabaseUrls: null,
    externalAdminUrl: process.env.POSTGRES_ADMIN_URL ?? null,
    demoChildren: children,
    demoSeed: 2026,
    nodeEnv: 'production',
    logFile: join(dataDir, 'system.log'),
  });
  console.log(`started (migrations and demo data included) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  try {
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
  } finally {
    await system.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
