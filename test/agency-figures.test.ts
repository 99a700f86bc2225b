import { buildSchema, getNamedType, isObjectType, type GraphQLObjectType } from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoPrincipals } from '../demo/principals';
import { enrol, registerChild } from './support/children';
import { database, gql, gqlData, statementCount, tokenFor, waitFor, type GraphQLResponse } from './support/system';

/**
 * Issue 13's education and women's-federation figures on Region, and a school's summary table
 * (附件2) on School: each figure against what this test made (and, for the registry copies,
 * against a count in each agency's database), small counts withheld at the threshold (4 withheld, 5
 * and 6 published), complementary suppression against the subtraction attacks (a county minus its
 * other townships, a total minus its other categories, a school among its county's schools), the
 * analyst's reach (its jurisdiction, the statistics purpose, no child by any path), nothing for
 * other roles, the record of every read in each agency's own `report_read`, and figures as
 * recorded on a day: a past day's answer stays as it was, whatever changed since.
 *
 * The figures are those of 合肥市庐阳区 (340103), where no demo child, school or other test is: this
 * test places 4, 5 and 6 children in three of its townships, each group at a school of its own
 * township, and opens a fourth school with nobody.
 */

const principals = demoPrincipals(2026);
const COUNTY = '340103';
const [T4, T5, T6] = ['340103001', '340103002', '340103003'];
const codes = (response: GraphQLResponse) => (response.body.errors ?? []).map((error) => error.extensions?.code);

interface Count {
  value: number | null;
  suppressed: boolean;
}
interface Rate {
  value: number | null;
  numerator: Count;
  denominator: Count;
}
type Breakdown = { category: string; count: Count }[];

const C = '{ value suppressed }';
const R = `{ value numerator ${C} denominator ${C} }`;
const B = `{ category count ${C} }`;
const EDUCATION = `schoolFigures { asOf threshold registered ${C} enrolment ${R} byEnrolmentStatus ${B} filing ${R} carePersonCoverage ${R}
  talksWithin14Days ${R} screeningCoverage ${R} dropoutCasesOpened ${C} dropoutCasesEscalated ${C} dropoutReturned ${R} aidByKind ${B} }`;
const FEDERATION = `federationFigures { registered ${C} leftBehind ${C} pairingCoverage ${R} proxyParentCoverage ${R} withActiveConsent ${C}
  familyEducationReach ${R} parentContactCoverage ${R} parentContactsPerChild ${R} }`;
const SUMMARY = `summaryFigures { onRoster ${C} byParentsAway ${B} leftBehind ${C} inDifficultCircumstances ${C} suspended ${C} boarders ${C}
  carePersonCoverage ${R} talksWithin14Days ${R} leftThisTerm ${C} byChange ${B} }`;
const REGION = `query ($code: String!) { region(code: $code) { code ${EDUCATION} ${FEDERATION} children { code ${EDUCATION} ${FEDERATION} } } }`;
const SCHOOLS = `query ($p: String) { schools(regionPrefix: $p, first: 20) { edges { node { id name ${SUMMARY} } } } }`;

/* eslint-disable @typescript-eslint/no-explicit-any -- figures as the API returns them */
type Figures = Record<string, any>;

const countyAnalyst = () => tokenFor({ ...principals.analyst, sub: 'test:luyang-analyst', jurisdiction: [COUNTY] });

let schools: Record<'S0' | 'S4' | 'S5' | 'S6', string>;
let county: { schoolFigures: Figures; federationFigures: Figures; children: { code: string; schoolFigures: Figures; federationFigures: Figures }[] };
let summaries: Map<string, Figures>;

async function createSchool(name: string, townshipCode: string): Promise<string> {
  const data = await gqlData(`mutation ($input: CreateSchoolInput!) { createSchool(input: $input) { id } }`, {
    input: { name, regionCode: COUNTY, townshipCode, type: 'PRIMARY' },
  });
  return data.createSchool.id;
}

/** Registers `n` left-behind children living in a township, each enrolled at the school (boarders where asked). */
async function place(township: string, n: number, school: string, boarding = false): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const childId = await registerChild({ place: { county: COUNTY, township } });
    await enrol(childId, school, { boarding });
    ids.push(childId);
  }
  return ids;
}

const township = (code: string) => county.children.find((child) => child.code === code)!;

/** Records today's figures now in education and the women's federation, as each does at its start and periodically. */
async function recordFigures(): Promise<void> {
  for (const [name, recorder] of [
    ['education', 'record_school_figures'],
    ['womens-federation', 'record_region_figures'],
  ] as const) {
    const owner = await database(name);
    try {
      await owner.query(`SELECT ${recorder}()`);
    } finally {
      await owner.end();
    }
  }
}

let atStart: GraphQLResponse;

beforeAll(async () => {
  // Before this test records anything: each subgraph recorded today's figures when it started, and
  // again once its copy of the registry set had caught up, so the demo's children are counted.
  const analyst = await tokenFor(principals.analyst);
  atStart = await waitFor(async () => {
    const response = await gql(
      `{ region(code: "340000") { schoolFigures { registered ${C} } federationFigures { registered ${C} } } }`,
      {},
      analyst,
      'statistics',
    );
    const region = response.body.data?.region;
    return region?.schoolFigures?.registered.value > 0 && region?.federationFigures?.registered.value > 0 ? response : null;
  }, 60_000);
  schools = {
    S0: await createSchool('庐阳区统计空校', T4),
    S4: await createSchool('庐阳区统计小学甲', T4),
    S5: await createSchool('庐阳区统计小学乙', T5),
    S6: await createSchool('庐阳区统计小学丙', T6),
  };
  await place(T4, 4, schools.S4);
  const five = await place(T5, 5, schools.S5);
  const six = await place(T6, 6, schools.S6, true);

  // Education: T6's six have a care teacher and a talk today; T5's five none.
  for (const childId of six) {
    await gqlData(`mutation ($c: ID!, $s: ID!) { assignCareTeacher(input: { childId: $c, schoolId: $s, teacherName: "刘老师" }) { teacherName } }`, {
      c: childId,
      s: schools.S6,
    });
    await gqlData(`mutation ($input: LogTalkInput!) { logTalk(input: $input) { heldOn } }`, { input: { childId, heldBy: '刘老师' } });
  }
  // T6's six: a file check, nutrition aid and a wellbeing screening this term; a dropout case each, opened by an
  // unexcused absence today, reported to the township, and closed as returned for three of them.
  const today = new Date().toISOString().slice(0, 10);
  const month = Number(today.slice(5, 7));
  const term = { year: Number(today.slice(0, 4)) - (month < 3 ? 1 : 0), season: month >= 3 && month <= 8 ? 'SPRING' : 'AUTUMN' };
  await gqlData(`mutation ($input: RecordAbsencesInput!) { recordAbsences(input: $input) { id } }`, {
    input: { schoolId: schools.S6, absentOn: today, absences: six.map((childId) => ({ childId, excused: false })) },
  });
  for (const [at, childId] of six.entries()) {
    await gqlData(`mutation ($input: RecordFileCheckInput!) { recordFileCheck(input: $input) { id } }`, { input: { childId, checkedBy: '刘老师' } });
    await gqlData(`mutation ($input: GrantAidInput!) { grantAid(input: $input) { id } }`, { input: { childId, kind: 'NUTRITION_PROGRAMME', term } });
    await gqlData(`mutation ($input: RecordScreeningInput!) { recordWellbeingScreening(input: $input) { id } }`, {
      input: { childId, instrument: 'MHT', riskLevel: 'NONE', screenedBy: '心理老师' },
    });
    const child = await gqlData(`query ($id: ID!) { child(id: $id) { dropoutCase { id } } }`, { id: childId }, undefined, 'education-support');
    const escalated = await gqlData(`mutation ($input: RecordEscalationInput!) { recordEscalation(input: $input) { id version } }`, {
      input: { caseId: child.child.dropoutCase.id, target: 'TOWNSHIP_GOVERNMENT', reportedBy: '王校长' },
    });
    if (at < 3)
      await gqlData(`mutation ($input: CloseDropoutCaseInput!) { closeDropoutCase(input: $input) { id } }`, {
        input: { caseId: escalated.recordEscalation.id, expectedVersion: escalated.recordEscalation.version, outcome: 'RETURNED' },
      });
  }
  // The women's federation: T6's six paired with a proxy parent and consented; T5's five each with one call from a parent.
  const partner = await gqlData(`mutation ($input: CreatePartnerInput!) { createPartner(input: $input) { id } }`, {
    input: { name: '庐阳区统计志愿队', regionCode: COUNTY, type: 'VOLUNTEER_TEAM' },
  });
  const programme = await gqlData(`mutation ($input: CreateProgrammeInput!) { createProgramme(input: $input) { id } }`, {
    input: { name: '代理家长', kind: 'PROXY_PARENT', partnerId: partner.createPartner.id, regionCode: COUNTY, startsOn: '2026-01-01' },
  });
  for (const childId of six) {
    await gqlData(`mutation ($input: PairChildInput!) { pairChild(input: $input) { id } }`, {
      input: { childId, programmeId: programme.createProgramme.id, helperName: '志愿者', helperRole: 'PROXY_PARENT' },
    });
    await gqlData(`mutation ($input: RecordConsentInput!) { recordConsent(input: $input) { id } }`, {
      input: {
        childId,
        partnerId: partner.createPartner.id,
        regionCode: COUNTY,
        guardianName: '王奶奶',
        guardianRelationship: '祖母',
        categories: ['CHILD_MASKED'],
        purpose: 'care-programmes',
        expiresOn: new Date(Date.now() + 300 * 86_400_000).toISOString().slice(0, 10),
      },
    });
  }
  // T5's five at a family-education session, with their grandmothers.
  await gqlData(`mutation ($input: RecordActivityInput!) { recordActivity(input: $input) { id } }`, {
    input: {
      kind: 'FAMILY_EDUCATION',
      title: '家庭教育讲座',
      ledBy: '妇联',
      regionCode: COUNTY,
      attendance: five.flatMap((childId) => [{ childId }, { childId, attendee: 'GUARDIAN', attendeeName: '奶奶' }]),
    },
  });
  for (const childId of five) {
    await gqlData(`mutation ($input: LogParentContactInput!) { logParentContact(input: $input) { arrangedBy } }`, {
      input: { childId, channel: 'VIDEO', parent: 'MOTHER' },
    });
  }

  await recordFigures();
  const token = await countyAnalyst();
  const region = await gql(REGION, { code: COUNTY }, token, 'statistics');
  expect(region.body.errors).toBeUndefined();
  county = region.body.data.region;
  const listed = await gql(SCHOOLS, { p: COUNTY }, token, 'statistics');
  expect(listed.body.errors).toBeUndefined();
  summaries = new Map(
    listed.body.data.schools.edges.map((edge: { node: { id: string; summaryFigures: Figures } }) => [edge.node.id, edge.node.summaryFigures]),
  );
}, 120_000);

/** Counts in an agency's database, as its owner: the test's own count, independent of the figures' SQL. */
async function counted(name: 'education' | 'womens-federation', sql: string, params: unknown[]): Promise<number> {
  const owner = await database(name);
  try {
    return (await owner.query(sql, params)).rows[0].n;
  } finally {
    await owner.end();
  }
}

const published = (value: number): Count => ({ value, suppressed: false });
const WITHHELD: Count = { value: null, suppressed: true };

describe('education’s region figures', () => {
  it('count the registry copy’s children by residence, and what schools recorded of them', async () => {
    const inCopy = await counted('education', `SELECT count(*)::int AS n FROM registry_feed.child WHERE status = 'ACTIVE' AND residence_region_code = $1`, [
      COUNTY,
    ]);
    expect(county.schoolFigures.registered).toEqual(published(inCopy));
    expect(inCopy).toBe(15);
    expect(county.schoolFigures.enrolment).toEqual({ value: 1, numerator: published(15), denominator: published(15) });
    // None suspended (0, withheld), so ENROLLED is withheld too: the enrolled total minus it would give the 0.
    expect(county.schoolFigures.byEnrolmentStatus).toEqual([
      { category: 'ENROLLED', count: WITHHELD },
      { category: 'SUSPENDED', count: WITHHELD },
    ]);
    // The county's 15 include T5's 5 pupils with no care person: 6 of 15 covered, 6 of 15 talked to.
    expect(county.schoolFigures.carePersonCoverage).toEqual({ value: 6 / 15, numerator: published(6), denominator: published(15) });
    expect(county.schoolFigures.talksWithin14Days).toEqual({ value: 6 / 15, numerator: published(6), denominator: published(15) });
    expect(township(T6).schoolFigures.carePersonCoverage).toEqual({ value: 1, numerator: published(6), denominator: published(6) });
    expect(township(T5).schoolFigures.enrolment.numerator).toEqual(published(5));
    // T6's six: checked, screened, granted nutrition aid, each with a dropout case opened and escalated this term, three returned.
    const term = `checked_on >= date_trunc('month', current_date)::date - interval '6 months'`;
    const checked = await counted(
      'education',
      `SELECT count(DISTINCT child_id)::int AS n FROM file_check f JOIN registry_feed.child r USING (child_id) WHERE r.residence_region_code = $1 AND ${term}`,
      [COUNTY],
    );
    expect(county.schoolFigures.filing).toEqual({ value: checked / 15, numerator: published(checked), denominator: published(15) });
    expect(checked).toBe(6);
    expect(county.schoolFigures.screeningCoverage).toEqual({ value: 6 / 15, numerator: published(6), denominator: published(15) });
    expect(county.schoolFigures.dropoutCasesOpened).toEqual(published(6));
    expect(county.schoolFigures.dropoutCasesEscalated).toEqual(published(6));
    // 3 returned: under the threshold, so the returned rate is withheld.
    expect(county.schoolFigures.dropoutReturned).toEqual({ value: null, numerator: WITHHELD, denominator: published(6) });
    expect(county.schoolFigures.aidByKind).toContainEqual({ category: 'NUTRITION_PROGRAMME', count: published(6) });
    expect(county.schoolFigures.aidByKind.filter((entry: { count: Count }) => !entry.count.suppressed)).toHaveLength(1);
    expect(county.schoolFigures.asOf).toBe(new Date().toISOString().slice(0, 10));
  });

  it('withhold 4, publish 5 and 6', () => {
    expect(township(T4).schoolFigures.registered).toEqual(WITHHELD);
    expect(township(T5).schoolFigures.registered).toEqual(published(5));
    expect(township(T6).schoolFigures.registered).toEqual(published(6));
    // A rate is null when a part is withheld: T5's care coverage is 0 of 5.
    expect(township(T5).schoolFigures.carePersonCoverage).toEqual({ value: null, numerator: WITHHELD, denominator: published(5) });
  });
});

describe('the women’s federation’s region figures', () => {
  it('count pairings, consents and parents’ calls of the registry copy’s children by residence', async () => {
    const inCopy = await counted(
      'womens-federation',
      `SELECT count(*)::int AS n FROM registry_feed.child WHERE status = 'ACTIVE' AND residence_region_code = $1 AND is_left_behind`,
      [COUNTY],
    );
    expect(county.federationFigures.leftBehind).toEqual(published(inCopy));
    expect(county.federationFigures.registered).toEqual(published(15));
    expect(county.federationFigures.proxyParentCoverage).toEqual({ value: 6 / 15, numerator: published(6), denominator: published(15) });
    expect(county.federationFigures.pairingCoverage.numerator).toEqual(published(6));
    expect(county.federationFigures.withActiveConsent).toEqual(published(6));
    expect(township(T6).federationFigures.proxyParentCoverage).toEqual({ value: 1, numerator: published(6), denominator: published(6) });
    expect(township(T5).federationFigures.parentContactCoverage).toEqual({ value: 1, numerator: published(5), denominator: published(5) });
    expect(township(T5).federationFigures.parentContactsPerChild).toEqual({ value: 1, numerator: published(5), denominator: published(5) });
    expect(township(T4).federationFigures.registered).toEqual(WITHHELD);
    const reached = await counted(
      'womens-federation',
      `SELECT count(DISTINCT aa.child_id)::int AS n FROM activity_attendance aa JOIN activity a ON a.id = aa.activity_id
         JOIN registry_feed.child r ON r.child_id = aa.child_id WHERE a.kind = 'FAMILY_EDUCATION' AND r.residence_region_code = $1`,
      [COUNTY],
    );
    expect(reached).toBe(5);
    expect(county.federationFigures.familyEducationReach).toEqual({ value: 5 / 15, numerator: published(reached), denominator: published(15) });
    expect(township(T5).federationFigures.familyEducationReach).toEqual({ value: 1, numerator: published(5), denominator: published(5) });
  });
});

describe('a school’s summary table (附件2)', () => {
  it('counts each school’s roster: 4 withheld, 5 and 6 published, the empty school withheld too', () => {
    expect(summaries.get(schools.S4)!.onRoster).toEqual(WITHHELD);
    expect(summaries.get(schools.S0)!.onRoster).toEqual(WITHHELD);
    expect(summaries.get(schools.S5)!.onRoster).toEqual(published(5));
    const six = summaries.get(schools.S6)!;
    expect(six.onRoster).toEqual(published(6));
    expect(six.boarders).toEqual(published(6));
    expect(six.leftBehind).toEqual(published(6));
    expect(six.carePersonCoverage).toEqual({ value: 1, numerator: published(6), denominator: published(6) });
    expect(six.byParentsAway).toEqual([
      { category: 'BOTH_PARENTS_AWAY', count: published(6) },
      { category: 'ONE_PARENT_AWAY', count: WITHHELD },
      { category: 'NONE', count: WITHHELD },
    ]);
    expect(summaries.get(schools.S5)!.carePersonCoverage.numerator).toEqual(WITHHELD);
  });
});

describe('the subtraction attacks', () => {
  const singles = (figures: Figures, prefix = ''): Record<string, Count> =>
    Object.fromEntries(
      Object.entries(figures).flatMap(([name, value]) => {
        if (value && typeof value === 'object' && 'suppressed' in value) return [[`${prefix}${name}`, value as Count]];
        if (value && typeof value === 'object' && 'numerator' in value)
          return [
            [`${prefix}${name}.numerator`, (value as Rate).numerator],
            [`${prefix}${name}.denominator`, (value as Rate).denominator],
          ];
        if (Array.isArray(value)) return (value as Breakdown).map((entry) => [`${prefix}${name}:${entry.category}`, entry.count]);
        return [];
      }),
    );

  it('a county minus its other townships never gives a township’s withheld count', () => {
    for (const family of ['schoolFigures', 'federationFigures'] as const) {
      for (const figure of Object.keys(singles(county[family]))) {
        const withheld = county.children.filter((child) => singles(child[family])[figure]!.suppressed).length;
        expect({ family, figure, alone: withheld === 1 }).toEqual({ family, figure, alone: false });
      }
    }
  });

  it('a total minus its other categories never gives a withheld category', () => {
    for (const { code, schoolFigures } of [{ code: COUNTY, ...county }, ...county.children]) {
      if (schoolFigures.enrolment.numerator.suppressed) continue;
      const withheld = (schoolFigures.byEnrolmentStatus as Breakdown).filter((entry) => entry.count.suppressed).length;
      expect({ code, alone: withheld === 1 }).toEqual({ code, alone: false });
    }
    for (const [id, summary] of summaries) {
      for (const [breakdown, total] of [
        ['byParentsAway', 'onRoster'],
        ['byChange', 'leftThisTerm'],
      ] as const) {
        if (summary[total].suppressed) continue;
        const withheld = (summary[breakdown] as Breakdown).filter((entry) => entry.count.suppressed).length;
        expect({ id, breakdown, alone: withheld === 1 }).toEqual({ id, breakdown, alone: false });
      }
    }
  });

  it('a school is never singled out among its county’s schools', () => {
    expect(summaries.size).toBe(4);
    const all = [...summaries.values()];
    for (const figure of Object.keys(singles(all[0]!))) {
      const withheld = all.filter((summary) => singles(summary)[figure]!.suppressed).length;
      expect({ figure, alone: withheld === 1 }).toEqual({ figure, alone: false });
    }
  });
});

describe('cost', () => {
  /** The statements a query costs each agency. */
  async function cost(query: string, variables: Record<string, unknown>): Promise<Record<string, number>> {
    const token = await countyAnalyst();
    const names = ['education', 'womens-federation'] as const;
    const before = await Promise.all(names.map(statementCount));
    expect((await gql(query, variables, token, 'statistics')).body.errors).toBeUndefined();
    const after = await Promise.all(names.map(statementCount));
    return Object.fromEntries(names.map((name, at) => [name, after[at]! - before[at]!]));
  }

  it('a region’s children cost one statement more than one region, whatever their number; a county’s schools what one school does', async () => {
    const one = await cost(`query ($code: String!) { region(code: $code) { ${EDUCATION} ${FEDERATION} } }`, { code: T5 });
    const all = await cost(`query ($code: String!) { region(code: $code) { children { ${EDUCATION} ${FEDERATION} } } }`, { code: COUNTY });
    expect(county.children.length).toBeGreaterThan(5);
    // The county's children are one table (one statement each agency), as one township's is: only the reads recorded differ, in one statement too.
    expect(all).toEqual(one);
    expect(one.education).toBeGreaterThan(0);
    expect(one['womens-federation']).toBeGreaterThan(0);
    const school = await cost(`query ($id: ID!) { school(id: $id) { ${SUMMARY} } }`, { id: schools.S6 });
    const list = await cost(SCHOOLS, { p: COUNTY });
    expect(list.education).toBe(school.education);
  });
});

describe('who reads the figures', () => {
  it('an analyst within its jurisdiction and for statistics only; outside it, or without the purpose, nothing', async () => {
    const analyst = await tokenFor({ ...principals.analyst, sub: 'test:xiaoxian-analyst', jurisdiction: ['341322'] });
    const outside = await gql(
      `query ($code: String!) { region(code: $code) { schoolFigures { registered { value } } federationFigures { registered { value } } } }`,
      { code: COUNTY },
      analyst,
      'statistics',
    );
    expect(codes(outside).sort()).toEqual(['OUTSIDE_JURISDICTION', 'OUTSIDE_JURISDICTION']);
    expect(outside.body.data.region).toEqual({ schoolFigures: null, federationFigures: null });
    const school = await gql(`query ($id: ID!) { school(id: $id) { summaryFigures { onRoster { value } } } }`, { id: schools.S6 }, analyst, 'statistics');
    expect(codes(school)).toEqual(['OUTSIDE_JURISDICTION']);
    expect(school.body.data.school.summaryFigures).toBeNull();

    const token = await countyAnalyst();
    expect(codes(await gql(REGION, { code: COUNTY }, token, null))).toContain('PURPOSE_REQUIRED');
    // A future day is refused; a past day without a recording says so, in every agency.
    for (const [day, code] of [
      ['2099-01-01', 'BAD_USER_INPUT'],
      ['2020-01-01', 'FIGURES_NOT_RECORDED'],
    ]) {
      const response = await gql(
        `query ($id: ID!) { region(code: "${COUNTY}") { schoolFigures(asOf: "${day}") { asOf } federationFigures(asOf: "${day}") { asOf } }
           school(id: $id) { summaryFigures(asOf: "${day}") { asOf } } }`,
        { id: schools.S6 },
        token,
        'statistics',
      );
      expect({ day, codes: codes(response) }).toEqual({ day, codes: [code, code, code] });
      expect(response.body.data.region).toEqual({ schoolFigures: null, federationFigures: null });
      expect(response.body.data.school.summaryFigures).toBeNull();
    }

    // A township analyst: its township's school, not a neighbour's, not through the county's list either.
    const local = await tokenFor({ ...principals.analyst, sub: 'test:luyang-township-analyst', jurisdiction: [T6] });
    const own = await gql(`query ($id: ID!) { school(id: $id) { summaryFigures { onRoster { value } } } }`, { id: schools.S6 }, local, 'statistics');
    expect(own.body.data.school.summaryFigures.onRoster.value).toBe(6);
    const neighbour = await gql(`query ($id: ID!) { school(id: $id) { summaryFigures { onRoster { value } } } }`, { id: schools.S5 }, local, 'statistics');
    expect(codes(neighbour)).toEqual(['OUTSIDE_JURISDICTION']);
    const through = await gql(SCHOOLS, { p: COUNTY }, local, 'statistics');
    const opened = through.body.data.schools.edges
      .filter((edge: { node: { summaryFigures: unknown } }) => edge.node.summaryFigures)
      .map((edge: { node: { id: string } }) => edge.node.id);
    expect(opened).toEqual([schools.S6]);
  });

  it('gives every other role nothing of the figures', async () => {
    for (const role of ['county-education-officer', 'womens-federation-officer', 'civil-affairs-case-worker', 'school-care-teacher'] as const) {
      const principal = { ...principals[role], jurisdiction: [COUNTY] };
      const response = await gql(
        `query ($code: String!, $id: ID!) { region(code: $code) { schoolFigures { registered { value } } federationFigures { registered { value } } } school(id: $id) { summaryFigures { onRoster { value } } } }`,
        { code: COUNTY, id: schools.S6 },
        await tokenFor(principal),
        principal.purposes[0],
      );
      const figures = [
        response.body.data?.region?.schoolFigures,
        response.body.data?.region?.federationFigures,
        response.body.data?.school?.summaryFigures,
      ].map((value) => value ?? null);
      expect({ role, figures, codes: [...new Set(codes(response))] }).toEqual({ role, figures: [null, null, null], codes: ['UNAUTHORIZED_FIELD_OR_TYPE'] });
    }
  });

  it('names no child by any path from Region or from a school’s summary', () => {
    const schema = buildSchema(readFileSync(join(__dirname, '..', '..', 'schema', 'api.graphql'), 'utf8'));
    const seen = new Set<string>();
    const walk = (type: GraphQLObjectType) => {
      if (seen.has(type.name)) return;
      seen.add(type.name);
      for (const field of Object.values(type.getFields())) {
        const named = getNamedType(field.type);
        if (isObjectType(named)) walk(named);
      }
    };
    walk(schema.getType('Region') as GraphQLObjectType);
    walk(schema.getType('SchoolSummaryFigures') as GraphQLObjectType);
    expect([...seen].sort()).toEqual(
      ['CategoryCount', 'ChildFigures', 'Count', 'EducationFigures', 'FederationFigures', 'Rate', 'Region', 'SchoolSummaryFigures'].sort(),
    );
  });

  it('records every read in the agency’s own report_read', async () => {
    const reads = async (name: 'education' | 'womens-federation', where: string, params: unknown[]) => {
      const owner = await database(name);
      try {
        return (await owner.query(`SELECT actor, purpose, region_code, school_id, figures FROM report_read WHERE ${where}`, params)).rows;
      } finally {
        await owner.end();
      }
    };
    expect(await reads('education', 'region_code = $1 AND school_id IS NULL AND actor = $2', [T5, 'test:luyang-analyst'])).toContainEqual({
      actor: 'test:luyang-analyst',
      purpose: 'statistics',
      region_code: T5,
      school_id: null,
      figures: [
        'aidByKind',
        'asOf',
        'byEnrolmentStatus',
        'carePersonCoverage',
        'dropoutCasesEscalated',
        'dropoutCasesOpened',
        'dropoutReturned',
        'enrolment',
        'filing',
        'registered',
        'screeningCoverage',
        'talksWithin14Days',
        'threshold',
      ],
    });
    expect(await reads('education', 'school_id = $1 AND actor = $2', [schools.S4, 'test:luyang-analyst'])).toContainEqual(
      expect.objectContaining({ region_code: T4, school_id: schools.S4, purpose: 'statistics' }),
    );
    expect(await reads('womens-federation', 'region_code = $1 AND actor = $2', [COUNTY, 'test:luyang-analyst'])).toContainEqual(
      expect.objectContaining({ purpose: 'statistics', school_id: null }),
    );
    // The service's own role reads nothing of the record without audit:read, and writes none as someone else.
    const app = await database('education', 'app');
    try {
      expect((await app.query(`SELECT count(*)::int AS n FROM report_read`)).rows[0].n).toBe(0);
    } finally {
      await app.end();
    }
  });
});

describe('figures as recorded on a day', () => {
  const PAST = '2025-09-01';
  const PAST_REGION = `query ($code: String!) { region(code: $code) { schoolFigures(asOf: "${PAST}") { asOf recordedAt registered ${C} carePersonCoverage ${R} }
    federationFigures(asOf: "${PAST}") { asOf recordedAt registered ${C} proxyParentCoverage ${R} }
    children { code schoolFigures(asOf: "${PAST}") { registered ${C} } federationFigures(asOf: "${PAST}") { registered ${C} } } } }`;
  const PAST_SCHOOLS = `query ($p: String) { schools(regionPrefix: $p, first: 20) { edges { node { id summaryFigures(asOf: "${PAST}") { asOf recordedAt onRoster ${C} } } } } }`;
  const TODAY = `query ($code: String!, $id: ID!) { region(code: $code) { schoolFigures { registered ${C} recordedAt } federationFigures { registered ${C} recordedAt }
    children { code schoolFigures { registered ${C} } } } school(id: $id) { summaryFigures { onRoster ${C} recordedAt } } }`;

  /** Keeps today's recording of the county as the figures of a past day (as if recorded on it). */
  async function keepAsPast(): Promise<void> {
    for (const [name, tables] of [
      ['education', ['region_figure_day', 'school_figure_day']],
      ['womens-federation', ['region_figure_day']],
    ] as const) {
      const owner = await database(name);
      try {
        await owner.query(`INSERT INTO figure_recording (as_of) VALUES ($1)`, [PAST]);
        for (const table of tables) {
          const columns = table === 'school_figure_day' ? 'county, school_id, figure, n' : 'county, township, figure, n';
          await owner.query(`INSERT INTO ${table} (as_of, ${columns}) SELECT $1::date, ${columns} FROM ${table} WHERE as_of = current_date AND county = $2`, [
            PAST,
            COUNTY,
          ]);
        }
      } finally {
        await owner.end();
      }
    }
  }

  afterAll(async () => {
    for (const name of ['education', 'womens-federation'] as const) {
      const owner = await database(name);
      try {
        await owner.query(`DELETE FROM figure_recording WHERE as_of = $1`, [PAST]);
        await owner.query(`DELETE FROM region_figure_day WHERE as_of = $1`, [PAST]);
        if (name === 'education') await owner.query(`DELETE FROM school_figure_day WHERE as_of = $1`, [PAST]);
      } finally {
        await owner.end();
      }
    }
  });

  it('were recorded by each subgraph at its start, and again once its copy of the registry set caught up', () => {
    expect(atStart.body.errors).toBeUndefined();
    expect(atStart.body.data.region.schoolFigures.registered.value).toBeGreaterThan(0);
    expect(atStart.body.data.region.federationFigures.registered.value).toBeGreaterThan(0);
  });

  it('keep a past day’s figures as recorded that day, in both agencies and for every school, whatever changed since', async () => {
    const token = await countyAnalyst();
    const read = async (query: string, variables: Record<string, unknown>) => {
      const response = await gql(query, variables, token, 'statistics');
      expect(response.body.errors).toBeUndefined();
      return response.body.data;
    };
    await keepAsPast();
    const before = await read(PAST_REGION, { code: COUNTY });
    expect(before.region.schoolFigures).toMatchObject({ asOf: PAST, registered: published(15), carePersonCoverage: { value: 6 / 15 } });
    expect(before.region.federationFigures).toMatchObject({ asOf: PAST, registered: published(15), proxyParentCoverage: { value: 6 / 15 } });
    const pastTownship = (data: typeof before, code: string) => data.region.children.find((child: { code: string }) => child.code === code);
    expect(pastTownship(before, T4).schoolFigures.registered).toEqual(WITHHELD);
    expect(pastTownship(before, T5).federationFigures.registered).toEqual(published(5));
    const schoolsBefore = await read(PAST_SCHOOLS, { p: COUNTY });
    const pastSummary = (data: typeof schoolsBefore, id: string) =>
      data.schools.edges.find((edge: { node: { id: string } }) => edge.node.id === id).node.summaryFigures;
    expect(pastSummary(schoolsBefore, schools.S6)).toMatchObject({ asOf: PAST, onRoster: published(6) });
    expect(pastSummary(schoolsBefore, schools.S4).onRoster).toEqual(WITHHELD);
    expect(pastSummary(schoolsBefore, schools.S5).onRoster).toEqual(published(5));

    // One more child in T5, at S5: today's figures move only when recorded again, the past day's never.
    await place(T5, 1, schools.S5);
    const today = () => read(TODAY, { code: COUNTY, id: schools.S5 });
    const stale = await today();
    expect([stale.region.schoolFigures.registered, stale.region.federationFigures.registered, stale.school.summaryFigures.onRoster]).toEqual([
      published(15),
      published(15),
      published(5),
    ]);
    const recording = Date.now();
    await recordFigures();
    const fresh = await today();
    expect([fresh.region.schoolFigures.registered, fresh.region.federationFigures.registered, fresh.school.summaryFigures.onRoster]).toEqual([
      published(16),
      published(16),
      published(6),
    ]);
    for (const recordedAt of [fresh.region.schoolFigures.recordedAt, fresh.region.federationFigures.recordedAt, fresh.school.summaryFigures.recordedAt])
      expect(Date.parse(recordedAt)).toBeGreaterThanOrEqual(recording - 1000);
    expect(await read(PAST_REGION, { code: COUNTY })).toEqual(before);
    expect(await read(PAST_SCHOOLS, { p: COUNTY })).toEqual(schoolsBefore);
  });

  it('are the owner’s: the application role reads no recorded count, nor, without report:aggregate, their sums', async () => {
    for (const [name, tables, sums] of [
      [
        'education',
        ['region_figure_day', 'school_figure_day', 'figure_recording'],
        [
          `SELECT count(*)::int AS n FROM region_school_counts_on($1, '', 'province')`,
          `SELECT count(*)::int AS n FROM school_roster_counts_on($1, '${COUNTY}')`,
          `SELECT count(*)::int AS n FROM region_figure_recordings(ARRAY[$1::date])`,
        ],
      ],
      [
        'womens-federation',
        ['region_figure_day', 'figure_recording'],
        [
          `SELECT count(*)::int AS n FROM region_federation_counts_on($1, '', 'province')`,
          `SELECT count(*)::int AS n FROM region_figure_recordings(ARRAY[$1::date])`,
        ],
      ],
    ] as const) {
      const app = await database(name, 'app');
      try {
        for (const table of tables) await expect(app.query(`SELECT * FROM ${table}`)).rejects.toThrow(/permission denied/);
        // The per-child counts behind the recorder are the owner's alone.
        const perChild = name === 'education' ? `school_child_figures_today('')` : `federation_child_figures_today('')`;
        await expect(app.query(`SELECT * FROM ${perChild}`)).rejects.toThrow(/permission denied/);
        for (const sql of sums)
          expect({ name, sql, rows: (await app.query(sql, [new Date().toISOString().slice(0, 10)])).rows[0].n }).toEqual({ name, sql, rows: 0 });
      } finally {
        await app.end();
      }
    }
  });
});
