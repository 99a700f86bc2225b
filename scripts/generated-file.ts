import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';

/**
 * Writes a generated file, or with `--check` exits 1 when the committed one differs: how the
 * supergraph and the access-control doc stay in step with the code.
 */
export function writeOrCheck(path: string, content: string, regenerate: string): void {
  const name = relative(process.cwd(), path);
  if (process.argv.includes('--check')) {
    if (readFileSync(path, 'utf8') !== content) {
      console.error(`${name} is stale: run \`${regenerate}\` and commit the result.`);
      process.exit(1);
    }
    console.log(`${name} is up to date.`);
    return;
  }
  writeFileSync(path, content);
  console.log(`wrote ${name}`);
}
