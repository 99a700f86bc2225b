/**
 * The agencies' subgraphs: the names the supergraph knows them by (also the audience of their
 * internal tokens), the prefix of their environment variables and their default ports.
 */
export const SUBGRAPHS = [
  { name: 'civil-affairs', envPrefix: 'CIVIL_AFFAIRS', defaultPort: 4001, database: 'civil_affairs' },
  { name: 'education', envPrefix: 'EDUCATION', defaultPort: 4002, database: 'education' },
  { name: 'womens-federation', envPrefix: 'WOMENS_FEDERATION', defaultPort: 4003, database: 'womens_federation' },
] as const;

export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];
export type SubgraphInfo = (typeof SUBGRAPHS)[number];

export function subgraphInfo(name: SubgraphName): SubgraphInfo {
  const info = SUBGRAPHS.find((subgraph) => subgraph.name === name);
  if (!info) throw new Error(`unknown subgraph ${name}`);
  return info;
}
