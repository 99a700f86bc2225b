/**
 * Loaded with `node --require` into the gateways and subgraphs by `npm run bench` and `npm run
 * bench:peers` when BENCH_PROFILE names a folder (scripts/cpu-profiling.ts): each SIGUSR2 starts,
 * and the next stops, a CPU profile of the process (the V8 inspector's sampler), written to that
 * folder as `<process>-<n>.cpuprofile` (open it in Chrome DevTools or speedscope, or summarise it
 * with scripts/profile-shares.ts). Only the measured load is sampled, not start-up.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

const dir = process.env.BENCH_PROFILE;
// Every process the benchmark starts inherits the option; only the gateways and subgraphs take part.
const script = process.argv[1] ?? '';
const name = /gateway[\\/]main\.js$/.test(script)
  ? 'gateway'
  : (/peers[\\/]([\w-]+-gateway)\.mjs$/.exec(script)?.[1] ?? /subgraphs[\\/]([\w-]+)[\\/]main\.js$/.exec(script)?.[1] ?? null);
if (dir && name) {
  const session = new Session();
  session.connect();
  let running = false;
  let taken = 0;
  process.on('SIGUSR2', () => {
    if (!running) {
      running = true;
      session.post('Profiler.enable', () => session.post('Profiler.start'));
      return;
    }
    running = false;
    session.post('Profiler.stop', (err, result) => {
      if (!err) writeFileSync(join(dir, `${name}-${++taken}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
