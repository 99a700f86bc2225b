import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { Client } from 'pg';
import { decodeJwt } from 'jose';
import { InternalTokenSigner } from '../platform/internal-token';
import { statementCount as countStatements } from '../scripts/statement-count';
import { startSubgraph, type ServiceProcess } from './support/gateway-process';
import { registerChild } from './support/children';
import { ADMIN, database, gqlData, post, system, waitFor, type GraphQLResponse } from './support/system';

/**
 * Issue 14: a subgraph spends a call's internal token in the round trip that opens the request's
 * transaction (`SELECT spend_internal_call(…); COMMIT; START TRANSACTION; …`), not in a round trip
 * of its own. An outsider holding a captured token tries to use it again: after the request failed,
 * after it was rolled back past its deadline, at another replica, with another body first. Each
 * passes when the token is good for exactly one call.
 */

const LIST = JSON.stringify({ query: '{ children(first: 1) { edges { node { id } } } }' });
const UPDATE = `mutation ($id: ID!, $v: Int!, $village: String) { updateChild(id: $id, expectedVersion: $v, input: { residenceVillage: $village }) { version residenceVillage } }`;
const signer = () => InternalTokenSigner.fromKeyFiles(system.keys.internalTokenKeyFiles);
const call = () => ({ principal: ADMIN, requestId: randomUUID(), purpose: 'case-management' });
const civilAffairs = system.subgraphUrls['civil-affairs'];
const send = (url: string, token: string, body = LIST) => post(url, body, { authorization: `Bearer ${token}` });

function expectReplayRefused(response: GraphQLResponse) {
  expect(response.status).toBe(401);
  expect(response.body.data ?? null).toBeNull();
  expect(response.body.errors).toEqual([{ message: 'The internal token is not valid.', extensions: { code: 'UNAUTHENTICATED' } }]);
}

async function withOwner<T>(work: (owner: Client) => Promise<T>): Promise<T> {
  const owner = await database('civil-affairs');
  try {
    return await work(owner);
  } finally {
    await owner.end();
  }
}

/** Whether the token's id is claimed in civil affairs' database (durable, as any other session sees it). */
const claimed = (token: string) =>
  withOwner(async (owner) => (await owner.query('SELECT 1 FROM internal_call WHERE jti = $1', [decodeJwt(token).jti])).rowCount === 1);

/** A new child of the demo county, at its first version. */
async function newChild(): Promise<{ id: string; version: number }> {
  return { id: await registerChild({ name: '令牌重放' }), version: 1 };
}

describe('issue 14 attack: the internal token spent in the round trip that opens the transaction', () => {
  let replica: ServiceProcess;
  beforeAll(async () => {
    // A second replica of civil affairs, on the same database, with a short request deadline.
    replica = await startSubgraph('civil-affairs', { REQUEST_DEADLINE_MS: '1000', DB_STATEMENT_TIMEOUT_MS: '60000', DB_LOCK_TIMEOUT_MS: '30000' });
  });
  afterAll(async () => {
    await replica?.stop();
  });

  it('is refused after a request that failed, and the failure saved nothing', async () => {
    const child = await newChild();
    const body = JSON.stringify({ query: UPDATE, variables: { id: child.id, v: child.version + 7, village: '失败村' } });
    const token = await signer().sign(call(), 'civil-affairs', body);
    const failed = await send(civilAffairs, token, body);
    expect(failed.body.errors?.[0]?.extensions?.code).toBe('VERSION_CONFLICT');
    // The claim was committed before the request's own transaction, which was rolled back.
    expect(await claimed(token)).toBe(true);
    expectReplayRefused(await send(civilAffairs, token, body));
    expectReplayRefused(await send(replica.url, token, body));
    const current = await gqlData(`query ($id: ID!) { child(id: $id) { version residenceVillage } }`, { id: child.id });
    expect(current.child).toEqual({ version: child.version, residenceVillage: null });
  });

  it('is refused after a request rolled back past its deadline, and the replay changes nothing', async () => {
    const child = await newChild();
    const body = JSON.stringify({ query: UPDATE, variables: { id: child.id, v: child.version, village: '回滚村' } });
    const token = await signer().sign(call(), 'civil-affairs', body);
    await withOwner(async (owner) => {
      await owner.query('BEGIN');
      await owner.query('SELECT 1 FROM child WHERE id = $1 FOR UPDATE', [child.id]);
      const pending = send(replica.url, token, body);
      await waitFor(() => replica.output().includes('"reason":"deadline"'));
      await owner.query('ROLLBACK');
      const answer = await pending;
      expect(answer.body.data?.updateChild ?? null).toBeNull();
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    });
    expect(await claimed(token)).toBe(true);
    // The row is free now: a replay that ran would commit the update.
    expectReplayRefused(await send(replica.url, token, body));
    expectReplayRefused(await send(civilAffairs, token, body));
    const current = await gqlData(`query ($id: ID!) { child(id: $id) { version residenceVillage } }`, { id: child.id });
    expect(current.child).toEqual({ version: child.version, residenceVillage: null });
  });

  it('is refused at another replica (another process, another pool), also when both receive it at once', async () => {
    const token = await signer().sign(call(), 'civil-affairs', LIST);
    expect((await send(civilAffairs, token)).status).toBe(200);
    expectReplayRefused(await send(replica.url, token));
    const raced = await signer().sign(call(), 'civil-affairs', LIST);
    const answers = await Promise.all([civilAffairs, replica.url, civilAffairs, replica.url].map((url) => send(url, raced)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 401, 401, 401]);
    for (const answer of answers.filter((one) => one.status === 401)) expectReplayRefused(answer);
  });

  it('spends a token sent with another body, so the right body after it is refused too', async () => {
    const token = await signer().sign(call(), 'civil-affairs', LIST);
    const other = JSON.stringify({ query: '{ children(first: 5) { edges { node { id name nationalId } } } }' });
    expectReplayRefused(await send(civilAffairs, token, other));
    expect(await claimed(token)).toBe(true);
    expectReplayRefused(await send(civilAffairs, token));
    expectReplayRefused(await send(replica.url, token));
  });

  it('spends a token whose request is refused before its transaction (malformed, too long a batch), and refuses it after as a replay', async () => {
    const malformed = '{"query": ';
    const token = await signer().sign(call(), 'civil-affairs', malformed);
    const first = await send(civilAffairs, token, malformed);
    expect(first.status).toBe(400);
    expect(first.body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    expect(await claimed(token)).toBe(true);
    // Sent again, the same refusal would tell nothing; but a spent token is answered as a replay.
    expectReplayRefused(await send(civilAffairs, token, malformed));

    const batch = JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    const batched = await signer().sign(call(), 'civil-affairs', batch);
    expect((await send(civilAffairs, batched, batch)).body.errors?.[0]?.extensions?.code).toBe('BATCH_TOO_LARGE');
    expectReplayRefused(await send(replica.url, batched, batch));
  });

  it('spends the token of a request abandoned while its body was still arriving', async () => {
    const token = await signer().sign(call(), 'civil-affairs', LIST);
    const url = new URL(civilAffairs);
    const request = http.request({
      host: url.hostname,
      port: url.port,
      path: url.pathname,
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(LIST.length), authorization: `Bearer ${token}` },
    });
    request.on('error', () => undefined);
    request.write(LIST.slice(0, 10));
    // The token is verified as soon as the headers arrive; then the sender goes away.
    await new Promise((done) => setTimeout(done, 300));
    request.destroy();
    await waitFor(() => claimed(token));
    expectReplayRefused(await send(civilAffairs, token));
  });

  it('refuses a principal holding a NUL before anything is sent, and spends its token all the same', async () => {
    const token = await signer().sign({ ...call(), principal: { ...ADMIN, sub: 'test:nul\u0000sub' } }, 'civil-affairs', LIST);
    const refused = await send(civilAffairs, token);
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await claimed(token)).toBe(true);
    expectReplayRefused(await send(replica.url, token));
  });

  it('opens nothing for a replay: one message sent, no access-log entry, the pool still healthy', async () => {
    const requestId = randomUUID();
    const token = await signer().sign({ ...call(), requestId }, 'civil-affairs', LIST);
    expect((await send(replica.url, token)).status).toBe(200);
    const logged = () =>
      withOwner(async (owner) => Number((await owner.query('SELECT count(*) AS n FROM access_log WHERE request_id = $1', [requestId])).rows[0].n));
    const entries = await logged();
    expect(entries).toBeGreaterThan(0);
    const before = await countStatements(replica.url, system.keys.metricsToken);
    for (let index = 0; index < 5; index++) expectReplayRefused(await send(replica.url, token));
    // Each replay: the one message that would have opened its transaction, whose first statement fails.
    expect((await countStatements(replica.url, system.keys.metricsToken)) - before).toBe(5);
    expect(await logged()).toBe(entries);
    // The replica's connections came back clean: fresh calls are answered.
    const fresh = await Promise.all(Array.from({ length: 12 }, () => signer().sign(call(), 'civil-affairs', LIST)));
    expect((await Promise.all(fresh.map((one) => send(replica.url, one)))).map((answer) => answer.status)).toEqual(fresh.map(() => 200));
  });
});

/**
 * The PostgreSQL semantics the one message relies on (simple-protocol messages of several
 * statements: those before a COMMIT are an implicit transaction block it commits; after an error
 * the server skips the rest of the message and ends the implicit block), checked as the
 * application role sends it.
 */
describe('the message that spends a token and opens a transaction, as PostgreSQL runs it', () => {
  const opening = (jti: string, rest: string) =>
    `SELECT spend_internal_call('${jti}', now() + interval '1 minute'); COMMIT; START TRANSACTION; SELECT set_config('app.sub', 'attacker', true); ${rest}`;

  it('keeps the claim when the rest of the message fails, and refuses the replay before anything after it runs', async () => {
    const app = await database('civil-affairs', 'app');
    const jti = randomUUID();
    try {
      // The request's part fails: its transaction is rolled back, the claim committed before it stays.
      await expect(app.query(opening(jti, 'SELECT 1 / 0'))).rejects.toThrow(/division by zero/);
      await app.query('ROLLBACK');
      expect(await withOwner(async (owner) => (await owner.query('SELECT 1 FROM internal_call WHERE jti = $1', [jti])).rowCount)).toBe(1);
      // The replay: the spend fails with its own state, and neither START TRANSACTION nor the settings ran.
      await expect(app.query(opening(jti, 'SELECT 1'))).rejects.toMatchObject({ code: 'IC401' });
      await expect(app.query('SAVEPOINT inside')).rejects.toThrow(/transaction block/);
      expect((await app.query(`SELECT current_setting('app.sub', true) AS sub`)).rows[0].sub ?? '').not.toBe('attacker');
      // Nobody but the application role may spend (or claim) a token.
      const grants = await withOwner(
        async (owner) => (await owner.query(`SELECT has_function_privilege('public', 'spend_internal_call(uuid, timestamptz)', 'EXECUTE') AS public`)).rows[0],
      );
      expect(grants.public).toBe(false);
    } finally {
      await app.end();
    }
  });
});
