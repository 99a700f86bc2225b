import { randomUUID } from 'node:crypto';
import type { Principal } from '../platform/principal';
import { InternalTokenSigner } from '../platform/internal-token';
import { codes, principals } from './support/children';
import { DEMO_COUNTY } from '../demo/principals';
import { forgeToken, internalClaims } from './support/forged-token';
import { startGateway } from './support/gateway-process';
import { ADMIN, freshNationalId, gql, post, signedPost, system, tokenFor } from './support/system';

/**
 * Red team for issue 14's caches, through the real gateway and real tokens: the kept field
 * authorization analysis (decision-cache.ts), the kept cost verdict (query-limits.ts), the
 * hand-written HS256 internal token, lazily sealed cursors and the subgraphs' no-store answers.
 * Each test passes while the defence holds.
 */
const narrow: Principal = { ...principals['civil-affairs-case-worker'], sub: 'test:attack-caches-narrow' };
narrow.scopes = narrow.scopes.filter((scope) => scope !== 'child:identity');

type Nodes = { children: { edges: { node: Record<string, unknown> }[] } | null } | null | undefined;
const nodesOf = (data: Nodes) => data?.children?.edges.map((edge) => edge.node) ?? [];

describe('kept analyses against variables that change the selection', () => {
  const SELECT = `query Sel($v: Boolean!) { children(first: 2) { edges { node { id ...F } } } }
    fragment F on Child { ident: nationalId @include(if: $v) }`;

  it('denies the identity field when @include turns it on, after the same text without it was kept', async () => {
    const [narrowToken, wideToken] = await Promise.all([tokenFor(narrow), tokenFor(ADMIN)]);
    for (let round = 0; round < 3; round++) {
      const off = await gql(SELECT, { v: false }, narrowToken);
      expect(off.body.errors).toBeUndefined();
      for (const node of nodesOf(off.body.data)) expect(node).not.toHaveProperty('ident');
      const on = await gql(SELECT, { v: true }, narrowToken);
      expect(codes(on)).toContain('UNAUTHORIZED_FIELD_OR_TYPE');
      expect(nodesOf(on.body.data).length).toBeGreaterThan(0);
      for (const node of nodesOf(on.body.data)) expect(node.ident).toBeNull();
      // The wide token, same text and variables, in between: allowed in full.
      const wide = await gql(SELECT, { v: true }, wideToken);
      expect(wide.body.errors).toBeUndefined();
      // Nothing on the way keeps one caller's answer for another.
      for (const answer of [off, on, wide]) expect(answer.headers?.get('cache-control')).toBe('no-store');
      // Its identity numbers are shown (a child filed without one, by another test, may be on the page: some, not every).
      expect(nodesOf(wide.body.data).some((node) => typeof node.ident === 'string')).toBe(true);
    }
  });

  it('does not take a string "true" for the Boolean, nor keep its refusal as a pass', async () => {
    const narrowToken = await tokenFor(narrow);
    const wrongType = await gql(SELECT, { v: 'true' }, narrowToken);
    expect(wrongType.body.errors?.length).toBeGreaterThan(0);
    expect(nodesOf(wrongType.body.data)).toEqual([]);
    expect(JSON.stringify(wrongType.body)).not.toMatch(/\d{17}[\dX]/);
    const on = await gql(SELECT, { v: true }, narrowToken);
    expect(codes(on)).toContain('UNAUTHORIZED_FIELD_OR_TYPE');
  });

  it('decides each operation of a multi-operation document by its own name', async () => {
    const TWO = `query Plain { children(first: 2) { edges { node { id } } } }
      query Named { children(first: 2) { edges { node { id nationalId } } } }`;
    const narrowToken = await tokenFor(narrow);
    const send = (operationName: string) =>
      post(system.gatewayUrl, { query: TWO, operationName, variables: {} }, { authorization: `Bearer ${narrowToken}`, 'x-purpose': 'case-management' });
    for (const name of ['Plain', 'Named', 'Plain', 'Named', 'Named', 'Plain']) {
      const response = await send(name);
      if (name === 'Plain') expect(response.body.errors).toBeUndefined();
      else {
        expect(codes(response)).toContain('UNAUTHORIZED_FIELD_OR_TYPE');
        for (const node of nodesOf(response.body.data)) expect(node.nationalId).toBeNull();
      }
    }
  });

  it('checks the purpose on every request, whatever analysis was kept', async () => {
    const PAGE = `query AttackPurpose { children(first: 2) { edges { node { id nationalId } } } }`;
    const token = await tokenFor(ADMIN);
    expect((await gql(PAGE, {}, token)).body.errors).toBeUndefined();
    // (A trailing space is no attack: HTTP strips it before the gateway sees the header.)
    for (const [purpose, code] of [
      [null, 'PURPOSE_REQUIRED'],
      ['marketing', 'FORBIDDEN_PURPOSE'],
    ] as const) {
      const response = await gql(PAGE, {}, token, purpose);
      expect(codes(response)).toEqual([code]);
      for (const node of nodesOf(response.body.data)) expect(node.nationalId ?? null).toBeNull();
    }
  });
});

describe('kept cost verdicts against page sizes', () => {
  const SIZED = `query AttackCost($n: Int = 2) { children(first: $n) { edges { node { id nationalId residenceRegionCode householdRegionCode guardianship { form } } } } }`;

  it('refuses a huge page after the same operation was allowed with a small one', async () => {
    expect((await gql(SIZED, { n: 2 })).body.errors).toBeUndefined();
    expect((await gql(SIZED, {})).body.errors).toBeUndefined();
    for (const n of [100_000, 1e9]) {
      const huge = await gql(SIZED, { n });
      expect(codes(huge)).toEqual(['QUERY_LIMIT_EXCEEDED']);
      expect(huge.body.data ?? null).toBeNull();
    }
    // A huge page as a float is not an Int: refused before any verdict, and not kept as a pass.
    expect(codes(await gql(SIZED, { n: 100_000.7 }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(SIZED, { n: 100_000 }))).toEqual(['QUERY_LIMIT_EXCEEDED']);
    // And the small page is still allowed afterwards.
    expect((await gql(SIZED, { n: 2 })).body.errors).toBeUndefined();
  });
});

describe('internal tokens', () => {
  const BODY = { query: '{ __typename }' };
  const principal = principals['civil-affairs-case-worker'];
  const signer = () => InternalTokenSigner.fromKeyFiles(system.keys.internalTokenKeyFiles);
  const refused = (response: Awaited<ReturnType<typeof post>>) => {
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.body.data ?? null).toBeNull();
  };

  it('is accepted once for its own body at its own subgraph', async () => {
    const answer = await signedPost('civil-affairs', principal, 'case-management', BODY);
    expect(answer.status).toBe(200);
    expect(answer.headers?.get('cache-control')).toBe('no-store');
  });

  it('refuses a valid signature over another body, a replay, and a token for another subgraph', async () => {
    const text = JSON.stringify(BODY);
    const call = () => ({ principal, requestId: randomUUID(), purpose: 'case-management' });
    const forOther = await signer().sign(call(), 'civil-affairs', JSON.stringify({ query: '{ __schema { types { name } } }' }));
    refused(await post(system.subgraphUrls['civil-affairs'], text, { authorization: `Bearer ${forOther}` }));
    const once = await signer().sign(call(), 'civil-affairs', text);
    expect((await post(system.subgraphUrls['civil-affairs'], text, { authorization: `Bearer ${once}` })).status).toBe(200);
    refused(await post(system.subgraphUrls['civil-affairs'], text, { authorization: `Bearer ${once}` }));
    const education = await signer().sign(call(), 'education', text);
    refused(await post(system.subgraphUrls['civil-affairs'], text, { authorization: `Bearer ${education}` }));
    // The claims edited (a wider principal), the signature kept.
    const [header, claims, signature] = (await signer().sign(call(), 'civil-affairs', text)).split('.');
    const edited = JSON.parse(Buffer.from(claims!, 'base64url').toString());
    const widened = Buffer.from(JSON.stringify({ ...edited, jti: randomUUID() })).toString('base64url');
    refused(await post(system.subgraphUrls['civil-affairs'], text, { authorization: `Bearer ${header}.${widened}.${signature}` }));
    // No algorithm downgrade.
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    refused(await post(system.subgraphUrls['civil-affairs'], text, { authorization: `Bearer ${none}.${claims}.` }));
  });
  it('refuses claims re-signed with another subgraph’s key, and an expired token signed right', async () => {
    const text = JSON.stringify(BODY);
    const files = system.keys.internalTokenKeyFiles as Record<string, string>;
    // A token written by hand over chosen claims, HS256 with the key of `keyOf`.
    const forge = (keyOf: string, change: Record<string, unknown> = {}) => forgeToken(internalClaims(principal, text, change), files[keyOf]!);
    const send = (token: string) => post(system.subgraphUrls['civil-affairs'], text, { authorization: `Bearer ${token}` });
    // The forgery is right when made with the right key: so the refusals below are the defence.
    expect((await send(forge('civil-affairs'))).status).toBe(200);
    refused(await send(forge('education')));
    refused(await send(forge('womens-federation')));
    refused(await send(forge('civil-affairs', { iat: Math.floor(Date.now() / 1000) - 600, exp: Math.floor(Date.now() / 1000) - 540 })));
    refused(await send(forge('civil-affairs', { aud: ['civil-affairs', 'education'] })));
  });
});

describe('lazily sealed cursors', () => {
  it('will not let another token continue from a cursor it was not given', async () => {
    const PAGE = `query ($after: String) { children(first: 2, after: $after) { edges { cursor node { id } } } }`;
    const first = await gql(PAGE, {});
    const edges = (first.body.data as { children: { edges: { cursor: string }[] } }).children.edges;
    expect(edges.length).toBe(2);
    const cursor = edges[1]!.cursor;
    const other = await tokenFor({ ...narrow, sub: 'test:attack-caches-cursor-thief' });
    const stolen = await gql(PAGE, { after: cursor }, other);
    expect(stolen.body.errors?.length).toBeGreaterThan(0);
    expect(stolen.body.data?.children ?? null).toBeNull();
  });

  it('seals the end cursor read alone too, and takes no bare child id for a cursor', async () => {
    const PAGE = `query ($after: String) { children(first: 2, after: $after) { pageInfo { endCursor } edges { node { id } } } }`;
    type Page = { children: { pageInfo: { endCursor: string }; edges: { node: { id: string } }[] } };
    const first = (await gql(PAGE, {})).body.data as Page;
    const { endCursor } = first.children.pageInfo;
    const lastId = first.children.edges.at(-1)!.node.id;
    expect(endCursor).not.toContain(lastId);
    const other = await tokenFor({ ...ADMIN, sub: 'test:attack-caches-cursor-thief-2' });
    for (const after of [endCursor, lastId, Buffer.from(lastId).toString('base64url')]) {
      const stolen = await gql(PAGE, { after }, other);
      expect(stolen.body.errors?.length).toBeGreaterThan(0);
      expect(stolen.body.data?.children ?? null).toBeNull();
    }
    // Its own holder continues from it.
    expect((await gql(PAGE, { after: endCursor })).body.errors).toBeUndefined();
  });
});

describe('the gateway log, written asynchronously', () => {
  it('holds no national ID or child name sent in variables, whatever became of the request', async () => {
    const gateway = await startGateway({ LOG_LEVEL: 'debug' });
    try {
      const { nationalId, birthDate } = freshNationalId();
      const name = '攻击日志测试名';
      const [wide, narrowToken] = await Promise.all([tokenFor(ADMIN), tokenFor(narrow)]);
      const send = (token: string, query: string, variables: Record<string, unknown>) =>
        post(gateway.url, { query, variables }, { authorization: `Bearer ${token}`, 'x-purpose': 'case-management' });
      const LOOKUP = `query AttackLogLookup($n: String!) { childByNationalId(nationalId: $n) { id nationalId } }`;
      expect((await send(wide, LOOKUP, { n: nationalId })).body.errors).toBeUndefined();
      expect(codes(await send(narrowToken, LOOKUP, { n: nationalId })).length).toBeGreaterThan(0);
      // Refused with the variables quoted in the error: an enum value that does not exist.
      const REGISTER = `mutation AttackLogRegister($input: RegisterChildInput!) { registerChild(input: $input) { child { id } } }`;
      const badInput = await send(wide, REGISTER, { input: { name, gender: 'UNKNOWN', birthDate, nationalId } });
      expect(codes(badInput)).toEqual(['BAD_USER_INPUT']);
      const COST = `query AttackLogCost($n: String!, $k: Int) { childByNationalId(nationalId: $n) { id } children(first: $k) { edges { node { id nationalId guardianship { form } } } } }`;
      expect(codes(await send(wide, COST, { n: nationalId, k: 1_000_000 }))).toEqual(['QUERY_LIMIT_EXCEEDED']);
      await gateway.stop();
      const log = gateway.output();
      // The log was written: the requests are in it, so its silence about the values means something.
      expect(log).toMatch(/"sub":"test:attack-caches-narrow".*"denied":\["childByNationalId"\].*"operation refused"/);
      expect(log).not.toContain(nationalId);
      expect(log).not.toContain(name);
    } finally {
      await gateway.stop();
    }
  });
});

/**
 * Prepared statements (issue 14) behind the gateway: two counties' tokens, each with every scope
 * but only its own county, alternate well past the five runs after which PostgreSQL may keep a
 * generic plan, on every converted path (parents, guardianship, classification; enrolment, school,
 * care person, talks; pairings, programme, partner). Each must keep getting exactly its own answer.
 */
describe('prepared statements through the gateway, county against county', () => {
  const NEIGHBOUR = '360731';
  const countyToken = (county: string) => tokenFor({ ...ADMIN, sub: `test:attack-caches-county-${county}`, org: `test:${county}`, jurisdiction: [county] });
  const FIELDS = `id residenceRegionCode householdRegionCode nationalId classification { type } father { awaySince } mother { awaySince }
    guardianship { form } enrolment { grade school { name } } careResponsiblePerson { teacherName }
    talks(last: 3) { heldOn } pairings { helperName programme { partner { name } } }`;
  // 100, not 20: other tests register children without pairings, who can fill a first page of 20.
  const PAGE = `query AttackPreparedPage { children(first: 100) { edges { node { ${FIELDS} } } } }`;
  const ONE = `query AttackPreparedChild($id: ID!) { child(id: $id) { ${FIELDS} } }`;
  type Dossier = { id: string; residenceRegionCode: string; householdRegionCode: string; enrolment: unknown; pairings: unknown[] | null };

  it('gives each county only its own dossiers, turn by turn, on the page and by id', async () => {
    const [own, neighbour] = await Promise.all([countyToken(DEMO_COUNTY), countyToken(NEIGHBOUR)]);
    const page = async (token: string) => {
      const response = await gql(PAGE, {}, token);
      expect(response.body.errors).toBeUndefined();
      return nodesOf(response.body.data) as Dossier[];
    };
    const [ownAlone, neighbourAlone] = [await page(own), await page(neighbour)];
    expect(ownAlone.length).toBeGreaterThan(0);
    expect(neighbourAlone.length).toBeGreaterThan(0);
    // The converted education and women's federation paths did run for this county.
    expect(ownAlone.some((node) => node.enrolment)).toBe(true);
    expect(ownAlone.some((node) => node.pairings?.length)).toBe(true);
    const inCounty = (county: string) => (node: Dossier) => node.residenceRegionCode.startsWith(county) || node.householdRegionCode.startsWith(county);
    expect(ownAlone.every(inCounty(DEMO_COUNTY))).toBe(true);
    expect(neighbourAlone.every(inCounty(NEIGHBOUR))).toBe(true);
    const foreign =
      neighbourAlone.find((node) => !inCounty(DEMO_COUNTY)(node) && (node.enrolment || node.pairings?.length)) ??
      neighbourAlone.find((node) => !inCounty(DEMO_COUNTY)(node));
    expect(foreign).toBeDefined();
    const foreignAlone = await gql(ONE, { id: foreign!.id }, neighbour);
    expect(foreignAlone.body.errors).toBeUndefined();
    for (let round = 0; round < 8; round++) {
      expect(await page(own)).toEqual(ownAlone);
      expect(await page(neighbour)).toEqual(neighbourAlone);
      const probe = await gql(ONE, { id: foreign!.id }, own);
      expect(probe.body.data?.child ?? null).toBeNull();
      expect(JSON.stringify(probe.body)).not.toContain('"guardianship"');
      expect((await gql(ONE, { id: foreign!.id }, neighbour)).body).toEqual(foreignAlone.body);
    }
  });
});
