import { DEMO_COUNTY } from '../demo/principals';
import { demoPartnerId } from '../demo/generator';
import { asPrincipal, asRole, codes, daysAgo, principals, pupil, registerChild, SCHOOL_A, teacherAt, whenVisibleTo } from './support/children';
import { database, gql, gqlData, waitFor } from './support/system';

/**
 * The women's federation's whole job (issue 12): pairings that end with a reason, helpers'
 * occupations, children's homes, activities and family education with attendance, the parent
 * contact log kept by schools and the federation, and a partner NGO's own programme work.
 */

const partnerId = principals['partner-ngo'].partner!;
const otherPartnerId = demoPartnerId(2026, '360731');
const PAIR = `mutation ($input: PairChildInput!) { pairChild(input: $input) { id version helperOccupation } }`;

let programmeId: string;
let otherProgrammeId: string;

async function pair(childId: string, programme = programmeId, helperOccupation: string | null = '小学教师') {
  return (await gqlData(PAIR, { input: { childId, programmeId: programme, helperName: '志愿者乙', helperRole: 'PROXY_PARENT', helperOccupation } }))
    .pairChild as {
    id: string;
    version: number;
    helperOccupation: string | null;
  };
}

async function consent(childId: string, partner = partnerId) {
  await gqlData(`mutation ($input: RecordConsentInput!) { recordConsent(input: $input) { id } }`, {
    input: {
      childId,
      partnerId: partner,
      regionCode: partner === partnerId ? DEMO_COUNTY : '360731',
      guardianName: '王奶奶',
      guardianRelationship: '祖母',
      categories: ['CHILD_MASKED', 'WF_PROGRAMMES'],
      purpose: 'care-programmes',
      expiresOn: daysAgo(-300),
    },
  });
}

/** The children of the partner's programmes, as the partner lists them in one query. */
async function partnerLists(programme = programmeId): Promise<{ id: string; maskedName: string | null }[]> {
  const response = await asRole(
    'partner-ngo',
    `query ($id: ID!) { programme(id: $id) { pairings(first: 100) { edges { node { helperName child { id maskedName ageBand } } } } } }`,
    { id: programme },
  );
  return response.body.data.programme.pairings.edges.map((edge: { node: { child: { id: string; maskedName: string | null } } }) => edge.node.child);
}

beforeAll(async () => {
  const own = await gqlData(`query ($id: ID!) { partner(id: $id) { programmes { id } } }`, { id: partnerId });
  programmeId = own.partner.programmes[0].id;
  const other = await gqlData(`query ($id: ID!) { partner(id: $id) { programmes { id } } }`, { id: otherPartnerId });
  otherProgrammeId = other.partner.programmes[0].id;
});

describe('a partner NGO and its programmes’ children', () => {
  it('lists its programme’s consented children, masked, in one paginated query, and no others', async () => {
    const [consented, unconsented] = await Promise.all([registerChild(), registerChild()]);
    await Promise.all([pair(consented), pair(unconsented)]);
    await consent(consented);
    // The masked fields come from civil affairs, which learns of the grant through the feed.
    const listed = await waitFor(async () => {
      const children = await partnerLists();
      return children.some((child) => child.id === consented && child.maskedName) ? children : null;
    });
    expect(listed.find((child) => child.id === consented)!.maskedName).toBe('测**童');
    expect(
      codes(
        await asRole('partner-ngo', `query ($id: ID!) { programme(id: $id) { pairings(first: 100) { edges { node { child { maskedName } } } } } }`, {
          id: programmeId,
        }),
      ),
    ).toEqual([]);
    expect(listed.map((child) => child.id)).not.toContain(unconsented);
    // Another partner's programme lists nothing to it, though a child there is consented to that partner.
    const elsewhere = await registerChild();
    await pair(elsewhere, otherProgrammeId);
    await consent(elsewhere, otherPartnerId);
    expect(await partnerLists(otherProgrammeId)).toEqual([]);
    // And the names stay closed to it.
    const named = await asRole('partner-ngo', `query ($id: ID!) { programme(id: $id) { pairings(first: 5) { edges { node { child { name } } } } } }`, {
      id: programmeId,
    });
    expect(codes(named)).toContain('UNAUTHORIZED_FIELD_OR_TYPE');
  });

  it('records its own activities and visits for those children, and nothing for others', async () => {
    const [consented, unconsented] = await Promise.all([registerChild(), registerChild()]);
    await Promise.all([pair(consented), pair(unconsented)]);
    await consent(consented);
    const RECORD = `mutation ($input: RecordActivityInput!) { recordActivity(input: $input) { kind title programme { id } attendance { attendee child { id } } } }`;
    const visit = (overrides: Record<string, unknown>) =>
      asRole('partner-ngo', RECORD, {
        input: { kind: 'HOME_VISIT', title: '入户走访', programmeId, ledBy: '社工 小周', attendance: [{ childId: consented }], ...overrides },
      });
    const recorded = await waitFor(async () => {
      const response = await visit({});
      return response.body.errors ? null : response;
    });
    expect(recorded.body.data.recordActivity).toEqual({
      kind: 'HOME_VISIT',
      title: '入户走访',
      programme: { id: programmeId },
      attendance: [{ attendee: 'CHILD', child: { id: consented } }],
    });
    // Each attending child's record is a write in the access log.
    const owner = await database('womens-federation');
    try {
      const logged = await owner.query(`SELECT actor FROM access_log WHERE child_id = $1 AND action = 'WRITE' AND 'wf:records:write' = ANY (categories)`, [
        consented,
      ]);
      expect(logged.rows).toEqual([{ actor: principals['partner-ngo'].sub }]);
    } finally {
      await owner.end();
    }
    expect(codes(await visit({ attendance: [{ childId: unconsented }] }))).toEqual(['NOT_FOUND']);
    expect(codes(await visit({ programmeId: otherProgrammeId }))).toEqual(['OUTSIDE_JURISDICTION']);
    expect(codes(await visit({ programmeId: null }))).toEqual(['BAD_USER_INPUT']);
    // Its own call log for the child, recorded as the partner's.
    const call = await asRole('partner-ngo', `mutation ($input: LogParentContactInput!) { logParentContact(input: $input) { arrangedBy } }`, {
      input: { childId: consented, channel: 'VIDEO', parent: 'MOTHER', minutes: 20 },
    });
    expect(call.body.data.logParentContact.arrangedBy).toBe('PARTNER');
    // It lists its own activities only.
    const activities = await asRole('partner-ngo', `{ activities(first: 100) { edges { node { programme { id } } } } }`);
    const own = await gqlData(`query ($id: ID!) { partner(id: $id) { programmes { id } } }`, { id: partnerId });
    const ownProgrammes = own.partner.programmes.map((programme: { id: string }) => programme.id);
    expect(ownProgrammes).not.toContain(otherProgrammeId);
    for (const edge of activities.body.data.activities.edges) expect(ownProgrammes).toContain(edge.node.programme.id);
  });
});

describe('pairings', () => {
  it('are proxy parents or volunteers with an employer or occupation, and end with a reason at their version', async () => {
    const childId = await registerChild();
    const pairing = await pair(childId, programmeId, '县人民医院护士');
    expect(pairing).toMatchObject({ version: 1, helperOccupation: '县人民医院护士' });
    const END = `mutation ($input: EndPairingInput!) { endPairing(input: $input) { until endReason version active } }`;
    const end = (input: Record<string, unknown>) =>
      asRole('womens-federation-officer', END, { input: { pairingId: pairing.id, reason: '父母返乡，孩子随父母生活', ...input } });
    expect(codes(await end({ expectedVersion: 2 }))).toEqual(['VERSION_CONFLICT']);
    expect(codes(await end({ expectedVersion: 1, endedOn: daysAgo(-2) }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await end({ expectedVersion: 1, endedOn: daysAgo(30) }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await end({ expectedVersion: 1, reason: '' }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(PAIR, { input: { childId, programmeId, helperName: '甲', helperRole: 'VOLUNTEER', helperOccupation: 'x'.repeat(51) } }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    const ended = await end({ expectedVersion: 1 });
    expect(ended.body.data.endPairing).toEqual({ until: daysAgo(0), endReason: '父母返乡，孩子随父母生活', version: 2, active: true });
    expect(codes(await end({ expectedVersion: 2 }))).toEqual(['CONFLICT']);
  });
});

describe('children’s homes, activities and family education', () => {
  it('a children’s home with its manager, its activities and the parents’ attendance at family education', async () => {
    const CREATE = `mutation ($input: CreateChildrensHomeInput!) { createChildrensHome(input: $input) { id name managerName } }`;
    const home = (regionCode: string) =>
      asRole('womens-federation-officer', CREATE, {
        input: { name: '东庄村儿童之家', regionCode, village: '龙城镇东庄村', managerName: '李主任', managerPhone: '13700000000' },
      });
    expect(codes(await home('360731'))).toEqual(['OUTSIDE_JURISDICTION']);
    expect(codes(await home('999999'))).toEqual(['INVALID_REGION_CODE']);
    const created = (await home(DEMO_COUNTY)).body.data.createChildrensHome;
    const directory = await asRole('partner-ngo', `query ($p: String) { childrensHomes(regionPrefix: $p, first: 100) { edges { node { id managerName } } } }`, {
      p: DEMO_COUNTY,
    });
    expect(directory.body.data.childrensHomes.edges).toContainEqual({ node: { id: created.id, managerName: '李主任' } });

    const childId = await registerChild();
    const RECORD = `mutation ($input: RecordActivityInput!) { recordActivity(input: $input) { id kind childrensHome { id } attendance { attendee attendeeName } } }`;
    const record = (input: Record<string, unknown>) => asRole('womens-federation-officer', RECORD, { input: { ledBy: '李主任', ...input } });
    expect(codes(await record({ kind: 'CHILDRENS_HOME_ACTIVITY', title: '作业辅导' }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await record({ kind: 'FAMILY_EDUCATION', title: '家长学校' }))).toEqual(['BAD_USER_INPUT']);
    const activity = await record({
      kind: 'CHILDRENS_HOME_ACTIVITY',
      title: '作业辅导',
      heldOn: daysAgo(1),
      childrensHomeId: created.id,
      attendance: [{ childId }],
    });
    expect(activity.body.data.recordActivity).toMatchObject({ kind: 'CHILDRENS_HOME_ACTIVITY', childrensHome: { id: created.id } });
    const session = await record({
      kind: 'FAMILY_EDUCATION',
      title: '隔代教养讲座',
      regionCode: DEMO_COUNTY,
      attendance: [{ childId, attendee: 'GUARDIAN', attendeeName: '王奶奶' }],
    });
    expect(session.body.data.recordActivity.attendance).toEqual([{ attendee: 'GUARDIAN', attendeeName: '王奶奶' }]);
    const attended = await asRole('womens-federation-officer', `query ($id: ID!) { child(id: $id) { activityAttendance { attendee activity { title } } } }`, {
      id: childId,
    });
    expect(attended.body.data.child.activityAttendance).toEqual([
      { attendee: 'GUARDIAN', activity: { title: '隔代教养讲座' } },
      { attendee: 'CHILD', activity: { title: '作业辅导' } },
    ]);
    expect(
      codes(
        await record({
          kind: 'FAMILY_EDUCATION',
          title: '家长学校',
          regionCode: DEMO_COUNTY,
          attendance: [{ childId: '00000000-0000-4000-a000-000000000000' }],
        }),
      ),
    ).toEqual(['NOT_FOUND']);
  });
});

describe('the parent contact log (亲情电话)', () => {
  const LOG = `mutation ($input: LogParentContactInput!) { logParentContact(input: $input) { arrangedBy schoolId channel } }`;

  it('takes a school’s calls for its pupils and the federation’s, and shows both to each', async () => {
    const childId = await pupil();
    // The women's federation learns of the enrolment through education's set.
    const byTeacher = await waitFor(async () => {
      const response = await asRole('school-care-teacher', LOG, { input: { childId, channel: 'PHONE', parent: 'FATHER', minutes: 10 } });
      return response.body.errors ? null : response.body.data.logParentContact;
    });
    expect(byTeacher).toEqual({ arrangedBy: 'SCHOOL', schoolId: SCHOOL_A, channel: 'PHONE' });
    const byFederation = await asRole('womens-federation-officer', LOG, { input: { childId, channel: 'VIDEO', parent: 'BOTH', arrangedBy: 'CHILDRENS_HOME' } });
    expect(byFederation.body.data.logParentContact.arrangedBy).toBe('CHILDRENS_HOME');

    await whenVisibleTo('school-care-teacher', childId);
    const read = await asRole('school-care-teacher', `query ($id: ID!) { child(id: $id) { parentContacts { arrangedBy } } }`, { id: childId });
    expect(read.body.data.child.parentContacts.map((row: { arrangedBy: string }) => row.arrangedBy).sort()).toEqual(['CHILDRENS_HOME', 'SCHOOL']);

    // A teacher of another school, a claim to be a partner, bad minutes: refused, nothing logged.
    const teacherB = teacherAt('00000000-0000-4000-a000-00000000000b');
    expect(codes(await asPrincipal(teacherB, LOG, { input: { childId, channel: 'PHONE', parent: 'MOTHER' } }))).toEqual(['NOT_FOUND']);
    expect(codes(await asRole('school-care-teacher', LOG, { input: { childId, channel: 'PHONE', parent: 'MOTHER', arrangedBy: 'PARTNER' } }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(codes(await asRole('school-care-teacher', LOG, { input: { childId, channel: 'PHONE', parent: 'MOTHER', minutes: 0 } }))).toEqual(['BAD_USER_INPUT']);
    const after = await asRole('womens-federation-officer', `query ($id: ID!) { child(id: $id) { parentContacts { id } } }`, { id: childId });
    expect(after.body.data.child.parentContacts).toHaveLength(2);
  });
});
