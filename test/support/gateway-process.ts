import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { DEV_AUDIENCE, DEV_ISSUER } from '../../demo/tokens';
import { system } from './system';
import { freePort } from '../../scripts/free-port';

const ROOT = resolve(__dirname, '..', '..', '..');

export interface GatewayProcess {
  url: string;
  /** What the gateway has written to stdout so far (its JSON log lines). */
  output(): string;
  stop(): Promise<void>;
}

/** A second real gateway in front of the suite's subgraphs, with other settings (e.g. strict mode). */
export async function startGateway(env: Record<string, string>): Promise<GatewayProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'dist', 'gateway', 'main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      GATEWAY_PORT: String(port),
      GATEWAY_SUPERGRAPH: join(ROOT, 'schema', 'supergraph.graphql'),
      GATEWAY_JWT_PUBLIC_KEY_FILE: system.keys.idpPublicKeyFile,
      GATEWAY_JWT_ISSUER: DEV_ISSUER,
      GATEWAY_JWT_AUDIENCE: DEV_AUDIENCE,
      INTERNAL_TOKEN_PRIVATE_KEY_FILE: system.keys.internalPrivateKeyFile,
      CIVIL_AFFAIRS_URL: system.subgraphUrls['civil-affairs'],
      EDUCATION_URL: system.subgraphUrls.education,
      WOMENS_FEDERATION_URL: system.subgraphUrls['womens-federation'],
      ...env,
    },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the gateway exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('the gateway did not start');
    await new Promise((done) => setTimeout(done, 200));
  }
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    output: () => output,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}
