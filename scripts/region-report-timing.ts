import type { Client } from 'pg';

/** What an analyst's report asks: the region's figures and each of its children regions'. */
const REPORT_QUERY = `query ($code: String!) {
  region(code: $code) {
    childFigures { registered { value } leftBehind { value } livingAlone { value } byAgeBand { category count { value } } }
    children { code childFigures { registered { value } leftBehind { value } byGender { category count { value } } reviewedWithinThreeMonths { value } } }
  }
}`;

/** Records the day's region figures once, as the registry does at start and periodically, and prints how long it took. */
export async function timeRecording(owner: Client, label: string): Promise<void> {
  const start = performance.now();
  const { rows } = await owner.query<{ counts: number }>('SELECT record_region_figures() AS counts');
  console.log(`recording the day's region figures ${label}: ${(performance.now() - start).toFixed(0)} ms (${rows[0]!.counts} counts by county and township)`);
}

/** Times a province-wide report (安徽 and its cities) and a county's by township through the gateway: median of 5 runs, after one warm-up. */
export async function timeRegionReports(gatewayUrl: string, token: string): Promise<void> {
  console.log('region reports read from the recording (median of 5, after one warm-up):');
  for (const [label, code] of [
    ['province 安徽 (340000) and its cities', '340000'],
    ['county 萧县 (341322) and its townships', '341322'],
  ] as const) {
    const timings: number[] = [];
    for (let run = 0; run < 6; run++) {
      const start = performance.now();
      const response = await fetch(gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-purpose': 'statistics' },
        body: JSON.stringify({ query: REPORT_QUERY, variables: { code } }),
      });
      const body = (await response.json()) as { errors?: unknown };
      if (body.errors) throw new Error(`report failed: ${JSON.stringify(body.errors)}`);
      if (run > 0) timings.push(performance.now() - start);
    }
    timings.sort((a, b) => a - b);
    console.log(`  ${label}: ${timings[2]!.toFixed(1)} ms`);
  }
}
