import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { base64Key, parseEnv } from '../../platform/env';

const nationalIdKeysSchema = z.object({
  NATIONAL_ID_ENCRYPTION_KEY: base64Key(32),
  NATIONAL_ID_HMAC_KEY: base64Key(32),
});

/** The variables holding the keys (each may instead be given as a file path in `<NAME>_FILE`, container secrets), and the look-up limit. */
export const NATIONAL_ID_ENV_VARIABLES = [
  ...Object.keys(nationalIdKeysSchema.shape).flatMap((name) => [name, `${name}_FILE`]),
  'NATIONAL_ID_LOOKUPS_PER_HOUR',
  'REPORT_SUPPRESSION_THRESHOLD',
];

/** How many look-ups by national ID one user may make in an hour (NATIONAL_ID_LOOKUPS_PER_HOUR, default 60). */
export function loadNationalIdLookupLimit(env: NodeJS.ProcessEnv = process.env): number {
  return parseEnv(z.object({ NATIONAL_ID_LOOKUPS_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(60) }), env).NATIONAL_ID_LOOKUPS_PER_HOUR;
}

export { loadSuppressionThreshold } from '../shared/reports/threshold';

/** Keys only civil affairs holds: national IDs are encrypted and hashed with them. */
export function loadNationalIdKeys(env: NodeJS.ProcessEnv = process.env) {
  const resolved: NodeJS.ProcessEnv = { ...env };
  for (const name of Object.keys(nationalIdKeysSchema.shape)) {
    const file = env[`${name}_FILE`];
    if (!resolved[name] && file) resolved[name] = readFileSync(file, 'utf8').trim();
  }
  const parsed = parseEnv(nationalIdKeysSchema, resolved);
  return { encryptionKey: parsed.NATIONAL_ID_ENCRYPTION_KEY, hmacKey: parsed.NATIONAL_ID_HMAC_KEY };
}
