import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Client } from 'pg';
import { DEMO_COUNTY, demoPrincipals } from '../demo/principals';
import type { SubgraphName } from '../platform/subgraphs';
import { verifyChain } from '../subgraphs/shared/audit/audit-chain';
import { database, freshNationalId, gqlData, post, system, type Connection, PARENTS_AWAY } from './support/system';

const principals = demoPrincipals(2026);
const CASE_WORKER = 'civil-affairs-case-worker';
const ROOT = resolve(__dirname, '..', '..');

/** The gateway's request id (what the access logs hold) for each client request id the tests sent. */
const gatewayIds = new Map<string, string>();

/** A request as the demo case worker, sending a request id of our choosing; the gateway answers with its own. */
async function asCaseWorker(query: string, variables: Record<string, unknown>, requestId: string) {
  const response = await post(
    system.gatewayUrl,
    { query, variables },
    {
      authorization: `Bearer ${system.tokens[CASE_WORKER]}`,
      'x-purpose': 'case-management',
      'x-request-id': requestId,
    },
  );
  const gatewayId = response.headers?.get('x-request-id');
  // The gateway chooses the id: a client's cannot name, or collide with, another request in the logs.
  expect(gatewayId).toMatch(/^[0-9a-f-]{36}$/);
  gatewayIds.set(requestId, gatewayId!);
  return response;
}

async function entriesOf(name: SubgraphName, requestId: string) {
  const owner = await database(name);
  try {
    const id = gatewayIds.get(requestId) ?? requestId;
    return (await owner.query(`SELECT actor, org, purpose, action, child_id, categories FROM access_log WHERE request_id = $1 ORDER BY seq`, [id])).rows;
  } finally {
    await owner.end();
  }
}

let childId: string;

beforeAll(async () => {
  const page = await gqlData<{ children: Connection<{ id: string; enrolment: unknown; pairings: unknown[] }> }>(
    `query ($p: String) { children(first: 100, filter: { regionPrefix: $p }) { edges { node { id enrolment { grade } pairings { id } } } } }`,
    { p: DEMO_COUNTY },
  );
  childId = page.children.edges.map((edge) => edge.node).find((node) => node.enrolment && node.pairings.length)!.id;
});

describe('the access log', () => {
  const readRequest = `audit-read-${randomUUID()}`;

  it('records a read in each agency that served it: who, which child, which categories, purpose and request id', async () => {
    const response = await asCaseWorker(
      `query ($id: ID!) { child(id: $id) { name nationalId guardianship { form } enrolment { grade } talkOverdue pairings { helperName } } }`,
      { id: childId },
      readRequest,
    );
    expect(response.body.errors).toBeUndefined();
    const who = { actor: principals[CASE_WORKER].sub, org: principals[CASE_WORKER].org, purpose: 'case-management', action: 'READ', child_id: childId };
    const civil = await entriesOf('civil-affairs', readRequest);
    expect(civil).toEqual([{ ...who, categories: ['child:basic', 'child:family', 'child:identity', 'child:masked'] }]);
    expect(await entriesOf('education', readRequest)).toEqual([{ ...who, categories: ['edu:care', 'edu:enrolment'] }]);
    expect(await entriesOf('womens-federation', readRequest)).toEqual([{ ...who, categories: ['wf:programmes'] }]);
  });

  it('records writes', async () => {
    const identity = freshNationalId();
    const writeRequest = `audit-write-${randomUUID()}`;
    const response = await asCaseWorker(
      `mutation ($input: RegisterChildInput!) { registerChild(input: $input) { child { id } } }`,
      {
        input: {
          name: '新登记',
          gender: identity.gender,
          birthDate: identity.birthDate,
          nationalId: identity.nationalId,
          householdRegionCode: DEMO_COUNTY,
          residenceRegionCode: DEMO_COUNTY,
          ...PARENTS_AWAY,
        },
      },
      writeRequest,
    );
    const newId = response.body.data.registerChild.child.id;
    const entries = await entriesOf('civil-affairs', writeRequest);
    expect(entries).toContainEqual(expect.objectContaining({ action: 'WRITE', child_id: newId, categories: ['child:write'] }));
  });

  it('Child.accessLog merges the three agencies’ entries for a holder of audit:read', async () => {
    const response = await asCaseWorker(
      `query ($id: ID!) { child(id: $id) { accessLog(last: 200) { at agency actor purpose requestId action categories } } }`,
      { id: childId },
      `audit-look-${randomUUID()}`,
    );
    expect(response.body.errors).toBeUndefined();
    const log: { at: string; agency: string; requestId: string }[] = response.body.data.child.accessLog;
    expect(log.some((entry) => entry.requestId === readRequest)).toBe(false);
    const mine = log.filter((entry) => entry.requestId === gatewayIds.get(readRequest));
    expect(mine.map((entry) => entry.agency).sort()).toEqual(['civil-affairs', 'education', 'womens-federation']);
    const times = log.map((entry) => Date.parse(entry.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('tells a reader of one child’s log nothing of the other children the same request read', async () => {
    const pageRequest = `audit-page-${randomUUID()}`;
    const page = await asCaseWorker(
      `query ($p: String) { children(first: 5, filter: { regionPrefix: $p }) { edges { node { id name enrolment { grade } pairings { id } } } } }`,
      { p: DEMO_COUNTY },
      pageRequest,
    );
    const ids: string[] = page.body.data.children.edges.map((edge: { node: { id: string } }) => edge.node.id);
    expect(ids.length).toBeGreaterThan(1);
    const [first, ...others] = ids;
    const response = await asCaseWorker(
      `query ($id: ID!) { child(id: $id) { accessLog(last: 200) { agency actor requestId action categories } } }`,
      { id: first },
      `audit-look-${randomUUID()}`,
    );
    expect(response.body.errors).toBeUndefined();
    const ofPage = response.body.data.child.accessLog.filter((entry: { requestId: string }) => entry.requestId === gatewayIds.get(pageRequest));
    // One entry per agency for this child alone: no count of the page, no other child's id anywhere in the answer.
    expect(ofPage.map((entry: { agency: string }) => entry.agency).sort()).toEqual(['civil-affairs', 'education', 'womens-federation']);
    const text = JSON.stringify(response.body);
    for (const other of others) expect(text).not.toContain(other);
  });

  it('is closed to those without audit:read', async () => {
    const response = await post(
      system.gatewayUrl,
      { query: `query ($id: ID!) { child(id: $id) { id accessLog { actor } } }`, variables: { id: childId } },
      { authorization: `Bearer ${system.tokens['county-education-officer']}`, 'x-purpose': 'education-support' },
    );
    expect(response.body.data.child.accessLog).toBeNull();
    expect(response.body.errors?.[0]?.extensions?.code).toBe('UNAUTHORIZED_FIELD_OR_TYPE');
  });

  it('cannot be written, changed or deleted by the service’s role, nor changed by the owner', async () => {
    const app = await database('education', 'app');
    try {
      await expect(
        app.query(
          `INSERT INTO access_log (seq, at, request_id, actor, org, action, child_id, categories, prev_hash, hash)
        VALUES (999999, now(), 'x', 'x', 'x', 'READ', $1, '{}', repeat('0', 64), repeat('1', 64))`,
          [childId],
        ),
      ).rejects.toThrow(/permission denied/);
      await expect(app.query(`DELETE FROM access_log`)).rejects.toThrow(/permission denied/);
    } finally {
      await app.end();
    }
    const owner = await database('education');
    try {
      await expect(owner.query(`UPDATE access_log SET actor = 'someone else'`)).rejects.toThrow(/append-only/);
    } finally {
      await owner.end();
    }
  });
});

describe('when the access log cannot be appended', () => {
  /** The service may log only through this function (README, Audit); taking it away makes every append fail. */
  const APPEND = 'append_access_log(text, text, text, text, jsonb)';
  const CHILD = `query ($id: ID!) { child(id: $id) { name nationalId residenceVillage version } }`;
  const codes = (body: { errors?: { extensions?: Record<string, unknown> }[] }) => (body.errors ?? []).map((error) => error.extensions?.code);

  it('withholds the answer with AUDIT_UNAVAILABLE and commits nothing', async () => {
    const identity = freshNationalId();
    const registered = await gqlData(`mutation ($input: RegisterChildInput!) { registerChild(input: $input) { child { id } } }`, {
      input: {
        name: '审计儿童',
        gender: identity.gender,
        birthDate: identity.birthDate,
        nationalId: identity.nationalId,
        householdRegionCode: DEMO_COUNTY,
        residenceRegionCode: DEMO_COUNTY,
        residenceVillage: '原村',
        ...PARENTS_AWAY,
      },
    });
    const id = registered.registerChild.child.id;
    const before = (await gqlData(CHILD, { id })).child;
    const readRequest = `audit-down-read-${randomUUID()}`;
    const writeRequest = `audit-down-write-${randomUUID()}`;
    const appRole = new URL(system.databaseUrls.app['civil-affairs']).username;

    const owner = await database('civil-affairs');
    let read, write;
    try {
      await owner.query(`REVOKE EXECUTE ON FUNCTION ${APPEND} FROM "${appRole}"`);
      try {
        read = await asCaseWorker(CHILD, { id }, readRequest);
        write = await asCaseWorker(
          `mutation ($id: ID!, $v: Int!) { updateChild(id: $id, expectedVersion: $v, input: { residenceVillage: "新村" }) { version } }`,
          { id, v: before.version },
          writeRequest,
        );
      } finally {
        await owner.query(`GRANT EXECUTE ON FUNCTION ${APPEND} TO "${appRole}"`);
      }
    } finally {
      await owner.end();
    }

    // The read: the child is null (it is nullable), nothing of it in the answer, one error saying why.
    expect(read.body.data).toEqual({ child: null });
    expect(codes(read.body)).toEqual(['AUDIT_UNAVAILABLE']);
    expect(JSON.stringify(read.body)).not.toContain(identity.nationalId);
    // The write: no data at all (its field is non-null), and it was rolled back.
    expect(write.body.data ?? null).toBeNull();
    expect(codes(write.body)).toEqual(['AUDIT_UNAVAILABLE']);
    expect(await entriesOf('civil-affairs', readRequest)).toEqual([]);
    expect(await entriesOf('civil-affairs', writeRequest)).toEqual([]);
    expect((await gqlData(CHILD, { id })).child).toEqual(before);

    // With the grant back, the same read is answered and logged: the refusal was the log's doing.
    const againRequest = `audit-back-read-${randomUUID()}`;
    const again = await asCaseWorker(CHILD, { id }, againRequest);
    expect(again.body).toEqual({ data: { child: before } });
    expect(await entriesOf('civil-affairs', againRequest)).toHaveLength(1);
  });
});

describe('the partitioned log, as the service’s own database role', () => {
  it('is read only through the table (its read policy applies); the months’ partitions and the chain’s head are out of reach, and nothing is written but through the append', async () => {
    for (const name of ['civil-affairs', 'education', 'womens-federation'] as const) {
      const owner = await database(name);
      const app = await database(name, 'app');
      try {
        const [partition] = (await owner.query(`SELECT inhrelid::regclass::text AS name FROM pg_inherits WHERE inhparent = 'access_log'::regclass LIMIT 1`))
          .rows;
        expect(partition?.name).toMatch(/^access_log_\d{4}_\d{2}$/);
        const refused = async (sql: string) => {
          await app.query('BEGIN');
          try {
            await app.query(`SELECT set_config('app.scopes', 'audit:read', true), set_config('app.jurisdiction', $1, true)`, [DEMO_COUNTY]);
            await expect(app.query(sql)).rejects.toThrow(/permission denied/);
          } finally {
            await app.query('ROLLBACK');
          }
        };
        await refused(`SELECT count(*) FROM ${partition.name}`);
        await refused(`SELECT * FROM access_log_head`);
        await refused(`UPDATE access_log_head SET hash = repeat('0', 64)`);
        await refused(`INSERT INTO access_log SELECT * FROM access_log LIMIT 1`);
        await refused(`INSERT INTO ${partition.name} SELECT * FROM access_log LIMIT 1`);
        await refused(`SELECT access_log_add_partition(now() + interval '10 years')`);
      } finally {
        await app.end();
        await owner.end();
      }
    }
  });
});

describe('the hash chain', () => {
  /** A tamperer with the owner's rights: switch off the append-only guard, run `sql`, switch it on again. */
  const behindTheGuard = async (owner: Client, sql: string, values: unknown[]) => {
    await owner.query('ALTER TABLE access_log DISABLE TRIGGER access_log_append_only');
    try {
      await owner.query(sql, values);
    } finally {
      await owner.query('ALTER TABLE access_log ENABLE TRIGGER access_log_append_only');
    }
  };
  const verifyCommand = () =>
    promisify(execFile)(process.execPath, [join(ROOT, 'dist', 'scripts', 'verify-audit.js')], {
      env: {
        ...process.env,
        CIVIL_AFFAIRS_OWNER_DATABASE_URL: system.databaseUrls.owner['civil-affairs'],
        EDUCATION_OWNER_DATABASE_URL: system.databaseUrls.owner.education,
        WOMENS_FEDERATION_OWNER_DATABASE_URL: system.databaseUrls.owner['womens-federation'],
      },
    });

  it('verifies in every agency', async () => {
    const { stdout } = await verifyCommand();
    expect(stdout).toMatch(/civil-affairs: ok, [1-9]\d* entries/);
    expect(stdout).toMatch(/education: ok, [1-9]\d* entries/);
    expect(stdout).toMatch(/womens-federation: ok, [1-9]\d* entries/);
  });

  it('links each of one request’s entries to the one before, as the verifier recomputes them (non-ASCII fields, several categories)', async () => {
    const owner = await database('womens-federation');
    try {
      const requestId = `audit-chain-${randomUUID()}`;
      const children = [randomUUID(), randomUUID(), randomUUID()];
      const entries = [
        { childId: children[0], action: 'READ', categories: ['wf:programmes', 'child:basic', 'child:family'] },
        { childId: children[1], action: 'WRITE', categories: ['wf:write'] },
        { childId: children[2], action: 'READ', categories: ['child:masked', 'child:basic'] },
      ];
      const appended = await owner.query(`SELECT append_access_log($1, '审计:读者', '妇联·测试', '个案管理', $2::jsonb) AS n`, [
        requestId,
        JSON.stringify(entries),
      ]);
      expect(appended.rows[0].n).toBe(3);
      const rows = (
        await owner.query(`SELECT seq::bigint AS seq, at, child_id, action, categories, prev_hash, hash FROM access_log WHERE request_id = $1 ORDER BY seq`, [
          requestId,
        ])
      ).rows;
      // In the order sent, categories sorted, one time for the request, seqs consecutive (the chain's lock is held throughout).
      expect(rows.map((row) => [row.child_id, row.action, row.categories])).toEqual(
        entries.map((entry) => [entry.childId, entry.action, [...entry.categories].sort()]),
      );
      expect(new Set(rows.map((row) => row.at.toISOString())).size).toBe(1);
      expect(rows.map((row) => Number(row.seq) - Number(rows[0].seq))).toEqual([0, 1, 2]);
      for (let index = 1; index < rows.length; index++) expect(rows[index].prev_hash).toBe(rows[index - 1].hash);
      expect((await verifyChain(owner)).brokenAt).toBeNull();
    } finally {
      await owner.end();
    }
  });

  it('fails, naming the entry, after an entry is deleted or two are swapped', async () => {
    const owner = await database('education');
    try {
      // As the database holds them (microseconds and all), to put back exactly.
      const [a, b] = (await owner.query(`SELECT seq::text AS seq, to_jsonb(l) AS row FROM access_log l ORDER BY l.seq LIMIT 2 OFFSET 1`)).rows;
      const restore = `INSERT INTO access_log SELECT * FROM jsonb_populate_record(NULL::access_log, $1::jsonb)`;
      await behindTheGuard(owner, 'DELETE FROM access_log WHERE seq = $1', [a.seq]);
      try {
        // The entry after the gap no longer links to the one before it.
        expect((await verifyChain(owner)).brokenAt).toEqual({ seq: b.seq, reason: 'does not link to the entry before it' });
      } finally {
        await owner.query(restore, [a.row]);
      }
      expect((await verifyChain(owner)).brokenAt).toBeNull();
      // Swapped: each keeps its hash, so the first out of place no longer follows from the one before.
      const swap = 'UPDATE access_log SET seq = CASE seq WHEN $1::bigint THEN $2::bigint ELSE $1::bigint END WHERE seq IN ($1, $2)';
      await behindTheGuard(owner, swap, [a.seq, b.seq]);
      try {
        expect((await verifyChain(owner)).brokenAt).toEqual({ seq: a.seq, reason: 'does not link to the entry before it' });
      } finally {
        await behindTheGuard(owner, swap, [a.seq, b.seq]);
      }
      expect((await verifyChain(owner)).brokenAt).toBeNull();
    } finally {
      await owner.end();
    }
  });

  it('fails, naming the entry, after a row is altered in the database', async () => {
    const owner = await database('civil-affairs');
    try {
      const [victim] = (await owner.query(`SELECT seq::text, actor FROM access_log ORDER BY seq LIMIT 1 OFFSET 1`)).rows;
      // Change who read.
      const tamper = (actor: string) => behindTheGuard(owner, 'UPDATE access_log SET actor = $2 WHERE seq = $1', [victim.seq, actor]);
      await tamper('innocent-bystander');
      try {
        const report = await verifyChain(owner);
        expect(report.brokenAt).toEqual({ seq: victim.seq, reason: 'its content does not match its hash' });
        await expect(verifyCommand()).rejects.toMatchObject({ code: 1, stdout: expect.stringContaining(`civil-affairs: BROKEN at entry ${victim.seq}`) });
      } finally {
        await tamper(victim.actor);
      }
      expect((await verifyChain(owner)).brokenAt).toBeNull();
    } finally {
      await owner.end();
    }
  });
});
