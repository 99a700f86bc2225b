import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';
import { startSystem, type RunningSystem } from './system';

/**
 * A fresh system in a temporary folder (embedded PostgreSQL, or POSTGRES_ADMIN_URL), with
 * `children` demo children, on free ports, for the benchmark and the soak. `stop` also removes the
 * folder.
 */
export async function startScratchSystem(label: string, children: number): Promise<RunningSystem & { dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), `child-registry-${label}-`));
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
  return {
    ...system,
    dataDir,
    stop: async () => {
      await system.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
