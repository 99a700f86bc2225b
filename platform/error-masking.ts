import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ErrorCode } from './errors';
import type { Logger } from './logger';
import { isDataException, isDatabaseOutage, sqlState } from './sql-state';

/** SQLSTATE insufficient_privilege, which PostgreSQL also raises when a row-level-security policy refuses a write. */
const INSUFFICIENT_PRIVILEGE = '42501';

/**
 * Errors we raised on purpose (a GraphQLError with a code) and GraphQL's own parse and
 * validation errors reach the client as they are. Anything else (a driver error with SQL in it,
 * a bug) is logged here and replaced by a generic message, so no stack or SQL ever leaves.
 */
export function createErrorMasker(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const code = formatted.extensions?.code;
    // A subgraph's error reaches the gateway as a plain object the subgraph already masked;
    // an exception thrown here (driver, bug) is an Error that is not a GraphQLError.
    const isDeliberate =
      original instanceof GraphQLError || (error instanceof GraphQLError && !error.originalError) || (typeof code === 'string' && !(original instanceof Error));
    if (isRowSecurityRefusal(original)) {
      return {
        message: 'That record is outside the rows you may write (your jurisdiction, schools or partner grants).',
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: ErrorCode.OUTSIDE_JURISDICTION },
      };
    }
    if (isDatabaseOutage(original)) {
      logger.warn({ sqlState: sqlState(original), path: formatted.path }, 'database unavailable while resolving');
      return {
        message: 'The agency’s database did not answer in time. Retry shortly (a write with the same idempotencyKey or expectedVersion).',
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, retryable: true },
      };
    }
    if (isDataException(original)) {
      // A value the database refused that the checks before it let through: the input's fault.
      const column = (original as { driverError?: { column?: string } }).driverError?.column;
      const field = column ?? [...(formatted.path ?? [])].reverse().find((key): key is string => typeof key === 'string') ?? 'input';
      logger.warn({ sqlState: sqlState(original), path: formatted.path }, 'the database refused a value');
      return {
        message: 'A value in the request is not acceptable (malformed, out of range or too long).',
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: ErrorCode.BAD_USER_INPUT, field },
      };
    }
    if (isDeliberate && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
      const { stacktrace: _dropped, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error while resolving');
    return {
      message: 'Internal server error. The incident was logged.',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}

/** PostgreSQL refused a write under a row-level-security policy (not for want of a grant). */
function isRowSecurityRefusal(error: unknown): boolean {
  if (sqlState(error) !== INSUFFICIENT_PRIVILEGE) return false;
  const driverError = (error as { driverError?: { message?: string } }).driverError ?? (error as { message?: string });
  return /row-level security/.test(driverError.message ?? '');
}
