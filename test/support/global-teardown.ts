import type { ChildProcess } from 'node:child_process';

/**
 * Stops the system started by global-setup: the start script stops the gateway, the subgraphs
 * and PostgreSQL. If it has not finished in time, its whole process group is killed, so no
 * process outlives the suite.
 */
export default async function globalTeardown(): Promise<void> {
  const child = (globalThis as { __system?: ChildProcess }).__system;
  if (!child?.pid || child.exitCode !== null) return;
  const exited = new Promise<boolean>((done) => child.once('exit', () => done(true)));
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((done) => (timer = setTimeout(() => done(false), 45_000)));
  child.kill('SIGINT');
  const clean = await Promise.race([exited, timedOut]);
  // A pending timer would keep Jest alive for its full length after a clean stop.
  clearTimeout(timer);
  try {
    // Whatever is left in the group (nothing after a clean stop) is killed.
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // The group is gone: everything stopped.
  }
  if (!clean) console.warn('The system did not stop within 45 s; its processes were killed.');
}
