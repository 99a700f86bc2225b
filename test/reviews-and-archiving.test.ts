import { demoPrincipals } from '../demo/principals';
import type { RoleName } from '../schema/roles';
import { asRegistryOwner, isOnList, LOW_INCOME, registerChild, registryDate } from './support/at-risk-children';
import { asPrincipal, enrol, registerChild as registerPupil, teacherAt } from './support/children';
import { database, gql, gqlData, system, waitFor, type GraphQLResponse } from './support/system';

/**
 * File reviews (seed 002: county files refreshed at least every 3 months), the children flagged for
 * review when they no longer qualify (16 for left-behind children, 18 in difficult circumstances,
 * parents home), and archiving (seed 004: 存档备查), each rule on its edges.
 */
const principals = demoPrincipals(2026);
const codes = (response: GraphQLResponse) => (response.body.errors ?? []).map((error) => error.extensions?.code);
const asRole = (role: RoleName, query: string, variables: Record<string, unknown> = {}) =>
  gql(query, variables, system.tokens[role], principals[role].purposes[0]);

const STATUS = `query ($id: ID!) { child(id: $id) { version status archiveReason lastReviewedOn
  riskStatus { reviewDueOn reviewOverdue agedOut parentsReturned inDifficultCircumstances livingAlone classification { isLeftBehind } } } }`;
const statusOf = async (id: string) => (await gqlData(STATUS, { id })).child;

const onList = isOnList;

const REVIEW = `mutation ($id: ID!, $v: Int!, $on: LocalDate) {
  recordReview(childId: $id, expectedVersion: $v, reviewedOn: $on, notes: "学期初复核") { version lastReviewedOn lastReviewedBy reviews { kind reviewedOn } riskStatus { reviewDueOn reviewOverdue } }
}`;

describe('file reviews', () => {
  it('a file reviewed the day before the 3-month mark is not overdue; the day after it is, and is on the overdue list', async () => {
    for (const [reviewedOnExpression, overdue] of [
      [`current_date + 1 - interval '3 months'`, false],
      [`current_date - 1 - interval '3 months'`, true],
    ] as const) {
      const reviewedOn = await registryDate(reviewedOnExpression);
      const id = await registerChild();
      const reviewed = (await gqlData(REVIEW, { id, v: 1, on: reviewedOn })).recordReview;
      expect(reviewed).toMatchObject({ version: 2, lastReviewedOn: reviewedOn, lastReviewedBy: 'test:full-access', reviews: [{ kind: 'REVIEW', reviewedOn }] });
      expect(reviewed.riskStatus).toEqual({ reviewDueOn: await registryDate(`'${reviewedOn}'::date + interval '3 months'`), reviewOverdue: overdue });
      expect(await onList('childrenOverdueForReview', id)).toBe(overdue);
    }
  });

  it('a file never reviewed is due 3 months after registration; a review entered late never moves the last review back', async () => {
    const id = await registerChild();
    expect((await statusOf(id)).riskStatus.reviewDueOn).toBe(await registryDate(`current_date + interval '3 months'`));
    const today = await registryDate('current_date');
    await gqlData(REVIEW, { id, v: 1, on: null });
    const late = (await gqlData(REVIEW, { id, v: 2, on: await registryDate(`current_date - 40`) })).recordReview;
    expect(late.lastReviewedOn).toBe(today);
    expect(late.reviews).toHaveLength(2);
  });

  it('refuses a review in the future or at a stale version, and changes nothing', async () => {
    const id = await registerChild();
    expect(codes(await gql(REVIEW, { id, v: 1, on: await registryDate('current_date + 1') }))).toEqual(['BAD_USER_INPUT']);
    await gqlData(REVIEW, { id, v: 1, on: null });
    const stale = await gql(REVIEW, { id, v: 1, on: null });
    expect(codes(stale)).toEqual(['VERSION_CONFLICT']);
    expect(stale.body.errors?.[0].extensions?.currentVersion).toBe(2);
    expect((await gqlData(`query ($id: ID!) { child(id: $id) { version reviews { id } } }`, { id })).child).toMatchObject({ version: 2, reviews: [{}] });
  });
});

describe('children who no longer qualify are flagged for review', () => {
  it('a left-behind child: not the day before its 16th birthday, and from the day it turns 16', async () => {
    const id = await registerChild({ birthDate: await registryDate(`(current_date - interval '16 years')::date + 1`) });
    expect((await statusOf(id)).riskStatus).toMatchObject({ agedOut: false, parentsReturned: false, classification: { isLeftBehind: true } });
    expect(await onList('childrenAgedOut', id)).toBe(false);

    const updateBirth = `mutation ($id: ID!, $b: LocalDate!) { updateChild(id: $id, expectedVersion: 1, input: { birthDate: $b }) { version } }`;
    await gqlData(updateBirth, { id, b: await registryDate(`(current_date - interval '16 years')::date - 1`) });
    expect((await statusOf(id)).riskStatus).toMatchObject({ agedOut: true, parentsReturned: false, classification: { isLeftBehind: false } });
    expect(await onList('childrenAgedOut', id)).toBe(true);
  });

  it('a child in difficult circumstances stays past 16: not the day before its 18th birthday, and the day after it', async () => {
    const id = await registerChild({ birthDate: await registryDate(`(current_date - interval '18 years')::date + 1`), difficultCircumstances: [LOW_INCOME] });
    expect((await statusOf(id)).riskStatus).toMatchObject({ agedOut: false, inDifficultCircumstances: true });
    expect(await onList('childrenAgedOut', id)).toBe(false);

    // Two days pass for the child (the API registers minors only, so the birth date moves in the database).
    await asRegistryOwner((owner) => owner.query(`UPDATE child SET birth_date = current_date - interval '18 years' - interval '1 day' WHERE id = $1`, [id]));
    expect((await statusOf(id)).riskStatus).toMatchObject({ agedOut: true, inDifficultCircumstances: false });
    expect(await onList('childrenAgedOut', id)).toBe(true);
  });

  it('a child whose parents came home and who is in no category', async () => {
    const id = await registerChild();
    await gqlData(`mutation ($id: ID!) { updateChild(id: $id, expectedVersion: 1, input: { father: {}, mother: {} }) { version } }`, { id });
    expect((await statusOf(id)).riskStatus).toMatchObject({ parentsReturned: true, agedOut: false, classification: { isLeftBehind: false } });
    expect(await onList('childrenWithParentsReturned', id)).toBe(true);
  });
});

describe('archiving', () => {
  const ARCHIVE = `mutation ($id: ID!, $v: Int!) { archiveChild(id: $id, expectedVersion: $v, reason: PARENTS_RETURNED, note: "父母返乡") {
    status archiveReason statusReason version lastReviewedOn reviews { kind archiveReason } } }`;
  const READ = `query ($id: ID!) { child(id: $id) { id status } }`;

  it('takes the child off every working list, keeps the file for supervisors only, and reactivation brings it back', async () => {
    const id = await registerChild();
    await gqlData(`mutation ($id: ID!) { recordGuardianship(childId: $id, input: { form: ALONE }) { version } }`, { id });
    expect(await onList('childrenLivingAlone', id)).toBe(true);
    expect(await onList('childrenOverdueForReview', id)).toBe(false);

    const archived = (await gqlData(ARCHIVE, { id, v: 1 })).archiveChild;
    expect(archived).toMatchObject({
      status: 'ARCHIVED',
      archiveReason: 'PARENTS_RETURNED',
      statusReason: '父母返乡',
      version: 2,
      lastReviewedOn: await registryDate('current_date'),
      reviews: [{ kind: 'ARCHIVE', archiveReason: 'PARENTS_RETURNED' }],
    });
    expect(await onList('childrenLivingAlone', id)).toBe(false);

    // A supervisor (the archive right) reads the file; the county's other users find nothing.
    expect((await asRole('civil-affairs-case-worker', READ, { id })).body.data.child).toEqual({ id, status: 'ARCHIVED' });
    for (const role of ['police-liaison', 'county-education-officer', 'womens-federation-officer'] as const) {
      const response = await asRole(role, READ, { id });
      expect({ role, child: response.body.data?.child ?? null, codes: codes(response) }).toEqual({ role, child: null, codes: ['NOT_FOUND'] });
    }
    // Nothing was deleted.
    const stored = await asRegistryOwner(async (owner) => (await owner.query(`SELECT status, archive_reason FROM child WHERE id = $1`, [id])).rows);
    expect(stored).toEqual([{ status: 'ARCHIVED', archive_reason: 'PARENTS_RETURNED' }]);
    // The other agencies learn it through the registry set.
    const education = await database('education');
    try {
      await waitFor(async () => (await education.query(`SELECT status FROM registry_feed.child WHERE child_id = $1`, [id])).rows[0]?.status === 'ARCHIVED');
    } finally {
      await education.end();
    }
    // An archived file takes no new records, and cannot be archived twice.
    const benefit = await gql(
      `mutation ($id: ID!) { recordBenefit(input: { childId: $id, kind: MINIMUM_LIVING_ALLOWANCE, amountFen: 50000, frequency: MONTHLY,
      startsOn: "2025-01-01", grantedBy: "萧县民政局" }) { id } }`,
      { id },
    );
    expect(codes(benefit)).toEqual(['CHILD_ARCHIVED']);
    expect(codes(await gql(ARCHIVE, { id, v: 2 }))).toEqual(['INVALID_STATE']);

    const reactivated = await gqlData(
      `mutation ($id: ID!) { reactivateChild(id: $id, expectedVersion: 2, note: "父母再次外出") { status archiveReason version } }`,
      { id },
    );
    expect(reactivated.reactivateChild).toEqual({ status: 'ACTIVE', archiveReason: null, version: 3 });
    expect(await onList('childrenLivingAlone', id)).toBe(true);
    expect((await asRole('police-liaison', READ, { id })).body.data.child).toEqual({ id, status: 'ACTIVE' });
  });

  it('leaves the other agencies’ records that name the child readable: a school still lists its archived pupil, the file stays closed', async () => {
    const school = await gqlData(`mutation { createSchool(input: { name: "归档测试小学", regionCode: "341322", type: PRIMARY }) { id } }`);
    const schoolId: string = school.createSchool.id;
    const id = await registerPupil();
    await enrol(id, schoolId);
    const teacher = teacherAt(schoolId);
    const PUPILS = `query ($school: ID!) { school(id: $school) { enrolments(first: 10) { edges { node { child { id maskedName status } } } } } }`;
    await waitFor(async () => !(await asPrincipal(teacher, READ, { id })).body.errors);
    await gqlData(ARCHIVE, { id, v: 1 });

    // One archived pupil does not blank the school's list: it is there, marked archived.
    const listed = await asPrincipal(teacher, PUPILS, { school: schoolId });
    expect(listed.body.errors).toBeUndefined();
    expect(listed.body.data.school.enrolments.edges.map((edge: { node: unknown }) => edge.node)).toEqual([
      { child: { id, maskedName: expect.any(String), status: 'ARCHIVED' } },
    ]);
    // The registry's own look-up stays closed to the teacher, and so does another school's teacher's path.
    expect(codes(await asPrincipal(teacher, READ, { id }))).toEqual(['NOT_FOUND']);
    const stranger = await asPrincipal(teacherAt('00000000-0000-4000-8000-000000000001'), PUPILS, { school: schoolId });
    expect(stranger.body.data?.school?.enrolments?.edges ?? []).toEqual([]);
  });

  it('is refused without the archive right, and reactivating an active file is an INVALID_STATE', async () => {
    const id = await registerChild();
    const denied = await asRole('county-education-officer', ARCHIVE, { id, v: 1 });
    expect(codes(denied)).toEqual(['UNAUTHORIZED_FIELD_OR_TYPE']);
    expect(codes(await gql(`mutation ($id: ID!) { reactivateChild(id: $id, expectedVersion: 1) { status } }`, { id }))).toEqual(['INVALID_STATE']);
    expect((await statusOf(id)).status).toBe('ACTIVE');
  });
});
