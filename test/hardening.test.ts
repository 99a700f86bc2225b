import { QUERY_LIMITS } from '../gateway/query-limits';
import { startGateway, type GatewayProcess } from './support/gateway-process';
import { gql, system, tokenFor, ADMIN, post } from './support/system';

const codes = (response: Awaited<ReturnType<typeof gql>>) => (response.body.errors ?? []).map((error) => error.extensions?.code);
/** The data and each error's code and limit: what a refusal consists of. */
const response = (answer: Awaited<ReturnType<typeof gql>>) => ({
  data: answer.body.data ?? null,
  errors: (answer.body.errors ?? []).map((error) => ({ code: error.extensions?.code, limit: error.extensions?.limit })),
});

describe('outside development', () => {
  it('refuses introspection', async () => {
    const response = await gql('{ __schema { types { name } } }');
    expect(response.body.data ?? null).toBeNull();
    expect(codes(response)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(JSON.stringify(response.body)).not.toContain('Child');
  });

  it('does not suggest field names', async () => {
    const response = await gql('{ chil(id: "x") { id } }');
    expect(codes(response)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(response.body.errors?.[0]?.message).not.toMatch(/did you mean/i);
  });
});

describe('in development', () => {
  let development: GatewayProcess;
  beforeAll(async () => {
    development = await startGateway({ NODE_ENV: 'development' });
  });
  afterAll(() => development.stop());

  it('allows introspection and suggestions (so the refusals above are the setting, not an accident)', async () => {
    const headers = { authorization: `Bearer ${await tokenFor(ADMIN)}` };
    const introspection = await post(development.url, { query: '{ __schema { queryType { name } } }' }, headers);
    expect(introspection.body.data.__schema.queryType.name).toBe('Query');
    const suggestion = await post(development.url, { query: '{ chil(id: "x") { id } }' }, headers);
    expect(suggestion.body.errors?.[0]?.message).toMatch(/did you mean/i);
  });
});

describe('query limits', () => {
  it('refuses an over-deep query with a clear code and message', async () => {
    let selection = 'name';
    for (let level = 0; level < QUERY_LIMITS.maxDepth; level++) selection = `partner { programmes { ${selection} } }`;
    const response = await gql(`{ programme(id: "00000000-0000-4000-8000-000000000000") { ${selection} } }`);
    expect(response.body.data ?? null).toBeNull();
    expect(new Set(codes(response))).toEqual(new Set(['QUERY_LIMIT_EXCEEDED']));
    expect(response.body.errors?.map((error) => error.extensions?.limit)).toContain('depth');
    expect(response.body.errors?.some((error) => /depth limit/i.test(error.message))).toBe(true);
  });

  it('refuses too many aliases', async () => {
    const aliases = Array.from({ length: QUERY_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: schools(first: 1) { pageInfo { hasNextPage } }`).join(' ');
    const response = await gql(`{ ${aliases} }`);
    expect(response.body.data ?? null).toBeNull();
    expect(response.body.errors?.[0]?.extensions).toEqual({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'aliases' });
    expect(response.body.errors?.[0]?.message).toMatch(/alias/i);
  });

  it('refuses too many directives', async () => {
    const directives = Array.from({ length: QUERY_LIMITS.maxDirectives + 1 }, () => '@include(if: true)').join(' ');
    const response = await gql(`{ schools(first: 1) ${directives} { pageInfo { hasNextPage } } }`);
    expect(response.body.data ?? null).toBeNull();
    expect(response.body.errors?.[0]?.extensions).toEqual({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'directives' });
    expect(response.body.errors?.[0]?.message).toMatch(/directive/i);
  });

  it('refuses a query over the cost limit, though within every other limit', async () => {
    // Every school's pupils: 8 levels, no alias, no directive, a few dozen tokens. graphql-armor
    // multiplies by each literal page size (objects 2, scalars 1, ×1.5 a level), so 26 schools
    // × 20 pupils costs 52,546 and 24 × 20 costs 48,504, on either side of 50,000.
    const pupils = (schools: number) =>
      `{ schools(first: ${schools}) { edges { node { name enrolments(first: 20) { edges { node { grade child { id name } } } } } } } }`;
    const refused = await gql(pupils(26));
    expect(refused.status).toBe(400);
    expect(response(refused)).toEqual({ data: null, errors: [{ code: 'QUERY_LIMIT_EXCEEDED', limit: 'cost' }] });
    expect(refused.body.errors?.[0]?.message).toMatch(/cost/i);
    expect(QUERY_LIMITS.maxCost).toBe(50_000);
    // Just under the limit, the same query is answered.
    const answered = await gql(pupils(24));
    expect(answered.body.errors).toBeUndefined();
    expect(answered.body.data.schools.edges.length).toBeGreaterThan(0);
  });

  it('refuses too many tokens', async () => {
    const fields = Array.from({ length: QUERY_LIMITS.maxTokens }, () => 'hasNextPage').join(' ');
    const response = await gql(`{ schools(first: 1) { pageInfo { ${fields} } } }`);
    expect(response.body.data ?? null).toBeNull();
    // The parser stops counting at the limit: a parse failure, before any validation.
    expect(codes(response)).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(response.body.errors?.[0]?.message).toMatch(/more than? \d+ tokens|tokens/i);
  });

  it('refuses a batch of more than 10 operations', async () => {
    const operation = { query: '{ schools(first: 1) { pageInfo { hasNextPage } } }' };
    const response = await post(
      system.gatewayUrl,
      Array.from({ length: 11 }, () => operation),
      { authorization: `Bearer ${await tokenFor(ADMIN)}` },
    );
    expect(response.status).toBe(400);
    expect(codes(response)).toEqual(['BATCH_TOO_LARGE']);
  });

  it('answers a query within every limit, and the server stays up', async () => {
    const response = await gql('{ schools(first: 2) { edges { node { name } } } }');
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.schools.edges).toHaveLength(2);
  });
});

describe('CSRF prevention', () => {
  it('refuses a simple cross-site request (no JSON content type, no preflight header)', async () => {
    const response = await fetch(system.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${await tokenFor(ADMIN)}` },
      body: JSON.stringify({ query: '{ schools(first: 1) { pageInfo { hasNextPage } } }' }),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).not.toContain('hasNextPage":');
  });
});
