import { cpuSeconds } from './process-cpu';

export interface LoadOptions {
  /** Requests in flight at once (each connection sends its next as soon as its last is answered). */
  connections: number;
  seconds: number;
  /** Unmeasured seconds first: code compiled, pools and caches filled. */
  warmUpSeconds: number;
  /** The system's processes, whose CPU is read before and after. */
  pids: Record<string, number>;
}

export interface LoadResult {
  requests: number;
  failures: number;
  rps: number;
  p50: number;
  p99: number;
  /** Milliseconds of CPU per answered request, per process (and PostgreSQL as a whole). */
  cpuMsPerRequest: Record<string, number>;
}

/** Keeps `connections` requests in flight for the time given; a failed one counts but is not timed. */
export async function runLoad(send: () => Promise<void>, options: LoadOptions): Promise<LoadResult> {
  const loop = async (until: number, timings: number[] | null, failures: { count: number }) => {
    while (performance.now() < until) {
      const start = performance.now();
      try {
        await send();
        timings?.push(performance.now() - start);
      } catch {
        failures.count++;
      }
    }
  };
  const connections = Array.from({ length: options.connections });
  const warmUpEnd = performance.now() + options.warmUpSeconds * 1000;
  await Promise.all(connections.map(() => loop(warmUpEnd, null, { count: 0 })));

  const timings: number[] = [];
  const failures = { count: 0 };
  const cpuBefore = cpuSeconds(options.pids);
  const start = performance.now();
  await Promise.all(connections.map(() => loop(start + options.seconds * 1000, timings, failures)));
  const elapsed = (performance.now() - start) / 1000;
  const cpuAfter = cpuSeconds(options.pids);

  timings.sort((a, b) => a - b);
  const at = (q: number) => timings[Math.min(timings.length - 1, Math.floor(q * timings.length))] ?? NaN;
  const answered = Math.max(1, timings.length);
  return {
    requests: timings.length,
    failures: failures.count,
    rps: timings.length / elapsed,
    p50: at(0.5),
    p99: at(0.99),
    cpuMsPerRequest: Object.fromEntries(Object.keys(cpuAfter).map((name) => [name, ((cpuAfter[name] - (cpuBefore[name] ?? 0)) * 1000) / answered])),
  };
}

/** CPU per request of the whole system: the processes, PostgreSQL once (its `postgresql:` parts are its split). */
export function totalCpuMs(cpuMsPerRequest: Record<string, number>): number {
  return Object.entries(cpuMsPerRequest)
    .filter(([name]) => !name.includes(':'))
    .reduce((sum, [, ms]) => sum + ms, 0);
}

/** One line of the throughput table. */
export function formatLoad(label: string, result: LoadResult): string {
  const cpu = Object.entries(result.cpuMsPerRequest)
    .filter(([name, ms]) => ms > 0 && !name.includes(':'))
    .map(([name, ms]) => `${name} ${ms.toFixed(2)}`)
    .join(', ');
  const postgres = Object.entries(result.cpuMsPerRequest)
    .filter(([name]) => name.startsWith('postgresql:'))
    .map(([name, ms]) => `${name.slice('postgresql:'.length)} ${ms.toFixed(2)}`)
    .join(', ');
  const failed = result.failures ? `  (${result.failures} failed)` : '';
  return `  ${label.padEnd(38)} ${result.rps.toFixed(1).padStart(7)} rps  p50 ${result.p50.toFixed(1).padStart(6)} ms  p99 ${result.p99.toFixed(1).padStart(6)} ms${failed}\n  ${''.padEnd(38)} CPU ms per request: ${cpu}\n  ${''.padEnd(38)} of which PostgreSQL: ${postgres}`;
}
