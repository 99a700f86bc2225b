import { randomUUID } from 'node:crypto';
import { DEMO_COUNTY } from '../demo/principals';
import { composeNationalId } from '../standards/national-id';
import { ADMIN, database, gql, gqlData, post, signedPost, system, tokenFor } from './support/system';

/**
 * Issue 10, faults 7 and 9: whatever a client sends, a stable client code and HTTP 400 (never a
 * 500, never a pathless INTERNAL_SERVER_ERROR), and every input problem names its field.
 */

const REGISTER = `mutation ($input: RegisterChildInput!) { registerChild(input: $input) { child { id } } }`;
const base = { name: '测试', gender: 'MALE', birthDate: '2015-06-01', householdRegionCode: DEMO_COUNTY, residenceRegionCode: DEMO_COUNTY };
const first = (response: Awaited<ReturnType<typeof gql>>) => ({ status: response.status, ...response.body.errors?.[0], data: response.body.data ?? null });

async function postRaw(body: unknown) {
  return post(system.gatewayUrl, body, { authorization: `Bearer ${await tokenFor(ADMIN)}`, 'x-purpose': 'case-management' });
}

describe('operations that cannot run', () => {
  it('an operationName the document does not hold: OPERATION_RESOLUTION_FAILURE, 400', async () => {
    const response = await postRaw({ query: 'query A { schools(first: 1) { edges { node { id } } } }', operationName: 'B' });
    expect(first(response)).toMatchObject({ status: 400, extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } });
  });

  it('two anonymous operations: GRAPHQL_VALIDATION_FAILED; several named and none chosen: OPERATION_RESOLUTION_FAILURE; 400 each', async () => {
    const response = await postRaw({ query: '{ schools(first: 1) { edges { node { id } } } } { partners(first: 1) { edges { node { id } } } }' });
    expect(first(response)).toMatchObject({ status: 400, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    const named = await postRaw({ query: 'query A { schools(first: 1) { edges { node { id } } } } query B { partners(first: 1) { edges { node { id } } } }' });
    expect(first(named)).toMatchObject({ status: 400, extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } });
  });

  it('a subscription: GRAPHQL_VALIDATION_FAILED, 400', async () => {
    const response = await postRaw({ query: 'subscription { schools(first: 1) { edges { node { id } } } }' });
    expect(first(response)).toMatchObject({ status: 400, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
  });
});

describe('dates', () => {
  it.each(['2023-02-29', '2026-13-01', '', '2015-6-1', '1899-12-31', '2150-01-01'])(
    'refuses %p as a variable: BAD_USER_INPUT at input.birthDate',
    async (birthDate) => {
      const response = await gql(REGISTER, { input: { ...base, birthDate } });
      expect(first(response)).toMatchObject({ status: 400, data: null, extensions: { code: 'BAD_USER_INPUT', field: 'input.birthDate' } });
    },
  );

  it.each(['2023-02-29', '2026-13-01', ''])('refuses %p as a literal: GRAPHQL_VALIDATION_FAILED naming the date', async (birthDate) => {
    const response = await gql(
      `mutation { registerChild(input: { name: "测试", gender: MALE, birthDate: "${birthDate}", householdRegionCode: "${DEMO_COUNTY}", residenceRegionCode: "${DEMO_COUNTY}" }) { child { id } } }`,
    );
    expect(first(response)).toMatchObject({ status: 400, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(response.body.errors?.[0]?.message).toMatch(/date/i);
  });

  it('a subgraph refuses an impossible date too, when called directly (defense in depth)', async () => {
    const response = await signedPost('civil-affairs', ADMIN, 'case-management', {
      query: REGISTER,
      variables: { input: { ...base, birthDate: '2023-02-29' } },
    });
    expect(first(response)).toMatchObject({ status: 400, extensions: { code: 'BAD_USER_INPUT', field: 'input.birthDate' } });
  });

  it('a national ID whose region is no real division: INVALID_NATIONAL_ID', async () => {
    const response = await gql(REGISTER, { input: { ...base, nationalId: composeNationalId('999999', '2015-06-01', 11) } });
    expect(first(response)).toMatchObject({ extensions: { code: 'INVALID_NATIONAL_ID', field: 'nationalId' } });
  });
});

describe('NUL characters', () => {
  it('in a variable: BAD_USER_INPUT at the field that holds it, nothing stored', async () => {
    const response = await gql(REGISTER, { input: { ...base, name: '张\u0000三' } });
    expect(first(response)).toMatchObject({ status: 400, data: null, extensions: { code: 'BAD_USER_INPUT', field: 'input.name' } });
    const owner = await database('civil-affairs');
    try {
      expect((await owner.query(`SELECT 1 FROM child WHERE name LIKE '张%三' AND created_at > now() - interval '1 minute'`)).rowCount).toBe(0);
    } finally {
      await owner.end();
    }
  });

  it('in a literal, in an id, in a filter, in an idempotency key', async () => {
    expect(
      first(
        await gql(
          `mutation { registerChild(input: { name: "张\\u0000三", gender: MALE, birthDate: "2015-06-01", householdRegionCode: "${DEMO_COUNTY}", residenceRegionCode: "${DEMO_COUNTY}" }) { child { id } } }`,
        ),
      ),
    ).toMatchObject({
      status: 400,
      extensions: { code: 'BAD_USER_INPUT', field: 'input.name' },
    });
    expect(first(await gql(`query ($id: ID!) { child(id: $id) { id } }`, { id: '\u0000' }))).toMatchObject({ status: 400, extensions: { field: 'id' } });
    expect(first(await gql(`query ($p: String) { children(filter: { regionPrefix: $p }) { edges { node { id } } } }`, { p: '34\u0000' }))).toMatchObject({
      status: 400,
      extensions: { code: 'BAD_USER_INPUT', field: 'p' },
    });
    expect(
      first(
        await gql(`mutation ($input: RegisterChildInput!, $key: String) { registerChild(input: $input, idempotencyKey: $key) { child { id } } }`, {
          input: base,
          key: 'k\u0000',
        }),
      ),
    ).toMatchObject({
      status: 400,
      extensions: { code: 'BAD_USER_INPUT', field: 'key' },
    });
  });
});

describe('the cost limit', () => {
  // The same query as the literal one in hardening.test.ts: 26 schools × 20 pupils is over 50,000.
  const pupils = `query ($schools: Int, $pupils: Int) { schools(first: $schools) { edges { node { name enrolments(first: $pupils) { edges { node { grade child { id name } } } } } } } }`;

  it('counts page sizes passed as variables', async () => {
    const refused = await gql(pupils, { schools: 26, pupils: 20 });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit: 'cost' } })]);
    const answered = await gql(pupils, { schools: 24, pupils: 20 });
    expect(answered.body.errors).toBeUndefined();
  });

  it('counts a variable’s default', async () => {
    const refused = await gql(pupils.replace('$schools: Int', '$schools: Int = 26').replace('$pupils: Int', '$pupils: Int = 20'));
    expect(refused.body.errors).toEqual([expect.objectContaining({ extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit: 'cost' } })]);
  });
});

describe('idempotency keys', () => {
  const CREATE = `mutation ($input: CreateSchoolInput!, $key: String) { createSchool(input: $input, idempotencyKey: $key) { id name } }`;

  it('the same key with a different payload: IDEMPOTENCY_KEY_REUSED, and nothing is created', async () => {
    const key = `reuse-${randomUUID()}`;
    const name = `复用键小学-${randomUUID().slice(0, 8)}`;
    const created = await gqlData(CREATE, { input: { name, regionCode: DEMO_COUNTY, type: 'PRIMARY' }, key });
    // A retry of the same request: the same school.
    expect((await gqlData(CREATE, { input: { name, regionCode: DEMO_COUNTY, type: 'PRIMARY' }, key })).createSchool.id).toBe(created.createSchool.id);
    const reused = await gql(CREATE, { input: { name: `${name}-另一所`, regionCode: DEMO_COUNTY, type: 'PRIMARY' }, key });
    expect(reused.body.data?.createSchool ?? null).toBeNull();
    expect(reused.body.errors).toEqual([
      expect.objectContaining({ path: ['createSchool'], extensions: expect.objectContaining({ code: 'IDEMPOTENCY_KEY_REUSED', field: 'idempotencyKey' }) }),
    ]);
    const owner = await database('education');
    try {
      expect((await owner.query(`SELECT count(*)::int AS n FROM school WHERE name LIKE $1`, [`${name}%`])).rows[0].n).toBe(1);
      // The key keeps a hash of its payload, not the payload.
      const [row] = (await owner.query(`SELECT payload_hash FROM idempotency_key WHERE key = $1`, [key])).rows;
      expect(row.payload_hash).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      await owner.end();
    }
  });
});
