import { randomUUID } from 'node:crypto';
import { DEMO_COUNTY } from '../demo/principals';
import { database, freshNationalId, gqlData, PARENTS_AWAY } from './support/system';

/**
 * DESIGN 6.3, README (Architecture): every create takes an optional idempotencyKey, and a retry
 * with the same key creates nothing new. For each create: the same key twice gives the same id
 * and one row, read back; another key gives a new one. (registerChild: test/registry.test.ts.)
 */

const NEXT_YEAR = new Date(Date.now() + 300 * 86_400_000).toISOString().slice(0, 10);
const unique = (label: string) => `${label}-${randomUUID().slice(0, 8)}`;

async function newChild(): Promise<string> {
  const identity = freshNationalId();
  const data = await gqlData(`mutation ($input: RegisterChildInput!) { registerChild(input: $input) { child { id } } }`, {
    input: {
      name: '幂等儿童',
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

async function newSchool(): Promise<string> {
  const data = await gqlData(`mutation ($input: CreateSchoolInput!) { createSchool(input: $input) { id } }`, {
    input: { name: unique('幂等小学'), regionCode: DEMO_COUNTY, type: 'PRIMARY' },
  });
  return data.createSchool.id;
}

async function newPartner(): Promise<string> {
  const data = await gqlData(`mutation ($input: CreatePartnerInput!) { createPartner(input: $input) { id } }`, {
    input: { name: unique('幂等协会'), type: 'NGO', regionCode: DEMO_COUNTY },
  });
  return data.createPartner.id;
}

async function newProgramme(partnerId: string): Promise<string> {
  const data = await gqlData(`mutation ($input: CreateProgrammeInput!) { createProgramme(input: $input) { id } }`, {
    input: { partnerId, name: unique('幂等项目'), kind: 'VOLUNTEER_PAIRING', regionCode: DEMO_COUNTY, startsOn: '2025-01-01' },
  });
  return data.createProgramme.id;
}

/** Every node of a root connection, page after page (the query takes `$after`). */
async function everyNode<T>(field: string, query: string, variables: Record<string, unknown> = {}): Promise<T[]> {
  const nodes: T[] = [];
  let after: string | null = null;
  for (;;) {
    const page: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: T }[] } = (await gqlData(query, { ...variables, after }))[field];
    nodes.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage) return nodes;
    after = page.pageInfo.endCursor;
  }
}

const PAGE = 'pageInfo { hasNextPage endCursor } edges { node { name } }';

interface CreateCase<Context> {
  /** What the create needs (a child, a school, a partner...), made once per test. */
  prepare(): Promise<Context>;
  /** The create with a key; `again` is a second, different create (where the same one twice would be refused). */
  create(context: Context, key: string, again: boolean): Promise<string>;
  /** How many rows the creates of this test made, read back. */
  count(context: Context): Promise<number>;
}

/** A case with its own context type, listed beside the others. */
const createCase = <Context>(definition: CreateCase<Context>): CreateCase<unknown> => definition;

const cases: Record<string, CreateCase<unknown>> = {
  createSchool: createCase({
    prepare: async () => ({ name: unique('幂等小学') }),
    create: async ({ name }, key) =>
      (
        await gqlData(`mutation ($input: CreateSchoolInput!, $key: String) { createSchool(input: $input, idempotencyKey: $key) { id } }`, {
          input: { name, regionCode: DEMO_COUNTY, type: 'PRIMARY' },
          key,
        })
      ).createSchool.id,
    count: async ({ name }) => {
      const schools = await everyNode<{ name: string }>(
        'schools',
        `query ($after: String, $p: String) { schools(first: 100, after: $after, regionPrefix: $p) { ${PAGE} } }`,
        { p: DEMO_COUNTY },
      );
      return schools.filter((school) => school.name === name).length;
    },
  }),

  enrol: createCase({
    prepare: async () => ({ childId: await newChild(), schools: [await newSchool(), await newSchool()] }),
    // The same child at the same school again is a CONFLICT whatever the key: another key enrols it elsewhere (a transfer).
    create: async ({ childId, schools }, key, again) =>
      (
        await gqlData(`mutation ($input: EnrolInput!, $key: String) { enrol(input: $input, idempotencyKey: $key) { id } }`, {
          input: { childId, schoolId: schools[again ? 1 : 0], grade: 3 },
          key,
        })
      ).enrol.id,
    // The API shows only the current enrolment, so the rows are counted where they are kept.
    count: async ({ childId }) => {
      const owner = await database('education');
      try {
        return (await owner.query(`SELECT count(*)::int AS n FROM enrolment WHERE child_id = $1`, [childId])).rows[0].n;
      } finally {
        await owner.end();
      }
    },
  }),

  logTalk: createCase({
    prepare: async () => {
      const childId = await newChild();
      // Talks are reached through the child's enrolment.
      await gqlData(`mutation ($input: EnrolInput!) { enrol(input: $input) { id } }`, { input: { childId, schoolId: await newSchool(), grade: 2 } });
      return { childId };
    },
    create: async ({ childId }, key) =>
      (
        await gqlData(`mutation ($input: LogTalkInput!, $key: String) { logTalk(input: $input, idempotencyKey: $key) { id } }`, {
          input: { childId, heldBy: '陈老师', summary: '想念父母' },
          key,
        })
      ).logTalk.id,
    count: async ({ childId }) => (await gqlData(`query ($id: ID!) { child(id: $id) { talks(last: 100) { id } } }`, { id: childId })).child.talks.length,
  }),

  createPartner: createCase({
    prepare: async () => ({ name: unique('幂等协会') }),
    create: async ({ name }, key) =>
      (
        await gqlData(`mutation ($input: CreatePartnerInput!, $key: String) { createPartner(input: $input, idempotencyKey: $key) { id } }`, {
          input: { name, type: 'NGO', regionCode: DEMO_COUNTY },
          key,
        })
      ).createPartner.id,
    count: async ({ name }) => {
      const partners = await everyNode<{ name: string }>('partners', `query ($after: String) { partners(first: 100, after: $after) { ${PAGE} } }`);
      return partners.filter((partner) => partner.name === name).length;
    },
  }),

  createProgramme: createCase({
    prepare: async () => ({ partnerId: await newPartner() }),
    create: async ({ partnerId }, key) =>
      (
        await gqlData(`mutation ($input: CreateProgrammeInput!, $key: String) { createProgramme(input: $input, idempotencyKey: $key) { id } }`, {
          input: { partnerId, name: '代理家长项目', kind: 'PROXY_PARENT', regionCode: DEMO_COUNTY, startsOn: '2025-01-01' },
          key,
        })
      ).createProgramme.id,
    count: async ({ partnerId }) => (await gqlData(`query ($id: ID!) { partner(id: $id) { programmes { id } } }`, { id: partnerId })).partner.programmes.length,
  }),

  pairChild: createCase({
    prepare: async () => ({ childId: await newChild(), programmeId: await newProgramme(await newPartner()) }),
    create: async ({ childId, programmeId }, key) =>
      (
        await gqlData(`mutation ($input: PairChildInput!, $key: String) { pairChild(input: $input, idempotencyKey: $key) { id } }`, {
          input: { childId, programmeId, helperName: '刘阿姨', helperRole: 'PROXY_PARENT' },
          key,
        })
      ).pairChild.id,
    count: async ({ childId }) => (await gqlData(`query ($id: ID!) { child(id: $id) { pairings { id } } }`, { id: childId })).child.pairings.length,
  }),

  recordConsent: createCase({
    prepare: async () => ({ childId: await newChild(), partnerId: await newPartner() }),
    create: async ({ childId, partnerId }, key) =>
      (
        await gqlData(`mutation ($input: RecordConsentInput!, $key: String) { recordConsent(input: $input, idempotencyKey: $key) { id } }`, {
          input: {
            childId,
            partnerId,
            regionCode: DEMO_COUNTY,
            guardianName: '王奶奶',
            guardianRelationship: '祖母',
            categories: ['CHILD_MASKED'],
            purpose: 'care-programmes',
            expiresOn: NEXT_YEAR,
          },
          key,
        })
      ).recordConsent.id,
    count: async ({ childId }) =>
      (await gqlData(`query ($id: ID!) { consents(childId: $id, first: 100) { edges { node { id } } } }`, { id: childId })).consents.edges.length,
  }),
};

describe('a create retried with the same idempotency key creates once', () => {
  it.each(Object.entries(cases))('%s', async (_name, create) => {
    const context = await create.prepare();
    expect(await create.count(context)).toBe(0);
    const key = `retry-${randomUUID()}`;
    const first = await create.create(context, key, false);
    const retry = await create.create(context, key, false);
    expect(retry).toBe(first);
    expect(await create.count(context)).toBe(1);
    // The key is what makes it the same create: another key creates another.
    const other = await create.create(context, `other-${randomUUID()}`, true);
    expect(other).not.toBe(first);
    expect(await create.count(context)).toBe(2);
  });
});
