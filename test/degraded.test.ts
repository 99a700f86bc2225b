import { randomUUID } from 'node:crypto';
import { DEMO_COUNTY, demoPrincipals } from '../demo/principals';
import { freePort } from '../scripts/free-port';
import { startGateway, type GatewayProcess } from './support/gateway-process';
import { ADMIN, freshNationalId, gqlData, post, system, tokenFor } from './support/system';

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

  /**
   * README, Consent: the gateway asks the women's federation which children a partner's consents
   * open; when it cannot, the list is empty (fail closed), so the partner sees no child at all.
   */
  it('shows a partner NGO no child, since its consents cannot be checked (fail closed)', async () => {
    const partner = demoPrincipals(2026)['partner-ngo'];
    const { partner: programmes } = await gqlData(`query ($id: ID!) { partner(id: $id) { programmes { id } } }`, { id: partner.partner });
    const identity = freshNationalId();
    const registered = await gqlData(`mutation ($input: RegisterChildInput!) { registerChild(input: $input) { child { id } } }`, {
      input: {
        name: '同意儿童',
        gender: identity.gender,
        birthDate: identity.birthDate,
        nationalId: identity.nationalId,
        householdRegionCode: DEMO_COUNTY,
        residenceRegionCode: DEMO_COUNTY,
      },
    });
    const childId = registered.registerChild.child.id;
    await gqlData(`mutation ($input: PairChildInput!) { pairChild(input: $input) { id } }`, {
      input: { childId, programmeId: programmes.programmes[0].id, helperName: '志愿者乙', helperRole: 'VOLUNTEER' },
    });
    await gqlData(`mutation ($input: RecordConsentInput!) { recordConsent(input: $input) { id } }`, {
      input: {
        childId,
        partnerId: partner.partner,
        regionCode: DEMO_COUNTY,
        guardianName: '李爷爷',
        guardianRelationship: '祖父',
        categories: ['CHILD_MASKED'],
        purpose: 'care-programmes',
        expiresOn: new Date(Date.now() + 300 * 86_400_000).toISOString().slice(0, 10),
      },
    });
    const query = { query: `query ($id: ID!) { child(id: $id) { id maskedName } }`, variables: { id: childId } };
    const asPartner = (requestId: string) => ({
      authorization: `Bearer ${system.tokens['partner-ngo']}`,
      'x-purpose': 'care-programmes',
      'x-request-id': requestId,
    });

    // Through the suite's gateway the consent opens the child...
    const open = await post(system.gatewayUrl, query, asPartner(randomUUID()));
    expect(open.body).toEqual({ data: { child: { id: childId, maskedName: '同**童' } } });
    // ...through the gateway that cannot reach the women's federation, it does not.
    const requestId = randomUUID();
    const closed = await post(gateway.url, query, asPartner(requestId));
    expect(closed.body.data).toEqual({ child: null });
    expect(closed.body.errors?.map((error) => error.extensions?.code)).toEqual(['NOT_FOUND']);
    // And for that reason: the gateway logged the failed consent check of this very request.
    const logged = gateway
      .output()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line))
      .filter((entry) => entry.requestId === requestId)
      .map((entry) => entry.msg);
    expect(logged).toContainEqual(expect.stringMatching(/^consent check failed/));
  });
});
