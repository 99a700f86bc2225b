import { join, resolve } from 'node:path';
import { fullAccessPrincipal } from '../demo/principals';
import { signDevToken } from '../demo/tokens';
import { InternalTokenSigner } from '../platform/internal-token';
import type { Principal } from '../platform/principal';
import { keepAliveFetcher, type LeanFetcher } from '../platform/keep-alive-fetcher';
import { whileProfiled } from './cpu-profiling';
import { formatLoad, runLoad, type LoadOptions, type LoadResult } from './load-run';
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

/** The two measured queries, by the label the tables print. */
export const QUERIES = { 'dossier page of 20': DOSSIER_PAGE, 'small query': SMALL_QUERY } as const;
export const PURPOSE = 'case-management';

export interface ThroughputFigures {
  query: string;
  gateway: LoadResult;
  replay: LoadResult;
}

/** What every measured path shares: the full-access principal, its user token, the signer and one kept-alive client. */
export interface LoadKit {
  principal: Principal;
  token: string;
  signer: InternalTokenSigner;
  fetcher: LeanFetcher;
  load: LoadOptions;
}

/** BENCH_CONNECTIONS (10), BENCH_SECONDS (20) and BENCH_WARM_UP_SECONDS (3), the token and the client. */
export async function loadKit(system: RunningSystem): Promise<LoadKit> {
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
  const principal = fullAccessPrincipal();
  return {
    principal,
    token: await signDevToken(system.keys.idpPrivateKeyFile, principal),
    signer: InternalTokenSigner.fromKeyFiles(system.keys.internalTokenKeyFiles),
    fetcher: keepAliveFetcher({ maxSockets: connections * 3 }),
    load: {
      connections,
      seconds: Number(process.env.BENCH_SECONDS ?? 20),
      warmUpSeconds: Number(process.env.BENCH_WARM_UP_SECONDS ?? 3),
      pids: system.pids,
    },
  };
}

/** One request of `query` through a gateway at `url`, with the user token and a purpose; throws on any error. */
export function throughGateway(kit: LoadKit, url: string, query: string): () => Promise<void> {
  return async () => {
    const response = await kit.fetcher(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${kit.token}`, 'x-purpose': PURPOSE },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: unknown };
    if (!response.ok || body.errors || !body.data) throw new Error(`${response.status} ${JSON.stringify(body.errors)}`);
  };
}

/** One run of the gateway's plan for `query` straight at the subgraphs (no gateway). */
export function replayed(kit: LoadKit, system: RunningSystem, query: string): () => Promise<void> {
  const replay = new PlanReplay(join(ROOT, 'schema', 'supergraph.graphql'), query, system.subgraphUrls, kit.signer, kit.fetcher);
  return async () => void (await replay.run({ principal: kit.principal, purpose: PURPOSE }));
}

/**
 * BENCH_CONNECTIONS (10) connections for BENCH_SECONDS (20) on each query, through the gateway and
 * then as the no-gateway replay of the same plan (the subgraphs called directly, signed as the
 * gateway signs). Prints requests per second, latency and each process's CPU per request.
 */
export async function benchThroughput(system: RunningSystem): Promise<ThroughputFigures[]> {
  const kit = await loadKit(system);
  const { connections, seconds, warmUpSeconds } = kit.load;
  console.log(`\nThroughput: ${connections} connections, ${seconds} s each (after ${warmUpSeconds} s warm-up); CPU ms per request by process:`);
  const figures: ThroughputFigures[] = [];
  for (const [label, query] of Object.entries(QUERIES)) {
    const viaGateway = throughGateway(kit, system.gatewayUrl, query);
    const direct = replayed(kit, system, query);
    // Both paths must work before they are timed.
    await viaGateway();
    await direct();
    // BENCH_PROFILE: the gateway and subgraphs are profiled while the query runs through the gateway.
    const gateway = await whileProfiled(Object.values(system.pids), () => runLoad(viaGateway, kit.load));
    console.log(formatLoad(`${label}, gateway`, gateway));
    const replay = await runLoad(direct, kit.load);
    console.log(formatLoad(`${label}, no-gateway replay`, replay));
    figures.push({ query: label, gateway, replay });
  }
  return figures;
}
