import { database, freshNationalId, gql, gqlData, PARENTS_AWAY } from './support/system';

const REGISTER = `mutation ($input: RegisterChildInput!, $key: String) {
  registerChild(input: $input, idempotencyKey: $key) { alreadyRegistered child { id name version nationalId } }
}`;

function childInput(overrides: Record<string, unknown> = {}) {
  const identity = freshNationalId('FEMALE');
  return {
    name: '张小花',
    gender: identity.gender,
    birthDate: identity.birthDate,
    nationalId: identity.nationalId,
    householdRegionCode: '360731',
    residenceRegionCode: '360731',
    ...PARENTS_AWAY,
    ...overrides,
  };
}

const isoDaysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/** A category that keeps a child in the registry whatever its parents' facts, so the classification alone is under test. */
const IN_DIFFICULTY = {
  difficultCircumstances: [{ category: 'LOW_INCOME_FAMILY', basis: '低保证', source: 'MINIMUM_LIVING_RECORDS', startsOn: '2025-01-01' }],
};

describe('registering children', () => {
  it('a national ID registered twice yields one child', async () => {
    const input = childInput();
    const first = await gqlData(REGISTER, { input });
    const second = await gqlData(REGISTER, { input: { ...input, name: '张小华' } });
    expect(first.registerChild.alreadyRegistered).toBe(false);
    expect(second.registerChild).toEqual({ alreadyRegistered: true, child: first.registerChild.child });
    const found = await gqlData(`query ($n: String!) { childByNationalId(nationalId: $n) { id } }`, { n: input.nationalId });
    expect(found.childByNationalId.id).toBe(first.registerChild.child.id);
  });

  it('concurrent registrations of one national ID still yield one child', async () => {
    const input = childInput();
    const results = await Promise.all(Array.from({ length: 6 }, () => gqlData(REGISTER, { input })));
    const ids = new Set(results.map((result) => result.registerChild.child.id));
    expect(ids.size).toBe(1);
    expect(results.filter((result) => !result.registerChild.alreadyRegistered)).toHaveLength(1);
  });

  it('stores the national ID encrypted, never in clear text', async () => {
    const input = childInput();
    const { registerChild } = await gqlData(REGISTER, { input });
    expect(registerChild.child.nationalId).toBe(input.nationalId);
    const db = await database('civil-affairs');
    try {
      const { rows } = await db.query('SELECT * FROM child WHERE id = $1', [registerChild.child.id]);
      expect(JSON.stringify(rows[0])).not.toContain(input.nationalId);
      expect(rows[0].national_id_encrypted).toMatch(/^v1:/);
      expect(rows[0].national_id_hash).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      await db.end();
    }
  });

  it('a retried registration with the same idempotency key creates one child', async () => {
    const { nationalId: _none, ...withoutId } = childInput();
    const key = `retry-${Date.now()}`;
    const first = await gqlData(REGISTER, { input: withoutId, key });
    const retry = await gqlData(REGISTER, { input: withoutId, key });
    expect(retry.registerChild.child.id).toBe(first.registerChild.child.id);
    const other = await gqlData(REGISTER, { input: withoutId, key: `${key}-other` });
    expect(other.registerChild.child.id).not.toBe(first.registerChild.child.id);
  });
});

describe('updating a child', () => {
  it('applies an update at the current version and bumps the version', async () => {
    const { registerChild } = await gqlData(REGISTER, { input: childInput() });
    const updated = await gqlData(
      `mutation ($id: ID!) { updateChild(id: $id, expectedVersion: 1, input: { residenceVillage: "新村" }) { version residenceVillage } }`,
      { id: registerChild.child.id },
    );
    expect(updated.updateChild).toEqual({ version: 2, residenceVillage: '新村' });
  });

  it('rejects a stale expectedVersion with VERSION_CONFLICT and changes nothing', async () => {
    const { registerChild } = await gqlData(REGISTER, { input: childInput() });
    const id = registerChild.child.id;
    await gqlData(`mutation ($id: ID!) { updateChild(id: $id, expectedVersion: 1, input: { name: "张一" }) { version } }`, { id });
    const stale = await gql(`mutation ($id: ID!) { updateChild(id: $id, expectedVersion: 1, input: { name: "张二" }) { version } }`, { id });
    expect(stale.body.errors?.[0].extensions?.code).toBe('VERSION_CONFLICT');
    expect(stale.body.errors?.[0].extensions?.currentVersion).toBe(2);
    const after = await gqlData(`query ($id: ID!) { child(id: $id) { name version } }`, { id });
    expect(after.child).toEqual({ name: '张一', version: 2 });
  });

  it('guards guardianship changes with its own version', async () => {
    const { registerChild } = await gqlData(REGISTER, { input: childInput() });
    const id = registerChild.child.id;
    const record = `mutation ($id: ID!, $v: Int) { recordGuardianship(childId: $id, expectedVersion: $v, input: { form: ALONE }) { version livingAlone } }`;
    expect((await gqlData(record, { id })).recordGuardianship).toEqual({ version: 1, livingAlone: true });
    expect((await gql(record, { id })).body.errors?.[0].extensions?.code).toBe('VERSION_CONFLICT');
    expect((await gqlData(record, { id, v: 1 })).recordGuardianship.version).toBe(2);
  });
});

describe('the left-behind classification (national definition)', () => {
  async function classify(input: Record<string, unknown>) {
    const { registerChild } = await gqlData(REGISTER, { input: childInput({ ...IN_DIFFICULTY, ...input }) });
    const data = await gqlData(`query ($id: ID!) { child(id: $id) { classification { type otherParentUnableToGuard isLeftBehind studentStatusFlag } } }`, {
      id: registerChild.child.id,
    });
    return data.child.classification;
  }

  it('both parents away three months or more: left-behind, flag 2', async () => {
    expect(await classify({ father: { awaySince: isoDaysAgo(200) }, mother: { awaySince: isoDaysAgo(120) } })).toEqual({
      type: 'BOTH_PARENTS_AWAY',
      otherParentUnableToGuard: false,
      isLeftBehind: true,
      studentStatusFlag: 2,
    });
  });

  it('one parent away and the other unable to guard: left-behind', async () => {
    expect(await classify({ father: { awaySince: isoDaysAgo(400) }, mother: { unableToGuard: true, unableReason: '重病' } })).toEqual({
      type: 'ONE_PARENT_AWAY',
      otherParentUnableToGuard: true,
      isLeftBehind: true,
      studentStatusFlag: 1,
    });
  });

  it('one parent away and the other at home and able: not left-behind', async () => {
    expect((await classify({ father: { awaySince: isoDaysAgo(400) }, mother: {} })).isLeftBehind).toBe(false);
  });

  it('a parent away for less than three months does not count as away', async () => {
    expect(await classify({ father: { awaySince: isoDaysAgo(40) }, mother: { awaySince: isoDaysAgo(400) } })).toMatchObject({
      type: 'ONE_PARENT_AWAY',
      isLeftBehind: false,
    });
  });

  it('a child of 16 or more no longer qualifies', async () => {
    const birthDate = isoDaysAgo(16 * 366);
    const { nationalId: _unused, ...input } = childInput({ birthDate });
    const { registerChild } = await gqlData(REGISTER, {
      input: { ...input, ...IN_DIFFICULTY, father: { awaySince: isoDaysAgo(400) }, mother: { awaySince: isoDaysAgo(400) } },
    });
    const data = await gqlData(`query ($id: ID!) { child(id: $id) { age classification { type isLeftBehind } } }`, { id: registerChild.child.id });
    expect(data.child.age).toBe(16);
    expect(data.child.classification).toEqual({ type: 'BOTH_PARENTS_AWAY', isLeftBehind: false });
  });

  it('filters the list by classification, guardianship form and region', async () => {
    const data = await gqlData(`{
      children(first: 100, filter: { regionPrefix: "3413", isLeftBehind: true, guardianshipForm: GRANDPARENTS }) {
        edges { node { residenceRegionCode classification { isLeftBehind } guardianship { form } } }
      }
    }`);
    expect(data.children.edges.length).toBeGreaterThan(0);
    for (const { node } of data.children.edges) {
      expect(node.residenceRegionCode.startsWith('3413')).toBe(true);
      expect(node.classification.isLeftBehind).toBe(true);
      expect(node.guardianship.form).toBe('GRANDPARENTS');
    }
  });
});

describe('concurrent first guardianship records', () => {
  it('lets exactly one through and tells the others to re-read', async () => {
    const { registerChild } = await gqlData(REGISTER, { input: childInput() });
    const record = `mutation ($id: ID!) { recordGuardianship(childId: $id, input: { form: GRANDPARENTS }) { version } }`;
    const results = await Promise.all(Array.from({ length: 5 }, () => gql(record, { id: registerChild.child.id })));
    const succeeded = results.filter((result) => !result.body.errors);
    const codes = results.flatMap((result) => result.body.errors ?? []).map((error) => error.extensions?.code);
    expect(succeeded).toHaveLength(1);
    expect(new Set(codes)).toEqual(new Set(['VERSION_CONFLICT']));
  });
});
