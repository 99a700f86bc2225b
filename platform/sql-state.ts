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
