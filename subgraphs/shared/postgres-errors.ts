/** PostgreSQL error codes (SQLSTATE) the write paths react to. */
export const PostgresError = {
  UNIQUE_VIOLATION: '23505',
  INSUFFICIENT_PRIVILEGE: '42501',
} as const;

function sqlState(err: unknown): string | undefined {
  const error = err as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = error?.driverError?.code ?? error?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Two writes raced for the same unique key (or the caller repeated one). */
export function isUniqueViolation(err: unknown): boolean {
  return sqlState(err) === PostgresError.UNIQUE_VIOLATION;
}
