import { randomUUID } from 'node:crypto';
import { DEMO_COUNTY, demoPrincipals } from '../demo/principals';
import type { Principal } from '../platform/principal';
import type { SubgraphName } from '../platform/subgraphs';
import {
  database,
  freshNationalId,
  gql,
  gqlData,
  metricsOf,
  system,
  tokenFor,
  waitFor,
  waitForRegistryFeed,
  type GraphQLResponse,
  PARENTS_AWAY,
} from './support/system';

/**
 * The published sets (schema/published-sets.ts): each agency publishes a few facts from its own
 * database and the others subscribe through PostgreSQL logical replication.
 */
const principals = demoPrincipals(2026);
const DEMO_SCHOOL = principals['school-care-teacher'].schools[0]!;
/** How long a change may take to reach a subscriber on a loaded test machine (normally well under a second). */
const BOUND_MS = 10_000;
const codes = (response: GraphQLResponse) => (response.body.errors ?? []).map((error) => error.extensions?.code);

async function register(name = '订阅测试'): Promise<string> {
  const identity = freshNationalId();
  const data = await gqlData(`mutation ($input: RegisterChildInput!) { registerChild(input: $input) { child { id } } }`, {
    input: {
      name,
      gender: identity.gender,
      birthDate: identity.birthDate,
      nationalId: identity.nationalId,
      householdRegionCode: DEMO_COUNTY,
      residenceRegionCode: DEMO_COUNTY,
      ...PARENTS_AWAY,
    },
  });
  return data.registerChild.child.id;
}

/** A subscriber's copy of the registry row, read as that database's owner. */
async function registryCopy(subscriber: SubgraphName, childId: string): Promise<Record<string, unknown> | undefined> {
  const owner = await database(subscriber);
  try {
    return (await owner.query('SELECT * FROM registry_feed.child WHERE child_id = $1', [childId])).rows[0];
  } finally {
    await owner.end();
  }
}

async function asOwner<T>(name: SubgraphName, work: (client: Awaited<ReturnType<typeof database>>) => Promise<T>): Promise<T> {
  const client = await database(name);
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe('the registry set', () => {
  it('makes a newly registered child enrollable within a bounded time', async () => {
    const childId = await register();
    const started = Date.now();
    await waitFor(
      async () =>
        !(await gql(`mutation ($c: ID!, $s: ID!) { enrol(input: { childId: $c, schoolId: $s, grade: 2 }) { id } }`, { c: childId, s: DEMO_SCHOOL })).body
          .errors,
      BOUND_MS,
    );
    expect(Date.now() - started).toBeLessThan(BOUND_MS);
    // And it carries only the minimum: no name, no national ID, no family data.
    const copy = await registryCopy('education', childId);
    expect(Object.keys(copy!).sort()).toEqual(
      [
        'birth_month',
        'child_id',
        'household_region_code',
        'household_township_code',
        'household_village_code',
        'in_difficulty',
        'is_left_behind',
        'left_behind_type',
        'residence_region_code',
        'residence_township_code',
        'residence_village_code',
        'status',
        'updated_at',
      ].sort(),
    );
    expect(JSON.stringify(copy)).not.toContain('订阅测试');
  });

  it('is refused by every write that names a child when the id is not in the registry', async () => {
    const unknown = randomUUID();
    const partner = await gqlData(`query ($id: ID!) { partner(id: $id) { programmes { id } } }`, { id: principals['partner-ngo'].partner });
    const writes = {
      enrol: [`mutation ($c: ID!, $s: ID!) { enrol(input: { childId: $c, schoolId: $s, grade: 2 }) { id } }`, { c: unknown, s: DEMO_SCHOOL }],
      assignCareTeacher: [
        `mutation ($c: ID!, $s: ID!) { assignCareTeacher(input: { childId: $c, schoolId: $s, teacherName: "王老师" }) { teacherName } }`,
        { c: unknown, s: DEMO_SCHOOL },
      ],
      logTalk: [`mutation ($c: ID!) { logTalk(input: { childId: $c, heldBy: "王老师" }) { id } }`, { c: unknown }],
      pairChild: [
        `mutation ($c: ID!, $p: ID!) { pairChild(input: { childId: $c, programmeId: $p, helperName: "甲", helperRole: VOLUNTEER }) { id } }`,
        { c: unknown, p: partner.partner.programmes[0].id },
      ],
      recordConsent: [
        `mutation ($c: ID!, $p: ID!) { recordConsent(input: { childId: $c, partnerId: $p, regionCode: "${DEMO_COUNTY}", guardianName: "甲", guardianRelationship: "祖母",
           categories: [CHILD_MASKED], purpose: "care-programmes", expiresOn: "${new Date(Date.now() + 100 * 86_400_000).toISOString().slice(0, 10)}" }) { id } }`,
        { c: unknown, p: principals['partner-ngo'].partner },
      ],
    } as const;
    for (const [name, [query, variables]] of Object.entries(writes)) {
      const response = await gql(query, variables);
      expect({ name, codes: codes(response) }).toEqual({ name, codes: ['NOT_FOUND'] });
    }
    // Nothing was written for the unknown child anywhere.
    for (const [subgraph, tables] of [
      ['education', ['enrolment', 'care_assignment', 'talk']],
      ['womens-federation', ['pairing', 'consent']],
    ] as const) {
      await asOwner(subgraph, async (owner) => {
        for (const table of tables) expect((await owner.query(`SELECT count(*)::int AS n FROM ${table} WHERE child_id = $1`, [unknown])).rows[0].n).toBe(0);
      });
    }
  });

  it('carries an archiving to the subscribers, which then refuse new care work for the child', async () => {
    const childId = await register();
    await waitForRegistryFeed(childId);
    await gqlData(`mutation ($id: ID!) { archiveChild(id: $id, expectedVersion: 1, reason: AGED_OUT, note: "年满16周岁") { status } }`, { id: childId });
    await waitFor(async () => (await registryCopy('education', childId))?.status === 'ARCHIVED', BOUND_MS);
    await waitFor(async () => (await registryCopy('womens-federation', childId))?.status === 'ARCHIVED', BOUND_MS);
    const talk = await gql(`mutation ($c: ID!) { logTalk(input: { childId: $c, heldBy: "王老师" }) { id } }`, { c: childId });
    expect(codes(talk)).toEqual(['CHILD_ARCHIVED']);
  });

  it('cannot be written by a subscriber’s application role', async () => {
    const childId = await register();
    await waitForRegistryFeed(childId);
    for (const subgraph of ['education', 'womens-federation'] as const) {
      const app = await database(subgraph, 'app');
      try {
        await expect(app.query(`UPDATE registry_feed.child SET status = 'ACTIVE' WHERE child_id = $1`, [childId])).rejects.toThrow(/permission denied/);
        await expect(app.query(`DELETE FROM registry_feed.child WHERE child_id = $1`, [childId])).rejects.toThrow(/permission denied/);
        await expect(
          app.query(`INSERT INTO registry_feed.child VALUES ($1, '341322', '341322', '2015-01', 'NONE', false, false, 'ACTIVE', now())`, [randomUUID()]),
        ).rejects.toThrow(/permission denied/);
        await expect(app.query(`TRUNCATE registry_feed.child`)).rejects.toThrow(/permission denied/);
      } finally {
        await app.end();
      }
    }
  });

  it('catches up with nothing lost after the subscriber was stopped while the publisher changed', async () => {
    const before = await register('停前登记');
    await waitForRegistryFeed(before);
    await asOwner('education', (owner) => owner.query('ALTER SUBSCRIPTION education__registry_feed DISABLE'));
    let during: string;
    try {
      // Changes while the subscriber is stopped: a new child, and an existing one archived.
      during = await register('停时登记');
      await gqlData(`mutation ($id: ID!) { archiveChild(id: $id, expectedVersion: 1, reason: PARENTS_RETURNED) { status } }`, { id: before });
      await new Promise((done) => setTimeout(done, 1000));
      expect(await registryCopy('education', during)).toBeUndefined();
      expect((await registryCopy('education', before))?.status).toBe('ACTIVE');
    } finally {
      await asOwner('education', (owner) => owner.query('ALTER SUBSCRIPTION education__registry_feed ENABLE'));
    }
    await waitFor(async () => (await registryCopy('education', during))?.status === 'ACTIVE', BOUND_MS);
    await waitFor(async () => (await registryCopy('education', before))?.status === 'ARCHIVED', BOUND_MS);
    // The copy holds exactly what the registry holds.
    const registry = await asOwner('civil-affairs', async (owner) => (await owner.query('SELECT count(*)::int AS n FROM child')).rows[0].n);
    const copy = await asOwner('education', async (owner) => (await owner.query('SELECT count(*)::int AS n FROM registry_feed.child')).rows[0].n);
    expect(copy).toBe(registry);
  });
});

describe('the enrolment set', () => {
  it('lets a school-scoped token read exactly its pupils’ registry records, and nothing of another school’s', async () => {
    const schools = await gqlData(`{ schools(first: 100) { edges { node { id regionCode } } } }`);
    const other = schools.schools.edges.map((edge: { node: { id: string } }) => edge.node.id).find((id: string) => id !== DEMO_SCHOOL);
    // A pupil of each school, enrolled now.
    const mine = await register('本校学生');
    const theirs = await register('外校学生');
    for (const [childId, schoolId] of [
      [mine, DEMO_SCHOOL],
      [theirs, other],
    ]) {
      await waitFor(
        async () =>
          !(await gql(`mutation ($c: ID!, $s: ID!) { enrol(input: { childId: $c, schoolId: $s, grade: 4 }) { id } }`, { c: childId, s: schoolId })).body.errors,
        BOUND_MS,
      );
    }
    const teacher: Principal = { ...principals['school-care-teacher'], sub: `teacher-${randomUUID()}` };
    const token = await tokenFor(teacher);
    const read = (id: string) => gql(`query ($id: ID!) { child(id: $id) { id name } }`, { id }, token, 'education-support');
    await waitFor(async () => (await read(mine)).body.data?.child, BOUND_MS);
    expect((await read(mine)).body.data.child.name).toBe('本校学生');
    const refused = await read(theirs);
    expect(refused.body.data?.child ?? null).toBeNull();
    expect(codes(refused)).toEqual(['NOT_FOUND']);

    // The list the teacher gets is exactly the school's current pupils (whose files are active: an archived one is for supervisors).
    const enrolled = await asOwner('education', async (owner) =>
      (
        await owner.query(
          `SELECT e.child_id FROM enrolment e JOIN registry_feed.child r ON r.child_id = e.child_id AND r.status = 'ACTIVE'
            WHERE e.school_id = $1 AND e.status = 'ENROLLED' ORDER BY e.child_id`,
          [DEMO_SCHOOL],
        )
      ).rows.map((row) => row.child_id),
    );
    const listed: string[] = [];
    let after: string | null = null;
    do {
      const page: { children: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } = (
        await gql(
          `query ($after: String) { children(first: 100, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
          { after },
          token,
          'education-support',
        )
      ).body.data;
      listed.push(...page.children.edges.map((edge) => edge.node.id));
      after = page.children.pageInfo.hasNextPage ? page.children.pageInfo.endCursor : null;
    } while (after);
    expect(listed.sort()).toEqual(enrolled);

    // A transfer out ends the old school's access.
    await gqlData(`mutation ($c: ID!, $s: ID!) { enrol(input: { childId: $c, schoolId: $s, grade: 4 }) { id } }`, { c: mine, s: other });
    await waitFor(async () => codes(await read(mine)).includes('NOT_FOUND'), BOUND_MS);
  });
});

describe('replication in health and metrics', () => {
  it('decodes each publisher’s log once per subscriber: one subscription per (subscriber, publisher), carrying all its sets', async () => {
    const layout: Record<string, string[]> = {};
    for (const name of ['civil-affairs', 'education', 'womens-federation'] as const) {
      await asOwner(name, async (owner) => {
        const { rows } = await owner.query(
          `SELECT subname, subpublications FROM pg_subscription WHERE subdbid = (SELECT oid FROM pg_database WHERE datname = current_database())`,
        );
        for (const row of rows) layout[row.subname] = [...row.subpublications].sort();
      });
    }
    expect(layout).toEqual({
      civil_affairs__enrolment_feed: ['enrolment_feed', 'proposal_feed'],
      civil_affairs__partner_feed: ['partner_feed'],
      education__registry_feed: ['proposal_review_feed', 'registry_feed'],
      education__partner_feed: ['partner_feed'],
      womens_federation__registry_feed: ['registry_feed'],
      womens_federation__enrolment_feed: ['enrolment_feed'],
    });
    // Both sets of a shared subscription report through it.
    const health = (await (await fetch(system.subgraphUrls.education.replace(/graphql$/, 'health'))).json()) as {
      feeds: Record<string, { subscribed: boolean; streaming: boolean }>;
    };
    expect(health.feeds.proposal_review_feed).toMatchObject({ subscribed: true, streaming: true });
    expect(health.feeds.registry_feed).toMatchObject({ subscribed: true, streaming: true });
  });

  it('reports each subscription’s state and lag', async () => {
    for (const name of ['civil-affairs', 'education', 'womens-federation'] as const) {
      const base = system.subgraphUrls[name].replace(/graphql$/, '');
      const health = (await (await fetch(`${base}health`)).json()) as {
        status: string;
        feeds: Record<string, { subscribed: boolean; streaming: boolean; lagSeconds: number }>;
      };
      expect(health.status).toBe('ok');
      expect(Object.keys(health.feeds).length).toBeGreaterThan(0);
      for (const feed of Object.values(health.feeds)) expect(feed).toMatchObject({ subscribed: true, streaming: true, lagSeconds: expect.any(Number) });
      const metrics = await (await metricsOf(base)).text();
      expect(metrics).toMatch(/^feed_lag_seconds\{set="[a-z_]+",publisher="[a-z-]+"[^}]*\} \d/m);
      expect(metrics).toMatch(/^feed_streaming\{[^}]*\} 1$/m);
    }
  });

  it('reports a broken subscription', async () => {
    await asOwner('womens-federation', (owner) => owner.query('ALTER SUBSCRIPTION womens_federation__registry_feed DISABLE'));
    try {
      const response = await fetch(system.subgraphUrls['womens-federation'].replace(/graphql$/, 'health'));
      expect(response.status).toBe(503);
      const health = (await response.json()) as { feeds: Record<string, { subscribed: boolean }> };
      expect(health.feeds.registry_feed.subscribed).toBe(false);
    } finally {
      await asOwner('womens-federation', (owner) => owner.query('ALTER SUBSCRIPTION womens_federation__registry_feed ENABLE'));
    }
    await waitFor(async () => (await fetch(system.subgraphUrls['womens-federation'].replace(/graphql$/, 'health'))).ok, BOUND_MS);
  });
});

describe('the working list', () => {
  it('joins education’s rows with its copy of the registry: left-behind pupils without a care person, and no others', async () => {
    const away = new Date(Date.now() - 400 * 86_400_000).toISOString().slice(0, 10);
    const identity = freshNationalId();
    const leftBehind = (
      await gqlData(`mutation ($input: RegisterChildInput!) { registerChild(input: $input) { child { id } } }`, {
        input: {
          name: '无人关爱',
          gender: identity.gender,
          birthDate: identity.birthDate,
          nationalId: identity.nationalId,
          householdRegionCode: DEMO_COUNTY,
          residenceRegionCode: DEMO_COUNTY,
          father: { awaySince: away },
          mother: { awaySince: away },
        },
      })
    ).registerChild.child.id;
    // Registered left-behind; the parents then came home.
    const notLeftBehind = await register('父母在家');
    await gqlData(`mutation ($id: ID!) { updateChild(id: $id, expectedVersion: 1, input: { father: {}, mother: {} }) { version } }`, { id: notLeftBehind });
    for (const childId of [leftBehind, notLeftBehind]) {
      await waitFor(
        async () =>
          !(await gql(`mutation ($c: ID!, $s: ID!) { enrol(input: { childId: $c, schoolId: $s, grade: 5 }) { id } }`, { c: childId, s: DEMO_SCHOOL })).body
            .errors,
        BOUND_MS,
      );
    }
    const listed = async () => {
      const ids: string[] = [];
      let after: string | null = null;
      do {
        const data: {
          childrenNeedingCarePerson: { edges: { node: { child: { id: string } } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
        } = await gqlData(
          `query ($s: ID, $after: String) { childrenNeedingCarePerson(schoolId: $s, first: 100, after: $after) { edges { node { child { id } } } pageInfo { hasNextPage endCursor } } }`,
          { s: DEMO_SCHOOL, after },
        );
        ids.push(...data.childrenNeedingCarePerson.edges.map((edge) => edge.node.child.id));
        after = data.childrenNeedingCarePerson.pageInfo.hasNextPage ? data.childrenNeedingCarePerson.pageInfo.endCursor : null;
      } while (after);
      return ids;
    };
    expect(await listed()).toContain(leftBehind);
    expect(await listed()).not.toContain(notLeftBehind);
    // Its count is the whole list's, not the page's.
    const counted = await gqlData(`query ($s: ID) { childrenNeedingCarePerson(schoolId: $s, first: 1) { totalCount edges { cursor } } }`, { s: DEMO_SCHOOL });
    expect(counted.childrenNeedingCarePerson.edges).toHaveLength(1);
    expect(counted.childrenNeedingCarePerson.totalCount).toBe((await listed()).length);
    await gqlData(`mutation ($c: ID!, $s: ID!) { assignCareTeacher(input: { childId: $c, schoolId: $s, teacherName: "刘老师" }) { teacherName } }`, {
      c: leftBehind,
      s: DEMO_SCHOOL,
    });
    expect(await listed()).not.toContain(leftBehind);
    // And the talk rule follows the registry: a pupil who is not left-behind is never overdue.
    const overdue = await gqlData(`query ($a: ID!, $b: ID!) { a: child(id: $a) { talkOverdue } b: child(id: $b) { talkOverdue } }`, {
      a: leftBehind,
      b: notLeftBehind,
    });
    expect(overdue).toEqual({ a: { talkOverdue: true }, b: { talkOverdue: null } });
  });
});
