import type { Client } from 'pg';
import { DEMO_COUNTY } from '../demo/principals';
import type { Principal } from '../platform/principal';
import { ADMIN, database, freshNationalId, gql, gqlData, signedPost, system, PARENTS_AWAY } from './support/system';

/**
 * Issue 10, faults 1 and 2 (the database side): a request whose setup fails leaves no poisoned
 * connection behind; a statement that waits on a lock times out, its request is rolled back and
 * answered SERVICE_UNAVAILABLE at its path, and the service (and its /health) stays responsive.
 */

const codes = (body: { errors?: { extensions?: Record<string, unknown> }[] }) => (body.errors ?? []).map((error) => error.extensions?.code);

/** A call straight to a subgraph, signed as the gateway would sign it, for a principal of our making. */
async function callSubgraph(principal: Principal, query: string) {
  return signedPost('civil-affairs', principal, 'case-management', { query });
}

async function newChild(): Promise<{ id: string; version: number }> {
  const identity = freshNationalId();
  const data = await gqlData(`mutation ($input: RegisterChildInput!) { registerChild(input: $input) { child { id version } } }`, {
    input: {
      name: '锁测儿童',
      gender: identity.gender,
      birthDate: identity.birthDate,
      nationalId: identity.nationalId,
      householdRegionCode: DEMO_COUNTY,
      residenceRegionCode: DEMO_COUNTY,
      ...PARENTS_AWAY,
    },
  });
  return data.registerChild.child;
}

describe('a request whose setup fails', () => {
  it('is refused as bad input, and leaves no poisoned connection: every request after it is answered', async () => {
    // A principal PostgreSQL cannot take as a setting (a NUL in its id): the setup fails after BEGIN.
    const poisoned = await callSubgraph({ ...ADMIN, sub: 'bad\u0000sub' }, '{ children(first: 1) { edges { node { id } } } }');
    expect(poisoned.status).toBe(400);
    expect(codes(poisoned.body)).toEqual(['BAD_USER_INPUT']);
    // The pool hands back its most recently returned connection first: the next requests would all
    // meet "current transaction is aborted" if that connection had gone back inside its failed transaction.
    for (let request = 0; request < 30; request++) {
      const good = await callSubgraph(ADMIN, '{ children(first: 1) { edges { node { id } } } }');
      expect({ request, status: good.status, errors: good.body.errors }).toEqual({ request, status: 200, errors: undefined });
    }
  });
});

describe('a row locked by another transaction', () => {
  let owner: Client;
  beforeEach(async () => {
    owner = await database('civil-affairs');
  });
  afterEach(async () => {
    await owner.query('ROLLBACK').catch(() => undefined);
    await owner.end();
  });

  it('makes a write time out (lock_timeout), answered SERVICE_UNAVAILABLE at its path; nothing changes, and the retry succeeds', async () => {
    const child = await newChild();
    await owner.query('BEGIN');
    await owner.query('SELECT 1 FROM child WHERE id = $1 FOR UPDATE', [child.id]);

    const update = `mutation ($id: ID!, $v: Int!) { updateChild(id: $id, expectedVersion: $v, input: { residenceVillage: "新村" }) { version residenceVillage } }`;
    const blocked = await gql(update, { id: child.id, v: child.version });
    expect(blocked.status).toBe(200);
    expect(blocked.body.data?.updateChild ?? null).toBeNull();
    expect(blocked.body.errors).toEqual([
      expect.objectContaining({ path: ['updateChild'], extensions: expect.objectContaining({ code: 'SERVICE_UNAVAILABLE', retryable: true }) }),
    ]);
    expect(JSON.stringify(blocked.body)).not.toMatch(/lock|timeout|SQL|canceling/i);

    // Other requests are not held up meanwhile, and neither is the subgraph's readiness.
    const read = await gqlData(`query ($id: ID!) { child(id: $id) { version residenceVillage } }`, { id: child.id });
    expect(read.child).toEqual({ version: child.version, residenceVillage: null });
    expect((await fetch(system.subgraphUrls['civil-affairs'].replace(/graphql$/, 'health'))).status).toBe(200);

    await owner.query('ROLLBACK');
    // The retry, with the same expectedVersion: nothing of the failed attempt was kept.
    const retried = await gqlData(update, { id: child.id, v: child.version });
    expect(retried.updateChild).toEqual({ version: child.version + 1, residenceVillage: '新村' });
  });

  it('a locked table: reads time out as SERVICE_UNAVAILABLE instead of waiting, and /health still answers', async () => {
    await owner.query('BEGIN');
    await owner.query('LOCK TABLE child IN ACCESS EXCLUSIVE MODE');
    const response = await gql(`{ children(first: 1) { edges { node { id name } } } }`);
    expect(response.body.errors?.[0]).toMatchObject({ path: ['children'], extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true } });
    // Readiness answers (whatever it says) rather than waiting for the lock.
    const health = await fetch(system.subgraphUrls['civil-affairs'].replace(/graphql$/, 'health'));
    expect([200, 503]).toContain(health.status);
    await owner.query('ROLLBACK');
    expect((await gqlData(`{ children(first: 1) { edges { node { id } } } }`)).children.edges).toHaveLength(1);
  });
});
