import { randomUUID } from 'node:crypto';
import { decodeJwt } from 'jose';
import type { Client } from 'pg';
import { DEMO_COUNTY } from '../demo/counties';
import { demoPrincipals } from '../demo/principals';
import { InternalTokenSigner } from '../platform/internal-token';
import type { Principal } from '../platform/principal';
import { pupil, registerChild, SCHOOL_A, SCHOOL_B, teacherAt } from './support/children';
import { withEducationScope } from './support/education-scope';
import { forgeToken, internalClaims } from './support/forged-token';
import { startGateway, startSubgraph, type GatewayProcess, type ServiceProcess } from './support/gateway-process';
import { ADMIN, database, freshNationalId, gqlData, post, signedPost, system, tokenFor, waitFor, type GraphQLResponse } from './support/system';

/**
 * Red team, 6 December 2026 (third pass), against the issue-14 changes since ca059e0: per-request
 * field decisions in the subgraphs, the token spent in the round trip that opens the transaction,
 * education's security-barrier view, the child list's area arms on generic plans, and the gateway's
 * `request refused` log line. Each test is an outsider's attack; it passes when the defence holds.
 */

const NEIGHBOUR = '341321';
const TOWNSHIP = demoPrincipals(2026)['township-child-supervisor'].jurisdiction[0]!;
const LIST = JSON.stringify({ query: '{ children(first: 1) { edges { node { id } } } }' });
const civilAffairs = system.subgraphUrls['civil-affairs'];
const signer = () => InternalTokenSigner.fromKeyFiles(system.keys.internalTokenKeyFiles);
const send = (url: string, token: string, body = LIST) => post(url, body, { authorization: `Bearer ${token}` });
const codesOf = (response: GraphQLResponse) => (response.body.errors ?? []).map((error) => error.extensions?.code);
const principalOver = (jurisdiction: string[], extra: Partial<Principal> = {}): Principal => ({
  ...ADMIN,
  sub: `test:attack-06c-${randomUUID()}`,
  jurisdiction,
  ...extra,
});
const without = (...scopes: string[]): Principal => ({ ...principalOver(ADMIN.jurisdiction), scopes: ADMIN.scopes.filter((scope) => !scopes.includes(scope)) });

async function withOwner<T>(name: 'civil-affairs' | 'education', work: (owner: Client) => Promise<T>): Promise<T> {
  const owner = await database(name);
  try {
    return await work(owner);
  } finally {
    await owner.end();
  }
}

const claimedJti = (jti: unknown) =>
  withOwner('civil-affairs', async (owner) => (await owner.query('SELECT 1 FROM internal_call WHERE jti::text = $1', [String(jti)])).rowCount === 1);

/** A replica of the subgraph whose pool holds one connection, for this describe: every request reuses its prepared plans. */
function replicaOnOneConnection(name: 'civil-affairs' | 'education'): () => ServiceProcess {
  let single: ServiceProcess | undefined;
  beforeAll(async () => {
    single = await startSubgraph(name, { DB_POOL_SIZE: '1' });
  });
  afterAll(async () => {
    await single?.stop();
  });
  return () => single!;
}

describe('red team 06c, target 1: per-request field decisions in a subgraph', () => {
  const PAGE = `edges { node { id } }`;

  it('an alias allowed by its filter never carries a refused filter on another alias or in a fragment of the same operation', async () => {
    const narrow = without('child:family');
    const response = await signedPost('civil-affairs', narrow, 'case-management', {
      query: `query ($a: ChildFilter, $b: ChildFilter) {
        a: children(first: 3, filter: $a) { ${PAGE} }
        b: children(first: 3, filter: $b) { ${PAGE} }
        ...F
      }
      fragment F on Query { a2: children(first: 3, filter: $a) { ${PAGE} } b2: children(first: 3, filter: $b) { ${PAGE} } }`,
      variables: { a: { isLeftBehind: true }, b: { guardianshipForm: 'GRANDPARENTS' } },
    });
    // The field is non-null: a refused alias nulls the whole answer. So the refusal must be there, on b and b2.
    const refusedPaths = (response.body.errors ?? [])
      .filter((error) => error.extensions?.code === 'UNAUTHORIZED_FIELD_OR_TYPE')
      .map((error) => error.path?.[0]);
    expect(refusedPaths).toEqual(expect.arrayContaining(['b']));
    expect(response.body.data ?? null).toBeNull();
    // The same operation without the refused filter is answered: the refusal above was the filter's.
    const allowed = await signedPost('civil-affairs', narrow, 'case-management', {
      query: `query ($a: ChildFilter) { a: children(first: 3, filter: $a) { ${PAGE} } ...F } fragment F on Query { a2: children(first: 3, filter: $a) { ${PAGE} } }`,
      variables: { a: { isLeftBehind: true } },
    });
    expect(allowed.body.errors).toBeUndefined();
    expect(allowed.body.data.a.edges).toEqual(allowed.body.data.a2.edges);
  });

  it('_entities of three types interleaved: a field refused on one type stays refused on every row, the same decision never lent to another type', async () => {
    const ids = [await registerChild({ name: '红队甲' }), await registerChild({ name: '红队乙' })];
    const narrow = without('child:identity', 'child:welfare');
    const representations = [
      { __typename: 'Child', id: ids[0] },
      { __typename: 'Region', code: DEMO_COUNTY },
      { __typename: 'ChildRiskStatus', childId: ids[0] },
      { __typename: 'Child', id: ids[1] },
      { __typename: 'ChildRiskStatus', childId: ids[1] },
      { __typename: 'Region', code: NEIGHBOUR },
    ];
    const response = await signedPost('civil-affairs', narrow, 'case-management', {
      query: `query ($r: [_Any!]!) { _entities(representations: $r) {
        ... on Child { id nationalId }
        ... on Region { code }
        ... on ChildRiskStatus { childId inDifficultCircumstances }
      } }`,
      variables: { r: representations },
    });
    const rows = response.body.data?._entities as Record<string, unknown>[];
    expect(rows).toHaveLength(6);
    for (const index of [0, 3]) expect(rows[index]).toEqual({ id: ids[index === 0 ? 0 : 1], nationalId: null });
    for (const index of [2, 4]) expect(rows[index]).toEqual({ childId: ids[index === 2 ? 0 : 1], inDifficultCircumstances: null });
    expect(rows[1]).toEqual({ code: DEMO_COUNTY });
    // One refusal per refused row, never an allowed decision carried over.
    const refused = (response.body.errors ?? [])
      .filter((error) => error.extensions?.code === 'UNAUTHORIZED_FIELD_OR_TYPE')
      .map((error) => error.path?.join('.'));
    expect(refused.sort()).toEqual([
      '_entities.0.nationalId',
      '_entities.2.inDifficultCircumstances',
      '_entities.3.nationalId',
      '_entities.4.inDifficultCircumstances',
    ]);
    // And the wide principal reads them all in the same shape: the nulls above were the scopes'.
    const wide = await signedPost('civil-affairs', principalOver(ADMIN.jurisdiction), 'case-management', {
      query: `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Child { nationalId } } }`,
      variables: { r: representations.slice(0, 1) },
    });
    expect(wide.body.data?._entities[0].nationalId).toMatch(/^\d{17}[\dX]$/);
  });
});

describe('red team 06c, target 2: the internal token spent in the opening round trip', () => {
  let replica: ServiceProcess;
  beforeAll(async () => {
    replica = await startSubgraph('civil-affairs');
  });
  afterAll(async () => {
    await replica?.stop();
  });

  const keyFile = () => system.keys.internalTokenKeyFiles['civil-affairs'];

  it('refuses a token whose id carries a quote, a backslash or a NUL (401), and claims nothing under it', async () => {
    for (const jti of [`${randomUUID()}'`, `${randomUUID()}'); SELECT 1; --`, `${randomUUID()}\\`, `${randomUUID()}\u0000`, `'`]) {
      const token = forgeToken(internalClaims(ADMIN, LIST, { jti }), keyFile());
      const answer = await send(civilAffairs, token);
      expect(answer.status).toBe(401);
      expect(answer.body.data ?? null).toBeNull();
      // (A NUL cannot even be looked up: PostgreSQL text holds none, and the verifier refused it before any statement.)
      if (!jti.includes('\u0000')) expect(await claimedJti(jti)).toBe(false);
    }
  });

  it('refuses an expiry that is not a number, and an expiry beyond the range of a date (401, not a 500 at every replay)', async () => {
    for (const exp of [`${Math.floor(Date.now() / 1000) + 60}'`, "1'); SELECT 1; --", null]) {
      const answer = await send(civilAffairs, forgeToken(internalClaims(ADMIN, LIST, { exp }), keyFile()));
      expect(answer.status).toBe(401);
    }
    // Beyond the range of a JavaScript date: refused, no data, no stack, the service stays up.
    const far = forgeToken(internalClaims(ADMIN, LIST, { exp: 9e15 }), keyFile());
    // Found by this attack: it was a 500 (toISOString's RangeError as the token was spent) and, the
    // token never spent, the same 500 at every replay. Now the verifier refuses it like any bad token.
    const answer = await send(civilAffairs, far);
    expect(answer.status).toBe(401);
    expect(answer.body.data ?? null).toBeNull();
    expect(JSON.stringify(answer.body)).not.toMatch(/RangeError|at .*\.js|toISOString/);
    const fresh = await signer().sign({ principal: ADMIN, requestId: randomUUID(), purpose: 'case-management' }, 'civil-affairs', LIST);
    expect((await send(civilAffairs, fresh)).status).toBe(200);
  });

  it('one token sent 12 times at once, to one replica and to two: exactly one answer runs', async () => {
    const call = () => ({ principal: ADMIN, requestId: randomUUID(), purpose: 'case-management' });
    const one = await signer().sign(call(), 'civil-affairs', LIST);
    const same = await Promise.all(Array.from({ length: 12 }, () => send(replica.url, one)));
    expect(same.map((answer) => answer.status).sort()).toEqual([200, ...Array(11).fill(401)]);
    const two = await signer().sign(call(), 'civil-affairs', LIST);
    const both = await Promise.all(Array.from({ length: 12 }, (_, index) => send(index % 2 ? replica.url : civilAffairs, two)));
    expect(both.map((answer) => answer.status).sort()).toEqual([200, ...Array(11).fill(401)]);
  });

  it('a huge batch sent twice at once with one token: one refusal for its length, the other a replay; the token is spent', async () => {
    const batch = JSON.stringify(Array.from({ length: 5000 }, () => ({ query: '{ __typename }' })));
    const token = await signer().sign({ principal: ADMIN, requestId: randomUUID(), purpose: 'case-management' }, 'civil-affairs', batch);
    const answers = await Promise.all([send(civilAffairs, token, batch), send(replica.url, token, batch)]);
    const statuses = answers.map((answer) => answer.status).sort();
    // Over the body limit (413) or the batch limit (400): either way one refusal of its own and one replay.
    expect(statuses[1]).toBe(401);
    expect([400, 413]).toContain(statuses[0]);
    expect(await claimedJti(decodeJwt(token).jti)).toBe(true);
  });
});

describe('red team 06c, target 3: the security-barrier view child_records_reach', () => {
  it('a neighbouring county, another school and a neighbouring township read neither the view nor the records; leaky filters raise no error on rows out of reach', async () => {
    const app = await database('education', 'app');
    try {
      const owner = await database('education');
      // A school of the demo county with an enrolled pupil, as the owner sees it.
      const { rows } = await owner.query(
        `SELECT e.child_id::text AS child, e.school_id::text AS school, s.region_code AS county FROM enrolment e JOIN school s ON s.id = e.school_id
          WHERE s.region_code = $1 AND e.status = 'ENROLLED' ORDER BY e.child_id LIMIT 1`,
        [DEMO_COUNTY],
      );
      await owner.end();
      const pupil = rows[0] as { child: string; school: string; county: string };
      expect(pupil).toBeDefined();
      const leaky = [
        // Division by zero only on the pupil's row: an error would prove the row was read past the barrier.
        `SELECT count(*) FROM child_records_reach WHERE 1 / (CASE WHEN child_id = '${pupil.child}' THEN 0 ELSE 1 END) = 1`,
        `SELECT count(*) FROM enrolment WHERE 1 / (CASE WHEN school_id = '${pupil.school}' THEN 0 ELSE 1 END) = 1`,
        `SELECT count(*) FROM talk WHERE 1 / (CASE WHEN child_id = '${pupil.child}' THEN 0 ELSE 1 END) = 1`,
        // A cast that fails on the value would print it in its message.
        `SELECT count(*) FROM child_records_reach WHERE (CASE WHEN child_id = '${pupil.child}' THEN school_id::text ELSE '1' END)::int = 1`,
      ];
      for (const [jurisdiction, schools] of [
        [NEIGHBOUR, ''],
        ['', randomUUID()],
        [`${NEIGHBOUR}001`, ''],
      ]) {
        await withEducationScope(app, jurisdiction!, schools!, async () => {
          expect((await app.query('SELECT count(*)::int AS n FROM child_records_reach WHERE child_id = $1', [pupil.child])).rows[0].n).toBe(0);
          expect((await app.query('SELECT count(*)::int AS n FROM enrolment WHERE child_id = $1', [pupil.child])).rows[0].n).toBe(0);
          for (const sql of leaky) {
            await app.query('SAVEPOINT leak');
            const error = await app.query(sql).then(
              () => null,
              (err: Error) => err,
            );
            await app.query('ROLLBACK TO SAVEPOINT leak');
            expect(error?.message ?? null).toBeNull();
          }
        });
      }
      // The pupil's own county does reach it: the zeros above were the reach's.
      await withEducationScope(app, DEMO_COUNTY, '', async () => {
        expect((await app.query('SELECT count(*)::int AS n FROM child_records_reach WHERE child_id = $1', [pupil.child])).rows[0].n).toBe(1);
      });
    } finally {
      await app.end();
    }
  });

  it("through the API, a neighbouring county's and a neighbouring township's token read no enrolment of the county's pupils", async () => {
    const owner = await database('education');
    const { rows } = await owner.query(
      `SELECT e.child_id::text AS child FROM enrolment e JOIN school s ON s.id = e.school_id WHERE s.region_code = $1 AND e.status = 'ENROLLED' LIMIT 3`,
      [DEMO_COUNTY],
    );
    await owner.end();
    const representations = rows.map((row: { child: string }) => ({ __typename: 'Child', id: row.child }));
    for (const principal of [principalOver([NEIGHBOUR]), principalOver([`${NEIGHBOUR}001`])]) {
      const response = await signedPost('education', principal, 'case-management', {
        query: `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Child { enrolment { id } } } }`,
        variables: { r: representations },
      });
      const seen = ((response.body.data?._entities ?? []) as ({ enrolment?: unknown } | null)[]).map((row) => row?.enrolment ?? null);
      expect(seen).toEqual(representations.map(() => null));
    }
    // The county's own token reads them through the same call: the empty lists above were the reach's.
    const own = await signedPost('education', principalOver([DEMO_COUNTY]), 'case-management', {
      query: `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Child { enrolment { id } } } }`,
      variables: { r: representations },
    });
    expect(own.body.errors).toBeUndefined();
    expect(representations.length).toBeGreaterThan(0);
    expect(((own.body.data?._entities ?? []) as { enrolment: { id: string } | null }[]).every((row) => typeof row.enrolment?.id === 'string')).toBe(true);
  });
});

describe('red team 06c, target 3b: education records on generic plans, one pooled connection', () => {
  const replica = replicaOnOneConnection('education');

  it("alternating two schools' teachers, the county and a neighbouring county on one connection: each reads only its own pupils' enrolments", async () => {
    const [atA, atB] = [await pupil({ schoolId: SCHOOL_A }), await pupil({ schoolId: SCHOOL_B })];
    const representations = [atA, atB].map((id) => ({ __typename: 'Child', id }));
    const body = JSON.stringify({
      query: `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Child { id enrolment { id } } } }`,
      variables: { r: representations },
    });
    const cases: [string, Principal, [boolean, boolean]][] = [
      ['teacher A', teacherAt(SCHOOL_A), [true, false]],
      ['county', principalOver([DEMO_COUNTY]), [true, true]],
      ['teacher B', teacherAt(SCHOOL_B), [false, true]],
      ['neighbour', principalOver([NEIGHBOUR]), [false, false]],
    ];
    for (let round = 0; round < 3; round++) {
      for (const [name, principal, want] of cases) {
        const token = await signer().sign({ principal, requestId: randomUUID(), purpose: principal.purposes[0]! }, 'education', body);
        const answer = await send(replica().url, token, body);
        const rows = (answer.body.data?._entities ?? []) as ({ enrolment: { id: string } | null } | null)[];
        expect({ name, seen: rows.map((row) => Boolean(row?.enrolment)) }).toEqual({ name, seen: want });
      }
    }
  });
});

describe('red team 06c, target 4: the area arms on generic plans, one pooled connection', () => {
  const replica = replicaOnOneConnection('civil-affairs');

  /** The first `first` children the read policy's area rule gives this jurisdiction (every status: the principal holds child:archive), as the owner computes it. */
  const expected = (jurisdiction: string[], first: number) =>
    withOwner('civil-affairs', async (owner) => {
      const finest = (place: string) => `coalesce(${place}_village_code, ${place}_township_code, ${place}_region_code)::text`;
      const { rows } = await owner.query(
        `SELECT id::text FROM child
          WHERE (area_prefixes(${finest('household')}) || area_prefixes(${finest('residence')})) && $1::text[]
          ORDER BY id LIMIT $2`,
        [jurisdiction, first],
      );
      return rows.map((row: { id: string }) => row.id);
    });

  it('alternating province, city, county, township, village, nested, mixed and odd-length tokens on one connection: each page is exactly its own', async () => {
    const village = await withOwner('civil-affairs', async (owner) => {
      const { rows } = await owner.query(
        `SELECT residence_village_code AS v FROM child WHERE residence_village_code IS NOT NULL AND status = 'ACTIVE' LIMIT 1`,
      );
      return (rows[0]?.v as string | undefined) ?? `${TOWNSHIP}001`;
    });
    const jurisdictions = [
      [DEMO_COUNTY.slice(0, 2)],
      [DEMO_COUNTY.slice(0, 4)],
      [DEMO_COUNTY],
      [TOWNSHIP],
      [village],
      [NEIGHBOUR],
      [NEIGHBOUR, TOWNSHIP],
      [DEMO_COUNTY.slice(0, 2), TOWNSHIP, village],
      [DEMO_COUNTY.slice(0, 4), DEMO_COUNTY.slice(0, 4), NEIGHBOUR],
      [DEMO_COUNTY.slice(0, 3)],
      [TOWNSHIP.slice(0, 8), village],
      ['99'],
    ];
    const first = 25;
    const wants = await Promise.all(jurisdictions.map((jurisdiction) => expected(jurisdiction, first)));
    // Every level has children to show (the pages below are not empty by accident), '99' none.
    expect(wants.slice(0, 5).map((ids) => ids.length > 0)).toEqual(Array(5).fill(true));
    expect(wants.at(-1)).toEqual([]);
    const body = JSON.stringify({ query: `{ children(first: ${first}) { edges { node { id } } } }` });
    // Round robin, three times over, on the one connection: every plan is reused by every other scope.
    for (let round = 0; round < 3; round++) {
      for (const [index, jurisdiction] of jurisdictions.entries()) {
        const principal = principalOver(jurisdiction);
        const token = await signer().sign({ principal, requestId: randomUUID(), purpose: 'case-management' }, 'civil-affairs', body);
        const answer = await send(replica().url, token, body);
        expect(answer.body.errors).toBeUndefined();
        const ids = (answer.body.data.children.edges as { node: { id: string } }[]).map((edge) => edge.node.id);
        expect({ jurisdiction, ids }).toEqual({ jurisdiction, ids: wants[index] });
      }
    }
  });

  it('pages to the end by cursor, a township token without the archive scope alternating with a province token holding it, on the one connection: archived children and other areas never show', async () => {
    // Children of the township, two of them archived: the township token below may not see those.
    const placed = await Promise.all(Array.from({ length: 9 }, () => registerChild({ name: '乡镇翻页', place: { county: DEMO_COUNTY, township: TOWNSHIP } })));
    for (const id of placed.slice(0, 2))
      await gqlData(`mutation ($id: ID!) { archiveChild(id: $id, expectedVersion: 1, reason: PARENTS_RETURNED) { status } }`, { id });
    const province = principalOver([DEMO_COUNTY.slice(0, 2)]);
    const township = principalOver([TOWNSHIP], { scopes: ADMIN.scopes.filter((scope) => scope !== 'child:archive') });
    const wanted = {
      province: await expected(province.jurisdiction, 100_000),
      township: await withOwner('civil-affairs', async (owner) => {
        const ids = new Set(await expected([TOWNSHIP], 100_000));
        const { rows } = await owner.query(`SELECT id::text FROM child WHERE status = 'ACTIVE' AND id = ANY ($1::uuid[]) ORDER BY id`, [[...ids]]);
        return rows.map((row: { id: string }) => row.id);
      }),
    };
    expect(wanted.township.length).toBeGreaterThan(7);
    expect(wanted.township).not.toContain(placed[0]);
    expect(wanted.province).toContain(placed[0]);
    const pageOf = async (principal: Principal, after: string | null) => {
      const body = JSON.stringify({
        query: `query ($after: String) { children(first: 7, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id } } } }`,
        variables: { after },
      });
      const token = await signer().sign({ principal, requestId: randomUUID(), purpose: 'case-management' }, 'civil-affairs', body);
      const answer = await send(replica().url, token, body);
      expect(answer.body.errors).toBeUndefined();
      return answer.body.data.children as { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { id: string } }[] };
    };
    const seen = { province: [] as string[], township: [] as string[] };
    const after: Record<'province' | 'township', string | null> = { province: null, township: null };
    const more = { province: true, township: true };
    // Interleaved page by page; the township's cursor is also tried with the province token's turn (a cursor names a place, not a right).
    while (more.township) {
      for (const [name, principal] of [
        ['township', township],
        ['province', province],
      ] as const) {
        if (!more[name]) continue;
        const page = await pageOf(principal, after[name]);
        seen[name].push(...page.edges.map((edge) => edge.node.id));
        after[name] = page.pageInfo.endCursor;
        more[name] = page.pageInfo.hasNextPage;
      }
    }
    expect(seen.township).toEqual(wanted.township);
    expect(seen.province).toEqual(wanted.province.slice(0, seen.province.length));
    expect(seen.township).toEqual(expect.arrayContaining(placed.slice(2)));
  });

  it('a child registered in the township and living in another province is listed once to every token reaching it by either place, never to one reaching neither', async () => {
    const OTHER = '360731';
    const identity = freshNationalId();
    const away = '2024-01-15';
    const registered = await gqlData(`mutation ($input: RegisterChildInput!) { registerChild(input: $input) { child { id } } }`, {
      input: {
        name: '两地儿童',
        gender: identity.gender,
        birthDate: identity.birthDate,
        nationalId: identity.nationalId,
        householdRegionCode: DEMO_COUNTY,
        householdTownshipCode: TOWNSHIP,
        residenceRegionCode: OTHER,
        father: { awaySince: away },
        mother: { awaySince: away },
      },
    });
    const id = registered.registerChild.child.id as string;
    const listed = async (jurisdiction: string[]) => {
      const ids: string[] = [];
      for (let after: string | null = null, more = true; more;) {
        const body: string = JSON.stringify({
          query: `query ($after: String, $filter: ChildFilter) { children(first: 50, after: $after, filter: $filter) { pageInfo { hasNextPage endCursor } edges { node { id } } } }`,
          variables: { after, filter: { regionPrefix: OTHER } },
        });
        const token = await signer().sign(
          { principal: principalOver(jurisdiction), requestId: randomUUID(), purpose: 'case-management' },
          'civil-affairs',
          body,
        );
        const answer = await send(replica().url, token, body);
        expect({ jurisdiction, errors: answer.body.errors }).toEqual({ jurisdiction, errors: undefined });
        const page: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { id: string } }[] } = answer.body.data.children;
        ids.push(...page.edges.map((edge) => edge.node.id));
        after = page.pageInfo.endCursor;
        more = page.pageInfo.hasNextPage;
      }
      expect(new Set(ids).size).toBe(ids.length);
      return ids.filter((one) => one === id).length;
    };
    try {
      for (const jurisdiction of [[TOWNSHIP], [TOWNSHIP, OTHER], ['36', DEMO_COUNTY.slice(0, 4)], [DEMO_COUNTY, '3607'], ['34'], [OTHER, '34', TOWNSHIP]])
        expect({ jurisdiction, times: await listed(jurisdiction) }).toEqual({ jurisdiction, times: 1 });
      for (const jurisdiction of [[`${TOWNSHIP}999`], ['360735'], [NEIGHBOUR, '3608'], ['45']])
        expect({ jurisdiction, times: await listed(jurisdiction) }).toEqual({ jurisdiction, times: 0 });
    } finally {
      // Other suites assume the demo county reaches no child living in another province: bring it home.
      await withOwner('civil-affairs', (owner) =>
        owner.query(`UPDATE child SET residence_region_code = household_region_code, residence_township_code = household_township_code WHERE id = $1`, [id]),
      );
    }
  });

  it('quotes, backslashes and statements in the signed principal stay values in the opening message: the jurisdiction is the one signed', async () => {
    const body = JSON.stringify({ query: '{ children(first: 25) { edges { node { id } } } }' });
    const own = await expected(['360735'], 25);
    expect(own.length).toBeGreaterThan(0);
    for (const sub of [
      `test:x'); COMMIT; SELECT set_config('app.jurisdiction', '34', false); --`,
      `test:x\\'); COMMIT; SET app.jurisdiction = '34'; --`,
      `test:x$$; RESET ALL; $$`,
    ]) {
      const principal = principalOver(['360735'], { sub, org: `org'\\` });
      const token = await signer().sign({ principal, requestId: `req'\\${randomUUID()}`, purpose: 'case-management' }, 'civil-affairs', body);
      const answer = await send(replica().url, token, body);
      expect(answer.body.errors).toBeUndefined();
      const ids = (answer.body.data.children.edges as { node: { id: string } }[]).map((edge) => edge.node.id);
      expect(ids).toEqual(own);
    }
    // The one connection still answers the county's token with the county's children only.
    const token = await signer().sign({ principal: principalOver([DEMO_COUNTY]), requestId: randomUUID(), purpose: 'case-management' }, 'civil-affairs', body);
    const after = await send(replica().url, token, body);
    expect((after.body.data.children.edges as { node: { id: string } }[]).map((edge) => edge.node.id)).toEqual(await expected([DEMO_COUNTY], 25));
  });

  it('a child moved to another county leaves the old county at once: the stored areas follow every update', async () => {
    const id = await registerChild({ name: '搬迁儿童' });
    await withOwner('civil-affairs', async (owner) => {
      await owner.query('BEGIN');
      try {
        await owner.query(
          `UPDATE child SET residence_region_code = $2, residence_township_code = NULL, residence_village_code = NULL,
                            household_region_code = $2, household_township_code = NULL, household_village_code = NULL WHERE id = $1`,
          [id, NEIGHBOUR],
        );
        const { rows } = await owner.query(
          `SELECT residence_province, residence_city, residence_county, household_province, household_city, household_county FROM child WHERE id = $1`,
          [id],
        );
        expect(rows[0]).toEqual({
          residence_province: NEIGHBOUR.slice(0, 2),
          residence_city: NEIGHBOUR.slice(0, 4),
          residence_county: NEIGHBOUR,
          household_province: NEIGHBOUR.slice(0, 2),
          household_city: NEIGHBOUR.slice(0, 4),
          household_county: NEIGHBOUR,
        });
      } finally {
        await owner.query('ROLLBACK');
      }
    });
  });
});

describe("red team 06c, target 5: the gateway's `request refused` line", () => {
  let gateway: GatewayProcess;
  beforeAll(async () => {
    gateway = await startGateway({ LOG_LEVEL: 'info' });
  });
  afterAll(async () => {
    await gateway?.stop();
  });

  const lines = () =>
    gateway
      .output()
      .split('\n')
      .filter(Boolean)
      .map((text) => JSON.parse(text) as Record<string, unknown>);

  it('never logs a national ID written into a refused document or its variables, and a forged client request id is dropped', async () => {
    const token = await tokenFor(principalOver(ADMIN.jurisdiction));
    const { nationalId } = freshNationalId();
    const forged = `abcdefgh","msg":"operation authorized`;
    const marker = `red-06c-${randomUUID()}`;
    const headers = { authorization: `Bearer ${token}`, 'x-purpose': 'case-management' };
    // Invalid (a field that does not exist) with the ID inline: the validation message quotes nothing, but try.
    const invalid = await post(
      gateway.url,
      { query: `{ childByNationalId(nationalId: "${nationalId}") { id noSuchField } }` },
      { ...headers, 'x-request-id': marker },
    );
    expect(codesOf(invalid)).toContain('GRAPHQL_VALIDATION_FAILED');
    // Ill-typed: the ID where an Int goes; graphql-js quotes the value in its message to the client.
    const illTyped = await post(
      gateway.url,
      { query: `query ($n: Int!) { children(first: $n) { totalCount } }`, variables: { n: nationalId } },
      { ...headers, 'x-request-id': `${marker}-2` },
    );
    expect(codesOf(illTyped).length).toBeGreaterThan(0);
    const forgedAnswer = await post(gateway.url, { query: `{ children(first: $n) { totalCount } }` }, { ...headers, 'x-request-id': forged });
    expect(codesOf(forgedAnswer).length).toBeGreaterThan(0);
    await waitFor(() => lines().filter((entry) => entry.msg === 'request refused').length >= 3);
    const output = gateway.output();
    expect(output).not.toContain(nationalId);
    expect(output).not.toContain(token);
    expect(output).not.toContain('noSuchField');
    expect(output).not.toContain(forged);
    const refused = lines().filter((entry) => entry.msg === 'request refused');
    expect(refused.filter((entry) => entry.clientRequestId === marker)).toHaveLength(1);
    for (const entry of refused) expect(Object.keys(entry).filter((key) => /variables|query|message|token/i.test(key))).toEqual([]);
  });

  it('an operation refused by authorization is logged once, as refused, not also as a request refused', async () => {
    const partner = demoPrincipals(2026)['partner-ngo'];
    const token = await tokenFor(partner);
    const marker = `red-06c-auth-${randomUUID()}`;
    const answer = await post(
      gateway.url,
      { query: `{ children(first: 1) { edges { node { nationalId } } } }` },
      { authorization: `Bearer ${token}`, 'x-request-id': marker },
    );
    expect(answer.body.errors?.length).toBeGreaterThan(0);
    await waitFor(() => lines().some((entry) => entry.clientRequestId === marker));
    // Give the async log a moment to write any second line.
    await new Promise((done) => setTimeout(done, 300));
    const mine = lines().filter((entry) => entry.clientRequestId === marker && (entry.msg === 'request refused' || String(entry.msg).startsWith('operation ')));
    expect(mine).toHaveLength(1);
  });
});
