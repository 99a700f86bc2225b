import type { Health } from '../platform/graphql-http';
import type { SubgraphName } from '../platform/subgraphs';

/** How long a subgraph's /health may take before it counts as unavailable. */
const CHECK_TIMEOUT_MS = 2000;
/** Load balancers probe often; the subgraphs are asked at most this often. */
const CACHE_MS = 1000;

type SubgraphState = 'ok' | 'degraded' | 'unavailable';

async function stateOf(graphqlUrl: string): Promise<SubgraphState> {
  try {
    const response = await fetch(new URL('/health', graphqlUrl), { signal: AbortSignal.timeout(CHECK_TIMEOUT_MS) });
    if (!response.ok) return 'unavailable';
    const body = (await response.json().catch(() => ({}))) as { status?: unknown };
    return body.status === 'degraded' ? 'degraded' : 'ok';
  } catch {
    return 'unavailable';
  }
}

/**
 * The gateway's readiness is its subgraphs' (each one's own /health, which includes its
 * database): ok when all are; degraded (still ready: the others' data comes back, with an error
 * where a missing one's would be) when some are not; unavailable (503) when none is, since then it
 * can answer nothing. Liveness (/health/live) does not depend on them.
 */
export function subgraphsHealth(urls: Record<SubgraphName, string>): () => Promise<Health> {
  let cached: { at: number; health: Promise<Health> } | null = null;
  const check = async (): Promise<Health> => {
    const entries = await Promise.all(Object.entries(urls).map(async ([name, url]) => [name, await stateOf(url)] as const));
    const states = entries.map(([, state]) => state);
    const up = states.filter((state) => state !== 'unavailable').length;
    return {
      ready: up > 0,
      status: up === 0 ? 'unavailable' : states.every((state) => state === 'ok') ? 'ok' : 'degraded',
      subgraphs: Object.fromEntries(entries),
    };
  };
  return () => {
    if (!cached || Date.now() - cached.at > CACHE_MS) cached = { at: Date.now(), health: check() };
    return cached.health;
  };
}
