import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { freePort } from '../../scripts/free-port';

const ROOT = resolve(__dirname, '..', '..', '..');
export const TEST_DATA_DIR = join(ROOT, '.test-data');

/**
 * Starts the real system once for the whole suite, exactly as `npm start` does: embedded
 * PostgreSQL (or POSTGRES_ADMIN_URL), three subgraphs, the gateway, over real HTTP.
 */
export default async function globalSetup(): Promise<void> {
  rmSync(TEST_DATA_DIR, { recursive: true, force: true });
  mkdirSync(TEST_DATA_DIR, { recursive: true });
  const [gateway, civil, education, womens, postgres] = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort()]);
  const logFile = join(TEST_DATA_DIR, 'system.log');
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'scripts', 'start.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATA_DIR: TEST_DATA_DIR,
      GATEWAY_PORT: String(gateway),
      CIVIL_AFFAIRS_PORT: String(civil),
      EDUCATION_PORT: String(education),
      WOMENS_FEDERATION_PORT: String(womens),
      POSTGRES_PORT: String(postgres),
      DEMO_CHILDREN: '150',
      NODE_ENV: 'production',
      LOG_FILE: logFile,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so teardown can reach every process it started, whatever happens.
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  (globalThis as { __system?: typeof child }).__system = child;

  const systemFile = join(TEST_DATA_DIR, 'system.json');
  const deadline = Date.now() + 180_000;
  while (!(existsSync(systemFile) && output.includes('READY'))) {
    if (child.exitCode !== null) {
      const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n') : '';
      throw new Error(`The system failed to start:\n${output}\n${log}`);
    }
    if (Date.now() > deadline) throw new Error(`The system did not start in time:\n${output}`);
    await new Promise((done) => setTimeout(done, 200));
  }
}
