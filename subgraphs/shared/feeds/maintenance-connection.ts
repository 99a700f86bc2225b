import { Pool } from 'pg';

/** Runs one SQL statement and returns its rows. */
export type RunSql = <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>;

/**
 * A small pool of the application role's own for work outside requests (heartbeats, refreshes,
 * health and metrics), so that it never waits behind requests for a connection and is not counted
 * in `db_statements_total`, which measures what requests cost.
 */
export function maintenanceConnection(url: string, applicationName: string): { run: RunSql; close: () => Promise<void> } {
  const pool = new Pool({ connectionString: url, max: 2, application_name: applicationName, idleTimeoutMillis: 30_000 });
  // An idle client's error (the server restarted) must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  return {
    run: async <T>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows as T[],
    close: () => pool.end(),
  };
}
