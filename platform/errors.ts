import { GraphQLError } from 'graphql';

/**
 * Stable error codes clients can branch on. A code never changes meaning once released;
 * add new ones rather than reuse.
 */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  INVALID_NATIONAL_ID: 'INVALID_NATIONAL_ID',
  INVALID_REGION_CODE: 'INVALID_REGION_CODE',
  INVALID_CURSOR: 'INVALID_CURSOR',
  NOT_FOUND: 'NOT_FOUND',
  VERSION_CONFLICT: 'VERSION_CONFLICT',
  CONFLICT: 'CONFLICT',
  /** A registration gives the child no reason to be in the registry: not left-behind and in no difficult-circumstance category. */
  NOT_ELIGIBLE: 'NOT_ELIGIBLE',
  /** The record is not in a state that allows the change (a closed report, a file already archived or active, no guardianship to verify). */
  INVALID_STATE: 'INVALID_STATE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  /** A field or type the caller's scopes do not open (the code Apollo Router uses). */
  UNAUTHORIZED_FIELD_OR_TYPE: 'UNAUTHORIZED_FIELD_OR_TYPE',
  /** A write would create or change a row outside the caller's jurisdiction, schools or grants. */
  OUTSIDE_JURISDICTION: 'OUTSIDE_JURISDICTION',
  /** The request's accesses could not be written to the access log, so its answer was withheld. */
  AUDIT_UNAVAILABLE: 'AUDIT_UNAVAILABLE',
  /** The operation reads a named child's data but the request stated no purpose (X-Purpose). */
  PURPOSE_REQUIRED: 'PURPOSE_REQUIRED',
  /** The operation is too deep or costly, or has too many aliases or directives (`extensions.limit`). */
  QUERY_LIMIT_EXCEEDED: 'QUERY_LIMIT_EXCEEDED',
  /** A batched request carries more operations than allowed. */
  BATCH_TOO_LARGE: 'BATCH_TOO_LARGE',
  /** HTTP 403: the X-Purpose header names a purpose the token does not grant. */
  FORBIDDEN_PURPOSE: 'FORBIDDEN_PURPOSE',
  /** HTTP 413: the request body is larger than BODY_LIMIT. */
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** The child's file is archived, so the write (new care work on it) is refused. */
  CHILD_ARCHIVED: 'CHILD_ARCHIVED',
  /** Too many national-ID look-ups by this user in the last hour (`extensions.retryAfterSeconds`). */
  RATE_LIMITED: 'RATE_LIMITED',
  /** HTTP 400: the request is not a GraphQL request at all (malformed JSON and the like). */
  BAD_REQUEST: 'BAD_REQUEST',
  /**
   * A service or database this part of the answer needs did not answer in time or is down: null at
   * the path it affects, `extensions.retryable` true. A write so answered may or may not have been
   * saved: retry it with the same idempotencyKey (creates) or expectedVersion (updates).
   */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  /** The idempotencyKey was used before with a different payload: nothing was created. */
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  /** HTTP 400: the request names no operation its document holds (unknown operationName, or several operations and none named). */
  OPERATION_RESOLUTION_FAILURE: 'OPERATION_RESOLUTION_FAILURE',
  /** Report figures were asked as of a past day for which none were recorded (the system did not run that day, or it precedes them). */
  FIGURES_NOT_RECORDED: 'FIGURES_NOT_RECORDED',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** An error whose message is safe to show the client (no SQL, no stack, no secrets). */
export class DomainError extends GraphQLError {
  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...details } });
  }
}

/** Every input problem names its field (`input.birthDate`, `first`, `idempotencyKey`), so a client can point at it. */
export const badInput = (message: string, field: string) => new DomainError(ErrorCode.BAD_USER_INPUT, message, { field });

export const notFound = (what: string, id: string) => new DomainError(ErrorCode.NOT_FOUND, `${what} ${id} was not found.`, { id });

export const unauthenticated = (message: string) => new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } } });

/**
 * Never names the scopes that were missing: that would map the catalogue for a prober. `argument`
 * names the input the caller gave that its scopes do not open (its own input, so it reveals nothing).
 */
export const unauthorizedField = (path?: ReadonlyArray<string | number>, argument?: string) =>
  new GraphQLError(argument ? `Unauthorized argument: ${argument}` : 'Unauthorized field or type', {
    ...(path ? { path } : {}),
    extensions: { code: ErrorCode.UNAUTHORIZED_FIELD_OR_TYPE, ...(argument ? { argument } : {}) },
  });

export const forbiddenPurpose = () =>
  new GraphQLError('The stated purpose is not one this token may act under.', {
    extensions: { code: ErrorCode.FORBIDDEN_PURPOSE, http: { status: 403 } },
  });

/** An outage of what this part of the answer needs; safe to retry (writes with the same idempotency key). */
export const serviceUnavailable = (message: string, path?: ReadonlyArray<string | number>) =>
  new GraphQLError(message, { ...(path ? { path } : {}), extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, retryable: true } });

export const purposeRequired = () =>
  new GraphQLError('This operation reads a named child’s data: state its purpose in the X-Purpose header (one your token allows).', {
    extensions: { code: ErrorCode.PURPOSE_REQUIRED },
  });
