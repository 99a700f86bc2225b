import type { Client } from 'pg';
import { DEMO_COUNTY } from '../demo/principals';
import { startGateway, startSubgraph, type ServiceProcess } from './support/gateway-process';
import { ADMIN, database, freshNationalId, gqlData, post, tokenFor, waitFor, type Connection, PARENTS_AWAY } from './support/system';

/**
 * Issue 10, fault 2: nothing waits for ever. A paused subgraph is answered within the gateway's
 * per-call timeout, as null plus a retryable SERVICE_UNAVAILABLE at each path it would have
 * filled; a write whose caller gave up, or that outlived its deadline, is rolled back and never
 * commits later. Each test runs its own gateway (and subgraph replica), so the suite's stay up.
 */

async function asAdmin(url: string, query: string, variables: Record<string, unknown> = {}) {
  return post(url, { query, variables }, { authorization: `Bearer ${await tokenFor(ADMIN)}`, 'x-purpose': 'case-management' });
}

describe('a paused subgraph (SIGSTOP)', () => {
  let womens: ServiceProcess;
  let gateway: ServiceProcess;
  let paired: string[];
  beforeAll(async () => {
    womens = await startSubgraph('womens-federation');
    gateway = await startGateway({ WOMENS_FEDERATION_URL: womens.url, SUBGRAPH_TIMEOUT_MS: '1500' });
    const page = await gqlData<{ children: Connection<{ id: string; pairings: unknown[] }> }>(
      `query ($p: String) { children(first: 100, filter: { regionPrefix: $p }) { edges { node { id pairings { id } } } } }`,
      { p: DEMO_COUNTY },
    );
    paired = page.children.edges
      .map((edge) => edge.node)
      .filter((node) => node.pairings.length)
      .map((node) => node.id);
    expect(paired.length).toBeGreaterThan(2);
  });
  afterAll(async () => {
    await gateway?.stop();
    await womens?.stop();
  });

  it('is answered within the timeout: the others’ data, and null with a retryable SERVICE_UNAVAILABLE where its data would be', async () => {
    process.kill(womens.pid, 'SIGSTOP');
    try {
      const response = await asAdmin(gateway.url, `query ($id: ID!) { child(id: $id) { id name enrolment { grade } pairings { helperName } } }`, {
        id: paired[0],
      });
      expect(response.status).toBe(200);
      expect(response.body.data.child).toMatchObject({ id: paired[0], name: expect.any(String), pairings: null });
      expect(response.body.errors).toEqual([
        expect.objectContaining({
          path: ['child', 'pairings'],
          message: expect.stringMatching(/did not answer within 1\.5 s/),
          extensions: expect.objectContaining({ code: 'SERVICE_UNAVAILABLE', retryable: true }),
        }),
      ]);

      // Each child of a page has its own error at its own path.
      const page = await asAdmin(
        gateway.url,
        `query ($p: String) { children(first: 3, filter: { regionPrefix: $p }) { edges { node { id pairings { id } } } } }`,
        { p: DEMO_COUNTY },
      );
      expect(page.body.data.children.edges.map((edge: { node: { pairings: unknown } }) => edge.node.pairings)).toEqual([null, null, null]);
      expect(page.body.errors?.map((error) => error.path)).toEqual([0, 1, 2].map((index) => ['children', 'edges', index, 'node', 'pairings']));

      // The gateway is still ready (the others answer), and says which subgraph is not.
      const health = await fetch(gateway.url.replace(/graphql$/, 'health'));
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({
        status: 'degraded',
        subgraphs: { 'womens-federation': 'unavailable', 'civil-affairs': 'ok', education: 'ok' },
      });
    } finally {
      process.kill(womens.pid, 'SIGCONT');
    }
    // Once it answers again, so does the gateway.
    await waitFor(
      async () => (await asAdmin(gateway.url, `query ($id: ID!) { child(id: $id) { pairings { id } } }`, { id: paired[0] })).body.data?.child?.pairings,
    );
  });
});

describe('a write that cannot finish', () => {
  let civil: ServiceProcess;
  let owner: Client;
  const update = `mutation ($id: ID!, $v: Int!, $village: String) { updateChild(id: $id, expectedVersion: $v, input: { residenceVillage: $village }) { version residenceVillage } }`;

  async function newChild(): Promise<{ id: string; version: number }> {
    const identity = freshNationalId();
    const data = await gqlData(`mutation ($input: RegisterChildInput!) { registerChild(input: $input) { child { id version } } }`, {
      input: {
        name: '超时儿童',
        gender: identity.gender,
        birthDate: identity.birthDate,
        householdRegionCode: DEMO_COUNTY,
        residenceRegionCode: DEMO_COUNTY,
        ...PARENTS_AWAY,
      },
    });
    return data.registerChild.child;
  }

  beforeEach(async () => {
    owner = await database('civil-affairs');
  });
  afterEach(async () => {
    await owner.query('ROLLBACK').catch(() => undefined);
    await owner.end();
    await civil?.stop();
  });

  /** The retry of the same update, with the same expectedVersion, succeeds only if the first attempt left nothing. */
  async function expectNothingCommitted(child: { id: string; version: number }) {
    const retried = await gqlData(update, { id: child.id, v: child.version, village: '重试村' });
    expect(retried.updateChild).toEqual({ version: child.version + 1, residenceVillage: '重试村' });
  }

  /**
   * A civil-affairs replica and a gateway in front of it, with the settings given, update a child
   * whose row the test holds locked (as the owner). The row is freed only once the replica has
   * logged that it rolled the request back, for `reason`: the UPDATE then goes on, inside a
   * transaction already rolled back.
   */
  async function updateLockedChild(settings: { subgraph: Record<string, string>; gateway: Record<string, string> }, reason: 'caller gone' | 'deadline') {
    civil = await startSubgraph('civil-affairs', { DB_STATEMENT_TIMEOUT_MS: '60000', DB_LOCK_TIMEOUT_MS: '30000', ...settings.subgraph });
    const gateway = await startGateway({ CIVIL_AFFAIRS_URL: civil.url, ...settings.gateway });
    try {
      const child = await newChild();
      await owner.query('BEGIN');
      await owner.query('SELECT 1 FROM child WHERE id = $1 FOR UPDATE', [child.id]);
      const pending = asAdmin(gateway.url, update, { id: child.id, v: child.version, village: '回滚村' });
      await waitFor(() => civil.output().includes(`"reason":"${reason}"`) && civil.output().includes('"msg":"request rolled back"'));
      await owner.query('ROLLBACK');
      return { child, answer: await pending };
    } finally {
      await gateway.stop();
    }
  }

  it('is rolled back when its caller gives up, even if the row frees up a moment later', async () => {
    const { child, answer } = await updateLockedChild({ subgraph: { REQUEST_DEADLINE_MS: '60000' }, gateway: { SUBGRAPH_TIMEOUT_MS: '1000' } }, 'caller gone');
    expect(answer.body.errors?.[0]).toMatchObject({ path: ['updateChild'], extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true } });
    await expectNothingCommitted(child);
  });

  it('is rolled back past its request deadline, and answered SERVICE_UNAVAILABLE', async () => {
    const { child, answer } = await updateLockedChild({ subgraph: { REQUEST_DEADLINE_MS: '1000' }, gateway: { SUBGRAPH_TIMEOUT_MS: '60000' } }, 'deadline');
    expect(answer.status).toBe(200);
    expect(answer.body.data?.updateChild ?? null).toBeNull();
    expect(answer.body.errors).toEqual([
      expect.objectContaining({ path: ['updateChild'], extensions: expect.objectContaining({ code: 'SERVICE_UNAVAILABLE', retryable: true }) }),
    ]);
    await expectNothingCommitted(child);
  });
});
