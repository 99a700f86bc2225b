import type { Client } from 'pg';
import { DEMO_COUNTY } from '../demo/principals';
import { freePort } from '../scripts/free-port';
import { startGateway, startSubgraph, type ServiceProcess } from './support/gateway-process';
import { ADMIN, database, gqlData, tokenFor, waitFor, type Connection } from './support/system';

/**
 * Issue 10, fault 3: a rolling restart produces no errors. On SIGTERM a process stops being
 * ready, answers every request it has accepted, closes, and exits 0; under load, no client ever
 * gets an HTTP 5xx. Each test stops its own replica; the suite's processes stay up.
 */

const PAGE = `query ($p: String) { children(first: 20, filter: { regionPrefix: $p }) { edges { node { id name enrolment { grade } pairings { id } } } } }`;

interface Outcome {
  status?: number;
  codes?: unknown[];
  /** A request the client could not complete at all (connection refused or closed): never an HTTP answer. */
  failed?: string;
  /** Sent after the signal. */
  afterSignal: boolean;
  /** Answered after the signal. */
  endedAfterSignal: boolean;
  /** Sent once the process had exited. */
  sentAfterExit: boolean;
}

/**
 * Keeps `workers` clients sending requests to `url` until `done()` says stop; each records what
 * became of each request.
 */
function load(
  url: string,
  token: string,
  workers: number,
  state: { signalled: boolean; exited?: boolean; done: () => boolean },
): { outcomes: Outcome[]; finished: Promise<void> } {
  const outcomes: Outcome[] = [];
  const worker = async () => {
    while (!state.done()) {
      const afterSignal = state.signalled;
      const sentAfterExit = Boolean(state.exited);
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-purpose': 'case-management' },
          body: JSON.stringify({ query: PAGE, variables: { p: DEMO_COUNTY } }),
        });
        const body = (await response.json().catch(() => ({}))) as { errors?: { extensions?: { code?: unknown } }[] };
        outcomes.push({
          status: response.status,
          codes: (body.errors ?? []).map((error) => error.extensions?.code),
          afterSignal,
          endedAfterSignal: state.signalled,
          sentAfterExit,
        });
      } catch (err) {
        outcomes.push({
          failed: err instanceof Error ? `${err.message} ${String((err.cause as Error | undefined)?.message ?? '')}` : String(err),
          afterSignal,
          endedAfterSignal: state.signalled,
          sentAfterExit,
        });
        // Nothing listens any more: wait a little rather than spin.
        await new Promise((done) => setTimeout(done, 20));
      }
    }
  };
  return { outcomes, finished: Promise.all(Array.from({ length: workers }, worker)).then(() => undefined) };
}

describe('SIGTERM under load', () => {
  it('the gateway: every request it accepted is answered 200; then it refuses connections and exits 0', async () => {
    const gateway = await startGateway({ SHUTDOWN_GRACE_SECONDS: '20' });
    const token = await tokenFor(ADMIN);
    let exited = false;
    const state = { signalled: false, done: () => exited };
    const { outcomes, finished } = load(gateway.url, token, 6, state);
    await waitFor(() => outcomes.length >= 30);
    state.signalled = true;
    const code = await gateway.signal('SIGTERM');
    exited = true;
    await finished;

    expect(code).toBe(0);
    const answered = outcomes.filter((outcome) => outcome.status !== undefined);
    expect(answered.filter((outcome) => outcome.status !== 200)).toEqual([]);
    expect(answered.filter((outcome) => outcome.codes?.length)).toEqual([]);
    expect(answered.length).toBeGreaterThanOrEqual(30);
    // A client fails only to connect to a process that has stopped listening: never before the signal.
    expect(outcomes.filter((outcome) => outcome.failed && !outcome.afterSignal)).toEqual([]);
  });

  it('a subgraph: the gateway keeps answering 200, with SERVICE_UNAVAILABLE only where that subgraph’s data would be', async () => {
    const education = await startSubgraph('education', { SHUTDOWN_GRACE_SECONDS: '20' });
    const gateway = await startGateway({ EDUCATION_URL: education.url });
    try {
      const token = await tokenFor(ADMIN);
      const state = { signalled: false, exited: false, done: () => false };
      const { outcomes, finished } = load(gateway.url, token, 6, state);
      state.done = () => outcomes.filter((outcome) => outcome.sentAfterExit).length >= 12;
      await waitFor(() => outcomes.length >= 30);
      state.signalled = true;
      const code = await education.signal('SIGTERM');
      state.exited = true;
      await finished;

      expect(code).toBe(0);
      expect(outcomes.filter((outcome) => outcome.status !== 200)).toEqual([]);
      // Answered before the signal: complete. After it, education's part may be SERVICE_UNAVAILABLE (a
      // request's call to education made once it had stopped listening), and nothing else.
      expect(outcomes.filter((outcome) => !outcome.endedAfterSignal && outcome.codes?.length)).toEqual([]);
      expect(outcomes.flatMap((outcome) => outcome.codes ?? []).filter((code) => code !== 'SERVICE_UNAVAILABLE')).toEqual([]);
      expect(outcomes.filter((outcome) => outcome.sentAfterExit).every((outcome) => outcome.codes?.includes('SERVICE_UNAVAILABLE'))).toBe(true);
    } finally {
      await gateway.stop();
      await education.stop();
    }
  });
});

describe('SIGTERM with a request in flight', () => {
  let owner: Client;
  let education: ServiceProcess;
  let gateway: ServiceProcess;
  afterEach(async () => {
    await owner.query('ROLLBACK').catch(() => undefined);
    await owner.end();
    await gateway.stop();
    await education.stop();
  });

  it('finishes the request (within the grace period) before the process exits', async () => {
    education = await startSubgraph('education', {
      SHUTDOWN_GRACE_SECONDS: '30',
      DB_LOCK_TIMEOUT_MS: '30000',
      REQUEST_DEADLINE_MS: '60000',
      LOG_LEVEL: 'info',
    });
    gateway = await startGateway({ EDUCATION_URL: education.url, SUBGRAPH_TIMEOUT_MS: '60000' });
    const page = await gqlData<{ children: Connection<{ id: string; enrolment: unknown }> }>(PAGE, { p: DEMO_COUNTY });
    const childId = page.children.edges.find((edge) => edge.node.enrolment)!.node.id;
    // The talk waits on a lock: it is in flight when the signal comes.
    owner = await database('education');
    await owner.query('BEGIN');
    await owner.query('LOCK TABLE talk IN EXCLUSIVE MODE');
    const token = await tokenFor(ADMIN);
    const pending = fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-purpose': 'case-management' },
      body: JSON.stringify({
        query: `mutation ($input: LogTalkInput!) { logTalk(input: $input) { id summary } }`,
        variables: { input: { childId, heldBy: '班主任', summary: '停机前的谈话' } },
      }),
    }).then((response) => response.json() as Promise<{ data?: { logTalk?: { summary: string } }; errors?: unknown }>);
    let settled: unknown = null;
    void pending.then((answer) => (settled = answer));
    await waitFor(async () => {
      if (settled) throw new Error(`answered before it could wait: ${JSON.stringify(settled)}`);
      return (await owner.query(`SELECT 1 FROM pg_locks WHERE NOT granted`)).rowCount;
    });
    const exit = education.signal('SIGTERM');
    await waitFor(() => education.output().includes('"msg":"stopping"'));
    // Not gone: it waits for the talk. New connections are refused meanwhile.
    await expect(fetch(education.url.replace(/graphql$/, 'health/live'))).rejects.toThrow();
    await owner.query('COMMIT');
    const answer = await pending;
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.logTalk?.summary).toBe('停机前的谈话');
    expect(await exit).toBe(0);
  });
});

describe('the gateway’s health', () => {
  it('is ready while any subgraph is (degraded if not all), not ready when none is; liveness does not depend on them', async () => {
    const nowhere = async () => `http://127.0.0.1:${await freePort()}/graphql`;
    const gateway = await startGateway({ CIVIL_AFFAIRS_URL: await nowhere(), EDUCATION_URL: await nowhere(), WOMENS_FEDERATION_URL: await nowhere() });
    try {
      const health = await fetch(gateway.url.replace(/graphql$/, 'health'));
      expect(health.status).toBe(503);
      expect(await health.json()).toEqual({
        status: 'unavailable',
        subgraphs: { 'civil-affairs': 'unavailable', education: 'unavailable', 'womens-federation': 'unavailable' },
      });
      expect((await fetch(gateway.url.replace(/graphql$/, 'health/live'))).status).toBe(200);
    } finally {
      await gateway.stop();
    }
    const suite = await startGateway({});
    try {
      const health = await fetch(suite.url.replace(/graphql$/, 'health'));
      expect(health.status).toBe(200);
      // ok, or degraded while a sharing feed catches up after another test.
      const up = expect.stringMatching(/^(ok|degraded)$/);
      expect(await health.json()).toEqual({ status: up, subgraphs: { 'civil-affairs': up, education: up, 'womens-federation': up } });
    } finally {
      await suite.stop();
    }
  });
});
