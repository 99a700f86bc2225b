import { z } from 'zod';
import { base64Key, parseEnv } from '../../platform/env';

/** Keys only civil affairs holds: national IDs are encrypted and hashed with them. */
export function loadNationalIdKeys(env: NodeJS.ProcessEnv = process.env) {
  const parsed = parseEnv(
    z.object({
      NATIONAL_ID_ENCRYPTION_KEY: base64Key(32),
      NATIONAL_ID_HMAC_KEY: base64Key(32),
    }),
    env,
  );
  return { encryptionKey: parsed.NATIONAL_ID_ENCRYPTION_KEY, hmacKey: parsed.NATIONAL_ID_HMAC_KEY };
}
