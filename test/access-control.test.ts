import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { importPKCS8, SignJWT } from 'jose';
import { DEMO_COUNTY, demoPrincipals } from '../demo/principals';
import { DEV_AUDIENCE, DEV_ISSUER } from '../demo/tokens';
import { QUERY_LIMITS } from '../gateway/query-limits';
import type { Principal } from '../platform/principal';
import { ROLES, type RoleName } from '../schema/roles';
import { startGateway, type GatewayProcess } from './support/gateway-process';
import { freshNationalId, gql, gqlData, post, signedPost, system, waitFor, type GraphQLResponse } from './support/system';

const UNAUTHORIZED = 'UNAUTHORIZED_FIELD_OR_TYPE';

/** One field (or small selection) per data category of a child, keyed by its response key. */
const PROBES = {
  maskedName: { category: 'child:masked', selection: 'maskedName' },
  ageBand: { category: 'child:masked', selection: 'ageBand' },
  name: { category: 'child:basic', selection: 'name' },
  classification: { category: 'child:basic', selection: 'classification { isLeftBehind }' },
  nationalId: { category: 'child:identity', selection: 'nationalId' },
  birthDate: { category: 'child:identity', selection: 'birthDate' },
  guardianship: { category: 'child:family', selection: 'guardianship { form guardianPhone }' },
  father: { category: 'child:family', selection: 'father { name }' },
  enrolment: { category: 'edu:enrolment', selection: 'enrolment { grade school { name } }' },
  careResponsiblePerson: { category: 'edu:care', selection: 'careResponsiblePerson { teacherName }' },
  talkOverdue: { category: 'edu:care', selection: 'talkOverdue' },
  pairings: { category: 'wf:programmes', selection: 'pairings { helperName }' },
  difficultCircumstances: { category: 'child:welfare', selection: 'difficultCircumstances { category }' },
  protectionReports: { category: 'protection:read', selection: 'protectionReports { status }' },
} as const;

const MATRIX_QUERY = `query Matrix($id: ID!) { child(id: $id) { id ${Object.values(PROBES)
  .map((probe) => probe.selection)
  .join(' ')} } }`;

const principals = demoPrincipals(2026);
const roleToken = (role: RoleName) => system.tokens[role]!;
const purposeOf = (role: RoleName) => principals[role].purposes[0]!;
/** A query as a demo role, stating the role's first purpose. */
const asRole = (role: RoleName, query: string, variables: Record<string, unknown> = {}) => gql(query, variables, roleToken(role), purposeOf(role));

function deniedPaths(response: GraphQLResponse): string[] {
  return (response.body.errors ?? []).filter((error) => error.extensions?.code === UNAUTHORIZED).map((error) => (error.path ?? []).join('.'));
}

function expectNoScopeNamed(response: GraphQLResponse) {
  for (const error of response.body.errors ?? []) expect(error.message).not.toMatch(/child:|edu:|wf:|directory:|scope/i);
}

/**
 * A child of the demo county with something in every category, enrolled at the demo school and
 * paired with the demo partner, whose guardian consented: so each null below means "not
 * authorized" for every role, never "nothing there".
 */
let childId: string;

beforeAll(async () => {
  const identity = freshNationalId();
  const away = new Date(Date.now() - 400 * 86_400_000).toISOString().slice(0, 10);
  const registered = await gqlData(`mutation ($input: RegisterChildInput!) { registerChild(input: $input) { child { id } } }`, {
    input: {
      name: '矩阵测试',
      gender: identity.gender,
      birthDate: identity.birthDate,
      nationalId: identity.nationalId,
      householdRegionCode: DEMO_COUNTY,
      residenceRegionCode: DEMO_COUNTY,
      // In the village and township the demo child director and supervisor serve.
      residenceTownshipCode: principals['township-child-supervisor'].jurisdiction[0],
      residenceVillageCode: principals['child-director'].jurisdiction[0],
      father: { name: '父亲', awaySince: away, workPlace: '广东省东莞市' },
      mother: { name: '母亲', awaySince: away },
    },
  });
  childId = registered.registerChild.child.id;
  await waitFor(async () => (await gql(`query ($id: ID!) { child(id: $id) { id } }`, { id: childId })).body.data?.child);
  const schoolId = principals['school-care-teacher'].schools[0]!;
  const partner = await gqlData(`query ($id: ID!) { partner(id: $id) { programmes { id } } }`, { id: principals['partner-ngo'].partner });
  await gqlData(
    `mutation ($id: ID!) { recordGuardianship(childId: $id, input: { form: GRANDPARENTS, guardianName: "祖母", guardianPhone: "13800000000" }) { version } }`,
    { id: childId },
  );
  // The other agencies learn of the child through the registry feed.
  await waitFor(
    async () =>
      !(await gql(`mutation ($c: ID!, $s: ID!) { enrol(input: { childId: $c, schoolId: $s, grade: 3 }) { id } }`, { c: childId, s: schoolId })).body.errors,
  );
  await gqlData(`mutation ($c: ID!, $s: ID!) { assignCareTeacher(input: { childId: $c, schoolId: $s, teacherName: "陈老师" }) { teacherName } }`, {
    c: childId,
    s: schoolId,
  });
  await gqlData(`mutation ($c: ID!, $p: ID!) { pairChild(input: { childId: $c, programmeId: $p, helperName: "志愿者", helperRole: VOLUNTEER }) { id } }`, {
    c: childId,
    p: partner.partner.programmes[0].id,
  });
  await gqlData(`mutation ($input: RecordConsentInput!) { recordConsent(input: $input) { id } }`, {
    input: {
      childId,
      partnerId: principals['partner-ngo'].partner,
      regionCode: DEMO_COUNTY,
      guardianName: '祖母',
      guardianRelationship: '祖母',
      categories: ['CHILD_MASKED', 'WF_PROGRAMMES'],
      purpose: 'care-programmes',
      expiresOn: new Date(Date.now() + 300 * 86_400_000).toISOString().slice(0, 10),
    },
  });
  // The school's enrolment and the partner's grant reach civil affairs through their feeds.
  await waitFor(async () => (await asRole('school-care-teacher', `query ($id: ID!) { child(id: $id) { id } }`, { id: childId })).body.data?.child);
  await waitFor(async () => (await asRole('partner-ngo', `query ($id: ID!) { child(id: $id) { id } }`, { id: childId })).body.data?.child);
});

describe('each role sees exactly the categories its scopes open', () => {
  it.each(Object.keys(ROLES) as RoleName[])('%s', async (role) => {
    const scopes = new Set<string>(principals[role].scopes);
    const response = await asRole(role, MATRIX_QUERY, { id: childId });
    expect(response.status).toBe(200);
    expectNoScopeNamed(response);
    if (!scopes.has('child:masked')) {
      // Not even the child itself: nothing requested is authorized.
      expect(response.body.data).toBeNull();
      expect(deniedPaths(response)).toEqual(['child']);
      return;
    }
    const child = response.body.data.child;
    const expectedDenied: string[] = [];
    for (const [key, probe] of Object.entries(PROBES)) {
      if (scopes.has(probe.category)) {
        expect({ key, value: child[key] }).toEqual({ key, value: expect.anything() });
      } else {
        expect({ key, value: child[key] }).toEqual({ key, value: null });
        expectedDenied.push(`child.${key}`);
      }
    }
    expect(deniedPaths(response).sort()).toEqual(expectedDenied.sort());
    // Nothing but authorization errors: every other field resolved.
    expect(response.body.errors?.filter((error) => error.extensions?.code !== UNAUTHORIZED) ?? []).toEqual([]);
  });
});

describe('what a partner NGO sees', () => {
  it('never identity, contact or family fields, whatever it asks', async () => {
    const response = await asRole(
      'partner-ngo',
      `query ($id: ID!) { child(id: $id) { id maskedName ageBand nationalId birthDate residenceVillage father { phone } guardianship { guardianPhone } } }`,
      { id: childId },
    );
    const child = response.body.data.child;
    expect(child.maskedName).toMatch(/\*/);
    for (const key of ['nationalId', 'birthDate', 'residenceVillage', 'father', 'guardianship']) expect(child[key]).toBeNull();
    expect(JSON.stringify(response.body.data)).not.toMatch(/\d{17}[\dX]/);
  });
});

describe('attempts to get round field authorization', () => {
  it('aliases and fragments around a protected field', async () => {
    const response = await asRole(
      'partner-ngo',
      `query ($id: ID!) { a: child(id: $id) { id x: nationalId ...Identity ... on Child { y: nationalId } }
         b: child(id: $id) { ...Identity } }
       fragment Identity on Child { nationalId z: birthDate }`,
      { id: childId },
    );
    expect(JSON.stringify(response.body.data)).not.toMatch(/\d{17}[\dX]|\d{4}-\d{2}-\d{2}/);
    expect(deniedPaths(response).sort()).toEqual(['a.nationalId', 'a.x', 'a.y', 'a.z', 'b.nationalId', 'b.z']);
    expect(response.body.data.a.id).toBe(childId);
    // b asked for nothing the NGO may see: removed and null.
    expect(response.body.data.b).toBeNull();
  });

  it('variables and @include/@skip', async () => {
    const response = await asRole(
      'partner-ngo',
      `query ($id: ID!, $yes: Boolean!) { child(id: $id) { id nationalId @include(if: $yes) name @skip(if: false) } }`,
      { id: childId, yes: true },
    );
    expect(response.body.data.child).toEqual({ id: childId, nationalId: null, name: null });
    expect(deniedPaths(response).sort()).toEqual(['child.name', 'child.nationalId']);
  });

  it('batched requests: each operation is filtered', async () => {
    const response = await fetch(system.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${roleToken('partner-ngo')}`, 'x-purpose': purposeOf('partner-ngo') },
      body: JSON.stringify([
        { query: 'query ($id: ID!) { child(id: $id) { maskedName } }', variables: { id: childId } },
        { query: 'query ($id: ID!) { child(id: $id) { nationalId } }', variables: { id: childId } },
      ]),
    });
    const results = (await response.json()) as GraphQLResponse['body'][];
    expect(results[0]!.data.child.maskedName).toMatch(/\*/);
    // Nothing the second operation asked for is authorized: no data at all.
    expect(results[1]!.data).toBeNull();
    expect(results[1]!.errors?.[0]?.extensions?.code).toBe(UNAUTHORIZED);
  });

  it('entity paths: a field reached through a school or a pairing is checked the same', async () => {
    const response = await asRole(
      'county-education-officer',
      `{ schools(first: 50) { edges { node { name enrolments(first: 5) { edges { node { child { nationalId } } } } } } } }`,
      {},
    );
    expect(JSON.stringify(response.body.data)).not.toMatch(/\d{17}[\dX]/);
    expect(deniedPaths(response)).toContain('schools.edges.@.node.enrolments.edges.@.node.child.nationalId');
  });

  it('a scope claim smuggled in another claim is ignored', async () => {
    const key = await importPKCS8(readFileSync(system.keys.idpPrivateKeyFile, 'utf8'), 'ES256');
    const smuggled = await new SignJWT({
      org: 'ngo',
      scope: 'child:masked',
      scopes: ['child:identity'],
      scp: ['child:identity'],
      'https://child-registry/scope': 'child:identity',
      jurisdiction: [DEMO_COUNTY],
      purposes: ['care-programmes'],
      partner: principals['partner-ngo'].partner,
      realm_access: { roles: ['child:identity'] },
    })
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer(DEV_ISSUER)
      .setAudience(DEV_AUDIENCE)
      .setSubject('smuggler')
      .setExpirationTime('5m')
      .sign(key);
    const response = await gql(`query ($id: ID!) { child(id: $id) { id nationalId } }`, { id: childId }, smuggled, 'care-programmes');
    expect(response.body.data.child).toEqual({ id: childId, nationalId: null });
    expect(deniedPaths(response)).toEqual(['child.nationalId']);
  });

  it('a subgraph called with a valid internal token for a principal without the scope still answers null', async () => {
    const principal: Principal = { ...principals['partner-ngo'] };
    // As the gateway would sign it for the partner; the consented, paired child is in its grants.
    // One token per call, as the gateway signs them: a token is good for one call only.
    const direct = await signedPost('civil-affairs', principal, 'care-programmes', { query: `{ child(id: "${childId}") { id maskedName nationalId name } }` });
    expect(direct.body.data.child.maskedName).toMatch(/\*/);
    expect(direct.body.data.child.nationalId).toBeNull();
    expect(direct.body.data.child.name).toBeNull();
    expect(direct.body.errors?.map((error) => error.extensions?.code)).toEqual([UNAUTHORIZED, UNAUTHORIZED]);
    // Nothing on the way may keep a subgraph's answer.
    expect(direct.headers?.get('cache-control')).toBe('no-store');

    const entities = await signedPost('civil-affairs', principal, 'care-programmes', {
      query: `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Child { nationalId father { phone } } } }`,
      variables: { r: [{ __typename: 'Child', id: childId }] },
    });
    expect(entities.body.data._entities[0]).toEqual({ nationalId: null, father: null });
    expect(JSON.stringify(entities.body)).not.toMatch(/\d{17}[\dX]/);
  });

  it('errors never say which scopes were missing', async () => {
    const response = await asRole('partner-ngo', MATRIX_QUERY, { id: childId });
    expect(deniedPaths(response).length).toBeGreaterThan(3);
    expectNoScopeNamed(response);
    expect(JSON.stringify(response.body.errors)).not.toMatch(/child:|edu:|wf:/);
  });
});

describe('strict mode', () => {
  let strict: GatewayProcess;
  beforeAll(async () => {
    strict = await startGateway({ GATEWAY_AUTHORIZATION_MODE: 'strict' });
  });
  afterAll(() => strict.stop());

  it('refuses an operation asking for any unauthorized field, with no data', async () => {
    const response = await post(
      strict.url,
      { query: MATRIX_QUERY, variables: { id: childId } },
      { authorization: `Bearer ${roleToken('partner-ngo')}`, 'x-purpose': purposeOf('partner-ngo') },
    );
    expect(response.body.data ?? null).toBeNull();
    expect(deniedPaths(response).length).toBeGreaterThan(0);
    expectNoScopeNamed(response);
  });

  it('answers an operation that asks only for authorized fields', async () => {
    const response = await post(
      strict.url,
      { query: `query ($id: ID!) { child(id: $id) { id maskedName } }`, variables: { id: childId } },
      {
        authorization: `Bearer ${roleToken('partner-ngo')}`,
        'x-purpose': purposeOf('partner-ngo'),
      },
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.child.id).toBe(childId);
  });
});

describe('the demo tokens', () => {
  it('exist for every role', () => {
    expect(Object.keys(system.tokens).sort()).toEqual(Object.keys(ROLES).sort());
  });
});

describe('the gateway’s log', () => {
  let gateway: GatewayProcess;
  beforeAll(async () => {
    gateway = await startGateway({ LOG_LEVEL: 'info' });
  });
  afterAll(() => gateway.stop());

  /** The gateway's log lines about one request. */
  const entriesOf = (requestId: string) =>
    gateway
      .output()
      .split('\n')
      .filter(Boolean)
      .map((text) => JSON.parse(text))
      .filter((entry) => entry.clientRequestId === requestId);

  it('records each request’s principal, operation hash and denied paths', async () => {
    const requestId = `log-check-${randomUUID()}`;
    await post(
      gateway.url,
      { query: `query ($id: ID!) { child(id: $id) { id nationalId } }`, variables: { id: childId } },
      {
        authorization: `Bearer ${roleToken('partner-ngo')}`,
        'x-purpose': purposeOf('partner-ngo'),
        'x-request-id': requestId,
      },
    );
    const line = await waitFor(() => entriesOf(requestId).find((entry) => entry.msg === 'operation authorized'));
    expect(line).toMatchObject({
      sub: principals['partner-ngo'].sub,
      org: principals['partner-ngo'].org,
      purpose: 'care-programmes',
      denied: ['child.nationalId'],
    });
    expect(line.operationHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('records a refused operation as refused, with the reason, and never as authorized', async () => {
    const requestId = `log-check-${randomUUID()}`;
    await post(
      gateway.url,
      { query: `query ($id: ID!) { child(id: $id) { id nationalId } }`, variables: { id: childId } },
      {
        authorization: `Bearer ${roleToken('partner-ngo')}`,
        'x-request-id': requestId,
      },
    );
    // The log is written asynchronously: wait for the line, then make sure it is the only one.
    await waitFor(() => entriesOf(requestId).some((entry) => entry.msg.startsWith('operation ')));
    const lines = entriesOf(requestId).filter((entry) => entry.msg.startsWith('operation '));
    expect(lines.map((entry) => entry.msg)).toEqual(['operation refused']);
    expect(lines[0]).toMatchObject({ sub: principals['partner-ngo'].sub, purpose: null, reason: 'purpose required', denied: ['child.nationalId'] });
    expect(lines[0].operationHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('records a request refused before it could run (a query limit, an ill-typed variable) once, with its codes and never its values', async () => {
    const headers = (requestId: string) => ({
      authorization: `Bearer ${roleToken('partner-ngo')}`,
      'x-purpose': purposeOf('partner-ngo'),
      'x-request-id': requestId,
    });
    const aliasesId = `log-limit-${randomUUID()}`;
    const aliases = Array.from({ length: QUERY_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: schools(first: 1) { pageInfo { hasNextPage } }`).join(' ');
    const overLimit = await post(gateway.url, { query: `{ ${aliases} }` }, headers(aliasesId));
    expect(overLimit.body.errors?.[0]?.extensions?.code).toBe('QUERY_LIMIT_EXCEEDED');

    const variableId = `log-variable-${randomUUID()}`;
    const secret = `not-a-number-${randomUUID()}`;
    const illTyped = await post(
      gateway.url,
      { query: `query ($first: Int!) { children(first: $first) { totalCount } }`, variables: { first: secret } },
      headers(variableId),
    );
    const variableCode = illTyped.body.errors?.[0]?.extensions?.code;
    expect(variableCode).toBeDefined();

    const refusals: Array<[string, unknown]> = [
      [aliasesId, 'QUERY_LIMIT_EXCEEDED'],
      [variableId, variableCode],
    ];
    for (const [requestId, code] of refusals) {
      await waitFor(() => entriesOf(requestId).some((entry) => entry.msg === 'request refused'));
      const lines = entriesOf(requestId).filter((entry) => entry.msg === 'request refused' || entry.msg.startsWith('operation '));
      expect(lines.map((entry) => entry.msg)).toEqual(['request refused']);
      expect(lines[0]).toMatchObject({ sub: principals['partner-ngo'].sub, purpose: 'care-programmes', codes: [code] });
      expect(lines[0].operationHash).toMatch(/^[0-9a-f]{64}$/);
    }
    // The refused value is the caller's input: it never reaches the log.
    expect(gateway.output()).not.toContain(secret);
  });

  it('records a request refused for its token or purpose, before any operation, with its code', async () => {
    const query = { query: `{ schools(first: 1) { pageInfo { hasNextPage } } }` };
    const noTokenId = `log-no-token-${randomUUID()}`;
    const forgedId = `log-forged-${randomUUID()}`;
    const purposeId = `log-purpose-${randomUUID()}`;
    const noToken = await post(gateway.url, query, { 'x-request-id': noTokenId });
    const forged = await post(gateway.url, query, { authorization: `Bearer ${roleToken('partner-ngo')}x`, 'x-request-id': forgedId });
    const purpose = await post(gateway.url, query, {
      authorization: `Bearer ${roleToken('partner-ngo')}`,
      'x-purpose': 'case-management',
      'x-request-id': purposeId,
    });
    const refusals: Array<[string, GraphQLResponse, string | undefined]> = [
      [noTokenId, noToken, undefined],
      [forgedId, forged, undefined],
      [purposeId, purpose, principals['partner-ngo'].sub],
    ];
    for (const [requestId, response, sub] of refusals) {
      const code = response.body.errors?.[0]?.extensions?.code;
      expect(code).toBeDefined();
      const line = await waitFor(() => entriesOf(requestId).find((entry) => entry.msg === 'request refused'));
      expect(line.codes).toEqual([code]);
      expect(line.sub).toBe(sub);
    }
  });
});
