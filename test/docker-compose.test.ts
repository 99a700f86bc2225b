import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { GATEWAY_ENV_VARIABLES, loadGatewayConfig } from '../gateway/config';
import { LOG_LEVEL_VARIABLE } from '../platform/logger';
import { SUBGRAPH_NODE_OPTIONS, SUBGRAPHS } from '../platform/subgraphs';
import { ensureDevKeys } from '../scripts/dev-keys';
import { NATIONAL_ID_ENV_VARIABLES } from '../subgraphs/civil-affairs/config';
import { loadSubgraphConfig, subgraphEnvVariables } from '../subgraphs/shared/config';

/**
 * No Docker engine runs on these machines, so this checks what can be checked of the compose
 * path: it parses, every variable it sets is one the config reads (and the config accepts the
 * values), every command exists, and the key files it names are the ones we generate.
 */
const ROOT = resolve(__dirname, '..', '..');
interface Service {
  build?: string;
  stop_grace_period?: string;
  command?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
  volumes?: string[];
}
const compose: { services: Record<string, Service> } = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true });

/** Compose's `${NAME:-default}`, as an unset environment would resolve it. */
const withDefaults = (env: Record<string, string>) =>
  Object.fromEntries(Object.entries(env).map(([key, value]) => [key, String(value).replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1')]));

describe('docker-compose.yml', () => {
  it('has PostgreSQL, one service per subgraph and the gateway, each built from the repo', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['postgres', 'credentials', 'gateway', ...SUBGRAPHS.map((subgraph) => subgraph.name)].sort());
    for (const name of ['credentials', 'gateway', ...SUBGRAPHS.map((subgraph) => subgraph.name)]) expect(compose.services[name].build).toBe('.');
  });

  it('starts each service with a command the build produces', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      if (!service.build) continue;
      expect(service.command?.[0]).toBe('node');
      expect({ name, exists: existsSync(join(ROOT, service.command![1])) }).toEqual({ name, exists: true });
    }
  });

  it.each(SUBGRAPHS.map((subgraph) => [subgraph.name, subgraph] as const))('gives %s only variables its config reads, and valid ones', (name, subgraph) => {
    const service = compose.services[name];
    const env = withDefaults(service.environment ?? {});
    const allowed = [...subgraphEnvVariables(name), LOG_LEVEL_VARIABLE, 'NODE_OPTIONS', ...(name === 'civil-affairs' ? NATIONAL_ID_ENV_VARIABLES : [])];
    expect(Object.keys(env).filter((key) => !allowed.includes(key))).toEqual([]);
    // Node runs it as every other start of a subgraph does (scripts/system.ts, the tests' replicas).
    expect(env.NODE_OPTIONS).toBe(SUBGRAPH_NODE_OPTIONS);
    const config = loadSubgraphConfig(name, env);
    expect(new URL(config.databaseUrl).pathname).toBe(`/${subgraph.database}`);
    expect(service.healthcheck?.test.join(' ')).toContain(`localhost:${config.port}/health`);
  });

  it('gives the gateway only variables its config reads, pointing at the subgraph services', () => {
    const service = compose.services.gateway;
    const env = withDefaults(service.environment ?? {});
    expect(Object.keys(env).filter((key) => ![...GATEWAY_ENV_VARIABLES, LOG_LEVEL_VARIABLE].includes(key))).toEqual([]);
    const config = loadGatewayConfig(env);
    for (const { name, envPrefix } of SUBGRAPHS) {
      const port = withDefaults(compose.services[name].environment!)[`${envPrefix}_PORT`];
      expect(config.subgraphUrls[name]).toBe(`http://${name}:${port}/graphql`);
    }
    expect(existsSync(join(ROOT, config.supergraph))).toBe(true);
  });

  it('names key files the credentials service creates', () => {
    const keys = ensureDevKeys(mkdtempSync(join(tmpdir(), 'keys-')));
    const created = [...Object.values(keys), ...Object.values(keys.internalTokenKeyFiles)]
      .filter((value): value is string => typeof value === 'string' && value.startsWith('/')) // paths; a base64 secret may hold a '/' too
      .map((file) => basename(file));
    created.push('national-id-encryption.key', 'national-id-hmac.key');
    const named = Object.values(compose.services)
      .flatMap((service) => Object.values(withDefaults(service.environment ?? {})))
      .filter((value) => value.startsWith('/data/keys/'))
      .map((value) => basename(value));
    expect(named.length).toBeGreaterThan(4);
    for (const file of named) expect(created).toContain(file);
  });

  it('creates the databases the subgraphs connect to', () => {
    const init = readFileSync(join(ROOT, 'deploy', 'postgres-init.sh'), 'utf8');
    for (const { database } of SUBGRAPHS) expect(init).toContain(`${database}:`);
  });

  it('checks each process’s readiness, and gives it longer to stop than it gives its requests to finish', () => {
    const gateway = loadGatewayConfig(withDefaults(compose.services.gateway.environment ?? {}));
    expect(compose.services.gateway.healthcheck?.test.join(' ')).toContain(`localhost:${gateway.port}/health'`);
    for (const name of ['gateway', ...SUBGRAPHS.map((subgraph) => subgraph.name)]) {
      const grace = Number(/^(\d+)s$/.exec(compose.services[name].stop_grace_period ?? '')?.[1]);
      expect({ name, grace: grace * 1000 > gateway.shutdownGraceMs }).toEqual({ name, grace: true });
    }
  });

  it('builds from files that exist', () => {
    const copies = readFileSync(join(ROOT, 'Dockerfile'), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('COPY ') && !line.includes('--from'))
      .flatMap((line) => line.slice(5).trim().split(/\s+/).slice(0, -1));
    expect(copies.length).toBeGreaterThan(5);
    for (const source of copies) expect({ source, exists: existsSync(join(ROOT, source)) }).toEqual({ source, exists: true });
  });
});
