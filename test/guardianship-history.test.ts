import { isOnList, registerChild, registryDate } from './support/at-risk-children';
import { gql, gqlData, type GraphQLResponse } from './support/system';

/**
 * Guardianship as a dated history (the form's 变动情况), the entrustment told to the village and
 * the school, verification visits, and the re-entrustment notice an unable guardian opens (seed 004).
 */
const codes = (response: GraphQLResponse) => (response.body.errors ?? []).map((error) => error.extensions?.code);

const RECORD = `mutation ($id: ID!, $v: Int, $input: GuardianshipInput!) { recordGuardianship(childId: $id, expectedVersion: $v, input: $input) {
  version form guardianName guardianCapacity since reportedToVillageOn reportedToSchoolOn } }`;
const VERIFY = `mutation ($input: RecordGuardianshipVerificationInput!, $key: String) { recordGuardianshipVerification(input: $input, idempotencyKey: $key) {
  id guardianshipVersion outcome visitedOn } }`;
const STATE = `query ($id: ID!) { child(id: $id) {
  guardianship { version guardianName guardianCapacity }
  guardianshipHistory { version guardianName guardianCapacity }
  reentrustmentNotices { id cause guardianshipVersion open parentsNotifiedOn closingGuardianshipVersion version }
  guardianshipVerifications { outcome guardianshipVersion }
  riskStatus { guardianUnable reentrustmentNoticeOpen livingAlone noGuardianshipRecorded } } }`;
const stateOf = async (id: string) => (await gqlData(STATE, { id })).child;

const onGuardianUnableList = (id: string) => isOnList('childrenWithGuardianUnable', id);

const grandmother = { form: 'GRANDPARENTS', guardianName: '王奶奶', guardianRelationship: '祖母', guardianCapacity: 'CAPABLE' };

describe('guardianship history', () => {
  it('a change is a new version; the previous record stays, and the current one is the latest', async () => {
    const id = await registerChild();
    expect((await stateOf(id)).riskStatus.noGuardianshipRecorded).toBe(true);
    const since = await registryDate('current_date - 200');
    const first = (await gqlData(RECORD, { id, input: { ...grandmother, since, reportedToVillageOn: await registryDate('current_date - 190') } }))
      .recordGuardianship;
    expect(first).toMatchObject({ version: 1, since, reportedToSchoolOn: null });
    const second = (await gqlData(RECORD, { id, v: 1, input: { form: 'RELATIVES_OR_FRIENDS', guardianName: '李姑妈', guardianCapacity: 'CAPABLE' } }))
      .recordGuardianship;
    expect(second).toMatchObject({ version: 2, guardianName: '李姑妈', since: await registryDate('current_date') });

    const state = await stateOf(id);
    expect(state.guardianship).toEqual({ version: 2, guardianName: '李姑妈', guardianCapacity: 'CAPABLE' });
    expect(state.guardianshipHistory).toEqual([
      { version: 2, guardianName: '李姑妈', guardianCapacity: 'CAPABLE' },
      { version: 1, guardianName: '王奶奶', guardianCapacity: 'CAPABLE' },
    ]);
    expect(state.riskStatus.noGuardianshipRecorded).toBe(false);
  });

  it('refuses a stale version, a future date, and an entrustment reported before it began, changing nothing', async () => {
    const id = await registerChild();
    await gqlData(RECORD, { id, input: grandmother });
    expect(codes(await gql(RECORD, { id, input: grandmother }))).toEqual(['VERSION_CONFLICT']);
    expect(codes(await gql(RECORD, { id, v: 1, input: { ...grandmother, since: await registryDate('current_date + 1') } }))).toEqual(['BAD_USER_INPUT']);
    const reportedEarly = { ...grandmother, since: await registryDate('current_date - 10'), reportedToSchoolOn: await registryDate('current_date - 11') };
    expect(codes(await gql(RECORD, { id, v: 1, input: reportedEarly }))).toEqual(['BAD_USER_INPUT']);
    expect((await stateOf(id)).guardianshipHistory).toHaveLength(1);
  });
});

describe('verification visits and re-entrustment notices', () => {
  const visit = (childId: string, guardianshipVersion: number, outcome: string) => ({
    childId,
    guardianshipVersion,
    outcome,
    visitorName: '村儿童主任',
    visitorLevel: 'VILLAGE',
    method: 'HOME_VISIT',
  });

  it('a visit finding the guardian UNABLE opens a notice to the parents; only a capable guardian closes it', async () => {
    const id = await registerChild();
    await gqlData(RECORD, { id, input: grandmother });
    const today = await registryDate('current_date');

    const found = (await gqlData(VERIFY, { input: { ...visit(id, 1, 'UNABLE'), visitedOn: today } })).recordGuardianshipVerification;
    expect(found).toMatchObject({ guardianshipVersion: 1, outcome: 'UNABLE' });
    let state = await stateOf(id);
    // The finding is the guardian's capacity from now on: a new version, the notice open.
    expect(state.guardianship).toEqual({ version: 2, guardianName: '王奶奶', guardianCapacity: 'UNABLE' });
    expect(state.reentrustmentNotices).toEqual([
      expect.objectContaining({
        cause: 'VERIFICATION_FOUND_UNABLE',
        guardianshipVersion: 2,
        open: true,
        parentsNotifiedOn: null,
        closingGuardianshipVersion: null,
      }),
    ]);
    expect(state.riskStatus).toMatchObject({ guardianUnable: true, reentrustmentNoticeOpen: true });
    expect(await onGuardianUnableList(id)).toBe(true);

    const notice = state.reentrustmentNotices[0];
    const notified = await gqlData(
      `mutation ($n: ID!, $on: LocalDate!) { recordParentsNotified(noticeId: $n, expectedVersion: 1, notifiedOn: $on) { parentsNotifiedOn open version } }`,
      { n: notice.id, on: today },
    );
    expect(notified.recordParentsNotified).toEqual({ parentsNotifiedOn: today, open: true, version: 2 });

    // A guardian only partly capable does not close it.
    await gqlData(RECORD, { id, v: 2, input: { form: 'RELATIVES_OR_FRIENDS', guardianName: '赵叔叔', guardianCapacity: 'LIMITED' } });
    state = await stateOf(id);
    expect(state.reentrustmentNotices[0].open).toBe(true);
    expect(state.riskStatus).toMatchObject({ guardianUnable: false, reentrustmentNoticeOpen: true });
    expect(await onGuardianUnableList(id)).toBe(true);

    // A capable guardian closes it, naming the version that did.
    await gqlData(RECORD, { id, v: 3, input: { form: 'RELATIVES_OR_FRIENDS', guardianName: '李姑妈', guardianCapacity: 'CAPABLE' } });
    state = await stateOf(id);
    expect(state.reentrustmentNotices).toEqual([expect.objectContaining({ open: false, closingGuardianshipVersion: 4, parentsNotifiedOn: today })]);
    expect(state.riskStatus).toMatchObject({ guardianUnable: false, reentrustmentNoticeOpen: false });
    expect(await onGuardianUnableList(id)).toBe(false);
  });

  it('a guardian recorded UNABLE opens a notice too, and a visit finding it capable closes it', async () => {
    const id = await registerChild();
    await gqlData(RECORD, { id, input: { ...grandmother, guardianCapacity: 'UNABLE' } });
    expect((await stateOf(id)).reentrustmentNotices).toEqual([expect.objectContaining({ cause: 'GUARDIAN_RECORDED_UNABLE', open: true })]);
    await gqlData(VERIFY, { input: { ...visit(id, 1, 'CAPABLE'), visitedOn: await registryDate('current_date') } });
    const state = await stateOf(id);
    expect(state.guardianship.guardianCapacity).toBe('CAPABLE');
    expect(state.reentrustmentNotices).toEqual([expect.objectContaining({ open: false, closingGuardianshipVersion: 2 })]);
  });

  it('a visit that agrees with the record adds no version; a retried visit is recorded once', async () => {
    const id = await registerChild();
    await gqlData(RECORD, { id, input: grandmother });
    const input = { ...visit(id, 1, 'CAPABLE'), visitedOn: await registryDate('current_date') };
    const key = `visit-${id}`;
    const first = (await gqlData(VERIFY, { input, key })).recordGuardianshipVerification;
    const retry = (await gqlData(VERIFY, { input, key })).recordGuardianshipVerification;
    expect(retry.id).toBe(first.id);
    const state = await stateOf(id);
    expect(state.guardianshipHistory).toHaveLength(1);
    expect(state.guardianshipVerifications).toEqual([{ outcome: 'CAPABLE', guardianshipVersion: 1 }]);
  });

  it('refuses a visit with no guardianship recorded, of an outdated version, or before the arrangement began, changing nothing', async () => {
    const id = await registerChild();
    const today = await registryDate('current_date');
    expect(codes(await gql(VERIFY, { input: { ...visit(id, 1, 'UNABLE'), visitedOn: today } }))).toEqual(['INVALID_STATE']);
    await gqlData(RECORD, { id, input: { ...grandmother, since: today } });
    await gqlData(RECORD, { id, v: 1, input: grandmother });
    const stale = await gql(VERIFY, { input: { ...visit(id, 1, 'UNABLE'), visitedOn: today } });
    expect(codes(stale)).toEqual(['VERSION_CONFLICT']);
    expect(stale.body.errors?.[0].extensions?.currentVersion).toBe(2);
    expect(codes(await gql(VERIFY, { input: { ...visit(id, 2, 'UNABLE'), visitedOn: await registryDate('current_date - 1') } }))).toEqual(['BAD_USER_INPUT']);
    const state = await stateOf(id);
    expect(state.guardianshipVerifications).toEqual([]);
    expect(state.reentrustmentNotices).toEqual([]);
    expect(state.guardianship.version).toBe(2);
  });
});
