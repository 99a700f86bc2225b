import { Client } from 'pg';
import { demoPrincipals } from '../demo/principals';
import { signDevToken } from '../demo/tokens';
import { timeRecording, timeRegionReports } from './region-report-timing';
import { addGeneratedChildren } from './generated-children';
import { startScratchSystem } from './scratch-system';

/**
 * `npm run bench:reports`: region reports at registry sizes the demo generator takes too long to
 * seed. It starts a fresh system with a small demo, then adds BENCH_REPORT_CHILDREN children
 * (default 100,000; 1,000,000 takes some minutes) straight into the registry's tables, spread over
 * every township of 安徽, each left-behind (both parents away) with a guardianship; times recording
 * the day's figures, then the province-wide report and a county's, read through the gateway as the
 * analyst (generated-children.ts). Figures only; it asserts nothing.
 */
async function main() {
  const children = Number(process.env.BENCH_REPORT_CHILDREN ?? 100_000);
  const system = await startScratchSystem('bench-reports', 200);
  const owner = new Client({ connectionString: system.databaseUrls.owner['civil-affairs'] });
  try {
    await owner.connect();
    await addGeneratedChildren(owner, children, 'bench:reports');
    for (let run = 1; run <= 3; run++) await timeRecording(owner, `over ${children} added children, run ${run}`);
    await timeRegionReports(system.gatewayUrl, await signDevToken(system.keys.idpPrivateKeyFile, demoPrincipals(2026).analyst));
  } finally {
    await owner.end();
    await system.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
