import { sqlState } from '../../platform/sql-state';

/**
 * PostgreSQL error codes (SQLSTATE) the write paths react to. (A row-level-security refusal,
 * 42501, becomes OUTSIDE_JURISDICTION in the platform's error masker.)
 */
export const PostgresError = {
  UNIQUE_VIOLATION: '23505',
} as const;

/** Two writes raced for the same unique key (or the caller repeated one). */
export function isUniqueViolation(err: unknown): boolean {
  return sqlState(err) === PostgresError.UNIQUE_VIOLATION;
}
