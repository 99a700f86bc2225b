import { DEMO_COUNTY } from '../demo/principals';
import {
  asPrincipal,
  asRole,
  codes,
  daysAgo,
  enrol,
  entities,
  principals,
  pupil,
  registerChild,
  SCHOOL_A,
  SCHOOL_B,
  teacherAt,
  whenVisibleTo,
} from './support/children';
import { ADMIN, database, gql, gqlData } from './support/system';

/**
 * A school's whole job (issue 12), each rule on its edges, through the gateway as the roles that do
 * the work: enrolment life and transfers, talks, attendance and the dropout ledger, wellbeing, care
 * records, aid, term sweeps, enrolment notices, working lists and the child's status flags.
 */

const teacherB = teacherAt(SCHOOL_B);

async function ownerCount(sql: string, params: unknown[]): Promise<number> {
  const owner = await database('education');
  try {
    return (await owner.query(sql, params)).rows[0].n;
  } finally {
    await owner.end();
  }
}

const LOG_TALK = `mutation ($input: LogTalkInput!) { logTalk(input: $input) { heldBy heldOn } }`;
const ASSIGN = `mutation ($c: ID!, $s: ID!) { assignCareTeacher(input: { childId: $c, schoolId: $s, teacherName: "刘老师" }) { teacherName school { id } } }`;

/** Education's flags on the child's status, as the gateway would fetch them for `Child.riskStatus`. */
async function riskStatus(childId: string, principal = ADMIN) {
  const response = await entities(
    'education',
    principal,
    [{ __typename: 'ChildRiskStatus', childId }],
    `... on ChildRiskStatus { childId schoolAgeNotEnrolled openDropoutCase dropoutEscalationOverdue talkOverdue noCareResponsiblePerson wellbeingContactOverdue }`,
    'education-support',
  );
  return response.body.data._entities[0];
}

describe('enrolment life', () => {
  it('a transfer hands the care assignment over: the new school assigns its own teacher, the old school’s writes end', async () => {
    const childId = await pupil();
    expect(codes(await asRole('school-care-teacher', ASSIGN, { c: childId, s: SCHOOL_A }))).toEqual([]);
    expect(codes(await asRole('school-care-teacher', LOG_TALK, { input: { childId, summary: '转学前' } }))).toEqual([]);

    await enrol(childId, SCHOOL_B, { enrolledOn: daysAgo(1) });
    // The old school's assignment ended with the transfer, in the same transaction.
    expect(await ownerCount(`SELECT count(*)::int AS n FROM care_assignment WHERE child_id = $1 AND ended_on IS NULL`, [childId])).toBe(0);

    // The new school assigns its own teacher at once, no "someone else assigned" error.
    const assigned = await asPrincipal(teacherB, ASSIGN, { c: childId, s: SCHOOL_B });
    expect(codes(assigned)).toEqual([]);
    expect(assigned.body.data.assignCareTeacher.school.id).toBe(SCHOOL_B);
    // The records followed the child: the new school reads the talk the old one logged.
    const talks = await asPrincipal(teacherB, LOG_TALK, { input: { childId } });
    expect(talks.body.data.logTalk.heldBy).toBe('刘老师');

    // The old school can neither log a talk nor assign a teacher for a child who left.
    const talk = await asRole('school-care-teacher', LOG_TALK, { input: { childId, heldBy: '王老师' } });
    expect(codes(talk)).toEqual(['NOT_FOUND']);
    expect(codes(await asRole('school-care-teacher', ASSIGN, { c: childId, s: SCHOOL_A }))).toEqual(['NOT_FOUND']);
    expect(await ownerCount(`SELECT count(*)::int AS n FROM talk WHERE child_id = $1 AND held_by = '王老师'`, [childId])).toBe(0);
    // Nor read the talks any longer (as a direct call for its principal shows, whatever the registry says).
    const oldSchool = await entities(
      'education',
      principals['school-care-teacher'],
      [{ __typename: 'Child', id: childId }],
      `... on Child { talks { heldBy } }`,
    );
    expect(oldSchool.body.data._entities[0].talks).toEqual([]);
    const newSchool = await entities('education', teacherB, [{ __typename: 'Child', id: childId }], `... on Child { talks { summary } }`);
    expect(newSchool.body.data._entities[0].talks.map((row: { summary: string | null }) => row.summary)).toContain('转学前');
  });

  it('records suspension, dropout, return and graduation with dates, each at its version; a dropout opens a case and ends the care assignment', async () => {
    const childId = await pupil();
    await gqlData(ASSIGN, { c: childId, s: SCHOOL_A });
    const change = (input: Record<string, unknown>) =>
      gql(`mutation ($input: ChangeEnrolmentStatusInput!) { changeEnrolmentStatus(input: $input) { status version statusChangedOn endedOn statusReason } }`, {
        input,
      });
    const { id } = (await gqlData(`query ($id: ID!) { child(id: $id) { enrolment { id } } }`, { id: childId })).child.enrolment;

    const suspended = await change({ enrolmentId: id, expectedVersion: 1, status: 'SUSPENDED', on: daysAgo(10), reason: '因病休学' });
    expect(suspended.body.data.changeEnrolmentStatus).toEqual({
      status: 'SUSPENDED',
      version: 2,
      statusChangedOn: daysAgo(10),
      endedOn: null,
      statusReason: '因病休学',
    });
    // A stale version, a status it cannot become, a future date: refused, nothing changed.
    expect(codes(await change({ enrolmentId: id, expectedVersion: 1, status: 'ENROLLED' }))).toEqual(['VERSION_CONFLICT']);
    expect(codes(await change({ enrolmentId: id, expectedVersion: 2, status: 'GRADUATED' }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await change({ enrolmentId: id, expectedVersion: 2, status: 'ENROLLED', on: daysAgo(-3) }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await change({ enrolmentId: id, expectedVersion: 2, status: 'ENROLLED', on: daysAgo(100) }))).toEqual(['BAD_USER_INPUT']);
    expect((await gqlData(`query ($id: ID!) { child(id: $id) { enrolment { version } } }`, { id: childId })).child.enrolment.version).toBe(2);

    expect((await change({ enrolmentId: id, expectedVersion: 2, status: 'ENROLLED', on: daysAgo(5) })).body.data.changeEnrolmentStatus.status).toBe('ENROLLED');
    const dropped = await change({ enrolmentId: id, expectedVersion: 3, status: 'DROPPED_OUT', on: daysAgo(2) });
    expect(dropped.body.data.changeEnrolmentStatus).toMatchObject({ status: 'DROPPED_OUT', endedOn: daysAgo(2) });
    const afterDropout = await gqlData(
      `query ($id: ID!) { child(id: $id) { careResponsiblePerson { teacherName } dropoutCase { cause absentSince closedOn } } }`,
      {
        id: childId,
      },
    );
    expect(afterDropout.child).toEqual({ careResponsiblePerson: null, dropoutCase: { cause: 'DROPPED_OUT', absentSince: daysAgo(2), closedOn: null } });

    // Back at school: the case closes as returned; then graduation is final.
    await change({ enrolmentId: id, expectedVersion: 4, status: 'ENROLLED', on: daysAgo(1) });
    expect((await gqlData(`query ($id: ID!) { child(id: $id) { dropoutCase { outcome } } }`, { id: childId })).child.dropoutCase.outcome).toBe('RETURNED');
    expect((await change({ enrolmentId: id, expectedVersion: 5, status: 'GRADUATED' })).body.data.changeEnrolmentStatus.status).toBe('GRADUATED');
    expect(codes(await change({ enrolmentId: id, expectedVersion: 6, status: 'ENROLLED' }))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('talks: every two weeks, for left-behind and difficult-circumstance pupils only', () => {
  const OVERDUE_LIST = `query ($f: PupilListFilter) { childrenWithTalkOverdue(filter: $f, first: 100) { totalCount edges { node { child { id } } } } }`;
  const listed = async (filter: Record<string, unknown> = { schoolId: SCHOOL_A }) => {
    const ids: string[] = [];
    let after: string | null = null;
    let totalCount: number;
    do {
      const data: {
        childrenWithTalkOverdue: {
          totalCount: number;
          edges: { node: { child: { id: string } } }[];
          pageInfo: { endCursor: string | null; hasNextPage: boolean };
        };
      } = await gqlData(
        `query ($f: PupilListFilter, $after: String) { childrenWithTalkOverdue(filter: $f, first: 100, after: $after) { totalCount edges { node { child { id } } } pageInfo { endCursor hasNextPage } } }`,
        { f: filter, after },
      );
      totalCount = data.childrenWithTalkOverdue.totalCount;
      ids.push(...data.childrenWithTalkOverdue.edges.map((edge) => edge.node.child.id));
      after = data.childrenWithTalkOverdue.pageInfo.hasNextPage ? data.childrenWithTalkOverdue.pageInfo.endCursor : null;
    } while (after);
    // The count is the whole list's.
    expect(ids).toHaveLength(totalCount);
    return ids;
  };

  it('the 14th day after a talk is on time, the 15th overdue; a pupil who is not left-behind is never overdue', async () => {
    const [fourteen, fifteen, notLeftBehind] = await Promise.all([pupil(), pupil(), pupil({ leftBehind: false })]);
    await gqlData(LOG_TALK, { input: { childId: fourteen, heldBy: '李老师', heldOn: daysAgo(14) } });
    await gqlData(LOG_TALK, { input: { childId: fifteen, heldBy: '李老师', heldOn: daysAgo(15) } });
    const flags = await gqlData(
      `query ($a: ID!, $b: ID!, $c: ID!) { a: child(id: $a) { talkOverdue } b: child(id: $b) { talkOverdue } c: child(id: $c) { talkOverdue } }`,
      {
        a: fourteen,
        b: fifteen,
        c: notLeftBehind,
      },
    );
    expect(flags).toEqual({ a: { talkOverdue: false }, b: { talkOverdue: true }, c: { talkOverdue: null } });
    const ids = await listed();
    expect(ids).toContain(fifteen);
    expect(ids).not.toContain(fourteen);
    expect(ids).not.toContain(notLeftBehind);
    // The same flags on the child's status.
    expect((await riskStatus(fifteen)).talkOverdue).toBe(true);
    expect((await riskStatus(fourteen)).talkOverdue).toBe(false);
    expect((await riskStatus(notLeftBehind)).talkOverdue).toBeNull();
  });

  it('filters by school and age, and refuses a bad filter with nothing listed', async () => {
    const childId = await pupil();
    const { age } = (await gqlData(`query ($id: ID!) { child(id: $id) { age } }`, { id: childId })).child;
    expect(await listed({ schoolId: SCHOOL_A, minAge: age - 1, maxAge: age + 1 })).toContain(childId);
    expect(await listed({ schoolId: SCHOOL_A, maxAge: age - 2 })).not.toContain(childId);
    expect(await listed({ schoolId: SCHOOL_B })).not.toContain(childId);
    for (const filter of [{ minAge: 30 }, { minAge: 9, maxAge: 8 }, { schoolId: 'not-an-id' }]) {
      const response = await gql(OVERDUE_LIST, { f: filter });
      expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    }
  });

  it('is held by the care-responsible person unless a colleague is named', async () => {
    const childId = await pupil();
    expect(codes(await gql(LOG_TALK, { input: { childId } }))).toEqual(['BAD_USER_INPUT']);
    await gqlData(ASSIGN, { c: childId, s: SCHOOL_A });
    expect((await gqlData(LOG_TALK, { input: { childId } })).logTalk.heldBy).toBe('刘老师');
    expect((await gqlData(LOG_TALK, { input: { childId, heldBy: '王校长' } })).logTalk.heldBy).toBe('王校长');
  });
});

describe('attendance and the dropout ledger (控辍保学)', () => {
  const RECORD = `mutation ($input: RecordAbsencesInput!, $key: String) { recordAbsences(input: $input, idempotencyKey: $key) { id absentOn excused } }`;
  const CASE = `query ($id: ID!) { child(id: $id) { dropoutCase { id version cause absentSince unexcusedDays failedSchoolPersuasions escalationRequired escalationDue closedOn } } }`;
  const PERSUADE = `mutation ($input: RecordPersuasionInput!) { recordPersuasion(input: $input) { escalationDue } }`;
  const ESCALATE = `mutation ($input: RecordEscalationInput!) { recordEscalation(input: $input) { escalationDue } }`;

  const absent = (childId: string, day: string, excused = false) =>
    gqlData(RECORD, { input: { schoolId: SCHOOL_A, absentOn: day, absences: [{ childId, excused, reason: excused ? '病假' : null }] } });
  /** Unexcused absences on `days` consecutive days, the earliest `from` days ago, oldest first (the case opens on the first). */
  const absentDays = async (childId: string, days: number, from = 20) => {
    for (let day = 0; day < days; day++) await absent(childId, daysAgo(from - day));
  };
  const dropoutCase = async (childId: string) => (await gqlData(CASE, { id: childId })).child.dropoutCase;
  const persuade = (caseId: string, outcome = 'FAILED', persuader = 'SCHOOL') =>
    gqlData(PERSUADE, { input: { caseId, persuadedBy: '班主任与村干部', outcome, persuader } });
  const overdueIds = async (filter: Record<string, unknown>) =>
    (
      await gqlData(`query ($f: DropoutCaseFilter) { dropoutCases(filter: $f, first: 100) { totalCount edges { node { child { id } } } } }`, { f: filter })
    ).dropoutCases.edges.map((edge: { node: { child: { id: string } } }) => edge.node.child.id);

  it('records a class’s absences for a day at once, all or none; an unexcused one opens the child’s case', async () => {
    const [sick, truant, elsewhere] = await Promise.all([pupil(), pupil(), pupil({ schoolId: SCHOOL_B })]);
    const day = daysAgo(3);
    const writesLogged = () =>
      ownerCount(`SELECT count(*)::int AS n FROM access_log WHERE action = 'WRITE' AND child_id = ANY ($1::uuid[]) AND 'edu:write' = ANY (categories)`, [
        [sick, truant],
      ]);
    const writesBefore = await writesLogged();
    const recorded = await gqlData(RECORD, {
      input: {
        schoolId: SCHOOL_A,
        absentOn: day,
        absences: [
          { childId: sick, excused: true, reason: '病假' },
          { childId: truant, excused: false },
        ],
      },
    });
    expect(recorded.recordAbsences).toHaveLength(2);
    // The access log has the bulk write of each child.
    expect(await writesLogged()).toBe(writesBefore + 2);
    expect((await dropoutCase(sick)) ?? null).toBeNull();
    expect(await dropoutCase(truant)).toMatchObject({ cause: 'UNEXCUSED_ABSENCE', absentSince: day, unexcusedDays: 1, escalationDue: [] });
    // The same day again, a pupil of another school, a duplicate in the list, a future day, an empty register: refused, nothing written.
    const other = daysAgo(2);
    const refusals = [
      [{ schoolId: SCHOOL_A, absentOn: day, absences: [{ childId: sick, excused: true }] }, 'CONFLICT'],
      [
        {
          schoolId: SCHOOL_A,
          absentOn: other,
          absences: [
            { childId: sick, excused: true },
            { childId: elsewhere, excused: false },
          ],
        },
        'BAD_USER_INPUT',
      ],
      [
        {
          schoolId: SCHOOL_A,
          absentOn: other,
          absences: [
            { childId: sick, excused: true },
            { childId: sick, excused: false },
          ],
        },
        'BAD_USER_INPUT',
      ],
      [{ schoolId: SCHOOL_A, absentOn: daysAgo(-1), absences: [{ childId: sick, excused: true }] }, 'BAD_USER_INPUT'],
      [{ schoolId: SCHOOL_A, absentOn: other, absences: [] }, 'BAD_USER_INPUT'],
    ] as const;
    for (const [input, code] of refusals) expect({ input, codes: codes(await gql(RECORD, { input })) }).toEqual({ input, codes: [code] });
    expect(await ownerCount(`SELECT count(*)::int AS n FROM absence WHERE child_id = ANY ($1::uuid[]) AND absent_on <> $2`, [[sick, elsewhere], day])).toBe(0);
    // A retry with the same key records once.
    const input = { schoolId: SCHOOL_A, absentOn: other, absences: [{ childId: sick, excused: true }] };
    const first = await gqlData(RECORD, { input, key: `absence-${sick}` });
    const again = await gqlData(RECORD, { input, key: `absence-${sick}` });
    expect(again.recordAbsences).toEqual(first.recordAbsences);
  });

  it('the seventh and eighth day of unexcused absence with two failed persuasions: escalation due on the eighth, to the township and the county', async () => {
    const seven = await pupil();
    await absentDays(seven, 7);
    const sevenCase = await dropoutCase(seven);
    await persuade(sevenCase.id);
    await persuade(sevenCase.id);
    expect(await dropoutCase(seven)).toMatchObject({ unexcusedDays: 7, failedSchoolPersuasions: 2, escalationRequired: [], escalationDue: [] });
    expect((await riskStatus(seven)).dropoutEscalationOverdue).toBe(false);
    // The eighth day makes it more than a week.
    await absent(seven, daysAgo(13));
    expect(await dropoutCase(seven)).toMatchObject({ unexcusedDays: 8, escalationDue: ['COUNTY_BUREAU', 'TOWNSHIP_GOVERNMENT'] });
    expect(await riskStatus(seven)).toMatchObject({ openDropoutCase: true, dropoutEscalationOverdue: true });
    expect(await overdueIds({ schoolId: SCHOOL_A, escalationOverdue: true })).toContain(seven);
  });

  it('eight days with one failed persuasion by the school are not enough; the second makes the escalation due; reports clear it', async () => {
    const eight = await pupil();
    await absentDays(eight, 8);
    const found = await dropoutCase(eight);
    await persuade(found.id);
    // The township's own attempt does not count towards the school's two.
    await persuade(found.id, 'FAILED', 'TOWNSHIP');
    expect(await dropoutCase(eight)).toMatchObject({ unexcusedDays: 8, failedSchoolPersuasions: 1, escalationDue: [] });
    expect(await overdueIds({ escalationOverdue: true })).not.toContain(eight);
    expect((await persuade(found.id)).recordPersuasion.escalationDue).toEqual(['COUNTY_BUREAU', 'TOWNSHIP_GOVERNMENT']);
    expect(await overdueIds({ overdueTo: 'TOWNSHIP_GOVERNMENT' })).toContain(eight);
    expect(await overdueIds({ overdueTo: 'POLICE' })).not.toContain(eight);

    await gqlData(ESCALATE, { input: { caseId: found.id, target: 'TOWNSHIP_GOVERNMENT', reportedBy: '张校长' } });
    const reported = await gqlData(ESCALATE, { input: { caseId: found.id, target: 'COUNTY_BUREAU', reportedBy: '张校长', note: '书面报告' } });
    expect(reported.recordEscalation.escalationDue).toEqual([]);
    expect(await overdueIds({ escalationOverdue: true })).not.toContain(eight);
    // A body is told once.
    expect(codes(await gql(ESCALATE, { input: { caseId: found.id, target: 'COUNTY_BUREAU', reportedBy: '张校长' } }))).toEqual(['CONFLICT']);
  });

  it('unknown whereabouts must go to the township and the police at once', async () => {
    const missing = await pupil();
    await absent(missing, daysAgo(2));
    const found = await dropoutCase(missing);
    expect((await persuade(found.id, 'WHEREABOUTS_UNKNOWN')).recordPersuasion.escalationDue).toEqual(['POLICE', 'TOWNSHIP_GOVERNMENT']);
    expect(await overdueIds({ overdueTo: 'POLICE' })).toContain(missing);
    await gqlData(ESCALATE, { input: { caseId: found.id, target: 'POLICE', reportedBy: '班主任', note: '派出所已受理' } });
    expect((await dropoutCase(missing)).escalationDue).toEqual(['TOWNSHIP_GOVERNMENT']);
    expect(await overdueIds({ overdueTo: 'POLICE' })).not.toContain(missing);
  });

  it('closes a case at its version; a closed case takes no more work; bad input changes nothing', async () => {
    const childId = await pupil();
    await absent(childId, daysAgo(4));
    const found = await dropoutCase(childId);
    const close = (input: Record<string, unknown>) =>
      gql(`mutation ($input: CloseDropoutCaseInput!) { closeDropoutCase(input: $input) { outcome closedOn version } }`, { input });
    expect(codes(await close({ caseId: found.id, expectedVersion: found.version + 1, outcome: 'RETURNED' }))).toEqual(['VERSION_CONFLICT']);
    expect(codes(await close({ caseId: found.id, expectedVersion: found.version, outcome: 'OTHER' }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await close({ caseId: found.id, expectedVersion: found.version, outcome: 'RETURNED', closedOn: daysAgo(30) }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(PERSUADE, { input: { caseId: found.id, persuadedBy: '', outcome: 'FAILED' } }))).toEqual(['BAD_USER_INPUT']);
    expect((await dropoutCase(childId)).closedOn).toBeNull();
    expect((await close({ caseId: found.id, expectedVersion: found.version, outcome: 'RETURNED' })).body.data.closeDropoutCase.outcome).toBe('RETURNED');
    expect(codes(await gql(PERSUADE, { input: { caseId: found.id, persuadedBy: '班主任', outcome: 'FAILED' } }))).toEqual(['CONFLICT']);
    expect(await riskStatus(childId)).toMatchObject({ openDropoutCase: false, dropoutEscalationOverdue: false });
  });

  it('an excused absence corrected to unexcused opens a case; the correction is versioned', async () => {
    const childId = await pupil();
    const [recorded] = (await absent(childId, daysAgo(6), true)).recordAbsences;
    const correct = (expectedVersion: number) =>
      gql(`mutation ($input: CorrectAbsenceInput!) { correctAbsence(input: $input) { excused version } }`, {
        input: { id: recorded.id, expectedVersion, excused: false, reason: '无故未到' },
      });
    expect(codes(await correct(2))).toEqual(['VERSION_CONFLICT']);
    expect((await correct(1)).body.data.correctAbsence).toEqual({ excused: false, version: 2 });
    expect(await dropoutCase(childId)).toMatchObject({ cause: 'UNEXCUSED_ABSENCE', absentSince: daysAgo(6), unexcusedDays: 1 });
  });
});

describe('wellbeing: the most sensitive data', () => {
  const SCREEN = `mutation ($input: RecordScreeningInput!) { recordWellbeingScreening(input: $input) { id riskLevel contactDueBy contactOverdue } }`;
  const counsellor = (query: string, variables: Record<string, unknown>) => asRole('school-counsellor', query, variables);
  const overdueIds = async () =>
    (
      await counsellor(`query { wellbeingContactsOverdue(first: 100) { totalCount edges { node { id child { id } } } } }`, {})
    ).body.data.wellbeingContactsOverdue.edges.map((edge: { node: { id: string } }) => edge.node.id);

  it('a serious finding needs a contact with the parents or guardian within three days: on the fourth day it is overdue', async () => {
    const [onDeadline, late, mild] = await Promise.all([pupil(), pupil(), pupil()]);
    for (const childId of [onDeadline, late, mild]) await whenVisibleTo('school-counsellor', childId);
    const screen = async (childId: string, riskLevel: string, days: number) =>
      (await counsellor(SCREEN, { input: { childId, instrument: 'MHT', riskLevel, screenedBy: '心理老师', screenedOn: daysAgo(days) } })).body.data
        .recordWellbeingScreening;
    const third = await screen(onDeadline, 'SERIOUS', 3);
    const fourth = await screen(late, 'SERIOUS', 4);
    const notSerious = await screen(mild, 'MILD', 10);
    expect(third).toMatchObject({ contactDueBy: daysAgo(0), contactOverdue: false });
    expect(fourth).toMatchObject({ contactDueBy: daysAgo(1), contactOverdue: true });
    expect(notSerious).toMatchObject({ contactDueBy: null, contactOverdue: false });
    const ids = await overdueIds();
    expect(ids).toContain(fourth.id);
    expect(ids).not.toContain(third.id);
    expect(ids).not.toContain(notSerious.id);
    expect((await riskStatus(late)).wellbeingContactOverdue).toBe(true);

    // A contact before the screening is refused; one after it clears the overdue.
    const contact = (contactedOn: string) =>
      counsellor(`mutation ($input: RecordWellbeingContactInput!) { recordWellbeingContact(input: $input) { contactedOn } }`, {
        input: { screeningId: fourth.id, contactedOn, contactedName: '王奶奶', relationship: '祖母', channel: 'PHONE', contactedBy: '心理老师' },
      });
    expect(codes(await contact(daysAgo(5)))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await contact(daysAgo(0)))).toEqual([]);
    expect(await overdueIds()).not.toContain(fourth.id);
    expect((await riskStatus(late)).wellbeingContactOverdue).toBe(false);
  });

  it('is closed to the care teacher and the county officer, at the gateway, in the subgraph and in the database', async () => {
    const childId = await pupil();
    await whenVisibleTo('school-care-teacher', childId);
    const write = await asRole('school-care-teacher', SCREEN, { input: { childId, instrument: 'MHT', riskLevel: 'SERIOUS', screenedBy: '班主任' } });
    expect(codes(write)).toEqual(['UNAUTHORIZED_FIELD_OR_TYPE']);
    const read = await asRole('school-care-teacher', `query ($id: ID!) { child(id: $id) { id wellbeingScreenings { riskLevel } } }`, { id: childId });
    expect(read.body.data.child).toEqual({ id: childId, wellbeingScreenings: null });
    expect(codes(await asRole('county-education-officer', `{ wellbeingContactsOverdue(first: 5) { totalCount } }`))).toEqual(['UNAUTHORIZED_FIELD_OR_TYPE']);
    // A forged plan asking the subgraph directly for the teacher gets nothing either.
    const status = await entities(
      'education',
      principals['school-care-teacher'],
      [{ __typename: 'ChildRiskStatus', childId }],
      `... on ChildRiskStatus { wellbeingContactOverdue }`,
    );
    expect(status.body.data._entities[0].wellbeingContactOverdue).toBeNull();
    expect(codes(status)).toEqual(['UNAUTHORIZED_FIELD_OR_TYPE']);
    // And a code path that forgot the scope check still reads no row: the table's policy wants the scope.
    await gqlData(SCREEN, { input: { childId, instrument: 'SDQ', riskLevel: 'NONE', screenedBy: '心理老师' } });
    const app = await database('education', 'app');
    try {
      await app.query('BEGIN');
      await app.query(`SELECT set_config('app.schools', $1, true), set_config('app.scopes', $2, true)`, [
        SCHOOL_A,
        principals['school-care-teacher'].scopes.join(','),
      ]);
      expect((await app.query(`SELECT count(*)::int AS n FROM wellbeing_screening WHERE child_id = $1`, [childId])).rows[0].n).toBe(0);
      await app.query(`SELECT set_config('app.scopes', $1, true)`, [principals['school-counsellor'].scopes.join(',')]);
      expect((await app.query(`SELECT count(*)::int AS n FROM wellbeing_screening WHERE child_id = $1`, [childId])).rows[0].n).toBe(1);
      await app.query('ROLLBACK');
    } finally {
      await app.end();
    }
  });
});

describe('care records, aid and the term sweep', () => {
  it('home visits, tutoring and boarders’ leave checked with the guardian', async () => {
    const [dayPupil, boarder] = await Promise.all([pupil(), pupil({ boarding: true })]);
    const visit = await gqlData(`mutation ($input: RecordHomeVisitInput!) { recordHomeVisit(input: $input) { kind visitors school { id } } }`, {
      input: { childId: dayPupil, kind: 'HOLIDAY_SAFETY', visitors: '班主任 刘老师', findings: '防溺水教育已到位' },
    });
    expect(visit.recordHomeVisit).toEqual({ kind: 'HOLIDAY_SAFETY', visitors: '班主任 刘老师', school: { id: SCHOOL_A } });
    await gqlData(`mutation ($input: ArrangeAcademicSupportInput!) { arrangeAcademicSupport(input: $input) { subject } }`, {
      input: { childId: dayPupil, subject: '数学', difficulty: '计算基础薄弱', tutor: '周老师' },
    });
    const leave = (childId: string, returnsOn: string) =>
      gql(`mutation ($input: GrantBoardingLeaveInput!) { grantBoardingLeave(input: $input) { guardianName checkedVia } }`, {
        input: {
          childId,
          leavesOn: daysAgo(1),
          returnsOn,
          reason: '回家看病',
          guardianName: '王奶奶',
          guardianRelationship: '祖母',
          checkedVia: 'PHONE',
          approvedBy: '宿管 陈老师',
        },
      });
    expect(codes(await leave(dayPupil, daysAgo(0)))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await leave(boarder, daysAgo(2)))).toEqual(['BAD_USER_INPUT']);
    expect((await leave(boarder, daysAgo(0))).body.data.grantBoardingLeave).toEqual({ guardianName: '王奶奶', checkedVia: 'PHONE' });
    const records = await gqlData(`query ($id: ID!) { child(id: $id) { homeVisits { kind } academicSupport { tutor } boardingLeaves { reason } } }`, {
      id: dayPupil,
    });
    expect(records.child).toEqual({ homeVisits: [{ kind: 'HOLIDAY_SAFETY' }], academicSupport: [{ tutor: '周老师' }], boardingLeaves: [] });
  });

  it('aid per term: each kind once, boarders’ aid for boarders, amounts in yuan and fen', async () => {
    const childId = await pupil();
    const grant = (kind: string, amount: number | null = null) =>
      gql(`mutation ($input: GrantAidInput!) { grantAid(input: $input) { kind amount term { year season } } }`, {
        input: { childId, term: { year: 2026, season: 'AUTUMN' }, kind, amount },
      });
    expect((await grant('NUTRITION_PROGRAMME', 400)).body.data.grantAid).toEqual({
      kind: 'NUTRITION_PROGRAMME',
      amount: 400,
      term: { year: 2026, season: 'AUTUMN' },
    });
    expect(codes(await grant('NUTRITION_PROGRAMME'))).toEqual(['CONFLICT']);
    expect(codes(await grant('BOARDING_LIVING_ALLOWANCE', 625))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await grant('FREE_TEXTBOOKS', 1.005))).toEqual(['BAD_USER_INPUT']);
    expect((await gqlData(`query ($id: ID!) { child(id: $id) { aid { kind } } }`, { id: childId })).child.aid).toEqual([{ kind: 'NUTRITION_PROGRAMME' }]);
  });

  it('the term sweep: each file checked once a term, the county sees each school’s progress and the sweep’s week', async () => {
    const childId = await pupil();
    const today = daysAgo(0);
    const month = Number(today.slice(5, 7));
    const term =
      month >= 3 && month <= 8
        ? { year: Number(today.slice(0, 4)), season: 'SPRING' }
        : { year: Number(today.slice(0, 4)) - (month < 3 ? 1 : 0), season: 'AUTUMN' };
    const start = `${term.year}-${term.season === 'SPRING' ? '03' : '09'}-01`;
    // A day of the sweep's week that has already come.
    const inWindow = [start.replace(/01$/, '05'), today].sort()[0];
    const progress = async () =>
      (
        await asRole(
          'county-education-officer',
          `query ($t: TermInput!) { termSweeps(term: $t, regionPrefix: "${DEMO_COUNTY}", first: 100) { totalCount edges { node { schoolId filesDue filesChecked filesCheckedInWindow windowEndsOn complete } } } }`,
          { t: term },
        )
      ).body.data.termSweeps;
    const before = (await progress()).edges.find((edge: { node: { schoolId: string } }) => edge.node.schoolId === SCHOOL_A).node;
    const check = (checkedOn: string) =>
      gql(`mutation ($input: RecordFileCheckInput!) { recordFileCheck(input: $input) { inSweepWindow term { season } } }`, {
        input: { childId, checkedOn, checkedBy: '刘老师', findings: '监护人未变，已家访核实' },
      });
    expect((await check(inWindow)).body.data.recordFileCheck).toEqual({ inSweepWindow: true, term: { season: term.season } });
    expect(codes(await check(today))).toEqual(['CONFLICT']);
    const after = await progress();
    const school = after.edges.find((edge: { node: { schoolId: string } }) => edge.node.schoolId === SCHOOL_A).node;
    expect(school).toMatchObject({ filesDue: before.filesDue, filesChecked: before.filesChecked + 1, filesCheckedInWindow: before.filesCheckedInWindow + 1 });
    expect(school.windowEndsOn).toBe(start.replace(/01$/, '07'));
    expect(school.complete).toBe(school.filesChecked === school.filesDue);
    // The county sees its schools (the demo's four at least); a school's staff only their own.
    expect(after.totalCount).toBeGreaterThanOrEqual(4);
    expect(after.edges).toHaveLength(after.totalCount);
    const own = await asRole('school-care-teacher', `query ($t: TermInput!) { termSweeps(term: $t, first: 10) { totalCount } }`, { t: term });
    expect(own.body.data.termSweeps.totalCount).toBe(1);
  });
});

describe('school-age children not at school (适龄未入学) and enrolment notices', () => {
  const LIST = `query ($f: UnenrolledChildFilter, $after: String) { schoolAgeChildrenNotEnrolled(filter: $f, first: 100, after: $after) {
    totalCount edges { node { ageYears child { id } latestNotice { issuedOn } } } pageInfo { hasNextPage endCursor } } }`;
  const NOTICE = `mutation ($input: IssueEnrolmentNoticeInput!) { issueEnrolmentNotice(input: $input) { issuedOn reportBy school { id } } }`;
  const listed = async (filter: Record<string, unknown>) => {
    const nodes: { child: { id: string }; latestNotice: unknown }[] = [];
    let after: string | null = null;
    do {
      const page: { edges: { node: (typeof nodes)[number] }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } = (
        await asRole('county-education-officer', LIST, { f: filter, after })
      ).body.data.schoolAgeChildrenNotEnrolled;
      nodes.push(...page.edges.map((edge) => edge.node));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    return nodes;
  };

  it('lists them for the county, takes a notice, and drops them once enrolled', async () => {
    const childId = await registerChild();
    const toddler = await registerChild({ birthDate: daysAgo(4 * 365) });
    expect((await listed({ regionPrefix: DEMO_COUNTY, noticeIssued: false })).map((node: { child: { id: string } }) => node.child.id)).toContain(childId);
    expect((await riskStatus(childId)).schoolAgeNotEnrolled).toBe(true);
    expect((await riskStatus(toddler)).schoolAgeNotEnrolled).toBe(false);
    expect(codes(await asRole('county-education-officer', NOTICE, { input: { childId: toddler, schoolId: SCHOOL_A } }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await asRole('county-education-officer', NOTICE, { input: { childId, schoolId: SCHOOL_A, reportBy: daysAgo(3) } }))).toEqual([
      'BAD_USER_INPUT',
    ]);

    const notice = await asRole('county-education-officer', NOTICE, { input: { childId, schoolId: SCHOOL_A, reportBy: daysAgo(-7) } });
    expect(notice.body.data.issueEnrolmentNotice).toEqual({ issuedOn: daysAgo(0), reportBy: daysAgo(-7), school: { id: SCHOOL_A } });
    const noticed = (await listed({ regionPrefix: DEMO_COUNTY, noticeIssued: true })).find((node: { child: { id: string } }) => node.child.id === childId);
    expect(noticed?.latestNotice).toEqual({ issuedOn: daysAgo(0) });

    await enrol(childId);
    expect((await listed({ regionPrefix: DEMO_COUNTY })).map((node: { child: { id: string } }) => node.child.id)).not.toContain(childId);
    expect((await riskStatus(childId)).schoolAgeNotEnrolled).toBe(false);
    expect(codes(await asRole('county-education-officer', NOTICE, { input: { childId, schoolId: SCHOOL_A } }))).toEqual(['CONFLICT']);
  });
});

describe('the child’s status (education’s flags, for Child.riskStatus)', () => {
  it('has each flag, null where its rule does not apply, and nothing for a child the caller does not reach', async () => {
    const childId = await pupil();
    expect(await riskStatus(childId)).toEqual({
      childId,
      schoolAgeNotEnrolled: false,
      openDropoutCase: false,
      dropoutEscalationOverdue: false,
      talkOverdue: true,
      noCareResponsiblePerson: true,
      wellbeingContactOverdue: false,
    });
    const notLeftBehind = await pupil({ leftBehind: false });
    expect(await riskStatus(notLeftBehind)).toMatchObject({ talkOverdue: null, noCareResponsiblePerson: null });
    // Another county's officer learns nothing of this county's pupil.
    const otherCounty = { ...principals['county-education-officer'], sub: 'test:other-county', jurisdiction: ['360731'] };
    expect(await riskStatus(childId, otherCounty)).toMatchObject({
      schoolAgeNotEnrolled: null,
      talkOverdue: null,
      noCareResponsiblePerson: null,
      openDropoutCase: false,
    });
  });
});
