/**
 * The agencies' subgraphs: the names the supergraph knows them by (also the audience of their
 * internal tokens), the prefix of their environment variables, their default ports, and their
 * database with its two roles: the owner (named like the database; migrations and demo data) and
 * the application role the service runs as, which owns nothing, so row-level security binds it;
 * and the feed role (REPLICATION, SELECT on its published sets only) through which subscribers'
 * logical replication reads what the agency publishes (schema/published-sets.ts).
 */
export const SUBGRAPHS = [
  {
    name: 'civil-affairs',
    envPrefix: 'CIVIL_AFFAIRS',
    defaultPort: 4001,
    database: 'civil_affairs',
    appRole: 'civil_affairs_app',
    feedRole: 'civil_affairs_feed',
  },
  { name: 'education', envPrefix: 'EDUCATION', defaultPort: 4002, database: 'education', appRole: 'education_app', feedRole: 'education_feed' },
  {
    name: 'womens-federation',
    envPrefix: 'WOMENS_FEDERATION',
    defaultPort: 4003,
    database: 'womens_federation',
    appRole: 'womens_federation_app',
    feedRole: 'womens_federation_feed',
  },
] as const;

export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];
export type SubgraphInfo = (typeof SUBGRAPHS)[number];

export function subgraphInfo(name: SubgraphName): SubgraphInfo {
  const info = SUBGRAPHS.find((subgraph) => subgraph.name === name);
  if (!info) throw new Error(`unknown subgraph ${name}`);
  return info;
}

/**
 * Node's options for a subgraph process (its NODE_OPTIONS, wherever it is started). A request
 * allocates many short-lived objects (rows, entities, resolver results); V8's default young
 * generation (16 MB semi-spaces) filled several times per second under load, and its scavenges
 * took a large share of a subgraph's CPU. 64 MB semi-spaces make them rarer, for at most about
 * 100 MB more memory per process.
 */
export const SUBGRAPH_NODE_OPTIONS = '--max-semi-space-size=64';

/** NODE_OPTIONS for a subgraph started from this process: the caller's own, then the subgraphs'. */
export function subgraphNodeOptions(inherited: string | undefined = process.env.NODE_OPTIONS): string {
  return [inherited, SUBGRAPH_NODE_OPTIONS].filter(Boolean).join(' ');
}
