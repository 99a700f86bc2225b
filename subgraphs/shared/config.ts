import { readFileSync } from 'node:fs';
import { z } from 'zod';
import {
  base64Key,
  bodySize,
  filePath,
  flag,
  METRICS_TOKEN_VARIABLES,
  milliseconds,
  nodeEnv,
  parseEnv,
  port,
  postgresUrl,
  shutdownGraceSeconds,
} from '../../platform/env';
import { subgraphInfo, type SubgraphName } from '../../platform/subgraphs';
import { subscriptionsOf } from '../../schema/published-sets';
import { feedUrlVariable } from './feeds/subscription-names';
import type { TransactionLimits } from './request-transaction';

/** Everything a subgraph process reads from its environment, validated at start. */
export interface SubgraphConfig {
  name: SubgraphName;
  port: number;
  /** The application role, which owns nothing and is bound by row-level security. */
  databaseUrl: string;
  /** The owner, for migrations and demo data; needed only when either runs at start. */
  ownerDatabaseUrl: string | null;
  /** The HMAC key of this subgraph's internal tokens (its own; the gateway signs its calls with it). */
  internalTokenKeyFile: string;
  development: boolean;
  migrateOnStart: boolean;
  demoData: { enabled: boolean; children: number; seed: number };
  bodyLimit: string;
  dbPoolSize: number;
  /** How long waiting for a pooled connection (or a new one) may take before the request fails as an outage. */
  dbConnectTimeoutMs: number;
  /** Each request's transaction: statement and lock timeouts, idle limit, overall deadline. */
  transactionLimits: TransactionLimits;
  /** On SIGTERM, how long in-flight requests may take to finish before the process closes anyway. */
  shutdownGraceMs: number;
  feeds: {
    /** Per publisher of a set this agency subscribes to: a connection to its database as its feed role. */
    urls: Partial<Record<SubgraphName, string>>;
    /** How often this agency's published sets beat (subscribers measure their lag by it). */
    heartbeatSeconds: number;
    /** How often they are fully recomputed, for facts that change with time alone. */
    refreshMinutes: number;
  };
  /** How often today's report figures are recorded again (the day's last recording stands for it). */
  reportRecordMinutes: number;
}

function subgraphEnvSchema(name: SubgraphName) {
  const { envPrefix, defaultPort } = subgraphInfo(name);
  return z.object({
    NODE_ENV: nodeEnv,
    [`${envPrefix}_PORT`]: port(defaultPort),
    [`${envPrefix}_DATABASE_URL`]: postgresUrl,
    [`${envPrefix}_OWNER_DATABASE_URL`]: postgresUrl.optional(),
    INTERNAL_TOKEN_KEY_FILE: filePath,
    DB_MIGRATE_ON_START: flag(false),
    DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    DB_CONNECT_TIMEOUT_MS: milliseconds(3000),
    DB_STATEMENT_TIMEOUT_MS: milliseconds(5000),
    DB_LOCK_TIMEOUT_MS: milliseconds(2000),
    DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: milliseconds(10_000),
    REQUEST_DEADLINE_MS: milliseconds(8000),
    SHUTDOWN_GRACE_SECONDS: shutdownGraceSeconds,
    DEMO_DATA: flag(false),
    DEMO_CHILDREN: z.coerce.number().int().min(1).max(1_000_000).default(2000),
    DEMO_SEED: z.coerce.number().int().default(2026),
    // Read only from a caller whose internal token verified (the gateway): what its plans may carry,
    // such as a page of children with each agency's access-log entries for the merge.
    BODY_LIMIT: bodySize('32mb'),
    // Read by loadCursorKey: 32 bytes, base64; or CURSOR_KEY_FILE, a file holding it (container secrets).
    CURSOR_KEY: z.string().optional(),
    CURSOR_KEY_FILE: filePath.optional(),
    // Read by loadMetricsToken (platform/env.ts).
    METRICS_TOKEN: METRICS_TOKEN_VARIABLES.METRICS_TOKEN,
    METRICS_TOKEN_FILE: METRICS_TOKEN_VARIABLES.METRICS_TOKEN_FILE,
    FEED_HEARTBEAT_SECONDS: z.coerce.number().int().min(1).max(300).default(5),
    FEED_REFRESH_MINUTES: z.coerce.number().int().min(1).max(1440).default(60),
    REPORT_RECORD_MINUTES: z.coerce.number().int().min(1).max(1440).default(60),
    ...Object.fromEntries(subscriptionsOf(name).map(({ publisher }) => [feedUrlVariable(publisher), postgresUrl.optional()])),
  });
}

/** Every environment variable a subgraph reads (civil affairs adds its national ID keys). */
export function subgraphEnvVariables(name: SubgraphName): string[] {
  return Object.keys(subgraphEnvSchema(name).shape);
}

export function loadSubgraphConfig(name: SubgraphName, env: NodeJS.ProcessEnv = process.env): SubgraphConfig {
  const { envPrefix } = subgraphInfo(name);
  const schema = subgraphEnvSchema(name).refine(
    (value) => Boolean(value[`${envPrefix}_OWNER_DATABASE_URL`]) || (!value.DB_MIGRATE_ON_START && !value.DEMO_DATA),
    { message: 'is required when DB_MIGRATE_ON_START or DEMO_DATA is on (they run as the owner)', path: [`${envPrefix}_OWNER_DATABASE_URL`] },
  );
  const parsed = parseEnv(schema, env) as Record<string, unknown>;
  return {
    name,
    port: parsed[`${envPrefix}_PORT`] as number,
    databaseUrl: parsed[`${envPrefix}_DATABASE_URL`] as string,
    ownerDatabaseUrl: (parsed[`${envPrefix}_OWNER_DATABASE_URL`] as string | undefined) ?? null,
    internalTokenKeyFile: parsed.INTERNAL_TOKEN_KEY_FILE as string,
    development: parsed.NODE_ENV === 'development',
    migrateOnStart: parsed.DB_MIGRATE_ON_START as boolean,
    dbPoolSize: parsed.DB_POOL_SIZE as number,
    dbConnectTimeoutMs: parsed.DB_CONNECT_TIMEOUT_MS as number,
    transactionLimits: {
      statementTimeoutMs: parsed.DB_STATEMENT_TIMEOUT_MS as number,
      lockTimeoutMs: parsed.DB_LOCK_TIMEOUT_MS as number,
      idleInTransactionTimeoutMs: parsed.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS as number,
      requestDeadlineMs: parsed.REQUEST_DEADLINE_MS as number,
    },
    shutdownGraceMs: (parsed.SHUTDOWN_GRACE_SECONDS as number) * 1000,
    demoData: {
      enabled: parsed.DEMO_DATA as boolean,
      children: parsed.DEMO_CHILDREN as number,
      seed: parsed.DEMO_SEED as number,
    },
    bodyLimit: parsed.BODY_LIMIT as string,
    feeds: {
      urls: Object.fromEntries(
        subscriptionsOf(name).flatMap(({ publisher }) => {
          const url = parsed[feedUrlVariable(publisher)] as string | undefined;
          return url ? [[publisher, url]] : [];
        }),
      ),
      heartbeatSeconds: parsed.FEED_HEARTBEAT_SECONDS as number,
      refreshMinutes: parsed.FEED_REFRESH_MINUTES as number,
    },
    reportRecordMinutes: parsed.REPORT_RECORD_MINUTES as number,
  };
}

/**
 * The key that seals list cursors (AES-256-GCM, subgraphs/shared/pagination.ts): CURSOR_KEY, 32
 * bytes base64, or CURSOR_KEY_FILE. Every replica of a subgraph needs the same key; changing it
 * makes the cursors already handed out INVALID_CURSOR (clients start the list again).
 */
export function loadCursorKey(env: NodeJS.ProcessEnv = process.env): Buffer {
  const file = env.CURSOR_KEY_FILE;
  const value = env.CURSOR_KEY || (file ? readFileSync(file, 'utf8').trim() : undefined);
  return parseEnv(z.object({ CURSOR_KEY: base64Key(32) }), { CURSOR_KEY: value }).CURSOR_KEY;
}
