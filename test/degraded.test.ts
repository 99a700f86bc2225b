import { DEMO_COUNTY } from '../demo/principals';
import { freePort } from '../scripts/free-port';
import { startGateway, type GatewayProcess } from './support/gateway-process';
import { ADMIN, gqlData, post, tokenFor } from './support/system';

/** DESIGN 6.5: when one subgraph is down, the others' data still comes back, with an error for the missing part. */
describe('with the women’s federation down', () => {
  let gateway: GatewayProcess;
  beforeAll(async () => {
    // Nothing listens on this port: every call to the women's federation fails.
    gateway = await startGateway({ WOMENS_FEDERATION_URL: `http://127.0.0.1:${await freePort()}/graphql` });
  });
  afterAll(() => gateway.stop());

  it('still answers with the registry’s and education’s data, and an error where the pairings would be', async () => {
    const page = await gqlData(`query ($p: String) { children(first: 1, filter: { regionPrefix: $p }) { edges { node { id } } } }`, { p: DEMO_COUNTY });
    const childId = page.children.edges[0].node.id;
    const response = await post(
      gateway.url,
      { query: `query ($id: ID!) { child(id: $id) { id name enrolment { grade } pairings { helperName } } }`, variables: { id: childId } },
      { authorization: `Bearer ${await tokenFor(ADMIN)}`, 'x-purpose': 'case-management' },
    );
    expect(response.status).toBe(200);
    expect(response.body.data.child.id).toBe(childId);
    expect(response.body.data.child.name).toBeTruthy();
    expect(response.body.data.child.enrolment).toHaveProperty('grade');
    expect(response.body.data.child.pairings).toBeNull();
    expect(response.body.errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(response.body.errors)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|stack/i);
  });
});
