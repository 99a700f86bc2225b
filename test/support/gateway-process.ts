import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { DEV_AUDIENCE, DEV_ISSUER } from '../../demo/tokens';
import { subgraphInfo, subgraphNodeOptions, type SubgraphName } from '../../platform/subgraphs';
import { system } from './system';
import { freePort } from '../../scripts/free-port';
import { internalTokenKeyVariables } from '../../scripts/system';

const ROOT = resolve(__dirname, '..', '..', '..');

export interface ServiceProcess {
  /** Its GraphQL endpoint. */
  url: string;
  /** Its process id (to pause it with SIGSTOP, say). */
  pid: number;
  /** What it has written to stdout so far (its JSON log lines). */
  output(): string;
  /** Sends a signal and resolves with the exit code once it has exited. */
  signal(signal: NodeJS.Signals): Promise<number | null>;
  /** SIGTERM (after SIGCONT, in case it was paused), and waits until it has exited. */
  stop(): Promise<void>;
}

export type GatewayProcess = ServiceProcess;

/** Starts one of the built processes and waits until its liveness answers. */
async function startProcess(script: string, port: number, env: Record<string, string>): Promise<ServiceProcess> {
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'dist', script)], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited with code ${child.exitCode}: ${output}`);
    try {
      // Liveness: it answers, whatever state its dependencies are in.
      if ((await fetch(`http://127.0.0.1:${port}/health/live`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${script} did not start`);
    await new Promise((done) => setTimeout(done, 200));
  }
  const signal = (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    return exited;
  };
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    pid: child.pid!,
    output: () => output,
    signal,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGCONT');
      await signal('SIGTERM');
    },
  };
}

/** A second real gateway in front of the suite's subgraphs (or others), with other settings (e.g. strict mode). */
export async function startGateway(env: Record<string, string>): Promise<GatewayProcess> {
  const port = await freePort();
  return startProcess(join('gateway', 'main.js'), port, {
    GATEWAY_PORT: String(port),
    GATEWAY_SUPERGRAPH: join(ROOT, 'schema', 'supergraph.graphql'),
    GATEWAY_JWT_PUBLIC_KEY_FILE: system.keys.idpPublicKeyFile,
    GATEWAY_JWT_ISSUER: DEV_ISSUER,
    GATEWAY_JWT_AUDIENCE: DEV_AUDIENCE,
    ...internalTokenKeyVariables(system.keys),
    METRICS_TOKEN: system.keys.metricsToken,
    CIVIL_AFFAIRS_URL: system.subgraphUrls['civil-affairs'],
    EDUCATION_URL: system.subgraphUrls.education,
    WOMENS_FEDERATION_URL: system.subgraphUrls['womens-federation'],
    ...env,
  });
}

/**
 * A second replica of a subgraph on the suite's database (as its application role; it neither
 * migrates nor seeds), for tests that pause or stop one without touching the shared system.
 */
export async function startSubgraph(name: SubgraphName, env: Record<string, string> = {}): Promise<ServiceProcess> {
  const port = await freePort();
  const { envPrefix } = subgraphInfo(name);
  return startProcess(join('subgraphs', name, 'main.js'), port, {
    [`${envPrefix}_PORT`]: String(port),
    [`${envPrefix}_DATABASE_URL`]: system.databaseUrls.app[name],
    INTERNAL_TOKEN_KEY_FILE: system.keys.internalTokenKeyFiles[name],
    NODE_OPTIONS: subgraphNodeOptions(),
    // Replicas share the cursor key, so a page's cursor from one replica opens on another.
    CURSOR_KEY: system.keys.cursorKey,
    METRICS_TOKEN: system.keys.metricsToken,
    ...(name === 'civil-affairs'
      ? { NATIONAL_ID_ENCRYPTION_KEY: system.keys.nationalIdEncryptionKey, NATIONAL_ID_HMAC_KEY: system.keys.nationalIdHmacKey }
      : {}),
    ...env,
  });
}
