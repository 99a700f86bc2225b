import { demoPrincipals } from '../demo/principals';
import type { Principal } from '../platform/principal';
import type { SubgraphName } from '../platform/subgraphs';
import { townshipsOf } from '../standards/regions';
import { registerChild } from './support/at-risk-children';
import { ADMIN, database, gql, gqlData, system, tokenFor, waitFor, waitForRegistryFeed, type GraphQLResponse } from './support/system';

/**
 * Places below the county: townships (乡镇, 9-digit codes from the division dataset) and villages
 * (12-digit statistical codes). A township or village jurisdiction reaches exactly its children,
 * schools and programmes; the registry set carries townships, never villages.
 */
const principals = demoPrincipals(2026);
const TOWNSHIP = principals['township-child-supervisor'].jurisdiction[0]!;
const VILLAGE = principals['child-director'].jurisdiction[0]!;
const OTHER_VILLAGE = `${TOWNSHIP}399`;
const OTHER_TOWNSHIP = townshipsOf('341322').find((township) => township.code !== TOWNSHIP)!.code;
const codes = (response: GraphQLResponse) => (response.body.errors ?? []).map((error) => error.extensions?.code);
const READ = `query ($id: ID!) { child(id: $id) { id residenceTownshipCode } }`;

const place = (township: string | null, village: string | null = null) => ({
  residenceTownshipCode: township,
  residenceVillageCode: village,
  householdTownshipCode: township,
  householdVillageCode: village,
});

/** A token like the demo role's, reaching the given area. */
const tokenIn = (area: string, role: 'township-child-supervisor' | 'child-director' = 'township-child-supervisor', extra: Partial<Principal> = {}) =>
  tokenFor({ ...principals[role], jurisdiction: [area], ...extra });

describe('a township or village jurisdiction', () => {
  let inVillage: string;
  let inTownship: string;
  let inOtherTownship: string;
  let countyOnly: string;

  beforeAll(async () => {
    inVillage = await registerChild(place(TOWNSHIP, VILLAGE));
    inTownship = await registerChild(place(TOWNSHIP, OTHER_VILLAGE));
    inOtherTownship = await registerChild(place(OTHER_TOWNSHIP));
    countyOnly = await registerChild();
  });

  const sees = async (token: string, id: string) => {
    const response = await gql(READ, { id }, token, 'case-management');
    const found = response.body.data?.child ?? null;
    expect(codes(response)).toEqual(found ? [] : ['NOT_FOUND']);
    return Boolean(found);
  };

  it('a township token sees its township’s children and no others’', async () => {
    const township = system.tokens['township-child-supervisor']!;
    expect(await sees(township, inVillage)).toBe(true);
    expect(await sees(township, inTownship)).toBe(true);
    expect(await sees(township, inOtherTownship)).toBe(false);
    // Known only to the county: no township reaches it.
    expect(await sees(township, countyOnly)).toBe(false);
    const listed = await gql(`{ children(first: 100) { edges { node { id residenceTownshipCode householdTownshipCode } } } }`, {}, township, 'case-management');
    const ids = listed.body.data.children.edges.map((edge: { node: { id: string } }) => edge.node.id);
    expect(ids).toEqual(expect.arrayContaining([inVillage, inTownship]));
    expect(ids).not.toContain(inOtherTownship);
    for (const { node } of listed.body.data.children.edges) expect([node.residenceTownshipCode, node.householdTownshipCode]).toContain(TOWNSHIP);
  });

  it('a village token sees its village’s children only', async () => {
    const village = system.tokens['child-director']!;
    expect(await sees(village, inVillage)).toBe(true);
    expect(await sees(village, inTownship)).toBe(false);
    expect(await sees(village, inOtherTownship)).toBe(false);
    expect(await sees(village, countyOnly)).toBe(false);
  });

  it('the county still sees them all, and names the township', async () => {
    const county = system.tokens['civil-affairs-case-worker']!;
    for (const id of [inVillage, inTownship, inOtherTownship, countyOnly]) expect(await sees(county, id)).toBe(true);
    const child = (
      await gql(
        `query ($id: ID!) { child(id: $id) { residenceTownshipCode residenceTownshipName residenceVillageCode } }`,
        { id: inVillage },
        county,
        'case-management',
      )
    ).body.data.child;
    expect(child).toMatchObject({
      residenceTownshipCode: TOWNSHIP,
      residenceVillageCode: VILLAGE,
      residenceTownshipName: expect.stringMatching(/[镇乡街道]$/),
    });
  });

  it('a child registered in the township but living elsewhere is the township’s too (户籍地)', async () => {
    const registeredHere = await registerChild({ householdTownshipCode: TOWNSHIP, residenceTownshipCode: OTHER_TOWNSHIP });
    expect(await sees(system.tokens['township-child-supervisor']!, registeredHere)).toBe(true);
  });

  it('writes only inside it: registering a child in another township is OUTSIDE_JURISDICTION', async () => {
    const token = await tokenIn(TOWNSHIP, 'township-child-supervisor', { sub: 'test:township-writer' });
    const register = (township: string) =>
      gql(
        `mutation ($input: RegisterChildInput!) { registerChild(input: $input) { child { id } } }`,
        {
          input: {
            name: '乡镇登记',
            gender: 'FEMALE',
            birthDate: '2016-05-01',
            householdRegionCode: '341322',
            residenceRegionCode: '341322',
            ...place(township),
            father: { awaySince: '2024-01-01' },
            mother: { awaySince: '2024-01-01' },
          },
        },
        token,
        'case-management',
      );
    expect(codes(await register(OTHER_TOWNSHIP))).toEqual(['OUTSIDE_JURISDICTION']);
    expect((await register(TOWNSHIP)).body.errors).toBeUndefined();
  });

  it('reaches the other agencies’ rows about its children, wherever they go to school, and no others’', async () => {
    const schools = await gqlData(`{ schools(regionPrefix: "360731", first: 1) { edges { node { id } } } }`);
    const farSchool = schools.schools.edges[0].node.id;
    for (const id of [inVillage, inOtherTownship]) {
      await waitForRegistryFeed(id);
      await gqlData(`mutation ($c: ID!, $s: ID!) { enrol(input: { childId: $c, schoolId: $s, grade: 5 }) { id } }`, { c: id, s: farSchool });
    }
    for (const role of ['child-director', 'township-child-supervisor'] as const) {
      const own = await gql(`query ($id: ID!) { child(id: $id) { enrolment { grade } } }`, { id: inVillage }, system.tokens[role], 'case-management');
      expect({ role, enrolment: own.body.data.child.enrolment }).toEqual({ role, enrolment: { grade: 5 } });
      const listed = await gql(
        `query ($s: ID!) { school(id: $s) { enrolments(first: 100) { edges { node { child { id } } } } } }`,
        { s: farSchool },
        system.tokens[role],
        'case-management',
      );
      const pupils = listed.body.data.school.enrolments.edges.map((edge: { node: { child: { id: string } } }) => edge.node.child.id);
      expect({ role, pupils }).toEqual({ role, pupils: [inVillage] });
    }
  });

  it('the list filter takes township and village prefixes', async () => {
    const inPrefix = async (prefix: string) =>
      (await gqlData(`query ($p: String) { children(first: 100, filter: { regionPrefix: $p }) { edges { node { id } } } }`, { p: prefix })).children.edges.map(
        (edge: { node: { id: string } }) => edge.node.id,
      );
    expect(await inPrefix(VILLAGE)).toContain(inVillage);
    expect(await inPrefix(VILLAGE)).not.toContain(inTownship);
    expect(await inPrefix(TOWNSHIP)).toEqual(expect.arrayContaining([inVillage, inTownship]));
    expect(await inPrefix(TOWNSHIP)).not.toContain(countyOnly);
  });
});

describe('places are checked', () => {
  const REGISTER = `mutation ($input: RegisterChildInput!) { registerChild(input: $input) { child { id } } }`;
  const base = { name: '地点检查', gender: 'MALE', birthDate: '2016-05-01', householdRegionCode: '341322', residenceRegionCode: '341322' };

  it.each([
    ['a township of another county', { residenceTownshipCode: townshipsOf('360731')[0]!.code }, 'residenceTownshipCode'],
    ['a township code the dataset does not know', { residenceTownshipCode: '341322999' }, 'residenceTownshipCode'],
    ['a village outside the township', { residenceTownshipCode: TOWNSHIP, residenceVillageCode: `${OTHER_TOWNSHIP}201` }, 'residenceVillageCode'],
    ['a village without its township', { residenceVillageCode: VILLAGE }, 'residenceVillageCode'],
    ['a village code of the wrong length', { residenceTownshipCode: TOWNSHIP, residenceVillageCode: `${TOWNSHIP}21` }, 'residenceVillageCode'],
  ])('refuses %s with INVALID_REGION_CODE and stores nothing', async (_label, places, field) => {
    const name = `地点${Math.random().toString(36).slice(2, 8)}`;
    const response = await gql(REGISTER, { input: { ...base, name, ...places, father: { awaySince: '2024-01-01' }, mother: { awaySince: '2024-01-01' } } });
    expect(codes(response)).toEqual(['INVALID_REGION_CODE']);
    expect(response.body.errors?.[0].extensions?.field).toBe(field);
    const owner = await database('civil-affairs');
    try {
      expect((await owner.query(`SELECT count(*)::int AS n FROM child WHERE name = $1`, [name])).rows[0].n).toBe(0);
    } finally {
      await owner.end();
    }
  });

  it('a filter prefix of no real division is refused', async () => {
    expect(codes(await gql(`{ children(first: 5, filter: { regionPrefix: "3413221" }) { edges { node { id } } } }`))).toEqual(['INVALID_REGION_CODE']);
  });

  it('moving a child to another county clears its township and village; a new township clears the village', async () => {
    const id = await registerChild(place(TOWNSHIP, VILLAGE));
    const update = `mutation ($id: ID!, $v: Int!, $input: UpdateChildInput!) { updateChild(id: $id, expectedVersion: $v, input: $input) {
      residenceRegionCode residenceTownshipCode residenceVillageCode householdTownshipCode householdVillageCode } }`;
    const moved = await gqlData(update, { id, v: 1, input: { residenceTownshipCode: OTHER_TOWNSHIP } });
    expect(moved.updateChild).toMatchObject({ residenceTownshipCode: OTHER_TOWNSHIP, residenceVillageCode: null, householdVillageCode: VILLAGE });
    const away = await gqlData(update, { id, v: 2, input: { residenceRegionCode: '341302' } });
    expect(away.updateChild).toMatchObject({
      residenceRegionCode: '341302',
      residenceTownshipCode: null,
      residenceVillageCode: null,
      householdTownshipCode: TOWNSHIP,
    });
  });
});

describe('schools and programmes carry their township', () => {
  it('a school: its township and village, the directory filter, and the row rule at township level', async () => {
    const create = (token: string | undefined, township: string, name: string) =>
      gql(
        `mutation ($input: CreateSchoolInput!) { createSchool(input: $input) { id townshipCode townshipName village } }`,
        { input: { name, regionCode: '341322', townshipCode: township, village: '中心村', type: 'PRIMARY' } },
        token,
      );
    const created = (await create(undefined, TOWNSHIP, `乡镇小学${Date.now()}`)).body.data.createSchool;
    expect(created).toMatchObject({ townshipCode: TOWNSHIP, village: '中心村', townshipName: expect.any(String) });
    const listed = await gqlData(`query ($p: String) { schools(regionPrefix: $p, first: 100) { edges { node { id townshipCode } } } }`, { p: TOWNSHIP });
    expect(listed.schools.edges.map((edge: { node: { id: string } }) => edge.node.id)).toContain(created.id);
    for (const { node } of listed.schools.edges) expect(node.townshipCode).toBe(TOWNSHIP);

    const townshipOfficer = await tokenFor({ ...ADMIN, sub: 'test:township-education', jurisdiction: [TOWNSHIP] });
    expect(codes(await create(townshipOfficer, OTHER_TOWNSHIP, `外乡小学${Date.now()}`))).toEqual(['OUTSIDE_JURISDICTION']);
    expect((await create(townshipOfficer, TOWNSHIP, `本乡小学${Date.now()}`)).body.errors).toBeUndefined();
    expect(codes(await create(undefined, '360731100', `错乡小学${Date.now()}`))).toEqual(['INVALID_REGION_CODE']);
  });

  it('a programme: its township and village', async () => {
    const partner = principals['partner-ngo'].partner;
    const programme = await gqlData(`mutation ($input: CreateProgrammeInput!) { createProgramme(input: $input) { townshipCode townshipName village } }`, {
      input: {
        partnerId: partner,
        name: `儿童之家${Date.now()}`,
        kind: 'CHILDRENS_HOME',
        regionCode: '341322',
        townshipCode: TOWNSHIP,
        village: '中心村',
        startsOn: '2025-01-01',
      },
    });
    expect(programme.createProgramme).toMatchObject({ townshipCode: TOWNSHIP, village: '中心村', townshipName: expect.any(String) });
  });
});

describe('the registry set', () => {
  it('carries the township and village codes to the subscribers (never a name), and their rows reach a township jurisdiction', async () => {
    const id = await registerChild({ ...place(TOWNSHIP, VILLAGE), residenceVillage: '保密村名' });
    const elsewhere = await registerChild(place(OTHER_TOWNSHIP));
    await waitForRegistryFeed(id);
    await waitForRegistryFeed(elsewhere);
    for (const subscriber of ['education', 'womens-federation'] as SubgraphName[]) {
      const owner = await database(subscriber);
      try {
        const copy = await waitFor(async () => (await owner.query(`SELECT * FROM registry_feed.child WHERE child_id = $1`, [id])).rows[0]);
        expect(copy).toMatchObject({ household_township_code: TOWNSHIP, residence_township_code: TOWNSHIP, residence_village_code: VILLAGE });
        expect(JSON.stringify(copy)).not.toMatch(/保密村名|困境测试/);
      } finally {
        await owner.end();
      }
      // The subscriber's own application role, scoped to the township, reads the one and not the other.
      const app = await database(subscriber, 'app');
      try {
        await app.query('BEGIN');
        await app.query(`SELECT set_config('app.jurisdiction', $1, true)`, [TOWNSHIP]);
        const visible = (await app.query(`SELECT child_id FROM registry_feed.child WHERE child_id = ANY ($1::uuid[])`, [[id, elsewhere]])).rows;
        expect({ subscriber, visible: visible.map((row) => row.child_id) }).toEqual({ subscriber, visible: [id] });
      } finally {
        await app.query('ROLLBACK');
        await app.end();
      }
    }
  });
});

describe('the demo', () => {
  it('gives the township supervisor and the village child director their own children', async () => {
    for (const [role, area] of [
      ['township-child-supervisor', TOWNSHIP],
      ['child-director', VILLAGE],
    ] as const) {
      const listed = await gql(
        `{ children(first: 100) { edges { node { residenceVillageCode residenceTownshipCode householdTownshipCode } } } }`,
        {},
        system.tokens[role],
        'case-management',
      );
      expect(listed.body.data.children.edges.length).toBeGreaterThan(0);
      for (const { node } of listed.body.data.children.edges) {
        if (role === 'township-child-supervisor') expect([node.residenceTownshipCode, node.householdTownshipCode]).toContain(area);
      }
    }
  });
});
