import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, writeFileSync, type WriteStream } from 'node:fs';
import { join, resolve } from 'node:path';
import { SUBGRAPHS, subgraphInfo, subgraphNodeOptions, type SubgraphName } from '../platform/subgraphs';
import { subscriptionsOf } from '../schema/published-sets';
import { DEV_AUDIENCE, DEV_ISSUER, signDemoTokens } from '../demo/tokens';
import { ensureDevKeys, type DevKeys } from './dev-keys';
import { provisionDatabases, startEmbeddedPostgres, type DatabaseUrls, type EmbeddedPostgresHandle } from './embedded-postgres';

const ROOT = resolve(__dirname, '..', '..');

export interface SystemOptions {
  dataDir: string;
  gatewayPort: number;
  subgraphPorts: Record<SubgraphName, number>;
  postgresPort: number;
  /** Per subgraph, its application-role and owner URLs: use an external PostgreSQL instead of the embedded one. */
  externalDatabaseUrls: DatabaseUrls | null;
  /** An administrator URL of an external PostgreSQL on which to create the databases and roles. */
  externalAdminUrl: string | null;
  demoChildren: number;
  demoSeed: number;
  nodeEnv: string;
  /** Where process output goes: the console (with a prefix) or a log file. */
  logFile: string | null;
}

export interface RunningSystem {
  gatewayUrl: string;
  subgraphUrls: Record<SubgraphName, string>;
  /** The application role's URLs (what the services run as) and the owners' (migrations, inspection). */
  databaseUrls: DatabaseUrls;
  superuserUrl: string | null;
  keys: DevKeys;
  tokens: Record<string, string>;
  /** Each process's id, by name (gateway, the subgraphs), for watching their memory. */
  pids: Record<string, number>;
  stop: () => Promise<void>;
}

/** The gateway's <AGENCY>_INTERNAL_TOKEN_KEY_FILE variables: every subgraph's key. */
export function internalTokenKeyVariables(keys: DevKeys): Record<string, string> {
  return Object.fromEntries(SUBGRAPHS.map(({ name, envPrefix }) => [`${envPrefix}_INTERNAL_TOKEN_KEY_FILE`, keys.internalTokenKeyFiles[name]]));
}

async function waitForHealth(url: string, child: ChildProcess, name: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode} while starting (see its log above)`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`${name} did not become healthy at ${url} within ${timeoutMs / 1000}s`);
}

function stopProcess(child: ChildProcess, timeoutMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Starts the whole system: PostgreSQL (embedded unless URLs are given), the three databases and
 * roles, the three subgraphs (each migrating and loading demo data on first start) and the gateway.
 */
export async function startSystem(options: SystemOptions): Promise<RunningSystem> {
  mkdirSync(options.dataDir, { recursive: true });
  const keys = ensureDevKeys(options.dataDir);
  const logStream: WriteStream | null = options.logFile ? createWriteStream(options.logFile, { flags: 'a' }) : null;
  const write = (name: string, line: string) => {
    if (!line.trim()) return;
    if (logStream) logStream.write(`[${name}] ${line}\n`);
    else process.stdout.write(`[${name}] ${line}\n`);
  };

  let postgres: EmbeddedPostgresHandle | null = null;
  const children: ChildProcess[] = [];
  const pids: Record<string, number> = {};
  const stop = async () => {
    // The gateway first (no new work reaches the subgraphs), then the subgraphs together.
    const [gateway, ...subgraphs] = [...children].reverse();
    if (gateway) await stopProcess(gateway);
    await Promise.all(subgraphs.map((child) => stopProcess(child)));
    if (postgres) await postgres.stop();
    logStream?.end();
  };

  try {
    let databaseUrls = options.externalDatabaseUrls;
    let superuserUrl = options.externalAdminUrl;
    if (!databaseUrls && !superuserUrl) {
      postgres = await startEmbeddedPostgres(options.dataDir, options.postgresPort, (line) => write('postgres', line));
      superuserUrl = postgres.superuserUrl;
    }
    if (!databaseUrls) databaseUrls = await provisionDatabases(superuserUrl!, options.dataDir);

    const spawnService = (name: string, script: string, env: Record<string, string>) => {
      const child = spawn(process.execPath, [join(ROOT, 'dist', script)], {
        cwd: ROOT,
        env: { ...process.env, NODE_ENV: options.nodeEnv, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      for (const stream of [child.stdout!, child.stderr!]) {
        let buffer = '';
        stream.on('data', (chunk: Buffer) => {
          buffer += chunk.toString('utf8');
          const lines = buffer.split('\n');
          buffer = lines.pop()!;
          for (const line of lines) write(name, line);
        });
      }
      children.push(child);
      if (child.pid) pids[name] = child.pid;
      return child;
    };

    const subgraphUrls = {} as Record<SubgraphName, string>;
    const starting: Promise<void>[] = [];
    for (const { name, envPrefix } of SUBGRAPHS) {
      const port = options.subgraphPorts[name];
      const child = spawnService(name, `subgraphs/${name}/main.js`, {
        [`${envPrefix}_PORT`]: String(port),
        [`${envPrefix}_DATABASE_URL`]: databaseUrls.app[name],
        [`${envPrefix}_OWNER_DATABASE_URL`]: databaseUrls.owner[name],
        // The feed roles of the agencies whose sets this one subscribes to.
        ...Object.fromEntries(
          subscriptionsOf(name).flatMap(({ publisher }) => {
            const feedUrl = databaseUrls.feed[publisher];
            return feedUrl ? [[`${subgraphInfo(publisher).envPrefix}_FEED_DATABASE_URL`, feedUrl]] : [];
          }),
        ),
        INTERNAL_TOKEN_KEY_FILE: keys.internalTokenKeyFiles[name],
        NODE_OPTIONS: subgraphNodeOptions(),
        NATIONAL_ID_ENCRYPTION_KEY: keys.nationalIdEncryptionKey,
        NATIONAL_ID_HMAC_KEY: keys.nationalIdHmacKey,
        CURSOR_KEY: keys.cursorKey,
        METRICS_TOKEN: keys.metricsToken,
        DB_MIGRATE_ON_START: 'true',
        DEMO_DATA: 'true',
        DEMO_CHILDREN: String(options.demoChildren),
        DEMO_SEED: String(options.demoSeed),
      });
      subgraphUrls[name] = `http://127.0.0.1:${port}/graphql`;
      // A subgraph seeds its demo data before it is healthy: allow for the size asked (about a minute per 10,000 children here).
      starting.push(waitForHealth(`http://127.0.0.1:${port}/health`, child, name, 90_000 + Math.ceil(options.demoChildren / 10_000) * 60_000));
    }
    await Promise.all(starting);

    const gateway = spawnService('gateway', 'gateway/main.js', {
      GATEWAY_PORT: String(options.gatewayPort),
      GATEWAY_SUPERGRAPH: join(ROOT, 'schema', 'supergraph.graphql'),
      GATEWAY_JWT_PUBLIC_KEY_FILE: keys.idpPublicKeyFile,
      GATEWAY_JWT_ISSUER: DEV_ISSUER,
      GATEWAY_JWT_AUDIENCE: DEV_AUDIENCE,
      GATEWAY_JWT_ALGORITHMS: 'ES256',
      ...internalTokenKeyVariables(keys),
      // The IDE's role links hold the demo tokens, in development only (the gateway refuses them otherwise).
      ...(options.nodeEnv === 'development' ? { GATEWAY_IDE_DEMO_TOKENS_FILE: join(options.dataDir, 'demo-tokens.json') } : {}),
      METRICS_TOKEN: keys.metricsToken,
      ...Object.fromEntries(SUBGRAPHS.map(({ name, envPrefix }) => [`${envPrefix}_URL`, subgraphUrls[name]])),
    });
    await waitForHealth(`http://127.0.0.1:${options.gatewayPort}/health`, gateway, 'gateway');

    const tokens = await signDemoTokens(keys.idpPrivateKeyFile, options.demoSeed);

    const system = {
      gatewayUrl: `http://127.0.0.1:${options.gatewayPort}/graphql`,
      subgraphUrls,
      databaseUrls,
      superuserUrl,
      keys,
      tokens,
    };
    writeFileSync(join(options.dataDir, 'demo-tokens.json'), JSON.stringify(tokens, null, 2) + '\n');
    writeFileSync(join(options.dataDir, 'system.json'), JSON.stringify(system, null, 2) + '\n', { mode: 0o600 });
    return { ...system, pids, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
