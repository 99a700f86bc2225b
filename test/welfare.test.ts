import { randomUUID } from 'node:crypto';
import { demoPrincipals } from '../demo/principals';
import { LOW_INCOME, registerChild, registryDate } from './support/at-risk-children';
import { ADMIN, database, gql, gqlData, tokenFor, waitFor, waitForRegistryFeed, type GraphQLResponse } from './support/system';

/**
 * Difficult-circumstance categories (困境儿童, seed 004 二), benefits, and the child directors and
 * supervisors in charge of each child.
 */
const principals = demoPrincipals(2026);
const TOWNSHIP = principals['township-child-supervisor'].jurisdiction[0]!;
const codes = (response: GraphQLResponse) => (response.body.errors ?? []).map((error) => error.extensions?.code);
const REGISTER = `mutation ($input: RegisterChildInput!) { registerChild(input: $input) { child { id } } }`;
const STATUS = `query ($id: ID!) { child(id: $id) { version
  difficultCircumstances { id category holdsToday endsOn version }
  all: difficultCircumstances(includeEnded: true) { category holdsToday }
  riskStatus { inDifficultCircumstances classification { isLeftBehind } } } }`;
const statusOf = async (id: string) => (await gqlData(STATUS, { id })).child;

async function storedByName(name: string): Promise<number> {
  const owner = await database('civil-affairs');
  try {
    return (await owner.query(`SELECT count(*)::int AS n FROM child WHERE name = $1`, [name])).rows[0].n;
  } finally {
    await owner.end();
  }
}

/** The registry set's copy in education, once it shows `inDifficulty`. */
async function copyInDifficulty(childId: string, inDifficulty: boolean): Promise<void> {
  const owner = await database('education');
  try {
    await waitFor(
      async () => (await owner.query(`SELECT in_difficulty FROM registry_feed.child WHERE child_id = $1`, [childId])).rows[0]?.in_difficulty === inDifficulty,
    );
  } finally {
    await owner.end();
  }
}

describe('registering needs a reason to be in the registry', () => {
  const child = (name: string, extra: Record<string, unknown> = {}) => ({
    name,
    gender: 'FEMALE',
    birthDate: '2016-03-03',
    householdRegionCode: '341322',
    residenceRegionCode: '341322',
    ...extra,
  });

  it('neither left-behind nor in a category: NOT_ELIGIBLE, nothing stored', async () => {
    const name = `无由${randomUUID().slice(0, 6)}`;
    const response = await gql(REGISTER, { input: child(name, { father: { awaySince: '2024-01-01' }, mother: {} }) });
    expect(codes(response)).toEqual(['NOT_ELIGIBLE']);
    expect(response.body.errors?.[0].message).toMatch(/left-behind|category/);
    expect(await storedByName(name)).toBe(0);
  });

  it('a category that has already ended is no reason; one that holds is, whatever the parents', async () => {
    const ended = `已结束${randomUUID().slice(0, 6)}`;
    const endedCategory = { ...LOW_INCOME, endsOn: await registryDate('current_date - 1') };
    expect(codes(await gql(REGISTER, { input: child(ended, { difficultCircumstances: [endedCategory] }) }))).toEqual(['NOT_ELIGIBLE']);
    expect(await storedByName(ended)).toBe(0);
    const id = (await gqlData(REGISTER, { input: child(`困境${randomUUID().slice(0, 6)}`, { difficultCircumstances: [LOW_INCOME] }) })).registerChild.child.id;
    expect((await statusOf(id)).riskStatus).toEqual({ inDifficultCircumstances: true, classification: { isLeftBehind: false } });
  });

  it('refuses a category that starts in the future or ends before it starts, naming the field', async () => {
    const future = await gql(REGISTER, {
      input: child('未来', { difficultCircumstances: [{ ...LOW_INCOME, startsOn: await registryDate('current_date + 1') }] }),
    });
    expect(codes(future)).toEqual(['BAD_USER_INPUT']);
    expect(future.body.errors?.[0].extensions?.field).toBe('difficultCircumstances[0].startsOn');
    const backwards = await gql(REGISTER, { input: child('倒序', { difficultCircumstances: [{ ...LOW_INCOME, endsOn: '2024-12-31' }] }) });
    expect(codes(backwards)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('difficult-circumstance categories', () => {
  const RECORD = `mutation ($input: RecordDifficultCircumstanceInput!) { recordDifficultCircumstance(input: $input) { id version holdsToday } }`;
  const END = `mutation ($id: ID!, $v: Int!, $on: LocalDate!) { endDifficultCircumstance(id: $id, expectedVersion: $v, endsOn: $on, reason: "复核不再符合") {
    endsOn holdsToday version } }`;

  it('a left-behind child who also meets a category counts under both, here and in the registry set', async () => {
    const id = await registerChild({
      difficultCircumstances: [{ ...LOW_INCOME, category: 'SEVERE_DISABILITY', source: 'DISABILITY_RECORDS', basis: '残疾人证二级' }],
    });
    expect((await statusOf(id)).riskStatus).toEqual({ inDifficultCircumstances: true, classification: { isLeftBehind: true } });
    await waitForRegistryFeed(id);
    await copyInDifficulty(id, true);
  });

  it('a category that ends today still holds today; ended yesterday it no longer does, and the registry set follows', async () => {
    const id = await registerChild();
    await waitForRegistryFeed(id);
    await copyInDifficulty(id, false);
    const recorded = (await gqlData(RECORD, { input: { ...LOW_INCOME, childId: id } })).recordDifficultCircumstance;
    expect(recorded).toMatchObject({ version: 1, holdsToday: true });
    await copyInDifficulty(id, true);

    const today = await registryDate('current_date');
    expect((await gqlData(END, { id: recorded.id, v: 1, on: today })).endDifficultCircumstance).toEqual({ endsOn: today, holdsToday: true, version: 2 });
    expect((await statusOf(id)).riskStatus.inDifficultCircumstances).toBe(true);

    const other = await registerChild();
    const second = (await gqlData(RECORD, { input: { ...LOW_INCOME, childId: other } })).recordDifficultCircumstance;
    await copyInDifficulty(other, true);
    await gqlData(END, { id: second.id, v: 1, on: await registryDate('current_date - 1') });
    const status = await statusOf(other);
    expect(status.riskStatus.inDifficultCircumstances).toBe(false);
    expect(status.difficultCircumstances).toEqual([]);
    expect(status.all).toEqual([{ category: 'LOW_INCOME_FAMILY', holdsToday: false }]);
    await copyInDifficulty(other, false);
  });

  it('refuses an overlapping period, a second end, a stale version and an end before the start, changing nothing', async () => {
    const id = await registerChild();
    const recorded = (await gqlData(RECORD, { input: { ...LOW_INCOME, childId: id } })).recordDifficultCircumstance;
    expect(codes(await gql(RECORD, { input: { ...LOW_INCOME, childId: id, startsOn: '2025-06-01' } }))).toEqual(['CONFLICT']);
    expect(codes(await gql(END, { id: recorded.id, v: 1, on: '2024-12-31' }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(END, { id: recorded.id, v: 5, on: '2025-12-31' }))).toEqual(['VERSION_CONFLICT']);
    await gqlData(END, { id: recorded.id, v: 1, on: '2025-12-31' });
    expect(codes(await gql(END, { id: recorded.id, v: 2, on: '2026-01-31' }))).toEqual(['INVALID_STATE']);
    const status = await statusOf(id);
    expect(status.all).toHaveLength(1);
    expect(codes(await gql(RECORD, { input: { ...LOW_INCOME, childId: randomUUID() } }))).toEqual(['NOT_FOUND']);
  });
});

describe('benefits', () => {
  const RECORD = `mutation ($input: RecordBenefitInput!) { recordBenefit(input: $input) { id kind amountFen frequency active grantedBy version } }`;
  const benefit = (childId: string, extra: Record<string, unknown> = {}) => ({
    childId,
    kind: 'MINIMUM_LIVING_ALLOWANCE',
    amountFen: 62000,
    frequency: 'MONTHLY',
    startsOn: '2025-01-01',
    grantedBy: '萧县民政局',
    ...extra,
  });

  it('records a benefit with amount, period and granting body, and ends it', async () => {
    const id = await registerChild({ difficultCircumstances: [LOW_INCOME] });
    const recorded = (await gqlData(RECORD, { input: benefit(id) })).recordBenefit;
    expect(recorded).toMatchObject({ kind: 'MINIMUM_LIVING_ALLOWANCE', amountFen: 62000, active: true, grantedBy: '萧县民政局' });
    const ended = await gqlData(`mutation ($id: ID!) { endBenefit(id: $id, expectedVersion: 1, endsOn: "2025-12-31") { active version } }`, {
      id: recorded.id,
    });
    expect(ended.endBenefit).toEqual({ active: false, version: 2 });
    const listed = await gqlData(`query ($id: ID!) { child(id: $id) { benefits { id } all: benefits(includeEnded: true) { id } } }`, { id });
    expect(listed.child).toEqual({ benefits: [], all: [{ id: recorded.id }] });
  });

  it.each([
    ['no amount', { amountFen: 0 }, 'input.amountFen'],
    ['an OTHER benefit that does not say what it is', { kind: 'OTHER' }, 'input.description'],
    ['a period that ends before it starts', { endsOn: '2024-06-30' }, 'input.endsOn'],
    ['no granting body', { grantedBy: ' ' }, 'input.grantedBy'],
  ])('refuses %s', async (_label, extra, field) => {
    const id = await registerChild();
    const response = await gql(RECORD, { input: benefit(id, extra) });
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.body.errors?.[0].extensions?.field).toBe(field);
    expect((await gqlData(`query ($id: ID!) { child(id: $id) { benefits(includeEnded: true) { id } } }`, { id })).child.benefits).toEqual([]);
  });
});

describe('child directors and supervisors', () => {
  const REGISTER_WORKER = `mutation ($input: RegisterCareWorkerInput!) { registerCareWorker(input: $input) { id role townshipName villageCode } }`;
  const ASSIGN = `mutation ($id: ID!, $v: Int!, $d: ID, $s: ID) { assignCareWorkers(childId: $id, expectedVersion: $v, childDirectorId: $d, childSupervisorId: $s) {
    version childDirector { id name } childSupervisor { id } } }`;

  it('a director reaches and may record the facts of the children put in its charge, and no longer once taken off', async () => {
    const subject = `test:director-${randomUUID()}`;
    const village = `${TOWNSHIP}398`;
    const director = (
      await gqlData(REGISTER_WORKER, {
        input: { role: 'CHILD_DIRECTOR', name: '刘主任', phone: '13900000000', townshipCode: TOWNSHIP, villageCode: village, villageName: '测试村', subject },
      })
    ).registerCareWorker;
    expect(director).toMatchObject({ role: 'CHILD_DIRECTOR', villageCode: village, townshipName: expect.any(String) });
    const supervisor = (await gqlData(REGISTER_WORKER, { input: { role: 'CHILD_SUPERVISOR', name: '周督导', townshipCode: TOWNSHIP } })).registerCareWorker;

    // A child of another village, whom only the assignment brings into the director's reach.
    const id = await registerChild();
    const token = await tokenFor({ ...principals['child-director'], sub: subject, jurisdiction: [village] });
    const read = () => gql(`query ($id: ID!) { child(id: $id) { id version } }`, { id }, token, 'case-management');
    expect(codes(await read())).toEqual(['NOT_FOUND']);

    const assigned = await gqlData(ASSIGN, { id, v: 1, d: director.id, s: supervisor.id });
    expect(assigned.assignCareWorkers).toEqual({ version: 2, childDirector: { id: director.id, name: '刘主任' }, childSupervisor: { id: supervisor.id } });
    expect((await read()).body.data.child).toEqual({ id, version: 2 });
    const reviewed = await gql(`mutation ($id: ID!) { recordReview(childId: $id, expectedVersion: 2) { version } }`, { id }, token, 'case-management');
    expect(reviewed.body.data.recordReview).toEqual({ version: 3 });

    await gqlData(ASSIGN, { id, v: 3, d: null });
    expect(codes(await read())).toEqual(['NOT_FOUND']);
  });

  it('only supervisors put children in someone’s charge: a village director can neither link a login to a worker nor assign a child', async () => {
    const director = principals['child-director'];
    const village = director.jurisdiction[0]!;
    const asDirector = async (query: string, variables: Record<string, unknown>) => gql(query, variables, await tokenFor(director), 'case-management');
    // Linking an accomplice's login to a worker of its own village would open the village's children to that login.
    const linked = await asDirector(REGISTER_WORKER, {
      input: { role: 'CHILD_DIRECTOR', name: '冒名', townshipCode: village.slice(0, 9), villageCode: village, subject: `test:accomplice-${randomUUID()}` },
    });
    expect(codes(linked)).toEqual(['UNAUTHORIZED_FIELD_OR_TYPE']);
    const id = await registerChild();
    expect(codes(await asDirector(ASSIGN, { id, v: 1, d: randomUUID() }))).toEqual(['UNAUTHORIZED_FIELD_OR_TYPE']);
    expect((await gqlData(`query ($id: ID!) { child(id: $id) { version childDirector { id } } }`, { id })).child).toEqual({ version: 1, childDirector: null });
    // The township's supervisor may.
    const supervisor = principals['township-child-supervisor'];
    const registered = await gql(
      REGISTER_WORKER,
      { input: { role: 'CHILD_SUPERVISOR', name: '新督导', townshipCode: TOWNSHIP, subject: `test:new-supervisor-${randomUUID()}` } },
      await tokenFor(supervisor),
      'case-management',
    );
    expect(codes(registered)).toEqual([]);
  });

  it('refuses a director without a village, a supervisor with one, a worker of the wrong post, a reused account and a worker outside the area', async () => {
    const base = { name: '错误', townshipCode: TOWNSHIP };
    expect(codes(await gql(REGISTER_WORKER, { input: { ...base, role: 'CHILD_DIRECTOR' } }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(REGISTER_WORKER, { input: { ...base, role: 'CHILD_SUPERVISOR', villageCode: `${TOWNSHIP}201` } }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(REGISTER_WORKER, { input: { ...base, role: 'CHILD_SUPERVISOR', townshipCode: '341322999' } }))).toEqual(['INVALID_REGION_CODE']);
    const supervisor = (await gqlData(REGISTER_WORKER, { input: { ...base, role: 'CHILD_SUPERVISOR', subject: `test:sup-${randomUUID()}` } }))
      .registerCareWorker;
    const id = await registerChild();
    expect(codes(await gql(ASSIGN, { id, v: 1, d: supervisor.id }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(ASSIGN, { id, v: 1, d: randomUUID() }))).toEqual(['NOT_FOUND']);
    expect((await gqlData(`query ($id: ID!) { child(id: $id) { version childDirector { id } } }`, { id })).child).toEqual({ version: 1, childDirector: null });

    const subject = `test:dup-${randomUUID()}`;
    await gqlData(REGISTER_WORKER, { input: { ...base, role: 'CHILD_SUPERVISOR', subject } });
    expect(codes(await gql(REGISTER_WORKER, { input: { ...base, role: 'CHILD_SUPERVISOR', subject } }))).toEqual(['CONFLICT']);

    const townshipToken = await tokenFor({ ...ADMIN, sub: 'test:township-registrar', jurisdiction: [TOWNSHIP] });
    const otherTownship = `${TOWNSHIP.slice(0, 6)}${TOWNSHIP.endsWith('100') ? '101' : '100'}`;
    const outside = await gql(REGISTER_WORKER, { input: { ...base, role: 'CHILD_SUPERVISOR', townshipCode: otherTownship } }, townshipToken);
    expect(codes(outside)).toEqual(['OUTSIDE_JURISDICTION']);
  });
});
