import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * BENCH_PROFILE=<folder>: the processes a benchmark starts after this call load
 * scripts/cpu-profile-preload.js, which starts a CPU profile on SIGUSR2 and writes it on the next.
 * Returns the folder, or null when no profile is asked for.
 */
export function armProfiling(): string | null {
  const dir = process.env.BENCH_PROFILE ? resolve(process.env.BENCH_PROFILE) : null;
  if (!dir) return null;
  mkdirSync(dir, { recursive: true });
  process.env.BENCH_PROFILE = dir;
  process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --require ${join(__dirname, 'cpu-profile-preload.js')}`.trim();
  return dir;
}

/**
 * Runs `load` with the named processes profiled (when BENCH_PROFILE is armed), then waits until
 * each has written its profile, so a system stopped right after loses none.
 */
export async function whileProfiled<T>(pids: number[], load: () => Promise<T>): Promise<T> {
  const dir = process.env.BENCH_PROFILE;
  if (!dir) return load();
  const before = readdirSync(dir).length;
  for (const pid of pids) process.kill(pid, 'SIGUSR2');
  const result = await load();
  for (const pid of pids) process.kill(pid, 'SIGUSR2');
  const deadline = Date.now() + 30_000;
  while (existsSync(dir) && readdirSync(dir).length < before + pids.length && Date.now() < deadline) await new Promise((done) => setTimeout(done, 200));
  return result;
}
