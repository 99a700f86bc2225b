/** The SQL statements a subgraph has sent so far, read from its `db_statements_total` metric (with the metrics credential). */
export async function statementCount(subgraphUrl: string, metricsToken: string): Promise<number> {
  const metricsUrl = subgraphUrl.replace(/\/graphql$/, '/metrics');
  const text = await (await fetch(metricsUrl, { headers: { authorization: `Bearer ${metricsToken}` } })).text();
  const match = /^db_statements_total(?:\{[^}]*\})? (\d+)/m.exec(text);
  if (!match) throw new Error(`no db_statements_total metric at ${metricsUrl}`);
  return Number(match[1]);
}
