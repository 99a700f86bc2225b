import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * National IDs are stored encrypted (AES-256-GCM, random IV, authenticated) so a copy of the
 * database alone reveals none, with an HMAC-SHA256 beside each for exact look-up and
 * de-duplication without decrypting. The two keys are distinct and come from configuration.
 */
export class NationalIdCipher {
  private static readonly VERSION = 'v1';

  constructor(
    private readonly encryptionKey: Buffer,
    private readonly hmacKey: Buffer,
  ) {
    if (encryptionKey.length !== 32 || hmacKey.length !== 32) throw new Error('national ID keys must be 32 bytes');
  }

  encrypt(nationalId: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    const ciphertext = Buffer.concat([cipher.update(nationalId, 'utf8'), cipher.final()]);
    return `${NationalIdCipher.VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64')}`;
  }

  decrypt(stored: string): string {
    const [version, payload] = stored.split(':');
    if (version !== NationalIdCipher.VERSION || !payload) throw new Error('unknown national ID ciphertext format');
    const bytes = Buffer.from(payload, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
  }

  /** Deterministic keyed hash of the normalised ID, for the unique index. */
  lookupHash(nationalId: string): string {
    return createHmac('sha256', this.hmacKey).update(nationalId).digest('hex');
  }
}
