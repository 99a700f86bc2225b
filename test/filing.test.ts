import { DEMO_COUNTY } from '../demo/principals';
import { asPrincipal, asRole, codes, daysAgo, principals, SCHOOL_A, SCHOOL_B } from './support/children';
import { database, freshNationalId, gqlData, waitFor, PARENTS_AWAY } from './support/system';

/**
 * Filing by schools (建档申报): a school proposes a child with the facts of the registration form
 * (seed 003); civil affairs reviews it from its copy of the proposal set and accepts or rejects it;
 * the school learns the outcome through the review set. A school never writes civil affairs'
 * database, and a child is never filed twice.
 */

const PROPOSE = `mutation ($input: ProposeChildInput!, $key: String) { proposeChild(input: $input, idempotencyKey: $key) { id status name school { id } child { id } } }`;
const TO_REVIEW = `query ($after: String) { childProposalsToReview(first: 100, after: $after) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { node { id name nationalId birthDate className concerns father { workPlace awaySince } guardian { form name relationship } school { id name } registeredChild { id } } } } }`;
const REVIEW = `mutation ($input: ReviewChildProposalInput!) { reviewChildProposal(input: $input) {
  decision alreadyRegistered reason child { id name classification { isLeftBehind } guardianship { form guardianName } } } }`;
const OWN_PROPOSALS = `query { childProposals(first: 100) { totalCount edges { node { id status decisionReason alreadyRegistered child { id } } } } }`;

/** The facts of the registration form for a left-behind child of the demo county. */
function form(overrides: Record<string, unknown> = {}) {
  const identity = freshNationalId('MALE');
  return {
    schoolId: SCHOOL_A,
    name: '申报儿童',
    gender: identity.gender,
    birthDate: identity.birthDate,
    nationalId: identity.nationalId,
    className: '三年级2班',
    householdRegionCode: DEMO_COUNTY,
    householdVillage: '龙城镇东庄村',
    residenceRegionCode: DEMO_COUNTY,
    father: { name: '申父', phone: '13800000001', workPlace: '广东省东莞市', awaySince: daysAgo(400) },
    mother: { name: '申母', phone: '13800000002', workPlace: '浙江省宁波市', awaySince: daysAgo(400) },
    guardian: { form: 'GRANDPARENTS', name: '王奶奶', relationship: '祖母', phone: '13900000003', address: '萧县龙城镇东庄村' },
    concerns: '想念父母，成绩下降',
    ...overrides,
  };
}

async function propose(overrides: Record<string, unknown> = {}) {
  const input = form(overrides);
  const response = await asRole('school-care-teacher', PROPOSE, { input });
  expect(codes(response)).toEqual([]);
  return { input, proposal: response.body.data.proposeChild as { id: string; status: string } };
}

interface ForReview {
  id: string;
  registeredChild: { id: string } | null;
  father: { workPlace: string };
  guardian: { form: string; name: string };
  school: { id: string; name: string };
}

/** The proposal as the reviewer sees it, once the proposal set has carried it to civil affairs. */
async function reviewable(proposalId: string, role: 'civil-affairs-case-worker' = 'civil-affairs-case-worker'): Promise<ForReview> {
  return waitFor(async () => {
    let after: string | null = null;
    do {
      const page: { edges: { node: ForReview }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } = (await asRole(role, TO_REVIEW, { after }))
        .body.data.childProposalsToReview;
      const found = page.edges.find((edge) => edge.node.id === proposalId);
      if (found) return found.node;
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    return null;
  });
}

/** The school's view of its proposal, once the review set has carried the decision back. */
async function decided(proposalId: string) {
  return waitFor(async () => {
    const data = await asRole('school-care-teacher', OWN_PROPOSALS);
    const node = data.body.data.childProposals.edges
      .map((edge: { node: { id: string; status: string } }) => edge.node)
      .find((candidate: { id: string }) => candidate.id === proposalId);
    return node?.status !== 'PENDING' ? node : null;
  });
}

async function ownerQuery(name: 'education' | 'civil-affairs', sql: string, params: unknown[]) {
  const owner = await database(name);
  try {
    return (await owner.query(sql, params)).rows;
  } finally {
    await owner.end();
  }
}

describe('a school proposes, civil affairs reviews', () => {
  it('accepted: the child is filed with the form’s facts, the school learns it, and the facts leave education', async () => {
    const { input, proposal } = await propose();
    expect(proposal).toMatchObject({ status: 'PENDING', name: '申报儿童', school: { id: SCHOOL_A }, child: null });
    const seen = await reviewable(proposal.id);
    expect(seen).toMatchObject({
      registeredChild: null,
      father: { workPlace: '广东省东莞市' },
      guardian: { form: 'GRANDPARENTS', name: '王奶奶' },
      school: { id: SCHOOL_A },
    });
    expect(seen.school.name).toBeTruthy();

    const review = await asRole('civil-affairs-case-worker', REVIEW, { input: { proposalId: proposal.id, decision: 'ACCEPTED' } });
    expect(codes(review)).toEqual([]);
    const filed = review.body.data.reviewChildProposal;
    expect(filed).toMatchObject({
      decision: 'ACCEPTED',
      alreadyRegistered: false,
      child: { name: '申报儿童', classification: { isLeftBehind: true }, guardianship: { form: 'GRANDPARENTS', guardianName: '王奶奶' } },
    });
    expect((await gqlData(`query ($n: String!) { childByNationalId(nationalId: $n) { id } }`, { n: input.nationalId })).childByNationalId.id).toBe(
      filed.child.id,
    );

    // The school learns the outcome, with the registry id.
    expect(await decided(proposal.id)).toMatchObject({ status: 'ACCEPTED', alreadyRegistered: false, child: { id: filed.child.id } });
    // Education no longer holds the identity and family facts, and the proposal left both copies of the set.
    const [kept] = await ownerQuery('education', `SELECT national_id, birth_date, father, guardian, concerns, name FROM child_proposal WHERE id = $1`, [
      proposal.id,
    ]);
    expect(kept).toEqual({ national_id: null, birth_date: null, father: null, guardian: null, concerns: null, name: '申报儿童' });
    await waitFor(async () => (await ownerQuery('civil-affairs', `SELECT 1 FROM proposal_feed.proposal WHERE proposal_id = $1`, [proposal.id])).length === 0);
    expect(await ownerQuery('education', `SELECT 1 FROM proposal_feed.proposal WHERE proposal_id = $1`, [proposal.id])).toEqual([]);

    // A proposal is reviewed once.
    expect(codes(await asRole('civil-affairs-case-worker', REVIEW, { input: { proposalId: proposal.id, decision: 'REJECTED', reason: '重复' } }))).toEqual([
      'CONFLICT',
    ]);
  });

  it('a child already in the registry is linked, never filed twice', async () => {
    const identity = freshNationalId('MALE');
    const existing = await gqlData(`mutation ($input: RegisterChildInput!) { registerChild(input: $input) { child { id } } }`, {
      input: {
        name: '已建档',
        gender: 'MALE',
        birthDate: identity.birthDate,
        nationalId: identity.nationalId,
        householdRegionCode: DEMO_COUNTY,
        residenceRegionCode: DEMO_COUNTY,
        ...PARENTS_AWAY,
      },
    });
    const existingId = existing.registerChild.child.id;
    const { proposal } = await propose({ nationalId: identity.nationalId, birthDate: identity.birthDate, gender: 'MALE' });
    const [{ child_id: provisional }] = await ownerQuery('education', `SELECT child_id FROM child_proposal WHERE id = $1`, [proposal.id]);
    expect((await reviewable(proposal.id)).registeredChild).toEqual({ id: existingId });

    const review = await asRole('civil-affairs-case-worker', REVIEW, { input: { proposalId: proposal.id, decision: 'ACCEPTED' } });
    expect(review.body.data.reviewChildProposal).toMatchObject({ decision: 'ACCEPTED', alreadyRegistered: true, child: { id: existingId, name: '已建档' } });
    expect(await ownerQuery('civil-affairs', `SELECT 1 FROM child WHERE id = $1`, [provisional])).toEqual([]);
    expect(await decided(proposal.id)).toMatchObject({ status: 'ACCEPTED', alreadyRegistered: true, child: { id: existingId } });
  });

  it('a child without a national ID can be linked by the reviewer to the file it already has', async () => {
    const existing = await gqlData(`mutation ($input: RegisterChildInput!) { registerChild(input: $input) { child { id } } }`, {
      input: {
        name: '无证儿童',
        gender: 'FEMALE',
        birthDate: '2016-05-01',
        householdRegionCode: DEMO_COUNTY,
        residenceRegionCode: DEMO_COUNTY,
        ...PARENTS_AWAY,
      },
    });
    const { proposal } = await propose({ nationalId: null, name: '无证儿童', gender: 'FEMALE', birthDate: '2016-05-01' });
    await reviewable(proposal.id);
    const review = await asRole('civil-affairs-case-worker', REVIEW, {
      input: { proposalId: proposal.id, decision: 'ACCEPTED', existingChildId: existing.registerChild.child.id },
    });
    expect(review.body.data.reviewChildProposal).toMatchObject({ alreadyRegistered: true, child: { id: existing.registerChild.child.id } });
  });

  it('rejected: with a reason, nothing filed, the school told why', async () => {
    const { input, proposal } = await propose();
    await reviewable(proposal.id);
    const refusals = [
      { proposalId: proposal.id, decision: 'REJECTED' },
      { proposalId: proposal.id, decision: 'REJECTED', reason: '  ' },
      { proposalId: proposal.id, decision: 'REJECTED', reason: '父亲在家', existingChildId: proposal.id },
      { proposalId: 'not-an-id', decision: 'ACCEPTED' },
    ];
    for (const refused of refusals) expect(codes(await asRole('civil-affairs-case-worker', REVIEW, { input: refused }))).toEqual(['BAD_USER_INPUT']);
    const review = await asRole('civil-affairs-case-worker', REVIEW, {
      input: { proposalId: proposal.id, decision: 'REJECTED', reason: '父亲在家务农，不属于留守儿童' },
    });
    expect(review.body.data.reviewChildProposal).toEqual({
      decision: 'REJECTED',
      alreadyRegistered: false,
      reason: '父亲在家务农，不属于留守儿童',
      child: null,
    });
    expect((await gqlData(`query ($n: String!) { childByNationalId(nationalId: $n) { id } }`, { n: input.nationalId })).childByNationalId).toBeNull();
    expect(await decided(proposal.id)).toMatchObject({ status: 'REJECTED', decisionReason: '父亲在家务农，不属于留守儿童', child: null });
  });
});

describe('what a school may not do, and bad forms', () => {
  it('never writes the registry itself', async () => {
    const identity = freshNationalId();
    const response = await asRole('school-care-teacher', `mutation ($input: RegisterChildInput!) { registerChild(input: $input) { child { id } } }`, {
      input: {
        name: '越权',
        gender: identity.gender,
        birthDate: identity.birthDate,
        householdRegionCode: DEMO_COUNTY,
        residenceRegionCode: DEMO_COUNTY,
        ...PARENTS_AWAY,
      },
    });
    expect(codes(response)).toEqual(['UNAUTHORIZED_FIELD_OR_TYPE']);
  });

  it('proposes only for its own school, once per national ID while pending, and retries safely', async () => {
    expect(codes(await asRole('school-care-teacher', PROPOSE, { input: form({ schoolId: SCHOOL_B }) }))).toEqual(['OUTSIDE_JURISDICTION']);
    const input = form();
    const first = await asRole('school-care-teacher', PROPOSE, { input, key: `propose-${input.nationalId}` });
    const retry = await asRole('school-care-teacher', PROPOSE, { input, key: `propose-${input.nationalId}` });
    expect(retry.body.data.proposeChild.id).toBe(first.body.data.proposeChild.id);
    // Another school proposing the same child meanwhile is told it awaits review, not by whom.
    const otherTeacher = { ...principals['school-care-teacher'], sub: 'test:teacher-b', schools: [SCHOOL_B] };
    const twice = await asPrincipal(otherTeacher, PROPOSE, { input: { ...input, schoolId: SCHOOL_B } });
    expect(codes(twice)).toEqual(['CONFLICT']);
    expect(JSON.stringify(twice.body)).not.toContain(SCHOOL_A);
  });

  it('refuses a bad form with a clear code, and stores nothing', async () => {
    const good = form();
    const wrongCheckDigit = `${good.nationalId.slice(0, 17)}${good.nationalId[17] === '0' ? '1' : '0'}`;
    const bad: [Record<string, unknown>, string][] = [
      [{ nationalId: wrongCheckDigit }, 'INVALID_NATIONAL_ID'],
      [{ birthDate: '2015-01-01' }, 'INVALID_NATIONAL_ID'],
      [{ householdRegionCode: '999999' }, 'INVALID_REGION_CODE'],
      [{ nationalId: null, birthDate: '2000-01-01' }, 'BAD_USER_INPUT'],
      [{ nationalId: null, birthDate: daysAgo(-1) }, 'BAD_USER_INPUT'],
      [{ name: '' }, 'BAD_USER_INPUT'],
      [{ father: { phone: 'call me' } }, 'BAD_USER_INPUT'],
    ];
    for (const [overrides, code] of bad) {
      const response = await asRole('school-care-teacher', PROPOSE, { input: { ...good, ...overrides } });
      expect({ overrides, codes: codes(response) }).toEqual({ overrides, codes: [code] });
    }
    expect(await ownerQuery('education', `SELECT count(*)::int AS n FROM child_proposal WHERE father->>'phone' = 'call me' OR name = ''`, [])).toEqual([
      { n: 0 },
    ]);
  });

  it('a reviewer of another county neither sees nor decides a proposal', async () => {
    const { proposal } = await propose();
    await reviewable(proposal.id);
    const otherCounty = { ...principals['civil-affairs-case-worker'], sub: 'test:other-county-reviewer', jurisdiction: ['360731'] };
    const list = await asPrincipal(otherCounty, TO_REVIEW, {});
    expect(JSON.stringify(list.body)).not.toContain(proposal.id);
    expect(codes(await asPrincipal(otherCounty, REVIEW, { input: { proposalId: proposal.id, decision: 'ACCEPTED' } }))).toEqual(['NOT_FOUND']);
    // And a school's staff may not review at all.
    expect(codes(await asRole('school-care-teacher', REVIEW, { input: { proposalId: proposal.id, decision: 'ACCEPTED' } }))).toEqual([
      'UNAUTHORIZED_FIELD_OR_TYPE',
    ]);
  });
});
