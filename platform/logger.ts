import pino from 'pino';
import { traceFields } from './tracing';

/** The one variable the logger reads. */
export const LOG_LEVEL_VARIABLE = 'LOG_LEVEL';

const CENSORED = '[redacted]';

/**
 * Keys whose values never reach a log line, whatever the object: credentials, and what carries a
 * database statement's values (TypeORM's `parameters`, PostgreSQL's `detail`, which quotes the
 * row: "Failing row contains (…)", "Key (…)=(…)"), and GraphQL variables.
 */
const ALWAYS_REDACTED = ['authorization', 'parameters', 'detail', 'where', 'variables', 'representations', 'nationalId'];

/** How deep a log object is searched for personal fields; deeper parts are dropped. */
const MAX_DEPTH = 8;

/**
 * A database message quotes the value it refused (`invalid input syntax for type uuid: "…"`); the
 * value goes, the reason stays.
 */
function withoutQuotedValues(message: string): string {
  return message.replace(/: "(?:[^"\\]|\\.)*"/g, ': "…"').replace(/\((?:[^()]|\([^()]*\))*\)=\((?:[^()]|\([^()]*\))*\)/g, '(…)=(…)');
}

/** What of an error is kept: what it is and where it came from, never the values it was about. */
function safeError(err: Error, redact: (value: unknown, depth: number) => unknown, depth: number): Record<string, unknown> {
  const source = err as Error & Record<string, unknown>;
  const driver = source.driverError as (Error & Record<string, unknown>) | undefined;
  const message = withoutQuotedValues(err.message);
  const safe: Record<string, unknown> = { type: err.name, message };
  for (const key of ['code', 'constraint', 'table', 'column', 'routine', 'severity']) {
    const value = source[key] ?? driver?.[key];
    if (typeof value === 'string' || typeof value === 'number') safe[key] = value;
  }
  // The statement's text holds placeholders, not values; enough of it to find the statement.
  if (typeof source.query === 'string') safe.query = source.query.slice(0, 200);
  if (err.stack) safe.stack = err.stack.replace(err.message, message);
  if (source.extensions && typeof source.extensions === 'object') safe.extensions = redact(source.extensions, depth + 1);
  if (err.cause instanceof Error) safe.cause = safeError(err.cause, redact, depth + 1);
  return safe;
}

/**
 * A copy of a log object in which every key naming personal data (and every key of
 * ALWAYS_REDACTED) is censored at any depth, and errors keep only what identifies them.
 */
export function redactor(personalFields: Iterable<string>) {
  const redacted = new Set([...ALWAYS_REDACTED, ...personalFields]);
  const redact = (value: unknown, depth: number): unknown => {
    if (value === null || typeof value !== 'object') return value;
    if (depth > MAX_DEPTH) return '[too deep]';
    if (value instanceof Error) return safeError(value, redact, depth);
    if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
    if (value instanceof Date || Buffer.isBuffer(value)) return value;
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redacted.has(key) ? CENSORED : redact(item, depth + 1)]));
  };
  return (object: Record<string, unknown>) => redact(object, 0) as Record<string, unknown>;
}

/**
 * One JSON logger per process. No personal data reaches a log line: every key named in
 * `personalFields` (the scope catalogue's PERSONAL_FIELDS: names, phones, addresses, identifiers,
 * free text about a person) is censored wherever it appears, as are tokens, SQL parameters and
 * GraphQL variables; an error keeps its type, code, reason and stack, not the values it was about.
 *
 * `asyncWrites`: lines go to stdout without blocking the process on each write; those written while
 * one write is under way go together in the next. Pino flushes what is left when the process
 * exits. (The gateway's line per operation, written synchronously, was up to a tenth of its CPU.)
 */
export function createLogger(
  service: string,
  level = process.env[LOG_LEVEL_VARIABLE] ?? 'info',
  personalFields: Iterable<string> = [],
  { asyncWrites = false }: { asyncWrites?: boolean } = {},
) {
  const options: pino.LoggerOptions = {
    name: service,
    level,
    formatters: { log: redactor(personalFields) },
    // The running trace's ids on every line, so an operator goes from a log line to its trace (none when tracing is off).
    mixin: traceFields,
    // Errors are already reduced by the redactor; pino's own serializer would copy every property back.
    serializers: { err: (value: unknown) => value },
  };
  return asyncWrites ? pino(options, pino.destination({ dest: 1, sync: false, minLength: 0 })) : pino(options);
}

export type Logger = ReturnType<typeof createLogger>;
