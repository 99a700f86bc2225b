import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { parseEnv, port, postgresUrl } from '../platform/env';
import { SUBGRAPHS, type SubgraphName } from '../platform/subgraphs';
import { startSystem } from './system';

/**
 * `npm start`: the whole system on this machine. Ctrl-C stops every process and PostgreSQL.
 * `npm start -- --reset` first deletes the data folder, so the demo data is generated anew.
 */
async function main() {
  const env = parseEnv(
    z.object({
      DATA_DIR: z.string().default('.data'),
      GATEWAY_PORT: port(4000),
      POSTGRES_PORT: port(54329),
      POSTGRES_ADMIN_URL: postgresUrl.optional(),
      DEMO_CHILDREN: z.coerce.number().int().min(1).max(1_000_000).default(2000),
      DEMO_SEED: z.coerce.number().int().default(2026),
      NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
      LOG_FILE: z.string().optional(),
      // Per agency: its port, and optionally its application-role and owner database URLs.
      ...Object.fromEntries(
        SUBGRAPHS.flatMap(({ envPrefix, defaultPort }) => [
          [`${envPrefix}_PORT`, port(defaultPort)],
          [`${envPrefix}_DATABASE_URL`, postgresUrl.optional()],
          [`${envPrefix}_OWNER_DATABASE_URL`, postgresUrl.optional()],
          [`${envPrefix}_FEED_DATABASE_URL`, postgresUrl.optional()],
        ]),
      ),
    }),
  ) as Record<string, string | undefined> & {
    DATA_DIR: string;
    GATEWAY_PORT: number;
    POSTGRES_PORT: number;
    DEMO_CHILDREN: number;
    DEMO_SEED: number;
    NODE_ENV: string;
  };
  const agency = (envPrefix: string, suffix: string) => env[`${envPrefix}_${suffix}`] as unknown;
  const external = SUBGRAPHS.flatMap(({ envPrefix }) => [agency(envPrefix, 'DATABASE_URL'), agency(envPrefix, 'OWNER_DATABASE_URL')]);
  if (external.some(Boolean) && !external.every(Boolean)) {
    throw new Error(
      'Set, for each of CIVIL_AFFAIRS, EDUCATION and WOMENS_FEDERATION, both <AGENCY>_DATABASE_URL (the application role) ' +
        'and <AGENCY>_OWNER_DATABASE_URL (the owner, for migrations), or none of them.',
    );
  }
  const dataDir = resolve(env.DATA_DIR);
  if (process.argv.includes('--reset')) {
    // Re-generates the demo world (at DEMO_CHILDREN, e.g. for benchmarks) on a new embedded database.
    if (external.some(Boolean) || env.POSTGRES_ADMIN_URL) throw new Error('--reset only resets the embedded database; drop external databases yourself.');
    rmSync(dataDir, { recursive: true, force: true });
    console.log(`Removed ${dataDir}; starting afresh with ${env.DEMO_CHILDREN} demo children.`);
  }
  const system = await startSystem({
    dataDir,
    gatewayPort: env.GATEWAY_PORT,
    subgraphPorts: Object.fromEntries(SUBGRAPHS.map(({ name, envPrefix }) => [name, agency(envPrefix, 'PORT') as number])) as Record<SubgraphName, number>,
    postgresPort: env.POSTGRES_PORT,
    externalDatabaseUrls: external.every(Boolean)
      ? {
          app: Object.fromEntries(SUBGRAPHS.map(({ name, envPrefix }) => [name, agency(envPrefix, 'DATABASE_URL') as string])) as Record<SubgraphName, string>,
          owner: Object.fromEntries(SUBGRAPHS.map(({ name, envPrefix }) => [name, agency(envPrefix, 'OWNER_DATABASE_URL') as string])) as Record<
            SubgraphName,
            string
          >,
          feed: Object.fromEntries(
            SUBGRAPHS.flatMap(({ name, envPrefix }) =>
              agency(envPrefix, 'FEED_DATABASE_URL') ? [[name, agency(envPrefix, 'FEED_DATABASE_URL') as string]] : [],
            ),
          ),
        }
      : null,
    externalAdminUrl: env.POSTGRES_ADMIN_URL ?? null,
    demoChildren: env.DEMO_CHILDREN,
    demoSeed: env.DEMO_SEED,
    nodeEnv: env.NODE_ENV,
    logFile: env.LOG_FILE ?? null,
  });

  const lines = [
    '',
    'Child registry federation is running.',
    `  Gateway:  ${system.gatewayUrl}`,
    `  Tokens:   ${resolve(dataDir, 'demo-tokens.json')}`,
    '',
    'Demo tokens (valid 12 hours; send as "Authorization: Bearer <token>"):',
    ...Object.entries(system.tokens).flatMap(([role, token]) => [`  ${role}:`, `    ${token}`]),
    '',
    'Try:',
    `  curl -s ${system.gatewayUrl} -H 'content-type: application/json' \\`,
    `    -H "authorization: Bearer $(node -p "require('${resolve(dataDir, 'demo-tokens.json')}')['civil-affairs-case-worker']")" \\`,
    `    -H 'x-purpose: case-management' \\`,
    `    -d '{"query":"{ children(first: 3) { edges { node { id name classification { type } enrolment { grade school { name } } pairings { helperName } } } } }"}'`,
    '',
    'Press Ctrl-C to stop.',
    'READY',
  ];
  console.log(lines.join('\n'));

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('Stopping...');
    await system.stop();
    console.log('Stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
