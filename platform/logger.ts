import pino from 'pino';

/** The one variable the logger reads. */
export const LOG_LEVEL_VARIABLE = 'LOG_LEVEL';

/**
 * One JSON logger per process. Tokens and national ID numbers must never reach a log line,
 * so the usual places they could appear are redacted.
 */
export function createLogger(service: string, level = process.env[LOG_LEVEL_VARIABLE] ?? 'info') {
  return pino({
    name: service,
    level,
    redact: {
      paths: ['req.headers.authorization', 'headers.authorization', 'authorization', '*.nationalId', 'nationalId'],
      censor: '[redacted]',
    },
  });
}

export type Logger = ReturnType<typeof createLogger>;
