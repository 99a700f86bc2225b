import { execFileSync } from 'node:child_process';
import { randomInt, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { demoCounties } from '../demo/counties';
import { DEMO_COUNTY, fullAccessPrincipal } from '../demo/principals';
import { signDevToken } from '../demo/tokens';
import { composeNationalId } from '../standards/national-id';
import { startScratchSystem } from './scratch-system';

/**
 * `npm run soak`: a fresh system under a steady mixed load of reads and writes for SOAK_MINUTES
 * (default 10) from SOAK_CLIENTS concurrent clients (default 8), on SOAK_CHILDREN demo children
 * (default 2,000). Prints a line a minute (with each process's memory), then the errors by code, latency p50/p95/p99 per
 * operation, and each process's memory (and V8 heap) at the start, after a minute and at the end. Figures only: it
 * asserts nothing. A VERSION_CONFLICT is an expected answer under concurrent updates, counted
 * apart; anything else that is not a clean answer (an HTTP status other than 200, a failed
 * connection, any other error code) is an error.
 */

const DOSSIER = `query ($id: ID!) { child(id: $id) {
  id name age nationalId version classification { type isLeftBehind } father { name phone awaySince } mother { name awaySince }
  guardianship { form guardianName } enrolment { grade school { name } } careResponsiblePerson { teacherName }
  talks(last: 5) { heldOn summary } talkOverdue pairings { helperName programme { name partner { name } } }
} }`;

const OPERATIONS = {
  /** A working page: 20 children with fields from all three agencies. */
  'read page': {
    weight: 30,
    query: `query ($p: String, $after: String) { children(first: 20, after: $after, filter: { regionPrefix: $p }) {
      pageInfo { endCursor } edges { node { id name age classification { isLeftBehind } guardianship { form } enrolment { grade } talkOverdue pairings { helperName } } } } }`,
  },
  'read dossier': { weight: 25, query: DOSSIER },
  'read access log': { weight: 5, query: `query ($id: ID!) { child(id: $id) { accessLog(last: 20) { at agency actor action categories } } }` },
  'read schools': {
    weight: 10,
    query: `{ schools(first: 20) { edges { node { name enrolments(first: 10) { edges { node { grade child { id maskedName } } } } } } } }`,
  },
  'register child': {
    weight: 8,
    query: `mutation ($input: RegisterChildInput!, $key: String) { registerChild(input: $input, idempotencyKey: $key) { child { id } alreadyRegistered } }`,
  },
  'retry registration': {
    weight: 4,
    query: `mutation ($input: RegisterChildInput!, $key: String) { registerChild(input: $input, idempotencyKey: $key) { child { id } alreadyRegistered } }`,
  },
  'update child': {
    weight: 10,
    query: `mutation ($id: ID!, $v: Int!, $village: String) { updateChild(id: $id, expectedVersion: $v, input: { residenceVillage: $village }) { version } }`,
  },
  'log talk': {
    weight: 8,
    query: `mutation ($input: LogTalkInput!, $key: String) { logTalk(input: $input, idempotencyKey: $key) { id } }`,
  },
} as const;

type OperationName = keyof typeof OPERATIONS;

interface Stats {
  latencies: Record<OperationName, number[]>;
  errors: Map<string, number>;
  conflicts: number;
  requests: number;
}

function percentile(sorted: number[], q: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN;
}

/**
 * Memory in MB of one process, or of a PostgreSQL server with all its backends: the proportional
 * set size (Linux: shared pages, such as PostgreSQL's shared buffers, counted once across the
 * processes that share them), else the resident set size.
 */
function memoryMb(pid: number, withChildren = false): number {
  const pids = [pid];
  if (withChildren) {
    const children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' }).split('\n');
    pids.push(...children.map((line) => Number(line.trim())).filter(Boolean));
  }
  let kb = 0;
  for (const id of pids) {
    try {
      const rollup = readFileSync(`/proc/${id}/smaps_rollup`, 'utf8');
      kb += Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0);
    } catch {
      kb += Number(execFileSync('ps', ['-o', 'rss=', '-p', String(id)], { encoding: 'utf8' }).trim()) || 0;
    }
  }
  return kb / 1024;
}

/** The V8 heap in use, in MB, from a process's /metrics (null if it does not answer). */
async function heapUsedMb(url: string, metricsToken: string): Promise<number | null> {
  try {
    const text = await (await fetch(new URL('/metrics', url), { headers: { authorization: `Bearer ${metricsToken}` } })).text();
    const bytes = /^nodejs_heap_size_used_bytes(?:\{[^}]*\})? ([\d.e+]+)$/m.exec(text)?.[1];
    return bytes ? Number(bytes) / 2 ** 20 : null;
  } catch {
    return null;
  }
}

interface MemoryReading {
  memory: Record<string, number>;
  heap: Record<string, number | null>;
}

async function measure(pids: Record<string, number>, urls: Record<string, string>, postmaster: number | null, metricsToken: string): Promise<MemoryReading> {
  const memory: Record<string, number> = {};
  const heap: Record<string, number | null> = {};
  for (const [name, pid] of Object.entries(pids)) {
    memory[name] = memoryMb(pid);
    heap[name] = urls[name] ? await heapUsedMb(urls[name], metricsToken) : null;
  }
  if (postmaster) memory['postgresql (all processes)'] = memoryMb(postmaster, true);
  return { memory, heap };
}

function pick(): OperationName {
  const names = Object.keys(OPERATIONS) as OperationName[];
  let roll = randomInt(names.reduce((sum, name) => sum + OPERATIONS[name].weight, 0));
  for (const name of names) {
    roll -= OPERATIONS[name].weight;
    if (roll < 0) return name;
  }
  return names[0];
}

async function main() {
  const minutes = Number(process.env.SOAK_MINUTES ?? 10);
  const clients = Number(process.env.SOAK_CLIENTS ?? 8);
  const children = Number(process.env.SOAK_CHILDREN ?? 2000);
  const system = await startScratchSystem('soak', children);
  try {
    const token = await signDevToken(system.keys.idpPrivateKeyFile, fullAccessPrincipal(), '24h');
    const call = async (query: string, variables: Record<string, unknown>) => {
      const response = await fetch(system.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-purpose': 'case-management' },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json().catch(() => ({}))) as { data?: Record<string, unknown>; errors?: { extensions?: { code?: string } }[] };
      return { status: response.status, body };
    };

    // The children the load works on: the demo county's, with their versions as last seen.
    const pool: { id: string; version: number; enrolled: boolean }[] = [];
    let after: string | null = null;
    do {
      const page = await call(
        `query ($p: String, $after: String) { children(first: 100, after: $after, filter: { regionPrefix: $p, status: ACTIVE }) { pageInfo { hasNextPage endCursor } edges { node { id version enrolment { grade } } } } }`,
        { p: DEMO_COUNTY, after },
      );
      const connection = page.body.data?.children as {
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        edges: { node: { id: string; version: number; enrolment: unknown } }[];
      };
      pool.push(...connection.edges.map(({ node }) => ({ id: node.id, version: node.version, enrolled: Boolean(node.enrolment) })));
      after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
    } while (after);
    const enrolled = pool.filter((child) => child.enrolled);
    const registrations: { input: Record<string, unknown>; key: string }[] = [];
    const counties = demoCounties().map((county) => county.code);

    const variablesFor = (name: OperationName): Record<string, unknown> => {
      const child = pool[randomInt(pool.length)];
      switch (name) {
        case 'read page':
          return { p: counties[randomInt(counties.length)], after: null };
        case 'read dossier':
        case 'read access log':
          return { id: child.id };
        case 'read schools':
          return {};
        case 'register child': {
          const gender = randomInt(2) ? 'MALE' : 'FEMALE';
          const birthDate = `201${randomInt(2, 9)}-0${randomInt(1, 10)}-1${randomInt(0, 10)}`;
          const sequence = randomInt(0, 500) * 2 + (gender === 'MALE' ? 1 : 0);
          const input = {
            name: '压测儿童',
            gender,
            birthDate,
            nationalId: composeNationalId('110101', birthDate, sequence),
            householdRegionCode: DEMO_COUNTY,
            residenceRegionCode: DEMO_COUNTY,
            // The reason a file may be opened (issue 11): both parents working away.
            father: { awaySince: '2024-01-15' },
            mother: { awaySince: '2024-03-01' },
          };
          const registration = { input, key: randomUUID() };
          registrations.push(registration);
          return registration;
        }
        case 'retry registration':
          return registrations.length ? registrations[randomInt(registrations.length)] : variablesFor('register child');
        case 'update child':
          return { id: child.id, v: child.version, village: `第${randomInt(1, 20)}组` };
        case 'log talk': {
          const pupil = enrolled[randomInt(enrolled.length)];
          return { input: { childId: pupil.id, heldBy: '班主任', summary: '例行谈心' }, key: randomUUID() };
        }
      }
    };

    const stats: Stats = {
      latencies: Object.fromEntries(Object.keys(OPERATIONS).map((name) => [name, []])) as unknown as Stats['latencies'],
      errors: new Map(),
      conflicts: 0,
      requests: 0,
    };
    const countError = (what: string) => stats.errors.set(what, (stats.errors.get(what) ?? 0) + 1);

    const postmasterFile = join(system.dataDir, 'postgres', 'postmaster.pid');
    const postmaster = existsSync(postmasterFile) ? Number(readFileSync(postmasterFile, 'utf8').split('\n')[0]) : null;
    const urls: Record<string, string> = { ...system.subgraphUrls, gateway: system.gatewayUrl };
    const atStart = await measure(system.pids, urls, postmaster, system.keys.metricsToken);
    console.log(`soak: ${minutes} min, ${clients} clients, ${children} demo children (${pool.length} in ${DEMO_COUNTY})`);

    const started = Date.now();
    const endAt = started + minutes * 60_000;
    const client = async () => {
      while (Date.now() < endAt) {
        const name = pick();
        const variables = variablesFor(name);
        const start = performance.now();
        try {
          const { status, body } = await call(OPERATIONS[name].query, variables);
          stats.latencies[name].push(performance.now() - start);
          stats.requests += 1;
          if (status !== 200) countError(`HTTP ${status}`);
          for (const error of body.errors ?? []) {
            const code = error.extensions?.code ?? 'no code';
            if (code === 'VERSION_CONFLICT') stats.conflicts += 1;
            else countError(code);
          }
          if (name === 'update child') {
            const updated = (body.data?.updateChild as { version?: number } | undefined)?.version;
            const child = pool.find((candidate) => candidate.id === variables.id);
            if (child && updated) child.version = updated;
            else if (child) {
              const fresh = await call(`query ($id: ID!) { child(id: $id) { version } }`, { id: child.id });
              child.version = (fresh.body.data?.child as { version: number } | undefined)?.version ?? child.version;
            }
          }
        } catch (err) {
          stats.requests += 1;
          countError(`connection: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
    };
    // Memory once warm (code compiled, caches and pools filled): growth after it is what would leak.
    let warm: Promise<MemoryReading> | null = null;
    const progress = setInterval(() => {
      warm ??= measure(system.pids, urls, postmaster, system.keys.metricsToken);
      const all = Object.values(stats.latencies)
        .flat()
        .sort((a, b) => a - b);
      const errors = [...stats.errors.values()].reduce((sum, n) => sum + n, 0);
      console.log(
        `  ${((Date.now() - started) / 60_000).toFixed(0)} min: ${stats.requests} requests, ${errors} errors, ${stats.conflicts} version conflicts, p99 ${percentile(all, 0.99).toFixed(0)} ms;` +
          ` MB ${Object.entries(system.pids)
            .map(([name, pid]) => `${name} ${memoryMb(pid).toFixed(0)}`)
            .join(', ')}`,
      );
    }, 60_000);
    await Promise.all(Array.from({ length: clients }, client));
    clearInterval(progress);
    const seconds = (Date.now() - started) / 1000;
    const atEnd = await measure(system.pids, urls, postmaster, system.keys.metricsToken);
    const atOneMinute = warm ? await warm : null;

    console.log(`\nmachine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}`);
    console.log(`${stats.requests} requests in ${seconds.toFixed(0)} s (${(stats.requests / seconds).toFixed(1)}/s)`);
    const errors = [...stats.errors.entries()];
    console.log(`errors: ${errors.length ? errors.map(([what, n]) => `${what} ×${n}`).join(', ') : 'none'}`);
    console.log(`version conflicts (expected under concurrent updates): ${stats.conflicts}`);
    console.log(`\nlatency ms            count     p50     p95     p99     max`);
    const row = (label: string, values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      const cells = [0.5, 0.95, 0.99, 1].map((q) => percentile(sorted, q).toFixed(0).padStart(7));
      console.log(`  ${label.padEnd(20)}${String(sorted.length).padStart(6)} ${cells.join(' ')}`);
    };
    row('all', Object.values(stats.latencies).flat());
    for (const [name, values] of Object.entries(stats.latencies)) row(name, values);
    console.log(`\nmemory MB (PSS; V8 heap in use)     start       at 1 min           end`);
    for (const name of Object.keys(atStart.memory)) {
      const cell = (reading: MemoryReading | null) => {
        const heap = reading?.heap[name];
        return `${(reading?.memory[name] ?? NaN).toFixed(0).padStart(5)}${heap == null ? '      ' : ` (${heap.toFixed(0).padStart(3)})`}`;
      };
      console.log(`  ${name.padEnd(28)}${[atStart, atOneMinute, atEnd].map(cell).join('   ')}`);
    }
  } finally {
    await system.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
