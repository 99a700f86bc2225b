import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { z } from 'zod';
import { parseEnv, postgresUrl } from '../platform/env';
import { SUBGRAPHS } from '../platform/subgraphs';
import { verifyChain } from '../subgraphs/shared/audit/audit-chain';

/**
 * `npm run audit:verify`: recomputes each agency's access-log hash chain and prints its length and
 * head hash (record the heads elsewhere: a chain rewritten from the start shows only against them).
 * Reads <AGENCY>_OWNER_DATABASE_URL for each agency, or, with none set, the embedded system's
 * owner URLs from DATA_DIR/system.json. Exits 1 if any chain is broken.
 */
async function main() {
  const env = parseEnv(
    z.object({
      DATA_DIR: z.string().default('.data'),
      ...Object.fromEntries(SUBGRAPHS.map(({ envPrefix }) => [`${envPrefix}_OWNER_DATABASE_URL`, postgresUrl.optional()])),
    }),
  ) as Record<string, string | undefined> & { DATA_DIR: string };
  let broken = false;
  for (const { name, envPrefix } of SUBGRAPHS) {
    const url = env[`${envPrefix}_OWNER_DATABASE_URL`] ?? ownerUrlFromSystemFile(env.DATA_DIR, name);
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const report = await verifyChain(client);
      if (report.brokenAt) {
        broken = true;
        console.log(`${name}: BROKEN at entry ${report.brokenAt.seq}: ${report.brokenAt.reason} (${report.entries} entries verified before it)`);
      } else {
        console.log(`${name}: ok, ${report.entries} entries, head ${report.head}`);
      }
    } finally {
      await client.end();
    }
  }
  process.exit(broken ? 1 : 0);
}

function ownerUrlFromSystemFile(dataDir: string, name: string): string {
  const system = JSON.parse(readFileSync(join(dataDir, 'system.json'), 'utf8')) as { databaseUrls: { owner: Record<string, string> } };
  const url = system.databaseUrls.owner[name];
  if (!url) throw new Error(`no owner URL for ${name} in ${join(dataDir, 'system.json')}; set the <AGENCY>_OWNER_DATABASE_URL variables`);
  return url;
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(2);
});
