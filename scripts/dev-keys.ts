import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { SUBGRAPHS, type SubgraphName } from '../platform/subgraphs';

/**
 * Development keys, generated on first start and kept in the data folder. Production supplies
 * its own through the same variables (an OIDC provider's key or JWKS, a managed secret store).
 */
export interface DevKeys {
  /** Signs the printed demo tokens (a stand-in for the identity provider). */
  idpPrivateKeyFile: string;
  idpPublicKeyFile: string;
  /** Per subgraph, the HMAC key of its internal tokens: the gateway holds all three, each subgraph its own. */
  internalTokenKeyFiles: Record<SubgraphName, string>;
  nationalIdEncryptionKey: string;
  nationalIdHmacKey: string;
  /** Seals list cursors in every subgraph (CURSOR_KEY, or the file as CURSOR_KEY_FILE). */
  cursorKey: string;
  cursorKeyFile: string;
  /** The bearer credential every process's /metrics requires (METRICS_TOKEN, or the file as METRICS_TOKEN_FILE). */
  metricsToken: string;
  metricsTokenFile: string;
}

function ensureKeyPair(dir: string, name: string): { privateKeyFile: string; publicKeyFile: string } {
  const privateKeyFile = join(dir, `${name}-private.pem`);
  const publicKeyFile = join(dir, `${name}-public.pem`);
  if (!existsSync(privateKeyFile) || !existsSync(publicKeyFile)) {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    writeFileSync(privateKeyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    writeFileSync(publicKeyFile, publicKey.export({ type: 'spki', format: 'pem' }));
  }
  return { privateKeyFile, publicKeyFile };
}

function ensureSecret(dir: string, name: string): string {
  const file = join(dir, name);
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

/** A fresh random key per subgraph (never one shared: a subgraph's key must not sign for another). */
function ensureInternalTokenKeys(dir: string): Record<SubgraphName, string> {
  return Object.fromEntries(
    SUBGRAPHS.map(({ name }) => {
      const file = `internal-token-${name}.key`;
      ensureSecret(dir, file);
      return [name, join(dir, file)];
    }),
  ) as Record<SubgraphName, string>;
}

export function ensureDevKeys(dataDir: string): DevKeys {
  const dir = join(dataDir, 'keys');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const idp = ensureKeyPair(dir, 'dev-idp');
  return {
    idpPrivateKeyFile: idp.privateKeyFile,
    idpPublicKeyFile: idp.publicKeyFile,
    internalTokenKeyFiles: ensureInternalTokenKeys(dir),
    nationalIdEncryptionKey: ensureSecret(dir, 'national-id-encryption.key'),
    nationalIdHmacKey: ensureSecret(dir, 'national-id-hmac.key'),
    cursorKey: ensureSecret(dir, 'cursor.key'),
    cursorKeyFile: join(dir, 'cursor.key'),
    metricsToken: ensureSecret(dir, 'metrics.token'),
    metricsTokenFile: join(dir, 'metrics.token'),
  };
}
