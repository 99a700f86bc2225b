import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { signDemoTokens } from '../demo/tokens';
import { ensureDevKeys } from './dev-keys';

/**
 * `node dist/scripts/dev-credentials.js DIR`: creates the development keys in DIR/keys (if
 * missing) and writes fresh demo tokens to DIR/demo-tokens.json. docker-compose runs it once
 * before the services start; `npm start` does the same itself.
 */
async function main() {
  const dataDir = resolve(process.argv[2] ?? '.data');
  const keys = ensureDevKeys(dataDir);
  // The same seed as the subgraphs' demo data (DEMO_SEED), so the tokens name its schools and partner.
  const tokens = await signDemoTokens(keys.idpPrivateKeyFile, Number(process.env.DEMO_SEED ?? 2026));
  writeFileSync(join(dataDir, 'demo-tokens.json'), JSON.stringify(tokens, null, 2) + '\n');
  console.log(`keys in ${join(dataDir, 'keys')}, demo tokens in ${join(dataDir, 'demo-tokens.json')}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
