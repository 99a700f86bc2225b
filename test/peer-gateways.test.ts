import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DOSSIER_PAGE, PURPOSE } from '../scripts/bench-throughput';
import { SUPERGRAPH_PATH } from '../scripts/compose-supergraph';
import { ensurePeersInstalled, startPeerGateway, type PeerGateway } from '../scripts/peer-gateways';
import { stripSecurity } from '../scripts/strip-security';
import { ADMIN, post, system, tokenFor } from './support/system';

/**
 * `npm run bench:peers` compares like with like: stock @apollo/gateway (supergraph without its
 * security links) and Hive Gateway answer the benchmark's dossier page exactly as ours does, from
 * the same subgraphs. The stock gateway authorizes no field, but it is no open door: it checks the
 * user token, and the subgraphs still keep each token to its own rows.
 */
const ROOT = resolve(__dirname, '..', '..');

describe('the peer gateways of the benchmark', () => {
  const peers: PeerGateway[] = [];
  let apollo: PeerGateway;
  let hive: PeerGateway;
  let adminToken: string;

  beforeAll(async () => {
    ensurePeersInstalled();
    const stripped = join(ROOT, '.test-data', 'supergraph-without-security.graphql');
    writeFileSync(stripped, stripSecurity(readFileSync(SUPERGRAPH_PATH, 'utf8')));
    apollo = await startPeerGateway('apollo-gateway.mjs', system, stripped, '/');
    peers.push(apollo);
    hive = await startPeerGateway('hive-gateway.mjs', system, SUPERGRAPH_PATH, '/graphql');
    peers.push(hive);
    adminToken = await tokenFor(ADMIN);
  }, 180_000);

  afterAll(async () => {
    for (const peer of peers) await peer.stop();
  });

  it('answer the dossier page of 20 exactly as ours does', async () => {
    const headers = { authorization: `Bearer ${adminToken}`, 'x-purpose': PURPOSE };
    const [ours, stock, theirs] = await Promise.all([system.gatewayUrl, apollo.url, hive.url].map((url) => post(url, { query: DOSSIER_PAGE }, headers)));
    expect(ours.body.errors).toBeUndefined();
    expect(ours.body.data.children.edges).toHaveLength(20);
    expect(stock.body).toEqual(ours.body);
    expect(theirs.body).toEqual(ours.body);
  });

  it('stock Apollo refuses a request with no token, a token of another key, or an edited one', async () => {
    const query = { query: '{ children(first: 1) { edges { node { id } } } }' };
    const [head, payload, signature] = adminToken.split('.');
    const edited = `${head}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), sub: 'someone-else' })).toString('base64url')}.${signature}`;
    for (const headers of [{} as Record<string, string>, { authorization: `Bearer ${edited}` }, { authorization: 'Bearer not.a.token' }]) {
      const answer = await post(apollo.url, query, { ...headers, 'x-purpose': PURPOSE });
      expect(answer.body.data ?? null).toBeNull();
      expect(JSON.stringify(answer.body.errors)).toMatch(/UNAUTHENTICATED|valid bearer token/);
    }
  });

  it('stock Apollo still reaches only the rows a token may read: the subgraphs decide them', async () => {
    const headers = { authorization: `Bearer ${system.tokens['township-child-supervisor']}`, 'x-purpose': 'case-management' };
    const query = { query: '{ children(first: 100) { edges { node { id } } } }' };
    const [ours, stock] = await Promise.all([post(system.gatewayUrl, query, headers), post(apollo.url, query, headers)]);
    const ids = (answer: typeof ours) => (answer.body.data?.children.edges ?? []).map((edge: { node: { id: string } }) => edge.node.id).sort();
    expect(ours.body.errors).toBeUndefined();
    expect(ids(ours).length).toBeGreaterThan(0);
    expect(ids(stock)).toEqual(ids(ours));
  });
});
