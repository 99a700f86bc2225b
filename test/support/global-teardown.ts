import type { ChildProcess } from 'node:child_process';

/** Stops the system started by global-setup: subgraphs, gateway and PostgreSQL. */
export default async function globalTeardown(): Promise<void> {
  const child = (globalThis as { __system?: ChildProcess }).__system;
  if (!child || child.exitCode !== null) return;
  await new Promise<void>((done) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    child.kill('SIGINT');
  });
}
