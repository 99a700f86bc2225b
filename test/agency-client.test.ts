import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { demoPrincipals } from '../demo/principals';
import { freshNationalId, gql, gqlData, system, waitFor } from './support/system';

/**
 * The typed client example (examples/agency-client/, its own package): a school system built with
 * GraphQL Code Generator's client preset on the committed API schema, run against the real system.
 */
const ROOT = resolve(__dirname, '..', '..');
const EXAMPLE = join(ROOT, 'examples', 'agency-client');
const SCHOOL = demoPrincipals(2026)['school-care-teacher'].schools[0]!;

/* eslint-disable @typescript-eslint/no-require-imports -- the example is its own compiled package, loaded from its build */
type ClientModule = typeof import('../examples/agency-client/src/client');
type SchoolModule = typeof import('../examples/agency-client/src/school-system');

let client: ClientModule;
let schoolSystem: SchoolModule;

beforeAll(() => {
  // Built as its own package would be, with its own tsconfig.
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', EXAMPLE], { stdio: 'pipe' });
  client = require(join(EXAMPLE, 'dist', 'client.js')) as ClientModule;
  schoolSystem = require(join(EXAMPLE, 'dist', 'school-system.js')) as SchoolModule;
}, 120_000);

const teacher = () => new client.RegistryClient({ endpoint: system.gatewayUrl, token: system.tokens['school-care-teacher']!, purpose: 'education-support' });

/** A left-behind child enrolled at the demo school with no talk yet: its talk is overdue. */
async function pupilWithOverdueTalk(): Promise<string> {
  const identity = freshNationalId();
  const away = new Date(Date.now() - 400 * 86_400_000).toISOString().slice(0, 10);
  const { registerChild } = await gqlData(`mutation ($input: RegisterChildInput!) { registerChild(input: $input) { child { id } } }`, {
    input: {
      name: '示例学生',
      gender: identity.gender,
      birthDate: identity.birthDate,
      nationalId: identity.nationalId,
      householdRegionCode: '341322',
      residenceRegionCode: '341322',
      father: { awaySince: away },
      mother: { awaySince: away },
    },
  });
  const childId: string = registerChild.child.id;
  await waitFor(
    async () =>
      !(await gql(`mutation ($c: ID!, $s: ID!) { enrol(input: { childId: $c, schoolId: $s, grade: 3 }) { id } }`, { c: childId, s: SCHOOL })).body.errors,
  );
  return childId;
}

describe('the typed client example', () => {
  it('is generated from the committed API schema (run `npm run codegen` in examples/agency-client if not)', () => {
    // The code generator's own command (an ES module Jest cannot load), writing to a scratch folder.
    const scratch = mkdtempSync(join(tmpdir(), 'codegen-'));
    const config = JSON.parse(readFileSync(join(EXAMPLE, 'codegen.json'), 'utf8'));
    config.generates = { [join(scratch, 'gql') + '/']: config.generates['src/gql/'] };
    writeFileSync(join(scratch, 'codegen.json'), JSON.stringify(config));
    execFileSync(
      process.execPath,
      [join(ROOT, 'node_modules', '@graphql-codegen', 'cli', 'esm', 'bin.js'), '--config', join(scratch, 'codegen.json'), '--silent'],
      {
        cwd: EXAMPLE,
        stdio: 'pipe',
      },
    );
    const files = readdirSync(join(scratch, 'gql')).sort();
    expect(files).toEqual(readdirSync(join(EXAMPLE, 'src', 'gql')).sort());
    for (const file of files) {
      expect({ file, content: readFileSync(join(EXAMPLE, 'src', 'gql', file), 'utf8') }).toEqual({
        file,
        content: readFileSync(join(scratch, 'gql', file), 'utf8'),
      });
    }
  }, 60_000);

  it('reads a child’s status and lists the school’s overdue talks', async () => {
    const childId = await pupilWithOverdueTalk();
    const school = new schoolSystem.SchoolSystem(teacher());
    await waitFor(async () => (await school.childStatus(childId).catch(() => null))?.id);
    const status = await school.childStatus(childId);
    expect(status).toMatchObject({
      id: childId,
      name: '示例学生',
      classification: { isLeftBehind: true },
      enrolment: { school: { id: SCHOOL } },
      talkOverdue: true,
    });
    const overdue = await school.overdueTalks(SCHOOL);
    expect(overdue.map((entry) => entry.childId)).toContain(childId);
    // Nothing listed that is not overdue.
    for (const entry of overdue.slice(0, 5)) expect((await school.childStatus(entry.childId)).talkOverdue).toBe(true);
  });

  it('logs a talk once, though the first answer was lost and the client retried with its key', async () => {
    const childId = await pupilWithOverdueTalk();
    let calls = 0;
    // The first request reaches the registry and is committed, but its answer is lost on the way back.
    const flaky: typeof fetch = async (input, init) => {
      calls += 1;
      const response = await fetch(input, init);
      if (calls === 1) throw new TypeError('fetch failed: socket hang up');
      return response;
    };
    const school = new schoolSystem.SchoolSystem(
      new client.RegistryClient({ endpoint: system.gatewayUrl, token: system.tokens['school-care-teacher']!, purpose: 'education-support', fetch: flaky }),
    );
    const talk = await school.logTalk({ childId, heldBy: '示例老师', summary: '例行谈心' });
    expect(calls).toBe(2);
    const talks = await gqlData(`query ($id: ID!) { child(id: $id) { talks { id } talkOverdue } }`, { id: childId });
    expect(talks.child.talks).toEqual([{ id: talk.id }]);
    expect(talks.child.talkOverdue).toBe(false);
  });

  it('does not retry what the registry refused for good', async () => {
    let calls = 0;
    const counting: typeof fetch = (input, init) => {
      calls += 1;
      return fetch(input, init);
    };
    const school = new schoolSystem.SchoolSystem(
      new client.RegistryClient({ endpoint: system.gatewayUrl, token: system.tokens['school-care-teacher']!, purpose: 'education-support', fetch: counting }),
    );
    await expect(school.logTalk({ childId: '00000000-0000-4000-8000-000000000000', heldBy: '示例老师' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(calls).toBe(1);
  });
});
