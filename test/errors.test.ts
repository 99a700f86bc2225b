import { randomUUID } from 'node:crypto';
import { composeNationalId } from '../standards/national-id';
import { ADMIN, gql, gqlData, post, system, tokenFor } from './support/system';

const REGISTER = `mutation ($input: RegisterChildInput!) { registerChild(input: $input) { child { id } } }`;
const base = { name: '测试', gender: 'MALE', birthDate: '2015-06-01', householdRegionCode: '341322', residenceRegionCode: '341322' };

/** Bad input gets a stable code and a human message, never a stack or SQL; the server stays up. */
function expectCleanError(response: Awaited<ReturnType<typeof gql>>, code: string) {
  const error = response.body.errors?.[0];
  expect(error?.extensions?.code).toBe(code);
  expect(error?.message.length).toBeGreaterThan(5);
  const text = JSON.stringify(response.body);
  expect(text).not.toMatch(/stacktrace|\bat .*\.js:\d+|SELECT |INSERT |UPDATE |QueryFailedError|node_modules/);
}

async function expectServerStillAnswers() {
  const data = await gqlData(`{ children(first: 1) { edges { node { id } } } }`);
  expect(data.children.edges).toHaveLength(1);
}

describe('clear errors on bad input', () => {
  afterEach(expectServerStillAnswers);

  it('a national ID with a wrong check digit', async () => {
    const valid = composeNationalId('341322', '2015-06-01', 11);
    const wrong = valid.slice(0, 17) + (valid[17] === '1' ? '2' : '1');
    expectCleanError(await gql(REGISTER, { input: { ...base, nationalId: wrong } }), 'INVALID_NATIONAL_ID');
  });

  it('a national ID that disagrees with the birth date or gender', async () => {
    expectCleanError(await gql(REGISTER, { input: { ...base, nationalId: composeNationalId('341322', '2014-06-01', 11) } }), 'INVALID_NATIONAL_ID');
    expectCleanError(await gql(REGISTER, { input: { ...base, nationalId: composeNationalId('341322', '2015-06-01', 12) } }), 'INVALID_NATIONAL_ID');
  });

  it('a malformed national ID', async () => {
    expectCleanError(await gql(REGISTER, { input: { ...base, nationalId: '12345' } }), 'INVALID_NATIONAL_ID');
    expectCleanError(await gql(`{ childByNationalId(nationalId: "abc") { id } }`), 'INVALID_NATIONAL_ID');
  });

  it('a region code that is not a GB/T 2260 county', async () => {
    expectCleanError(await gql(REGISTER, { input: { ...base, householdRegionCode: '999999' } }), 'INVALID_REGION_CODE');
    expectCleanError(await gql(REGISTER, { input: { ...base, residenceRegionCode: '341300' } }), 'INVALID_REGION_CODE');
    expectCleanError(await gql(`{ children(filter: { regionPrefix: "3" }) { edges { node { id } } } }`), 'INVALID_REGION_CODE');
  });

  it('an unknown id is NOT_FOUND; a malformed one is BAD_USER_INPUT', async () => {
    const unknown = randomUUID();
    const response = await gql(`query ($id: ID!) { child(id: $id) { id } }`, { id: unknown });
    expectCleanError(response, 'NOT_FOUND');
    expect(response.body.data?.child).toBeNull();
    expectCleanError(await gql(`{ child(id: "1; DROP TABLE child") { id } }`), 'BAD_USER_INPUT');
    expectCleanError(await gql(`query ($id: ID!) { school(id: $id) { id } }`, { id: unknown }), 'NOT_FOUND');
    expectCleanError(await gql(`mutation ($id: ID!) { updateChild(id: $id, expectedVersion: 1, input: { name: "x" }) { id } }`, { id: unknown }), 'NOT_FOUND');
  });

  it('a bad cursor or page size', async () => {
    expectCleanError(await gql(`{ children(after: "bm9wZQ") { edges { node { id } } } }`), 'INVALID_CURSOR');
    expectCleanError(await gql(`{ children(first: 1000) { edges { node { id } } } }`), 'BAD_USER_INPUT');
  });

  it('a birth date in the future or of an adult', async () => {
    expectCleanError(await gql(REGISTER, { input: { ...base, birthDate: '2099-01-01' } }), 'BAD_USER_INPUT');
    expectCleanError(await gql(REGISTER, { input: { ...base, birthDate: '1990-01-01' } }), 'BAD_USER_INPUT');
  });

  it('a query that does not parse or names an unknown field', async () => {
    expectCleanError(await gql(`{ children( `), 'GRAPHQL_PARSE_FAILED');
    expectCleanError(await gql(`{ children { edges { node { secret } } } }`), 'GRAPHQL_VALIDATION_FAILED');
  });

  it('malformed JSON and oversized bodies get a JSON error', async () => {
    const token = await tokenFor(ADMIN);
    const malformed = await post(system.gatewayUrl, '{"query": ', { authorization: `Bearer ${token}` });
    expect(malformed.status).toBe(400);
    const huge = await post(system.gatewayUrl, { query: `{ __typename }`, padding: 'x'.repeat(200_000) }, { authorization: `Bearer ${token}` });
    expect(huge.status).toBe(413);
    expect(huge.body.errors?.[0].extensions?.code).toBe('PAYLOAD_TOO_LARGE');
  });
});
