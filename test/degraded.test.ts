import { DEMO_COUNTY, demoPrincipals } from '../demo/principals';
import { freePort } from '../scripts/free-port';
import { startGateway, type GatewayProcess } from './support/gateway-process';
import { ADMIN, database, freshNationalId, gqlData, post, system, tokenFor, waitFor, waitForRegistryFeed, PARENTS_AWAY } from './support/system';

/** DESIGN 6.5: when one subgraph is down, the others' data still comes back, with an error for the missing part. */
describe('with the women’s federation down', () => {
  let gateway: GatewayProcess;
  beforeAll(async () => {
    // Nothing listens on this port: every call to the women's federation fails.
    gateway = await startGateway({ WOMENS_FEDERATION_URL: `http://127.0.0.1:${await freePort()}/graphql` });
  });
  afterAll(() => gateway.stop());

  it('still answers with the registry’s and education’s data, and an error where the pairings would be', async () => {
    const page = await gqlData(`query ($p: String) { children(first: 100, filter: { regionPrefix: $p }) { edges { node { id enrolment { grade } } } } }`, {
      p: DEMO_COUNTY,
    });
    const childId = page.children.edges.find((edge: { node: { enrolment: unknown } }) => edge.node.enrolment).node.id;
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

/**
 * Partner grants fail closed: civil affairs trusts its copy of the women's federation's grants
 * only while the feed's heartbeat is under a minute old. When the feed stops (the publisher is
 * down, replication broken), a partner sees no child at all rather than one whose consent may
 * have been revoked meanwhile.
 */
describe('with the partner-grant feed stale', () => {
  it('shows a partner NGO no child until the feed is fresh again', async () => {
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
        ...PARENTS_AWAY,
      },
    });
    const childId = registered.registerChild.child.id;
    await waitForRegistryFeed(childId);
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
        categories: ['CHILD_MASKED', 'WF_PROGRAMMES'],
        purpose: 'care-programmes',
        expiresOn: new Date(Date.now() + 300 * 86_400_000).toISOString().slice(0, 10),
      },
    });
    const query = { query: `query ($id: ID!) { child(id: $id) { id maskedName } }`, variables: { id: childId } };
    const asPartner = { authorization: `Bearer ${system.tokens['partner-ngo']}`, 'x-purpose': 'care-programmes' };
    await waitFor(async () => (await post(system.gatewayUrl, query, asPartner)).body.data?.child);

    const owner = await database('civil-affairs');
    try {
      // The feed stops, and the last heartbeat civil affairs holds is two minutes old.
      await owner.query('ALTER SUBSCRIPTION civil_affairs__partner_feed DISABLE');
      await owner.query(`UPDATE partner_feed.heartbeat SET beat_at = now() - interval '2 minutes'`);
      const closed = await post(system.gatewayUrl, query, asPartner);
      expect(closed.body.data).toEqual({ child: null });
      expect(closed.body.errors?.map((error) => error.extensions?.code)).toEqual(['NOT_FOUND']);
      // And civil affairs says so: not ready until the subscription is back.
      const response = await fetch(system.subgraphUrls['civil-affairs'].replace(/graphql$/, 'health'));
      const health = (await response.json()) as { feeds: Record<string, { subscribed: boolean; lagSeconds: number }> };
      expect(response.status).toBe(503);
      expect(health.feeds.partner_feed).toMatchObject({ subscribed: false, lagSeconds: expect.any(Number) });
      expect(health.feeds.partner_feed.lagSeconds).toBeGreaterThan(60);
    } finally {
      await owner.query('ALTER SUBSCRIPTION civil_affairs__partner_feed ENABLE');
      await owner.end();
    }
    // The next heartbeat (every 5 s) brings the feed back, and the grant with it.
    await waitFor(async () => (await post(system.gatewayUrl, query, asPartner)).body.data?.child);
  });
});
