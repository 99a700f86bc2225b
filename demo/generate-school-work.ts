import { Faker, base, zh_CN } from '@faker-js/faker';
import { composeNationalId } from '../standards/national-id';
import { demoCounties } from './counties';
import type {
  DemoActivity,
  DemoChild,
  DemoDropoutCase,
  DemoEnrolment,
  DemoFileCheck,
  DemoParentContact,
  DemoSchool,
  DemoSchoolWork,
  DemoScreening,
  DemoWorld,
} from './world';

/**
 * The school's and the federation's work in the demo world, with the shares of a county at work:
 * most talks on time, a handful of open dropout cases of which one or two are overdue for
 * escalation, one serious wellbeing finding whose contact with the guardian is overdue, most
 * schools' term sweeps done in the week, aid, visits, children's homes, family education and
 * calls with the parents. It draws from its own random stream, so the rest of the world (made
 * before it) is the same as without it.
 */
export function generateSchoolWork(world: DemoWorld, seed: number): DemoSchoolWork {
  const faker = new Faker({ locale: [zh_CN, base] });
  faker.seed([seed, 12]);
  const reference = world.referenceDate;
  const daysAgo = (days: number) => shiftDate(reference, -days);
  const pick = <T>(values: readonly T[]): T => faker.helpers.arrayElement(values);
  const chance = (probability: number) => faker.datatype.boolean(probability);
  const person = () => `${faker.person.lastName()}${faker.person.firstName()}`;
  const phone = () => `1${pick(['3', '5', '8'])}${faker.string.numeric(9)}`;
  const uuid = () => faker.string.uuid();

  const children = new Map(world.children.map((child) => [child.id, child]));
  const schools = new Map(world.schools.map((school) => [school.id, school]));
  const careByChild = new Map(world.careAssignments.map((care) => [care.childId, care]));
  const counties = demoCounties();
  const enrolled = world.enrolments.map((enrolment) => ({ enrolment, child: children.get(enrolment.childId)!, school: schools.get(enrolment.schoolId)! }));
  const covered = enrolled.filter(({ child }) => isLeftBehind(child, reference));
  const term = termOf(reference);
  const termStart = `${term.year}-${term.season === 'SPRING' ? '03' : '09'}-01`;
  const sinceTermStart = Math.max(0, daysBetween(termStart, reference));

  const work: DemoSchoolWork = {
    talks: [],
    absences: [],
    dropoutCases: [],
    homeVisits: [],
    academicSupport: [],
    boardingLeaves: [],
    screenings: [],
    aid: [],
    fileChecks: [],
    enrolmentNotices: [],
    proposals: [],
    helperOccupations: {},
    endedPairings: [],
    childrensHomes: [],
    activities: [],
    parentContacts: [],
  };

  // Talks: most left-behind pupils with a care person had one in the last two weeks.
  for (const { child } of covered) {
    const care = careByChild.get(child.id);
    if (!care || !chance(0.88)) continue;
    work.talks.push({
      id: uuid(),
      childId: child.id,
      heldOn: daysAgo(faker.number.int({ min: 1, max: 13 })),
      heldBy: care.teacherName,
      summary: pick(['情绪稳定，和爷爷奶奶相处融洽', '想念父母，约定周末亲情电话', '学习有进步，鼓励继续保持', '与同学闹矛盾，已疏导']),
    });
  }

  // The dropout ledger: a case on track, one escalated as the rules require and one closed in each
  // county; in the first two counties one more overdue for escalation. At the county's first school
  // where possible (the demo school staff's).
  const caseChildren = new Set<string>();
  counties.forEach((county, countyIndex) => {
    const firstSchool = world.schools.find((school) => school.regionCode === county.code)!;
    const candidates = covered.filter(({ school }) => school.regionCode === county.code);
    const choose = () => {
      const pool = candidates.filter(({ child, school }) => !caseChildren.has(child.id) && school.id === firstSchool.id);
      const found = pick(pool.length ? pool : candidates.filter(({ child }) => !caseChildren.has(child.id)));
      caseChildren.add(found.child.id);
      return found;
    };
    if (candidates.length < 4) return;
    const kinds: CaseKind[] = ['ON_TRACK', 'ESCALATED', 'CLOSED', ...(countyIndex < 2 ? (['OVERDUE'] as const) : [])];
    for (const kind of kinds) work.dropoutCases.push(dropoutCase(kind, choose().enrolment));
  });

  function dropoutCase(kind: CaseKind, enrolment: DemoEnrolment): DemoDropoutCase {
    const unexcused = { ON_TRACK: 2, ESCALATED: 9, OVERDUE: 9, CLOSED: 3 }[kind];
    const lastDay = kind === 'CLOSED' ? 35 : 1;
    const days = schoolDays(reference, lastDay, unexcused);
    for (const absentOn of days)
      work.absences.push({ id: uuid(), childId: enrolment.childId, schoolId: enrolment.schoolId, absentOn, excused: false, reason: '无故旷课' });
    const absentSince = days[0];
    const teacher = careByChild.get(enrolment.childId)?.teacherName ?? person();
    const attempt = (offset: number, outcome: 'FAILED' | 'RETURNED', persuader: 'SCHOOL' | 'TOWNSHIP' = 'SCHOOL') => ({
      id: uuid(),
      attemptedOn: notAfter(shiftDate(absentSince, offset), reference),
      persuader,
      persuadedBy: persuader === 'SCHOOL' ? `班主任 ${teacher}` : '镇政府 控辍保学专干',
      outcome,
      note: outcome === 'FAILED' ? pick(['孩子不愿返校，祖父母劝说无力', '家长在外务工，电话中同意督促，孩子仍未返校']) : '已返校上课',
    });
    const persuasions = {
      ON_TRACK: [attempt(1, 'FAILED')],
      ESCALATED: [attempt(2, 'FAILED'), attempt(5, 'FAILED'), attempt(12, 'FAILED', 'TOWNSHIP')],
      OVERDUE: [attempt(2, 'FAILED'), attempt(6, 'FAILED')],
      CLOSED: [attempt(2, 'RETURNED')],
    }[kind];
    const escalations =
      kind === 'ESCALATED'
        ? (['TOWNSHIP_GOVERNMENT', 'COUNTY_BUREAU'] as const).map((target) => ({
            id: uuid(),
            target,
            reportedOn: notAfter(shiftDate(absentSince, 11), reference),
            reportedBy: '校长',
            note: target === 'COUNTY_BUREAU' ? '书面报告已送县教体局' : '已报镇政府启动劝返复学程序',
          }))
        : [];
    return {
      id: uuid(),
      childId: enrolment.childId,
      schoolId: enrolment.schoolId,
      cause: 'UNEXCUSED_ABSENCE',
      absentSince,
      openedOn: absentSince,
      closedOn: kind === 'CLOSED' ? shiftDate(absentSince, 3) : null,
      outcome: kind === 'CLOSED' ? 'RETURNED' : null,
      closingNote: kind === 'CLOSED' ? '劝返成功，已复学' : null,
      persuasions,
      escalations,
    };
  }

  // Absences: a few pupils off sick or on leave (excused); the unexcused ones are the dropout cases' above.
  for (const { enrolment } of enrolled) {
    if (caseChildren.has(enrolment.childId) || !chance(0.06)) continue;
    const days = new Set(
      faker.helpers.multiple(() => schoolDay(reference, faker.number.int({ min: 1, max: 30 })), { count: faker.number.int({ min: 1, max: 3 }) }),
    );
    for (const absentOn of days) {
      work.absences.push({
        id: uuid(),
        childId: enrolment.childId,
        schoolId: enrolment.schoolId,
        absentOn,
        excused: true,
        reason: pick(['病假', '事假', '发烧']),
      });
    }
  }

  // Care beyond talks: home visits, tutoring, boarders' leave checked with the guardian.
  for (const { child, enrolment } of covered) {
    const care = careByChild.get(child.id);
    const visitor = care ? `班主任 ${care.teacherName}` : person();
    if (chance(0.55)) {
      work.homeVisits.push({
        id: uuid(),
        childId: child.id,
        schoolId: enrolment.schoolId,
        visitedOn: daysAgo(faker.number.int({ min: 3, max: 150 })),
        kind: chance(0.3) ? 'HOLIDAY_SAFETY' : 'HOME_VISIT',
        visitors: visitor,
        findings: pick(['祖父母身体尚可，居住安全', '已讲解防溺水、用电安全', '监护人年迈，建议村委会多关注', '家中学习环境较差，已协调课后服务']),
      });
    }
    if (chance(0.07)) {
      const startsOn = daysAgo(faker.number.int({ min: 10, max: 120 }));
      work.academicSupport.push({
        id: uuid(),
        childId: child.id,
        schoolId: enrolment.schoolId,
        subject: pick(['语文', '数学', '英语']),
        difficulty: pick(['基础薄弱，作业完成困难', '学习习惯较差', '有厌学情绪']),
        tutor: person(),
        startsOn,
        endsOn: chance(0.5) ? shiftDate(startsOn, 90) : null,
      });
    }
    if (enrolment.boarding && chance(0.12)) {
      const leavesOn = schoolDay(reference, faker.number.int({ min: 2, max: 40 }));
      const guardian = child.guardianship;
      work.boardingLeaves.push({
        id: uuid(),
        childId: child.id,
        schoolId: enrolment.schoolId,
        leavesOn,
        returnsOn: shiftDate(leavesOn, faker.number.int({ min: 1, max: 3 })),
        reason: pick(['回家看病', '家中有事', '参加亲属婚礼']),
        guardianName: guardian.guardianName ?? child.father.name,
        guardianRelationship: guardian.guardianRelationship ?? '父亲',
        checkedVia: chance(0.85) ? 'PHONE' : 'IN_PERSON',
        checkedAt: new Date(`${shiftDate(leavesOn, -1)}T09:30:00Z`),
        approvedBy: chance(0.6) ? visitor : `宿管 ${person()}`,
      });
    }
  }

  // Wellbeing: this term's screenings; serious findings reported to the guardian within the
  // deadline, but for one at the demo county's first school, overdue.
  const demoSchool = world.schools.find((school) => school.regionCode === counties[0].code)!;
  let overdueDone = false;
  for (const { child, enrolment } of covered) {
    const forcedOverdue = !overdueDone && enrolment.schoolId === demoSchool.id && !caseChildren.has(child.id);
    if (!forcedOverdue && !chance(0.45)) continue;
    const riskLevel = forcedOverdue
      ? 'SERIOUS'
      : faker.helpers.weightedArrayElement([
          { value: 'NONE' as const, weight: 72 },
          { value: 'MILD' as const, weight: 17 },
          { value: 'MODERATE' as const, weight: 9 },
          { value: 'SERIOUS' as const, weight: 2 },
        ]);
    const screenedOn = forcedOverdue ? daysAgo(6) : daysAgo(faker.number.int({ min: 4, max: Math.max(4, Math.min(70, sinceTermStart)) }));
    const counsellor = `心理老师 ${person()}`;
    const screening: DemoScreening = {
      id: uuid(),
      childId: child.id,
      schoolId: enrolment.schoolId,
      screenedOn,
      instrument: pick(['MHT 心理健康诊断测验', 'SDQ 长处与困难问卷', '个别访谈']),
      riskLevel,
      screenedBy: counsellor,
      notes: riskLevel === 'NONE' ? null : pick(['孤独感较强', '焦虑倾向', '睡眠差，情绪低落', '有自伤念头，需密切关注']),
      contact: null,
      intervention: null,
    };
    if (riskLevel === 'SERIOUS' && !forcedOverdue) {
      screening.contact = {
        id: uuid(),
        contactedOn: shiftDate(screenedOn, faker.number.int({ min: 0, max: 2 })),
        contactedName: child.guardianship.guardianName ?? child.mother.name,
        relationship: child.guardianship.guardianRelationship ?? '母亲',
        channel: pick(['PHONE', 'VIDEO'] as const),
        contactedBy: counsellor,
        notes: '已告知家长，约定共同关注并到医院复诊',
      };
    }
    if (riskLevel === 'MODERATE' || riskLevel === 'SERIOUS') {
      screening.intervention = {
        id: uuid(),
        startedOn: shiftDate(screenedOn, 1) > reference ? screenedOn : shiftDate(screenedOn, 1),
        kind: riskLevel === 'SERIOUS' ? 'REFERRAL' : 'INDIVIDUAL_COUNSELLING',
        providedBy: counsellor,
        notes: '每周一次个体辅导',
      };
    }
    if (forcedOverdue) overdueDone = true;
    work.screenings.push(screening);
  }

  // Aid for this term.
  const grantedOn = [shiftDate(termStart, 20), reference].sort()[0];
  for (const { child, enrolment } of covered) {
    const grant = (kind: DemoSchoolWork['aid'][number]['kind'], amount: number | null) =>
      work.aid.push({ id: uuid(), childId: child.id, schoolId: enrolment.schoolId, termYear: term.year, termSeason: term.season, kind, amount, grantedOn });
    grant('FREE_TEXTBOOKS', null);
    if (chance(0.8)) grant('NUTRITION_PROGRAMME', 400);
    if (enrolment.boarding && chance(0.6)) grant('BOARDING_LIVING_ALLOWANCE', enrolment.grade <= 6 ? 500 : 625);
    if (chance(0.08)) grant('MEAL_FEE_WAIVER', 300);
    if (chance(0.1)) grant('AFTER_SCHOOL_FEE_WAIVER', 150);
  }

  // The term sweep: most schools checked every file in the week; in each county one school was late and one is not done.
  const schoolsByCounty = new Map<string, DemoSchool[]>();
  for (const school of world.schools) schoolsByCounty.set(school.regionCode, [...(schoolsByCounty.get(school.regionCode) ?? []), school]);
  for (const countySchools of schoolsByCounty.values()) {
    countySchools.forEach((school, index) => {
      const mode = index === 2 ? 'LATE' : index === 3 ? 'UNFINISHED' : 'ON_TIME';
      for (const { child } of covered.filter(({ enrolment }) => enrolment.schoolId === school.id)) {
        if (mode === 'UNFINISHED' && !chance(0.7)) continue;
        const offset = mode === 'LATE' ? faker.number.int({ min: 7, max: 20 }) : faker.number.int({ min: 0, max: 6 });
        const checkedOn = [shiftDate(termStart, offset), reference].sort()[0];
        const check: DemoFileCheck = {
          id: uuid(),
          childId: child.id,
          schoolId: school.id,
          termYear: term.year,
          termSeason: term.season,
          checkedOn,
          checkedBy: careByChild.get(child.id)?.teacherName ?? person(),
          findings: chance(0.8) ? '信息无变化' : pick(['父亲已返乡务工结束，待核实', '监护人变更为外祖母', '已家访核实']),
        };
        work.fileChecks.push(check);
      }
    });
  }

  // Enrolment notices for most school-age left-behind children not at school.
  const enrolledIds = new Set(world.enrolments.map((enrolment) => enrolment.childId));
  for (const child of world.children) {
    const age = ageFromBirthMonth(child.birthDate.slice(0, 7), reference);
    if (enrolledIds.has(child.id) || age < 6 || age > 15 || !isLeftBehind(child, reference) || !chance(0.6)) continue;
    const school = pick(world.schools.filter((candidate) => candidate.regionCode === child.residenceRegionCode && candidate.type !== 'JUNIOR_SECONDARY'));
    const issuedOn = daysAgo(faker.number.int({ min: 5, max: 40 }));
    work.enrolmentNotices.push({
      id: uuid(),
      childId: child.id,
      regionCode: child.residenceRegionCode,
      schoolId: school.id,
      issuedOn,
      reportBy: shiftDate(issuedOn, 14),
      note: '会同乡镇政府送达监护人',
    });
  }

  // Proposals awaiting review: two at each county's first school, children the registry has not filed.
  counties.forEach((county) => {
    const school = world.schools.find((candidate) => candidate.regionCode === county.code)!;
    for (const sequence of [998, 999]) {
      const gender = sequence % 2 === 1 ? ('MALE' as const) : ('FEMALE' as const);
      const birthDate = daysAgo(faker.number.int({ min: 7, max: 12 }) * 365 + faker.number.int({ min: 0, max: 300 }));
      const surname = faker.person.lastName();
      const village = `${pick(county.townships)}${pick(['东', '西', '新'])}庄村`;
      const away = daysAgo(faker.number.int({ min: 120, max: 900 }));
      work.proposals.push({
        id: uuid(),
        childId: uuid(),
        schoolId: school.id,
        name: `${surname}${faker.person.firstName(gender === 'MALE' ? 'male' : 'female')}`,
        gender,
        className: `${faker.number.int({ min: 1, max: 6 })}年级${faker.number.int({ min: 1, max: 3 })}班`,
        birthDate,
        ethnicity: '汉族',
        nationalId: composeNationalId(county.code, birthDate, sequence),
        householdRegionCode: county.code,
        householdVillage: village,
        residenceRegionCode: county.code,
        residenceVillage: village,
        father: {
          name: `${surname}${faker.person.firstName('male')}`,
          phone: phone(),
          workPlace: '广东省东莞市',
          awaySince: away,
          unableToGuard: false,
          unableReason: null,
        },
        mother: { name: person(), phone: phone(), workPlace: '浙江省宁波市', awaySince: away, unableToGuard: false, unableReason: null },
        guardian: { form: 'GRANDPARENTS', name: person(), relationship: pick(['祖母', '外祖母']), phone: phone(), address: `${county.name}${village}` },
        concerns: pick(['性格内向，想念父母', '学习成绩下滑', '祖父母年迈，照料不周']),
      });
    }
  });

  generateFederationWork(world, work, { faker, daysAgo, pick, chance, person, phone, uuid });
  return work;
}

type CaseKind = 'ON_TRACK' | 'ESCALATED' | 'OVERDUE' | 'CLOSED';

interface Draw {
  faker: Faker;
  daysAgo: (days: number) => string;
  pick: <T>(values: readonly T[]) => T;
  chance: (probability: number) => boolean;
  person: () => string;
  phone: () => string;
  uuid: () => string;
}

/** Helpers' occupations, ended pairings, children's homes with their activities, family education, partners' visits, calls with the parents. */
function generateFederationWork(world: DemoWorld, work: DemoSchoolWork, draw: Draw): void {
  const { faker, daysAgo, pick, chance, person, phone, uuid } = draw;
  const reference = world.referenceDate;
  const covered = world.children.filter((child) => isLeftBehind(child, reference));
  const schoolOf = new Map(world.enrolments.map((enrolment) => [enrolment.childId, enrolment.schoolId]));

  for (const pairing of world.pairings)
    work.helperOccupations[pairing.id] = pick(['小学教师', '村医', '个体户', '村干部', '退休教师', '护士', '公务员', '大学生志愿者']);
  for (const pairing of world.pairings.filter(() => chance(0.04))) {
    const until = daysAgo(faker.number.int({ min: 30, max: 200 }));
    work.endedPairings.push({
      ...pairing,
      id: uuid(),
      helperName: person(),
      helperPhone: phone(),
      since: shiftDate(until, -faker.number.int({ min: 100, max: 400 })),
      until,
      helperOccupation: pick(['村干部', '个体户']),
      endReason: pick(['结对人外出务工', '结对人工作调动', '孩子随父母进城生活']),
    });
  }

  for (const county of demoCounties()) {
    const children = covered.filter((child) => child.residenceRegionCode === county.code);
    if (!children.length) continue;
    const homes = [0, 1].map((index) => ({
      id: uuid(),
      name: index === 0 ? `${pick(county.townships)}${pick(['东', '西', '新'])}庄村儿童之家` : `${county.name}留守儿童之家`,
      regionCode: county.code,
      village: index === 0 ? `${pick(county.townships)}村委会` : '乡镇中心小学',
      managerName: person(),
      managerPhone: phone(),
      openedOn: daysAgo(faker.number.int({ min: 365, max: 5 * 365 })),
    }));
    work.childrensHomes.push(...homes);
    const attendees = (count: number) => faker.helpers.arrayElements(children, Math.min(count, children.length));
    for (const home of homes) {
      for (let index = 0; index < 5; index++) {
        work.activities.push({
          id: uuid(),
          kind: 'CHILDRENS_HOME_ACTIVITY',
          title: pick(['周末作业辅导', '绘本阅读', '防溺水安全教育', '手工与游戏', '亲情视频通话日']),
          heldOn: daysAgo(faker.number.int({ min: 1, max: 90 })),
          regionCode: county.code,
          childrensHomeId: home.id,
          programmeId: null,
          partnerId: null,
          ledBy: home.managerName,
          notes: null,
          attendance: attendees(faker.number.int({ min: 6, max: 15 })).map((child) => ({ childId: child.id, attendee: 'CHILD', attendeeName: null })),
        });
      }
    }
    for (const title of ['家长学校：隔代教养讲座', '线上家庭教育课：如何与孩子视频沟通']) {
      work.activities.push({
        id: uuid(),
        kind: 'FAMILY_EDUCATION',
        title,
        heldOn: daysAgo(faker.number.int({ min: 5, max: 60 })),
        regionCode: county.code,
        childrensHomeId: null,
        programmeId: null,
        partnerId: null,
        ledBy: `县妇联 ${person()}`,
        notes: null,
        attendance: attendees(faker.number.int({ min: 8, max: 20 })).map((child) => ({
          childId: child.id,
          attendee: child.guardianship.form === 'ONE_PARENT' ? (child.guardianship.guardianRelationship === '父亲' ? 'FATHER' : 'MOTHER') : 'GUARDIAN',
          attendeeName: child.guardianship.guardianName,
        })),
      });
    }
    // The county partner's own work, with the children it reaches (paired, consented).
    const programmes = world.programmes.filter((programme) => programme.regionCode === county.code);
    const consented = new Set(world.consents.map((consent) => `${consent.partnerId}:${consent.childId}`));
    for (const programme of programmes) {
      const reached = world.pairings.filter((pairing) => pairing.programmeId === programme.id && consented.has(`${programme.partnerId}:${pairing.childId}`));
      if (!reached.length) continue;
      const activity = (kind: DemoActivity['kind'], title: string, childIds: string[]): DemoActivity => ({
        id: uuid(),
        kind,
        title,
        heldOn: daysAgo(faker.number.int({ min: 2, max: 45 })),
        regionCode: county.code,
        childrensHomeId: null,
        programmeId: programme.id,
        partnerId: programme.partnerId,
        ledBy: `社工 ${person()}`,
        notes: null,
        attendance: childIds.map((childId) => ({ childId, attendee: 'CHILD', attendeeName: null })),
      });
      work.activities.push(
        activity(
          'PROGRAMME_ACTIVITY',
          '周末户外拓展',
          faker.helpers.arrayElements(reached, Math.min(10, reached.length)).map((pairing) => pairing.childId),
        ),
      );
      for (const pairing of faker.helpers.arrayElements(reached, Math.min(3, reached.length)))
        work.activities.push(activity('HOME_VISIT', '入户探访', [pairing.childId]));
    }
  }

  for (const child of covered) {
    if (!chance(0.45)) continue;
    for (let count = faker.number.int({ min: 1, max: 3 }); count > 0; count--) {
      const schoolId = schoolOf.get(child.id) ?? null;
      const arrangedBy: DemoParentContact['arrangedBy'] = schoolId && chance(0.7) ? 'SCHOOL' : chance(0.65) ? 'CHILDRENS_HOME' : 'WOMENS_FEDERATION';
      work.parentContacts.push({
        id: uuid(),
        childId: child.id,
        contactedOn: daysAgo(faker.number.int({ min: 1, max: 30 })),
        channel: chance(0.4) ? 'VIDEO' : 'PHONE',
        parent: pick(['FATHER', 'MOTHER', 'BOTH'] as const),
        arrangedBy,
        schoolId: arrangedBy === 'SCHOOL' ? schoolId : null,
        regionCode: child.residenceRegionCode,
        minutes: faker.number.int({ min: 5, max: 30 }),
        notes: null,
      });
    }
  }
}

/** The national definition, as civil affairs derives it: under 16, both parents away 3 months or more, or one away and the other unable. */
function isLeftBehind(child: DemoChild, reference: string): boolean {
  const threeMonthsAgo = shiftMonths(reference, -3);
  const sixteenYearsAgo = shiftMonths(reference, -16 * 12);
  if (child.birthDate <= sixteenYearsAgo) return false;
  const parents = [child.father, child.mother];
  const away = parents.filter((parent) => parent.awaySince !== null && parent.awaySince <= threeMonthsAgo).length;
  const presentUnable = parents.some((parent) => (parent.awaySince === null || parent.awaySince > threeMonthsAgo) && parent.unableToGuard);
  return away === 2 || (away === 1 && presentUnable);
}

function notAfter(date: string, last: string): string {
  return date > last ? last : date;
}

function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function shiftMonths(date: string, months: number): string {
  const shifted = new Date(`${date}T00:00:00Z`);
  shifted.setUTCMonth(shifted.getUTCMonth() + months);
  return shifted.toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The school day (Monday to Friday) on or before `days` days before the reference date. */
function schoolDay(reference: string, days: number): string {
  let date = shiftDate(reference, -days);
  while ([0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay())) date = shiftDate(date, -1);
  return date;
}

/** `count` consecutive school days ending on or before `lastDaysAgo` days before the reference date, oldest first. */
function schoolDays(reference: string, lastDaysAgo: number, count: number): string[] {
  const days: string[] = [];
  let date = schoolDay(reference, lastDaysAgo);
  while (days.length < count) {
    days.unshift(date);
    date = schoolDay(date, 1);
  }
  return days;
}

/** The term a date falls in (spring from March, autumn from September). */
function termOf(date: string): { year: number; season: 'SPRING' | 'AUTUMN' } {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  if (month >= 3 && month <= 8) return { year, season: 'SPRING' };
  return { year: month >= 9 ? year : year - 1, season: 'AUTUMN' };
}

/** Age in whole years from a birth month, as education's lists count it. */
function ageFromBirthMonth(birthMonth: string, on: string): number {
  const [year, month] = birthMonth.split('-').map(Number);
  const [onYear, onMonth] = on.split('-').map(Number);
  return onYear - year - (onMonth < month ? 1 : 0);
}
