import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEV_AUDIENCE, DEV_ISSUER } from '../demo/tokens';
import type { SubgraphName } from '../platform/subgraphs';
import type { DevKeys } from './dev-keys';
import { freePort } from './free-port';
import { internalTokenKeyVariables } from './system';

const ROOT = resolve(__dirname, '..', '..');
/** Other gateways, with their own package.json and lock file: never the product's dependencies. */
export const PEERS_DIR = join(ROOT, 'peers');

/** `npm ci` in peers/ when one of its dependencies is not installed there. */
export function ensurePeersInstalled(): void {
  const { dependencies } = JSON.parse(readFileSync(join(PEERS_DIR, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  if (Object.keys(dependencies).every((name) => existsSync(join(PEERS_DIR, 'node_modules', name, 'package.json')))) return;
  console.log('installing the peer gateways into peers/ (npm ci)...');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: PEERS_DIR, stdio: 'pipe' });
}

export interface PeerGateway {
  url: string;
  pid: number;
  stop: () => Promise<void>;
}

/**
 * Starts a peer gateway script of peers/ (`hive-gateway.mjs`, `apollo-gateway.mjs`) on a free port,
 * on `supergraphFile`, in front of the given subgraphs, checking user tokens of the dev issuer and
 * signing subgraph calls with the subgraphs' keys; resolves once it listens.
 */
export async function startPeerGateway(
  script: string,
  system: { subgraphUrls: Record<SubgraphName, string>; keys: DevKeys },
  supergraphFile: string,
  path: string,
): Promise<PeerGateway> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(PEERS_DIR, script)], {
    cwd: PEERS_DIR,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      APOLLO_TELEMETRY_DISABLED: 'true',
      PORT: String(port),
      SUPERGRAPH: supergraphFile,
      CIVIL_AFFAIRS_URL: system.subgraphUrls['civil-affairs'],
      EDUCATION_URL: system.subgraphUrls.education,
      WOMENS_FEDERATION_URL: system.subgraphUrls['womens-federation'],
      GATEWAY_JWT_PUBLIC_KEY_FILE: system.keys.idpPublicKeyFile,
      GATEWAY_JWT_ISSUER: DEV_ISSUER,
      GATEWAY_JWT_AUDIENCE: DEV_AUDIENCE,
      ...internalTokenKeyVariables(system.keys),
      PROJECT_DIST: join(ROOT, 'dist'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((done) => child.once('exit', done));
    // Peers may wait for open keep-alive connections on SIGTERM; they hold nothing worth a grace period.
    child.kill('SIGKILL');
    await exited;
  };
  let output = '';
  await new Promise<void>((ready, failed) => {
    const timer = setTimeout(() => failed(new Error(`${script} did not start within 60 s:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('listening')) {
        clearTimeout(timer);
        ready();
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      failed(new Error(`${script} exited with code ${code} while starting:\n${output}`));
    });
  }).catch(async (err: unknown) => {
    await stop();
    throw err;
  });
  return { url: `http://127.0.0.1:${port}${path}`, pid: child.pid!, stop };
}
