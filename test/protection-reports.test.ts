import { randomUUID } from 'node:crypto';
import { demoPrincipals } from '../demo/principals';
import type { RoleName } from '../schema/roles';
import { asRegistryOwner, registerChild, wholeList } from './support/at-risk-children';
import { gql, gqlData, signedPost, system, waitFor, waitForRegistryFeed, type GraphQLResponse } from './support/system';

/**
 * Mandatory protection reports (强制报告, seeds 000 and 002): anyone with protection:file reports a
 * child it reaches; the bodies to notify follow from the category, police first; the handlers
 * (protection:handle) record each step until it is closed; the reporter sees the status, never the
 * case file.
 */
const principals = demoPrincipals(2026);
const DEMO_SCHOOL = principals['school-care-teacher'].schools[0]!;
const codes = (response: GraphQLResponse) => (response.body.errors ?? []).map((error) => error.extensions?.code);
const as = (role: RoleName, query: string, variables: Record<string, unknown> = {}) => gql(query, variables, system.tokens[role], 'protection');

const FILE = `mutation ($input: FileProtectionReportInput!, $key: String) { fileProtectionReport(input: $input, idempotencyKey: $key) {
  id category status reportedAt closedAt child { id } } }`;
const CASE = `query ($id: ID!) { protectionReport(id: $id) { id category facts reporterName reporterOrg status outcome version
  bodiesToNotify { body order notifiedAt } steps { action body notes } child { id } } }`;
const STEP = `mutation ($input: RecordProtectionStepInput!) { recordProtectionStep(input: $input) { status version bodiesToNotify { body notifiedAt } } }`;
const CLOSE = `mutation ($id: ID!, $v: Int!) { closeProtectionReport(id: $id, expectedVersion: $v, outcome: CARE_ARRANGED, notes: "已重新委托") {
  status outcome closedAt version } }`;
const report = (childId: string, category = 'LIVING_ALONE_UNSUPERVISED') => ({
  childId,
  category,
  facts: '家访发现儿童独自居住，无人照看。',
  reporterName: '陈老师',
  reporterPhone: '13800000001',
});

describe('filing a report', () => {
  it('derives the bodies to notify from the category, police first (seed 000), as the seeds assign them', async () => {
    const expected: Record<string, string[]> = {
      LIVING_ALONE_UNSUPERVISED: ['POLICE', 'CIVIL_AFFAIRS', 'TOWNSHIP_GOVERNMENT'],
      MISSING: ['POLICE', 'TOWNSHIP_GOVERNMENT'],
      GUARDIAN_UNABLE_OR_NEGLECTING: ['POLICE', 'CIVIL_AFFAIRS', 'TOWNSHIP_GOVERNMENT'],
      SUSPECTED_DOMESTIC_VIOLENCE: ['POLICE', 'CIVIL_AFFAIRS', 'EDUCATION'],
      SUSPECTED_INJURY: ['POLICE', 'CIVIL_AFFAIRS', 'EDUCATION'],
      SUSPECTED_UNLAWFUL_HARM: ['POLICE', 'CIVIL_AFFAIRS', 'EDUCATION'],
    };
    const childId = await registerChild();
    for (const [category, bodies] of Object.entries(expected)) {
      const filed = (await as('police-liaison', FILE, { input: report(childId, category) })).body.data.fileProtectionReport;
      const file = (await as('police-liaison', CASE, { id: filed.id })).body.data.protectionReport;
      expect({ category, bodies: file.bodiesToNotify }).toEqual({
        category,
        bodies: bodies.map((body, index) => ({ body, order: index + 1, notifiedAt: null })),
      });
    }
  });

  it('about a child outside the reporter’s reach is NOT_FOUND and stores nothing; bad input is refused clearly', async () => {
    const elsewhere = await registerChild({ householdRegionCode: '360731', residenceRegionCode: '360731' });
    const outside = await as('county-education-officer', FILE, { input: report(elsewhere) });
    expect(codes(outside)).toEqual(['NOT_FOUND']);
    expect(codes(await as('police-liaison', FILE, { input: { ...report(elsewhere), facts: '  ' } }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await as('police-liaison', FILE, { input: { ...report(elsewhere), reporterPhone: 'call me' } }))).toEqual(['BAD_USER_INPUT']);
    const stored = await asRegistryOwner(
      async (owner) => (await owner.query(`SELECT count(*)::int AS n FROM protection_report WHERE child_id = $1`, [elsewhere])).rows[0].n,
    );
    expect(stored).toBe(0);
  });

  it('is accepted about a child whose file is archived: the child is at risk now', async () => {
    const childId = await registerChild();
    await gqlData(`mutation ($id: ID!) { archiveChild(id: $id, expectedVersion: 1, reason: PARENTS_RETURNED) { status } }`, { id: childId });
    const filed = await as('police-liaison', FILE, { input: report(childId, 'MISSING') });
    expect(filed.body.data.fileProtectionReport).toMatchObject({ status: 'FILED', child: null });
    // The police handle it, though the archived file itself is for supervisors only.
    const file = (await as('police-liaison', CASE, { id: filed.body.data.fileProtectionReport.id })).body.data.protectionReport;
    expect(file).toMatchObject({ category: 'MISSING', child: null });
  });

  it('a retry with the same idempotency key files once', async () => {
    const childId = await registerChild();
    const key = `report-${randomUUID()}`;
    const first = await gqlData(FILE, { input: report(childId), key }, undefined, 'protection');
    const retry = await gqlData(FILE, { input: report(childId), key }, undefined, 'protection');
    expect(retry.fileProtectionReport.id).toBe(first.fileProtectionReport.id);
  });
});

describe('a reporter', () => {
  let childId: string;
  let reportId: string;

  beforeAll(async () => {
    // A pupil of the demo school, so the school's care teacher reaches it.
    childId = await registerChild({ name: '报告对象' });
    await waitForRegistryFeed(childId);
    await gqlData(`mutation ($c: ID!, $s: ID!) { enrol(input: { childId: $c, schoolId: $s, grade: 4 }) { id } }`, { c: childId, s: DEMO_SCHOOL });
    await waitFor(async () => (await as('school-care-teacher', `query ($id: ID!) { child(id: $id) { id } }`, { id: childId })).body.data?.child);
    const filed = await as('school-care-teacher', FILE, { input: report(childId, 'SUSPECTED_INJURY') });
    expect(filed.body.errors).toBeUndefined();
    expect(filed.body.data.fileProtectionReport).toMatchObject({ category: 'SUSPECTED_INJURY', status: 'FILED', closedAt: null, child: { id: childId } });
    reportId = filed.body.data.fileProtectionReport.id;
  });

  it('cannot read the case file, through the gateway or by calling civil affairs directly', async () => {
    const direct = await as('school-care-teacher', CASE, { id: reportId });
    expect(direct.body.data).toBeNull();
    expect(codes(direct)).toEqual(['UNAUTHORIZED_FIELD_OR_TYPE']);
    const throughChild = await as(
      'school-care-teacher',
      `query ($id: ID!) { child(id: $id) { id protectionReports { facts } riskStatus { openProtectionReport } } }`,
      {
        id: childId,
      },
    );
    // Nothing asked of the status is open to the reporter, so the status itself comes back null.
    expect(throughChild.body.data.child).toEqual({ id: childId, protectionReports: null, riskStatus: null });
    expect(JSON.stringify(throughChild.body)).not.toContain('淤青');

    const forged = await signedPost('civil-affairs', principals['school-care-teacher'], 'protection', {
      query: `query ($id: ID!) { protectionReport(id: $id) { facts steps { notes } } }`,
      variables: { id: reportId },
    });
    expect(forged.body.data?.protectionReport ?? null).toBeNull();
    expect(codes(forged)).toEqual(['UNAUTHORIZED_FIELD_OR_TYPE']);
  });

  it('follows its report’s status as the police handle it, and cannot handle it itself', async () => {
    const mine = async () =>
      (await as('school-care-teacher', `{ myProtectionReports(first: 100) { edges { node { id status closedAt } } } }`)).body.data.myProtectionReports.edges
        .map((edge: { node: { id: string } }) => edge.node)
        .find((node: { id: string }) => node.id === reportId);
    expect(await mine()).toEqual({ id: reportId, status: 'FILED', closedAt: null });
    expect(codes(await as('school-care-teacher', STEP, { input: { reportId, expectedVersion: 1, action: 'VISITED' } }))).toEqual([
      'UNAUTHORIZED_FIELD_OR_TYPE',
    ]);

    const notified = await as('police-liaison', STEP, { input: { reportId, expectedVersion: 1, action: 'NOTIFIED', body: 'POLICE', notes: '已出警' } });
    expect(notified.body.data.recordProtectionStep).toMatchObject({ status: 'IN_PROGRESS', version: 2 });
    expect(notified.body.data.recordProtectionStep.bodiesToNotify[0]).toEqual({ body: 'POLICE', notifiedAt: expect.any(String) });
    expect(await mine()).toMatchObject({ status: 'IN_PROGRESS' });
    expect(
      (await as('police-liaison', `query ($id: ID!) { child(id: $id) { riskStatus { openProtectionReport } } }`, { id: childId })).body.data.child,
    ).toEqual({
      riskStatus: { openProtectionReport: true },
    });

    const closed = await as('police-liaison', CLOSE, { id: reportId, v: 2 });
    expect(closed.body.data.closeProtectionReport).toMatchObject({ status: 'CLOSED', outcome: 'CARE_ARRANGED', version: 3 });
    expect(await mine()).toMatchObject({ status: 'CLOSED', closedAt: expect.any(String) });
    expect(
      (await as('police-liaison', `query ($id: ID!) { child(id: $id) { riskStatus { openProtectionReport } } }`, { id: childId })).body.data.child,
    ).toEqual({
      riskStatus: { openProtectionReport: false },
    });
    const file = (await as('police-liaison', CASE, { id: reportId })).body.data.protectionReport;
    expect(file).toMatchObject({ reporterName: '陈老师', reporterOrg: principals['school-care-teacher'].org, steps: [{ action: 'NOTIFIED', body: 'POLICE' }] });
  });
});

describe('handling', () => {
  it('lists open reports by status with their count, and refuses a bad step clearly, changing nothing', async () => {
    const childId = await registerChild();
    const { id } = (await as('police-liaison', FILE, { input: report(childId, 'GUARDIAN_UNABLE_OR_NEGLECTING') })).body.data.fileProtectionReport;
    const listed = async (status: string | null) => {
      const { ids, totalCount } = await wholeList('protectionReports(status: $s)', {
        variables: { s: status },
        variableTypes: ', $s: ProtectionReportStatus',
        token: system.tokens['police-liaison'],
        purpose: 'protection',
      });
      expect(totalCount).toBe(ids.length);
      return ids;
    };
    expect(await listed('FILED')).toContain(id);
    expect(await listed(null)).toContain(id);

    expect(codes(await as('police-liaison', STEP, { input: { reportId: id, expectedVersion: 1, action: 'NOTIFIED' } }))).toEqual(['BAD_USER_INPUT']);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect(codes(await as('police-liaison', STEP, { input: { reportId: id, expectedVersion: 1, action: 'VISITED', takenAt: future } }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(codes(await as('police-liaison', STEP, { input: { reportId: id, expectedVersion: 7, action: 'VISITED' } }))).toEqual(['VERSION_CONFLICT']);
    expect((await as('police-liaison', CASE, { id })).body.data.protectionReport).toMatchObject({ status: 'FILED', version: 1, steps: [] });

    await as('police-liaison', STEP, { input: { reportId: id, expectedVersion: 1, action: 'VISITED', body: 'POLICE' } });
    expect(await listed('FILED')).not.toContain(id);
    expect(await listed('IN_PROGRESS')).toContain(id);
    await as('police-liaison', CLOSE, { id, v: 2 });
    expect(await listed(null)).not.toContain(id);
    expect(await listed('CLOSED')).toContain(id);
    expect(codes(await as('police-liaison', CLOSE, { id, v: 3 }))).toEqual(['INVALID_STATE']);
    expect(codes(await as('police-liaison', STEP, { input: { reportId: id, expectedVersion: 3, action: 'VISITED' } }))).toEqual(['INVALID_STATE']);
  });
});
