/**
 * The SQLSTATE (PostgreSQL's error code) of an error from the pg driver, or of the driver error
 * TypeORM wraps in `driverError`. In the platform because the error masker, which every process
 * shares, reads it as well as the subgraphs' write paths.
 */
export function sqlState(err: unknown): string | undefined {
  const error = err as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = error?.driverError?.code ?? error?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * SQLSTATEs of a database that is down, overloaded or slow rather than of a bad request: a
 * statement or lock timeout, a deadlock or serialization failure, a connection lost, the server
 * shutting down or out of connections. The request may succeed if retried.
 */
const OUTAGE_STATES = new Set(['57014', '55P03', '40001', '40P01', '25P03', '57P01', '57P02', '57P03', '53300', '53400']);

/** Failures of the connection itself, which carry no SQLSTATE (or class 08). */
const CONNECTION_FAILURE =
  /timeout exceeded when trying to connect|Connection terminated|ECONNREFUSED|ECONNRESET|EPIPE|not queryable|connection error|QueryRunnerAlreadyReleased/i;

/** The database (or the request's transaction, rolled back past its deadline) failed, not the input: an outage. */
export function isDatabaseOutage(err: unknown): boolean {
  const state = sqlState(err);
  if (state && /^[0-9A-Z]{5}$/.test(state)) return OUTAGE_STATES.has(state) || state.startsWith('08');
  const error = err as { name?: unknown; message?: unknown; code?: unknown } | null;
  return CONNECTION_FAILURE.test(`${String(error?.name ?? '')} ${String(error?.code ?? '')} ${String(error?.message ?? '')}`);
}

/** PostgreSQL refused a value (class 22, data exception: a bad date, a NUL byte, too long): the input's fault. */
export function isDataException(err: unknown): boolean {
  return sqlState(err)?.startsWith('22') ?? false;
}
