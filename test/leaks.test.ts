import { randomUUID } from 'node:crypto';
import { DEMO_COUNTY, demoPrincipals } from '../demo/principals';
import type { Principal } from '../platform/principal';
import type { SubgraphName } from '../platform/subgraphs';
import type { RoleName } from '../schema/roles';
import {
  database,
  freshNationalId,
  gql,
  gqlData,
  metricsOf,
  post,
  signedPost,
  system,
  tokenFor,
  waitFor,
  waitForRegistryFeed,
  type Connection,
  type GraphQLResponse,
  PARENTS_AWAY,
} from './support/system';

/**
 * Issue 9's leaks, each as an attacker would try it: every path to a child's data (aliases,
 * fragments, batches, entity paths, filters, direct subgraph calls) passes the same field, row,
 * purpose and audit rules.
 */
const principals = demoPrincipals(2026);
const OTHER_COUNTY = '360731';
const DEMO_SCHOOL = principals['school-care-teacher'].schools[0]!;
const UNAUTHORIZED = 'UNAUTHORIZED_FIELD_OR_TYPE';
const codes = (response: GraphQLResponse) => (response.body.errors ?? []).map((error) => error.extensions?.code);
const asRole = (role: RoleName, query: string, variables: Record<string, unknown> = {}, purpose: string | null = principals[role].purposes[0]) =>
  gql(query, variables, system.tokens[role], purpose);

/** The access-log entries one gateway request left in an agency's database. */
async function logOf(name: SubgraphName, response: GraphQLResponse): Promise<{ child_id: string; action: string; categories: string[]; purpose: string }[]> {
  const requestId = response.headers?.get('x-request-id');
  const owner = await database(name);
  try {
    return (await owner.query('SELECT child_id, action, categories, purpose FROM access_log WHERE request_id = $1 ORDER BY seq', [requestId])).rows;
  } finally {
    await owner.end();
  }
}

async function register(county = DEMO_COUNTY, identity = freshNationalId()): Promise<string> {
  const data = await gqlData(`mutation ($input: RegisterChildInput!) { registerChild(input: $input) { child { id } } }`, {
    input: {
      name: '漏洞测试',
      gender: identity.gender,
      birthDate: identity.birthDate,
      nationalId: identity.nationalId,
      householdRegionCode: county,
      residenceRegionCode: county,
      ...PARENTS_AWAY,
    },
  });
  const id = data.registerChild.child.id as string;
  await waitForRegistryFeed(id);
  return id;
}

let otherSchoolId: string;
beforeAll(async () => {
  const schools = await gqlData<{ schools: Connection<{ id: string; regionCode: string }> }>(`{ schools(first: 100) { edges { node { id regionCode } } } }`);
  otherSchoolId = schools.schools.edges.map((edge) => edge.node).find((school) => school.regionCode === OTHER_COUNTY)!.id;
});

describe('filters obey the field rules (a filter by guardianship needs child:family)', () => {
  const ALONE = `{ children(first: 20, filter: { guardianshipForm: ALONE }) { edges { node { id name } } } }`;

  it('refuses the list, literal or through variables, instead of running it wider or narrower', async () => {
    for (const [query, variables] of [
      [ALONE, {}],
      [`query ($f: ChildFilter) { children(first: 20, filter: $f) { edges { node { id } } } }`, { f: { guardianshipForm: 'ALONE' } }],
      [`query ($g: GuardianshipForm) { children(first: 20, filter: { guardianshipForm: $g }) { edges { node { id } } } }`, { g: 'ALONE' }],
    ] as const) {
      const response = await asRole('county-education-officer', query, variables);
      expect(response.body.data ?? null).toBeNull();
      expect(response.body.errors).toEqual([
        expect.objectContaining({ path: ['children'], extensions: { code: UNAUTHORIZED, argument: 'filter.guardianshipForm' } }),
      ]);
    }
  });

  it('through aliases, fragments and a batch: only the filtered field goes, the rest is answered', async () => {
    const response = await asRole(
      'county-education-officer',
      `query Q { ...F plain: children(first: 1) { edges { node { id } } } }
       fragment F on Query { alone: children(first: 5, filter: { isLeftBehind: true, guardianshipForm: ALONE }) { edges { node { id } } } }`,
    );
    // children is non-null, so its null takes all of data with it: still nothing of the filtered list.
    expect(response.body.data ?? null).toBeNull();
    expect(response.body.errors?.map((error) => error.path)).toEqual([['alone']]);

    const batch = await post(
      system.gatewayUrl,
      [{ query: ALONE }, { query: `{ children(first: 1, filter: { isLeftBehind: true }) { edges { node { id } } } }` }],
      { authorization: `Bearer ${system.tokens['county-education-officer']}`, 'x-purpose': 'education-support' },
    );
    const [denied, allowed] = batch.body as unknown as GraphQLResponse['body'][];
    expect(denied.errors?.[0].extensions).toEqual({ code: UNAUTHORIZED, argument: 'filter.guardianshipForm' });
    expect(allowed.errors).toBeUndefined();
  });

  it('lets a holder of the scope filter, and logs each child it matched as a read of that category', async () => {
    const response = await asRole('civil-affairs-case-worker', `{ children(first: 50, filter: { guardianshipForm: GRANDPARENTS }) { edges { cursor } } }`);
    expect(response.body.errors).toBeUndefined();
    const matched = response.body.data.children.edges.length;
    expect(matched).toBeGreaterThan(0);
    // Only cursors came back, yet each child the filter matched is logged under child:family.
    const entries = await logOf('civil-affairs', response);
    expect(entries).toHaveLength(matched);
    for (const entry of entries) expect(entry).toMatchObject({ action: 'READ', categories: ['child:family'], purpose: 'case-management' });
  });

  it('needs no scope for a condition given as null (it selects nothing)', async () => {
    const response = await asRole('county-education-officer', `{ children(first: 1, filter: { guardianshipForm: null }) { edges { node { id } } } }`);
    expect(response.body.errors).toBeUndefined();
  });

  it('is enforced again by the subgraph, for a plan that reaches it anyway', async () => {
    const direct = await signedPost('civil-affairs', principals['county-education-officer'], 'education-support', { query: ALONE });
    expect(JSON.stringify(direct.body.data ?? null)).not.toContain('"id"');
    expect(codes(direct)).toEqual([UNAUTHORIZED]);
  });
});

describe('identifiers are identity: fields are filed by what they reveal', () => {
  it('keeps the student number (the national ID with a prefix) from roles without child:identity, by every path', async () => {
    const viaChild = await asRole('county-education-officer', `{ children(first: 5) { edges { node { enrolment { a: studentNumber grade } } } } }`);
    const viaSchool = await asRole(
      'school-care-teacher',
      `query ($s: ID!) { school(id: $s) { enrolments(first: 5) { edges { node { ...N } } } } } fragment N on Enrolment { studentNumber grade }`,
      { s: DEMO_SCHOOL },
    );
    for (const response of [viaChild, viaSchool]) {
      expect(JSON.stringify(response.body.data)).not.toMatch(/\d{17}[\dX]/);
      expect(codes(response).length).toBeGreaterThan(0);
      expect(new Set(codes(response))).toEqual(new Set([UNAUTHORIZED]));
    }
  });

  it('keeps helpers’ phones from partners, and talk notes from county officers', async () => {
    const partner = await asRole('partner-ngo', `{ children(first: 5) { edges { node { pairings { helperPhone helperName } } } } }`);
    expect(JSON.stringify(partner.body.data ?? {})).not.toMatch(/1[3-9]\d{9}/);
    const officer = await asRole('county-education-officer', `{ children(first: 5) { edges { node { talks(last: 5) { heldOn summary } } } } }`);
    expect(codes(officer)).toContain(UNAUTHORIZED);
    expect(officer.body.errors?.every((error) => String(error.path?.at(-1)) === 'summary')).toBe(true);
  });
});

describe('nothing confirms a named child without a purpose and a log entry', () => {
  let childId: string;
  beforeAll(async () => {
    childId = await register();
  });

  it('refuses child(id) { __typename } and childByNationalId without a purpose', async () => {
    for (const query of [`query ($id: ID!) { child(id: $id) { __typename } }`, `query ($id: ID!) { a: child(id: $id) { ... on Child { __typename } } }`]) {
      const response = await gql(query, { id: childId }, undefined, null);
      expect(codes(response)).toEqual(['PURPOSE_REQUIRED']);
      expect(JSON.stringify(response.body)).not.toContain('Child');
    }
    const byId = await gql(`{ childByNationalId(nationalId: "110101201001010011") { __typename } }`, {}, undefined, null);
    expect(codes(byId)).toEqual(['PURPOSE_REQUIRED']);
  });

  it('logs the look-up itself, even when no field of the child is read', async () => {
    const response = await gql(`query ($id: ID!) { child(id: $id) { __typename } }`, { id: childId });
    expect(response.body.data.child).toEqual({ __typename: 'Child' });
    expect(await logOf('civil-affairs', response)).toEqual([{ child_id: childId, action: 'READ', categories: ['child:masked'], purpose: 'case-management' }]);
  });

  it('hands out cursors that tell nothing, are bound to their holder and cannot be forged', async () => {
    const page = await asRole('civil-affairs-case-worker', `{ children(first: 2) { edges { cursor node { id } } pageInfo { endCursor } } }`);
    const edges: { cursor: string; node: { id: string } }[] = page.body.data.children.edges;
    for (const edge of edges) {
      const bytes = Buffer.from(edge.cursor, 'base64url');
      expect(bytes.toString('utf8')).not.toContain(edge.node.id);
      expect(bytes.toString('hex')).not.toContain(edge.node.id.replace(/-/g, ''));
    }
    // A fresh nonce each time: the same child's cursor differs from page to page.
    const again = await asRole('civil-affairs-case-worker', `{ children(first: 2) { edges { cursor } } }`);
    expect(again.body.data.children.edges[0].cursor).not.toBe(edges[0].cursor);
    const next = `query ($after: String) { children(first: 1, after: $after) { edges { node { id } } } }`;
    expect((await asRole('civil-affairs-case-worker', next, { after: edges[0].cursor })).body.data.children.edges[0].node.id).toBe(edges[1].node.id);
    // Another user's, a tampered one, and the old readable kind are all refused.
    for (const [role, after] of [
      ['police-liaison', edges[0].cursor],
      ['civil-affairs-case-worker', edges[0].cursor.slice(0, -2) + (edges[0].cursor.endsWith('AA') ? 'AB' : 'AA')],
      ['civil-affairs-case-worker', Buffer.from(`id:${edges[0].node.id}`).toString('base64url')],
    ] as const) {
      expect(codes(await asRole(role, next, { after }))).toEqual(['INVALID_CURSOR']);
    }
  });
});

describe('writes state a purpose, and each is logged with it', () => {
  it('refuses a write without X-Purpose and logs one with it', async () => {
    const identity = freshNationalId();
    const input = {
      name: '目的测试',
      gender: identity.gender,
      birthDate: identity.birthDate,
      householdRegionCode: DEMO_COUNTY,
      residenceRegionCode: DEMO_COUNTY,
      ...PARENTS_AWAY,
    };
    const mutation = `mutation ($input: RegisterChildInput!) { registerChild(input: $input) { child { id } } }`;
    expect(codes(await gql(mutation, { input }, undefined, null))).toEqual(['PURPOSE_REQUIRED']);
    const response = await gql(mutation, { input }, undefined, 'protection');
    const id = response.body.data.registerChild.child.id;
    expect(await logOf('civil-affairs', response)).toContainEqual(expect.objectContaining({ child_id: id, action: 'WRITE', purpose: 'protection' }));
  });
});

describe('ended links end access', () => {
  it('after a transfer the old school and county neither read nor write the child’s care records; the new county reads them all', async () => {
    const childId = await register();
    const enrol = `mutation ($c: ID!, $s: ID!) { enrol(input: { childId: $c, schoolId: $s, grade: 3 }) { id } }`;
    await gqlData(enrol, { c: childId, s: DEMO_SCHOOL });
    const logTalk = `mutation ($c: ID!) { logTalk(input: { childId: $c, heldBy: "班主任", summary: "谈了学习" }) { id } }`;
    expect((await asRole('school-care-teacher', logTalk, { c: childId })).body.errors).toBeUndefined();
    const talks = `query ($id: ID!) { child(id: $id) { talks(last: 10) { heldBy } enrolment { school { id } } } }`;
    expect((await asRole('school-care-teacher', talks, { id: childId })).body.data.child.talks).toHaveLength(1);

    // The transfer, to a school in another county.
    await gqlData(enrol, { c: childId, s: otherSchoolId });
    await waitFor(async () => codes(await asRole('school-care-teacher', talks, { id: childId })).includes('NOT_FOUND'));
    expect(codes(await asRole('school-care-teacher', logTalk, { c: childId }))).toEqual(['NOT_FOUND']);
    // The old county: the child still lives there, so the registry shows it, but nothing of its schooling.
    const oldCounty = await asRole('county-education-officer', talks, { id: childId });
    expect(oldCounty.body.data.child).toEqual({ talks: [], enrolment: null });
    expect(
      codes(await asRole('county-education-officer', logTalk, { c: childId })).some((code) => code === 'NOT_FOUND' || code === 'OUTSIDE_JURISDICTION'),
    ).toBe(true);
    // The new school's county sees the whole file, the talk from before the transfer included.
    const newCounty: Principal = { ...principals['county-education-officer'], sub: `test:officer-${OTHER_COUNTY}`, jurisdiction: [OTHER_COUNTY, DEMO_COUNTY] };
    const seen = await gql(talks, { id: childId }, await tokenFor(newCounty), 'education-support');
    expect(seen.body.data.child).toEqual({ talks: [{ heldBy: '班主任' }], enrolment: { school: { id: otherSchoolId } } });
  });
});

describe('a partner claim that is empty or malformed is refused, not widened', () => {
  it.each([[''], ['not-an-id'], ['   ']])('partner %j', async (partner) => {
    const token = await tokenFor({ ...principals['partner-ngo'], partner, jurisdiction: [DEMO_COUNTY] } as Principal);
    const response = await gql(`{ children(first: 5) { edges { node { id maskedName } } } }`, {}, token, 'care-programmes');
    expect(response.status).toBe(401);
    expect(codes(response)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('no existence oracle in registration, and national-ID look-ups are counted and limited', () => {
  it('never tells the caller that a child is registered elsewhere, and logs the probe', async () => {
    const identity = freshNationalId();
    await register(OTHER_COUNTY, identity);
    const response = await asRole(
      'civil-affairs-case-worker',
      `mutation ($input: RegisterChildInput!) { registerChild(input: $input) { child { id } alreadyRegistered } }`,
      {
        input: {
          name: '探测',
          gender: identity.gender,
          birthDate: identity.birthDate,
          nationalId: identity.nationalId,
          householdRegionCode: DEMO_COUNTY,
          residenceRegionCode: DEMO_COUNTY,
          ...PARENTS_AWAY,
        },
      },
    );
    expect(codes(response)).toEqual(['CONFLICT']);
    expect(response.body.errors?.[0].message).not.toMatch(/already|jurisdiction|county|exist|another/i);
    const owner = await database('civil-affairs');
    try {
      const probes = await owner.query(`SELECT operation, admitted FROM national_id_lookup WHERE principal = $1 AND operation = 'registerChild'`, [
        principals['civil-affairs-case-worker'].sub,
      ]);
      expect(probes.rows).toContainEqual({ operation: 'registerChild', admitted: true });
    } finally {
      await owner.end();
    }
  });

  it('does not limit filing new children: only answers that could tell of others’ children count', async () => {
    const clerk = await tokenFor({ ...principals['civil-affairs-case-worker'], sub: `test:clerk-${randomUUID()}` });
    for (let i = 0; i < 65; i++) {
      const identity = freshNationalId();
      const response = await gql(
        `mutation ($input: RegisterChildInput!) { registerChild(input: $input) { alreadyRegistered } }`,
        {
          input: {
            name: '批量建档',
            gender: identity.gender,
            birthDate: identity.birthDate,
            nationalId: identity.nationalId,
            householdRegionCode: DEMO_COUNTY,
            residenceRegionCode: DEMO_COUNTY,
            ...PARENTS_AWAY,
          },
        },
        clerk,
        'case-management',
      );
      expect(codes(response)).toEqual([]);
    }
  });

  it('refuses look-ups past the hourly limit per user, on every replica alike (counted in the database)', async () => {
    const prober = await tokenFor({ ...principals['police-liaison'], sub: `test:prober-${randomUUID()}` });
    const lookUp = () => gql(`query ($n: String!) { childByNationalId(nationalId: $n) { id } }`, { n: freshNationalId().nationalId }, prober, 'protection');
    for (let i = 0; i < 60; i++) expect(codes(await lookUp())).toEqual([]);
    const refused = await lookUp();
    expect(codes(refused)).toEqual(['RATE_LIMITED']);
    expect(refused.body.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(0);
  });
});

describe('the operations surface is not public', () => {
  const bases = () => [system.gatewayUrl, ...Object.values(system.subgraphUrls)].map((url) => url.replace(/\/graphql$/, ''));

  it('serves /metrics only with its credential', async () => {
    for (const base of bases()) {
      expect((await fetch(`${base}/metrics`)).status).toBe(401);
      expect((await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
      const ok = await metricsOf(base);
      expect(ok.status).toBe(200);
      expect(await ok.text()).toMatch(/^# HELP/m);
    }
  });

  it('serves no landing page in production', async () => {
    const page = await fetch(system.gatewayUrl, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toMatch(/<html|<!DOCTYPE/i);
  });

  it('suggests no enum value, in a literal or in a variable', async () => {
    const literal = await gql(`{ children(first: 1, filter: { guardianshipForm: ALON }) { edges { cursor } } }`);
    const variable = await gql(`query ($g: GuardianshipForm) { children(first: 1, filter: { guardianshipForm: $g }) { edges { cursor } } }`, { g: 'ALON' });
    for (const response of [literal, variable]) {
      expect(response.body.errors?.length).toBeGreaterThan(0);
      expect(JSON.stringify(response.body)).not.toMatch(/Did you mean|ALONE/);
    }
    expect(codes(variable)).toEqual(['BAD_USER_INPUT']);
  });

  it('reads variable defaults in @include/@skip instead of failing', async () => {
    const response = await asRole(
      'police-liaison',
      `query ($show: Boolean! = false) { children(first: 1) { edges { node { id nationalId @include(if: $show) } } } }`,
    );
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
  });
});

describe('access logs are read only about children the reader may see, in every agency', () => {
  it('gives an audit reader of another county nothing from education’s or the women’s federation’s log', async () => {
    const page = await asRole(
      'civil-affairs-case-worker',
      `{ children(first: 1, filter: { isLeftBehind: true }) { edges { node { id pairings { id } enrolment { grade } } } } }`,
    );
    const childId = page.body.data.children.edges[0].node.id;
    for (const name of ['education', 'womens-federation'] as const) {
      const app = await database(name, 'app');
      try {
        const visible = async (jurisdiction: string) => {
          await app.query('BEGIN');
          try {
            await app.query(`SELECT set_config('app.scopes', 'audit:read', true), set_config('app.jurisdiction', $1, true)`, [jurisdiction]);
            return (await app.query('SELECT count(*)::int AS n FROM access_log WHERE child_id = $1', [childId])).rows[0].n as number;
          } finally {
            await app.query('ROLLBACK');
          }
        };
        expect(await visible(DEMO_COUNTY)).toBeGreaterThan(0);
        expect(await visible(OTHER_COUNTY)).toBe(0);
      } finally {
        await app.end();
      }
    }
  });
});
