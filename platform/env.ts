import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * Parses the environment with a zod schema and stops the process with a message that names
 * each bad variable, so an operator sees at once what to fix.
 */
export function parseEnv<T extends z.ZodType>(schema: T, env: NodeJS.ProcessEnv = process.env): z.infer<T> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(environment)'}: ${issue.message}`);
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** A TCP port given as a string. */
export const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);

/** A postgres:// connection URL. */
export const postgresUrl = z.string().refine((value) => /^postgres(ql)?:\/\/.+/.test(value), 'must be a postgres:// connection URL');

/** "true"/"false"/"1"/"0" as a boolean. */
export const flag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'], { message: 'must be true or false' })
    .default(fallback ? 'true' : 'false')
    .transform((value) => value === 'true' || value === '1');

/** Base64 that decodes to exactly `bytes` bytes (a symmetric key). */
export const base64Key = (bytes: number) =>
  z
    .string()
    .refine((value) => Buffer.from(value, 'base64').length === bytes, `must be ${bytes} bytes, base64-encoded`)
    .transform((value) => Buffer.from(value, 'base64'));

/** NODE_ENV: `development` turns introspection on (and, at the gateway, field suggestions); anything else is production-like. */
export const nodeEnv = z.enum(['development', 'production', 'test']).default('production');

/** Largest request body accepted, as express's body parser reads it. */
export const bodyLimit = z
  .string()
  .regex(/^\d+(b|kb|mb)$/, 'must be a size such as 100kb')
  .default('100kb');

/** A path to a readable file. */
export const filePath = z.string().min(1, 'must name a file');

/** The variables that give a process its metrics credential (read by loadMetricsToken). */
export const METRICS_TOKEN_VARIABLES = { METRICS_TOKEN: z.string().optional(), METRICS_TOKEN_FILE: filePath.optional() };

/**
 * The bearer credential GET /metrics requires (METRICS_TOKEN, at least 32 characters, or
 * METRICS_TOKEN_FILE): the operations surface is not public. Without one, /metrics is not served.
 */
export function loadMetricsToken(env: NodeJS.ProcessEnv = process.env): string | null {
  const file = env.METRICS_TOKEN_FILE;
  const value = env.METRICS_TOKEN || (file ? readFileSync(file, 'utf8').trim() : undefined);
  if (value === undefined) return null;
  return parseEnv(z.object({ METRICS_TOKEN: z.string().min(32, 'must be at least 32 characters') }), { METRICS_TOKEN: value }).METRICS_TOKEN;
}
