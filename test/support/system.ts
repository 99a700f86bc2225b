import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomInt, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { InternalTokenSigner } from '../../platform/internal-token';
import type { Principal } from '../../platform/principal';
import type { SubgraphName } from '../../platform/subgraphs';
import type { DevKeys } from '../../scripts/dev-keys';
import { fullAccessPrincipal } from '../../demo/principals';
import { signDevToken } from '../../demo/tokens';
import { composeNationalId } from '../../standards/national-id';
import { statementCount as countStatements } from '../../scripts/statement-count';

/** What global-setup started, read from the file the start script writes once it is ready. */
interface SystemInfo {
  gatewayUrl: string;
  subgraphUrls: Record<SubgraphName, string>;
  /** The application roles' URLs (what the services run as) and the owners'. */
  databaseUrls: { app: Record<SubgraphName, string>; owner: Record<SubgraphName, string> };
  superuserUrl: string | null;
  keys: DevKeys;
  tokens: Record<string, string>;
}

export const system: SystemInfo = JSON.parse(readFileSync(join(resolve(__dirname, '..', '..', '..'), '.test-data', 'system.json'), 'utf8'));

// GraphQL answers are JSON the tests navigate freely, stating with expect() the shape they need;
// a test that wants the compiler's help names the shape (gqlData<{ ... }>).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface GraphQLResponse<T = any> {
  status: number;
  /** The response's headers (the gateway's request id is `x-request-id`). */
  headers?: Headers;
  body: { data?: T; errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[] };
}

/** POSTs a GraphQL request over real HTTP. */
export async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<GraphQLResponse> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: GraphQLResponse['body'];
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = { errors: [{ message: `non-JSON response: ${text.slice(0, 200)}` }] };
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

/**
 * POSTs straight to a subgraph as the gateway would: a fresh internal token for this principal
 * and purpose, signed with the subgraph's key for this exact body.
 */
export async function signedPost(subgraph: SubgraphName, principal: Principal, purpose: string | null, body: unknown): Promise<GraphQLResponse> {
  const text = JSON.stringify(body);
  const token = await InternalTokenSigner.fromKeyFiles(system.keys.internalTokenKeyFiles).sign({ principal, requestId: randomUUID(), purpose }, subgraph, text);
  return post(system.subgraphUrls[subgraph], text, { authorization: `Bearer ${token}` });
}

/** Every scope over every demo province: for tests of the registry's functions, not of a role's limits. */
export const ADMIN = fullAccessPrincipal();
let adminToken: Promise<string> | undefined;

/**
 * Sends a query to the gateway with a token (by default one with every scope), stating a purpose
 * (case management by default; null states none).
 */
export async function gql(query: string, variables: Record<string, unknown> = {}, token?: string, purpose: string | null = 'case-management') {
  token ??= await (adminToken ??= tokenFor(ADMIN, '1h'));
  return post(system.gatewayUrl, { query, variables }, { authorization: `Bearer ${token}`, ...(purpose ? { 'x-purpose': purpose } : {}) });
}

/** The edges of a Relay connection, as the API returns them. */
export interface Connection<T> {
  edges: { node: T }[];
}

/** Like gql, but fails the test on any error and returns `data`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as GraphQLResponse
export async function gqlData<T = any>(query: string, variables: Record<string, unknown> = {}, token?: string, purpose?: string | null): Promise<T> {
  const response = await gql(query, variables, token, purpose);
  if (response.body.errors?.length || response.status !== 200) {
    throw new Error(`GraphQL request failed (${response.status}): ${JSON.stringify(response.body.errors)}`);
  }
  return response.body.data as T;
}

/** A user token for a principal, signed by the development identity provider. */
export function tokenFor(principal: Principal, expiresIn = '10m'): Promise<string> {
  return signDevToken(system.keys.idpPrivateKeyFile, principal, expiresIn);
}

/** A valid national ID no demo child can hold (Beijing region code, random date and sequence). */
export function freshNationalId(gender: 'MALE' | 'FEMALE' = 'FEMALE'): { nationalId: string; birthDate: string; gender: 'MALE' | 'FEMALE' } {
  // Aged 8 to 14 this year, whatever the year: a left-behind child (under 16) of school age.
  const year = new Date().getUTCFullYear() - randomInt(8, 15);
  const birthDate = `${year}-${String(randomInt(1, 13)).padStart(2, '0')}-${String(randomInt(1, 29)).padStart(2, '0')}`;
  const sequence = randomInt(0, 499) * 2 + (gender === 'MALE' ? 1 : 0);
  return { nationalId: composeNationalId('110101', birthDate, sequence), birthDate, gender };
}

/**
 * Parents' facts that make a child left-behind (both working away for over a year): every
 * registration needs a reason to be in the registry (left-behind, or a difficult-circumstance category).
 */
export const PARENTS_AWAY = { father: { awaySince: '2024-01-15' }, mother: { awaySince: '2024-03-01' } } as const;

/** A connection to one subgraph's database: as its owner (inspecting storage), or as the role the service runs as. */
export async function database(name: SubgraphName, role: 'owner' | 'app' = 'owner'): Promise<Client> {
  const client = new Client({ connectionString: system.databaseUrls[role][name] });
  await client.connect();
  return client;
}

/** GET /metrics of a process, with the metrics credential. */
export function metricsOf(baseUrl: string): Promise<Response> {
  return fetch(`${baseUrl.replace(/\/graphql$/, '').replace(/\/$/, '')}/metrics`, { headers: { authorization: `Bearer ${system.keys.metricsToken}` } });
}

/** The SQL statements a subgraph has sent so far (its db_statements_total metric). */
export function statementCount(name: SubgraphName): Promise<number> {
  return countStatements(system.subgraphUrls[name], system.keys.metricsToken);
}

/**
 * Polls until `check` returns something truthy and returns it; fails after `timeoutMs`. For what
 * arrives a moment after the answer: a log line written asynchronously, a published set reaching
 * its subscribers (normally within a second; the bound is generous for a loaded machine).
 */
export async function waitFor<T>(check: () => T | Promise<T>, timeoutMs = 15_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`not reached within ${timeoutMs} ms`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** Waits until the registry's published set has carried a child to every subscriber's copy. */
export async function waitForRegistryFeed(childId: string): Promise<void> {
  for (const name of ['education', 'womens-federation'] as const) {
    const owner = await database(name);
    try {
      await waitFor(async () => (await owner.query('SELECT 1 FROM registry_feed.child WHERE child_id = $1', [childId])).rowCount);
    } finally {
      await owner.end();
    }
  }
}
