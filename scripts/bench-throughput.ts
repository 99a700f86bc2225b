import { join, resolve } from 'node:path';
import { fullAccessPrincipal } from '../demo/principals';
import { signDevToken } from '../demo/tokens';
import { InternalTokenSigner } from '../platform/internal-token';
import { keepAliveFetcher } from '../platform/keep-alive-fetcher';
import { formatLoad, runLoad, type LoadResult } from './load-run';
import { PlanReplay } from './plan-replay';
import type { RunningSystem } from './system';

const ROOT = resolve(__dirname, '..', '..');

/** The dossier page: 20 children with fields of all three agencies. */
export const DOSSIER_PAGE = `query DossierPage {
  children(first: 20) {
    edges { node {
      id name age nationalId classification { type isLeftBehind } father { awaySince } mother { awaySince }
      guardianship { form } enrolment { grade school { name } } careResponsiblePerson { teacherName }
      talks(last: 3) { heldOn } talkOverdue pairings { helperName programme { partner { name } } }
    } }
  }
}`;

/** A small query: one child's name, from one subgraph. */
export const SMALL_QUERY = `query Small { children(first: 1) { edges { node { id name } } } }`;

const QUERIES = { 'dossier page of 20': DOSSIER_PAGE, 'small query': SMALL_QUERY } as const;
const PURPOSE = 'case-management';

export interface ThroughputFigures {
  query: string;
  gateway: LoadResult;
  replay: LoadResult;
}

/**
 * BENCH_CONNECTIONS (10) connections for BENCH_SECONDS (20) on each query, through the gateway and
 * then as the no-gateway replay of the same plan (the subgraphs called directly, signed as the
 * gateway signs). Prints requests per second, latency and each process's CPU per request.
 */
export async function benchThroughput(system: RunningSystem): Promise<ThroughputFigures[]> {
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
  const seconds = Number(process.env.BENCH_SECONDS ?? 20);
  const warmUpSeconds = Number(process.env.BENCH_WARM_UP_SECONDS ?? 3);
  const principal = fullAccessPrincipal();
  const token = await signDevToken(system.keys.idpPrivateKeyFile, principal);
  const signer = InternalTokenSigner.fromKeyFiles(system.keys.internalTokenKeyFiles);
  const fetcher = keepAliveFetcher({ maxSockets: connections * 3 });
  const load = { connections, seconds, warmUpSeconds, pids: system.pids };

  console.log(`\nThroughput: ${connections} connections, ${seconds} s each (after ${warmUpSeconds} s warm-up); CPU ms per request by process:`);
  const figures: ThroughputFigures[] = [];
  for (const [label, query] of Object.entries(QUERIES)) {
    const throughGateway = async () => {
      const response = await fetcher(system.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-purpose': PURPOSE },
        body: JSON.stringify({ query }),
      });
      const body = (await response.json()) as { data?: unknown; errors?: unknown };
      if (!response.ok || body.errors || !body.data) throw new Error(`${response.status} ${JSON.stringify(body.errors)}`);
    };
    const replay = new PlanReplay(join(ROOT, 'schema', 'supergraph.graphql'), query, system.subgraphUrls, signer, fetcher);
    const direct = async () => void (await replay.run({ principal, purpose: PURPOSE }));
    // Both paths must work before they are timed.
    await throughGateway();
    await direct();
    const gateway = await runLoad(throughGateway, load);
    console.log(formatLoad(`${label}, gateway`, gateway));
    const replayed = await runLoad(direct, load);
    console.log(formatLoad(`${label}, no-gateway replay`, replayed));
    figures.push({ query: label, gateway, replay: replayed });
  }
  return figures;
}
