import { Faker, zh_CN, base } from '@faker-js/faker';
import { townshipsOf } from '../standards/regions';
import { DEMO_COUNTY, demoCounties } from './counties';
import type {
  DemoAtRisk,
  DemoCareWorker,
  DemoChild,
  DemoChildFile,
  DemoDifficulty,
  DemoPlace,
  DemoProtectionReport,
  DemoSchool,
  DemoVerification,
  DemoWorld,
} from './world';

/** The demo users (demo/principals.ts) linked to the demo village's child director and the demo township's supervisor. */
const DEMO_DIRECTOR_SUBJECT = 'demo:child-director';
const DEMO_SUPERVISOR_SUBJECT = 'demo:township-child-supervisor';

const DAY = 86_400_000;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);

/** The same calendar day `months` earlier (JavaScript's month arithmetic; close enough for demo decisions). */
function monthsBefore(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1 - months, day)).toISOString().slice(0, 10);
}

function yearsAfter(date: string, years: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year + years, month - 1, day)).toISOString().slice(0, 10);
}

function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

/** The township of a name that starts with a township's name (the demo's villages and schools are named so). */
function townshipNamed(county: string, name: string): string | null {
  const match = townshipsOf(county)
    .filter((township) => name.startsWith(township.name))
    .sort((a, b) => b.name.length - a.name.length)[0];
  return match?.code ?? null;
}

/**
 * Where each child lives below the county. The core world names villages after their township
 * (龙城镇东庄村), so the township follows from the name; the dataset has no village codes, so each
 * village gets the next free statistical number of its township (201, 202... as 村委会 codes run) in
 * the order the children come: a child's place depends only on the children before it, so a smaller
 * world of the same seed places its children exactly as a larger one does.
 */
function childPlaces(children: DemoChild[]): Map<string, DemoPlace> {
  const codes = new Map<string, string>();
  const last = new Map<string, number>();
  const places = new Map<string, DemoPlace>();
  for (const child of children) {
    const townshipCode = townshipNamed(child.residenceRegionCode, child.residenceVillage);
    let villageCode: string | null = null;
    if (townshipCode) {
      const key = `${townshipCode}:${child.residenceVillage}`;
      villageCode = codes.get(key) ?? null;
      if (!villageCode) {
        const number = (last.get(townshipCode) ?? 200) + 1;
        last.set(townshipCode, number);
        villageCode = townshipCode + String(number).padStart(3, '0');
        codes.set(key, villageCode);
      }
    }
    places.set(child.id, { townshipCode, villageCode, villageName: child.residenceVillage });
  }
  return places;
}

/** A school's township, from its name (萧县龙城镇中心小学). */
function schoolTownship(school: DemoSchool): string | null {
  const county = demoCounties().find((candidate) => candidate.code === school.regionCode);
  return county ? townshipNamed(school.regionCode, school.name.slice(county.name.length)) : null;
}

/** How many of the world's first children the demo area is chosen from (demo/principals.ts generates no more). */
export const DEMO_AREA_CHILDREN = 100;

/**
 * The demo village and township the demo child director and township supervisor serve: the
 * township of the demo county's first school (where the demo school staff work) and the village of
 * the first child living there (or, failing that, of the county's first child), among the world's
 * first children only, so every world of the seed with at least that many children agrees.
 */
export function demoArea(world: DemoWorld): { townshipCode: string; villageCode: string; villageName: string } {
  const first = world.children.slice(0, DEMO_AREA_CHILDREN);
  const places = childPlaces(first);
  const school = world.schools.find((candidate) => candidate.regionCode === DEMO_COUNTY);
  const township = school ? schoolTownship(school) : null;
  const countyChildren = first.filter((child) => child.residenceRegionCode === DEMO_COUNTY);
  const chosen = countyChildren.find((child) => places.get(child.id)?.townshipCode === township) ?? countyChildren[0];
  const place = chosen ? places.get(chosen.id) : undefined;
  if (!place?.townshipCode || !place.villageCode) throw new Error(`the demo world has no village in ${DEMO_COUNTY}`);
  return { townshipCode: place.townshipCode, villageCode: place.villageCode, villageName: place.villageName! };
}

/** Under the national definition (the registry's child_classification view, repeated for the demo's choices). */
function isLeftBehind(child: DemoChild, day: string): boolean {
  const mark = monthsBefore(day, 3);
  const parents = [child.father, child.mother];
  const away = parents.filter((parent) => parent.awaySince !== null && parent.awaySince <= mark).length;
  const presentUnable = parents.some((parent) => (parent.awaySince === null || parent.awaySince > mark) && parent.unableToGuard);
  return ageOn(child.birthDate, day) < 16 && (away === 2 || (away === 1 && presentUnable));
}

const CATEGORY_SHARES = [
  { value: 'LOW_INCOME_FAMILY', weight: 55 },
  { value: 'SEVERE_DISABILITY', weight: 15 },
  { value: 'SEVERE_ILLNESS', weight: 12 },
  { value: 'EMERGENCY_OR_ACCIDENT', weight: 10 },
  { value: 'HARMED_BY_GUARDIAN', weight: 3 },
] as const;

const CATEGORY_BASIS: Record<DemoDifficulty['category'], { basis: string; source: DemoDifficulty['source'] }[]> = {
  LOW_INCOME_FAMILY: [
    { basis: '家庭纳入农村低保，低保证号', source: 'MINIMUM_LIVING_RECORDS' },
    { basis: '建档立卡贫困户（脱贫监测户）', source: 'POVERTY_RECORDS' },
  ],
  SEVERE_DISABILITY: [{ basis: '残疾人证：肢体二级', source: 'DISABILITY_RECORDS' }],
  SEVERE_ILLNESS: [{ basis: '县人民医院诊断：先天性心脏病，需手术治疗', source: 'MEDICAL_RECORDS' }],
  EMERGENCY_OR_ACCIDENT: [{ basis: '家中房屋失火，监护人受伤住院', source: 'SWEEP' }],
  HARMED_BY_GUARDIAN: [{ basis: '派出所出具的家庭暴力告诫书', source: 'POLICE_OR_COURT' }],
};

/**
 * The children-at-risk part of the demo world (issue 11), from its own seeded generator so the core
 * world does not change: a county at work, not one in breach. A few percent of children meet a
 * difficult-circumstance category (most one, low income most often), with the benefits that go with
 * it; files are reviewed every three months, a few are overdue; children who no longer qualify are
 * mostly archived, the latest still flagged for review; guardians are verified, a few found unable
 * with a re-entrustment notice; a handful of protection reports, most closed.
 */
export function generateAtRisk(world: DemoWorld, options: { seed: number; referenceDate: string }): DemoAtRisk {
  const faker = new Faker({ locale: [zh_CN, base], seed: options.seed * 7919 + 11 });
  const today = options.referenceDate;
  const daysAgo = (days: number) => addDays(today, -days);
  const between = (from: string, to: string) =>
    from >= to ? from : addDays(from, faker.number.int({ min: 0, max: (Date.parse(to) - Date.parse(from)) / DAY }));
  const person = () => `${faker.person.lastName()}${faker.person.firstName()}`;
  const phone = () => `1${faker.helpers.arrayElement(['3', '5', '8'])}${faker.string.numeric(9)}`;
  const countyNames = new Map(demoCounties().map((county) => [county.code, county.name]));
  const places = childPlaces(world.children);
  const area = world.children.some((child) => child.residenceRegionCode === DEMO_COUNTY) ? demoArea(world) : null;
  const enrolled = new Set(world.enrolments.map((enrolment) => enrolment.childId));

  const atRisk: DemoAtRisk = {
    files: [],
    schoolPlaces: {},
    programmePlaces: {},
    careWorkers: [],
    difficulties: [],
    benefits: [],
    guardianships: [],
    verifications: [],
    notices: [],
    reports: [],
    reviews: [],
  };

  // Schools and programmes: a school's township from its name; a programme runs from the
  // township of its county's first school (the county seat's central school).
  for (const school of world.schools) atRisk.schoolPlaces[school.id] = { townshipCode: schoolTownship(school), villageCode: null, villageName: null };
  for (const programme of world.programmes) {
    const school = world.schools.find((candidate) => candidate.regionCode === programme.regionCode);
    atRisk.programmePlaces[programme.id] = { townshipCode: school ? atRisk.schoolPlaces[school.id].townshipCode : null, villageCode: null, villageName: null };
  }

  // A supervisor for each township and a director for each village where children live.
  const supervisors = new Map<string, DemoCareWorker>();
  const directors = new Map<string, DemoCareWorker>();
  for (const place of places.values()) {
    if (!place.townshipCode || !place.villageCode) continue;
    if (!supervisors.has(place.townshipCode)) {
      supervisors.set(place.townshipCode, {
        id: faker.string.uuid(),
        role: 'CHILD_SUPERVISOR',
        name: person(),
        phone: phone(),
        townshipCode: place.townshipCode,
        villageCode: null,
        villageName: null,
        subject: place.townshipCode === area?.townshipCode ? DEMO_SUPERVISOR_SUBJECT : null,
      });
    }
    if (!directors.has(place.villageCode)) {
      directors.set(place.villageCode, {
        id: faker.string.uuid(),
        role: 'CHILD_DIRECTOR',
        name: person(),
        phone: phone(),
        townshipCode: place.townshipCode,
        villageCode: place.villageCode,
        villageName: place.villageName,
        subject: place.villageCode === area?.villageCode ? DEMO_DIRECTOR_SUBJECT : null,
      });
    }
  }
  atRisk.careWorkers.push(...supervisors.values(), ...directors.values());

  for (const child of world.children) {
    const place = places.get(child.id)!;
    const age = ageOn(child.birthDate, today);
    const leftBehind = isLeftBehind(child, today);
    const registeredOn = later(addDays(child.birthDate, 30), daysAgo(faker.number.int({ min: 120, max: 1500 })));

    // Difficult-circumstance categories: a few percent of left-behind children, more of the others
    // (they are in the registry for it); one in ten has ended.
    const categories: DemoDifficulty[] = [];
    if (faker.datatype.boolean(leftBehind ? 0.05 : 0.18)) {
      const count = faker.datatype.boolean(0.15) ? 2 : 1;
      const chosen = faker.helpers.uniqueArray(() => faker.helpers.weightedArrayElement([...CATEGORY_SHARES]), count);
      for (const category of chosen) {
        const basis = faker.helpers.arrayElement(CATEGORY_BASIS[category]);
        const startsOn = later(registeredOn, daysAgo(faker.number.int({ min: 60, max: 1200 })));
        const ended = faker.datatype.boolean(0.1) && startsOn < daysAgo(60);
        categories.push({
          id: faker.string.uuid(),
          childId: child.id,
          category,
          basis: basis.basis,
          source: basis.source,
          startsOn,
          endsOn: ended ? between(addDays(startsOn, 30), daysAgo(1)) : null,
          endReason: ended ? '复核后不再符合条件' : null,
        });
      }
    }
    atRisk.difficulties.push(...categories);
    for (const category of categories.filter((c) => c.category === 'LOW_INCOME_FAMILY' || c.category === 'SEVERE_DISABILITY')) {
      const disability = category.category === 'SEVERE_DISABILITY';
      atRisk.benefits.push({
        id: faker.string.uuid(),
        childId: child.id,
        kind: disability ? 'OTHER' : 'MINIMUM_LIVING_ALLOWANCE',
        description: disability ? '残疾儿童康复救助' : null,
        amountFen: disability ? faker.number.int({ min: 12, max: 20 }) * 100_000 : faker.number.int({ min: 40, max: 75 }) * 1000,
        frequency: disability ? 'YEARLY' : 'MONTHLY',
        startsOn: category.startsOn,
        endsOn: category.endsOn,
        grantedBy: `${countyNames.get(child.residenceRegionCode)}${disability ? '残疾人联合会' : '民政局'}`,
      });
    }
    const inDifficulty = age < 18 && categories.some((c) => c.startsOn <= today && (c.endsOn === null || c.endsOn >= today));

    // Status: a child who no longer qualifies is archived at its review, unless it stopped
    // qualifying lately (then it is still active, flagged for review).
    let status: DemoChildFile['status'] = 'ACTIVE';
    let archiveReason: DemoChildFile['archiveReason'] = null;
    let archivedOn: string | null = null;
    if (!leftBehind && !inDifficulty) {
      const turned16 = yearsAfter(child.birthDate, 16);
      if (age >= 16 ? turned16 < daysAgo(45) : faker.datatype.boolean(0.88)) {
        status = 'ARCHIVED';
        archiveReason = age >= 16 ? 'AGED_OUT' : categories.length ? 'NO_LONGER_IN_DIFFICULTY' : 'PARENTS_RETURNED';
        archivedOn = age >= 16 ? earlier(between(addDays(turned16, 10), addDays(turned16, 40)), today) : daysAgo(faker.number.int({ min: 20, max: 300 }));
        archivedOn = later(archivedOn, addDays(registeredOn, 30));
      }
    }

    // Reviews every three months; one active file in sixteen is overdue.
    let lastReviewedOn: string;
    if (archivedOn) lastReviewedOn = archivedOn;
    else
      lastReviewedOn = later(
        registeredOn,
        daysAgo(faker.datatype.boolean(0.06) ? faker.number.int({ min: 95, max: 200 }) : faker.number.int({ min: 0, max: 85 })),
      );
    const earlierReview = monthsBefore(lastReviewedOn, 3);
    if (earlierReview > registeredOn) {
      atRisk.reviews.push({
        id: faker.string.uuid(),
        childId: child.id,
        kind: 'REVIEW',
        reviewedOn: earlierReview,
        archiveReason: null,
        notes: '学期初排查复核',
      });
    }
    atRisk.reviews.push({
      id: faker.string.uuid(),
      childId: child.id,
      kind: archivedOn ? 'ARCHIVE' : 'REVIEW',
      reviewedOn: lastReviewedOn,
      archiveReason,
      notes: archivedOn ? { AGED_OUT: '年满16周岁', PARENTS_RETURNED: '父母返乡', NO_LONGER_IN_DIFFICULTY: '困境情形已消除' }[archiveReason!] : '复核无变化',
    });

    atRisk.files.push({
      childId: child.id,
      household: place,
      residence: place,
      registeredOn,
      lastReviewedOn,
      status,
      archiveReason,
      statusReason: archivedOn ? atRisk.reviews.at(-1)!.notes : null,
      childDirectorId: place.villageCode && faker.datatype.boolean(0.95) ? directors.get(place.villageCode)!.id : null,
      childSupervisorId: place.townshipCode ? supervisors.get(place.townshipCode)!.id : null,
    });

    generateGuardianship(faker, child, registeredOn, enrolled.has(child.id), today, atRisk, person);
  }

  generateReports(faker, world, atRisk, today, person);
  return atRisk;
}

/**
 * The child's guardianship as versions (one in ten changed guardian, sometimes after the first was
 * found unable, which opened a notice the new guardian closed); the entrustment told to the village
 * and the school; verification visits of most entrusted guardians, an unable one opening a notice.
 */
function generateGuardianship(
  faker: Faker,
  child: DemoChild,
  registeredOn: string,
  atSchool: boolean,
  today: string,
  atRisk: DemoAtRisk,
  person: () => string,
): void {
  const current = child.guardianship;
  const entrusted = current.form === 'GRANDPARENTS' || current.form === 'RELATIVES_OR_FRIENDS' || current.form === 'OTHER';
  const reported = (since: string, chance: number) =>
    faker.datatype.boolean(chance) ? earlier(addDays(since, faker.number.int({ min: 0, max: 30 })), today) : null;
  let version = 1;
  let since = registeredOn;
  if (entrusted && faker.datatype.boolean(0.1) && registeredOn < addDays(today, -120)) {
    const firstUnable = current.guardianCapacity === 'CAPABLE' && faker.datatype.boolean(0.3);
    const changedOn = addDays(registeredOn, faker.number.int({ min: 60, max: Math.max(60, (Date.parse(today) - Date.parse(registeredOn)) / DAY - 30) }));
    atRisk.guardianships.push({
      childId: child.id,
      version: 1,
      form: 'RELATIVES_OR_FRIENDS',
      guardianName: person(),
      guardianRelationship: faker.helpers.arrayElement(['姑妈', '舅舅', '叔叔', '姨妈']),
      guardianPhone: null,
      guardianAddress: null,
      guardianCapacity: firstUnable ? 'UNABLE' : 'LIMITED',
      since: registeredOn,
      reportedToVillageOn: reported(registeredOn, 0.8),
      reportedToSchoolOn: atSchool ? reported(registeredOn, 0.6) : null,
    });
    if (firstUnable) {
      atRisk.notices.push({
        id: faker.string.uuid(),
        childId: child.id,
        cause: 'GUARDIAN_RECORDED_UNABLE',
        guardianshipVersion: 1,
        verificationId: null,
        openedOn: registeredOn,
        parentsNotifiedOn: addDays(registeredOn, faker.number.int({ min: 1, max: 10 })),
        closedOn: changedOn,
        closingGuardianshipVersion: 2,
      });
    }
    version = 2;
    since = changedOn;
  }
  atRisk.guardianships.push({
    ...current,
    childId: child.id,
    version,
    since,
    reportedToVillageOn: entrusted ? reported(since, 0.85) : null,
    reportedToSchoolOn: entrusted && atSchool ? reported(since, 0.7) : null,
  });

  let visit: DemoVerification | null = null;
  if (entrusted && current.guardianCapacity && (current.guardianCapacity === 'UNABLE' || faker.datatype.boolean(0.75))) {
    const village = faker.datatype.boolean(0.7);
    visit = {
      id: faker.string.uuid(),
      childId: child.id,
      guardianshipVersion: version,
      visitedOn: earlier(addDays(since, faker.number.int({ min: 7, max: 300 })), today),
      visitorName: person(),
      visitorLevel: village ? 'VILLAGE' : 'TOWNSHIP',
      method: faker.datatype.boolean(0.8) ? 'HOME_VISIT' : 'ASSESSMENT',
      outcome: current.guardianCapacity,
    };
    atRisk.verifications.push(visit);
  }
  if (current.guardianCapacity === 'UNABLE') {
    const notified = faker.datatype.boolean(0.6);
    const openedOn = visit?.visitedOn ?? since;
    atRisk.notices.push({
      id: faker.string.uuid(),
      childId: child.id,
      cause: visit ? 'VERIFICATION_FOUND_UNABLE' : 'GUARDIAN_RECORDED_UNABLE',
      guardianshipVersion: version,
      verificationId: visit?.id ?? null,
      openedOn,
      parentsNotifiedOn: notified ? earlier(addDays(openedOn, faker.number.int({ min: 1, max: 14 })), today) : null,
      closedOn: null,
      closingGuardianshipVersion: null,
    });
  }
}

/** A handful of protection reports, about one in 250 children: a few open, most closed. */
function generateReports(faker: Faker, world: DemoWorld, atRisk: DemoAtRisk, today: string, person: () => string): void {
  const active = new Set(atRisk.files.filter((file) => file.status === 'ACTIVE').map((file) => file.childId));
  const candidates = world.children.filter((child) => active.has(child.id));
  const count = Math.min(candidates.length, Math.max(2, Math.round(world.children.length / 250)));
  const chosen = faker.helpers.arrayElements(candidates, count);
  const bodies = {
    LIVING_ALONE_UNSUPERVISED: ['POLICE', 'CIVIL_AFFAIRS', 'TOWNSHIP_GOVERNMENT'],
    GUARDIAN_UNABLE_OR_NEGLECTING: ['POLICE', 'CIVIL_AFFAIRS', 'TOWNSHIP_GOVERNMENT'],
    SUSPECTED_INJURY: ['POLICE', 'CIVIL_AFFAIRS', 'EDUCATION'],
    SUSPECTED_DOMESTIC_VIOLENCE: ['POLICE', 'CIVIL_AFFAIRS', 'EDUCATION'],
  } as const;
  const facts = {
    LIVING_ALONE_UNSUPERVISED: '家访发现儿童独自在家居住，祖母外出打工已两周，无人照看。',
    GUARDIAN_UNABLE_OR_NEGLECTING: '受委托监护人年迈卧床，儿童连续多日未按时就餐、未到校。',
    SUSPECTED_INJURY: '儿童到校时手臂有明显淤青，自称摔伤，说法前后不一。',
    SUSPECTED_DOMESTIC_VIOLENCE: '邻居反映夜间多次听到打骂声，儿童面部有伤痕。',
  } as const;
  chosen.forEach((child, index) => {
    const category =
      child.guardianship.form === 'ALONE'
        ? 'LIVING_ALONE_UNSUPERVISED'
        : child.guardianship.guardianCapacity === 'UNABLE'
          ? 'GUARDIAN_UNABLE_OR_NEGLECTING'
          : faker.helpers.arrayElement(['SUSPECTED_INJURY', 'SUSPECTED_DOMESTIC_VIOLENCE', 'GUARDIAN_UNABLE_OR_NEGLECTING'] as const);
    const status = index % 4 === 0 ? 'FILED' : index % 4 === 1 ? 'IN_PROGRESS' : 'CLOSED';
    const reportedOn = addDays(today, -(status === 'CLOSED' ? faker.number.int({ min: 30, max: 300 }) : faker.number.int({ min: 0, max: 6 })));
    const reportedAt = `${reportedOn}T0${faker.number.int({ min: 1, max: 8 })}:00:00.000Z`;
    const at = (hours: number) => new Date(Date.parse(reportedAt) + hours * 3_600_000).toISOString();
    const steps: DemoProtectionReport['steps'] = [];
    if (status !== 'FILED') {
      steps.push({ id: faker.string.uuid(), action: 'NOTIFIED', body: 'POLICE', takenAt: at(0.5), notes: '电话报告辖区派出所' });
      steps.push({ id: faker.string.uuid(), action: 'NOTIFIED', body: bodies[category][1], takenAt: at(2), notes: '书面报告' });
    }
    if (status === 'CLOSED') {
      steps.push({ id: faker.string.uuid(), action: 'NOTIFIED', body: bodies[category][2], takenAt: at(3), notes: '书面报告' });
      steps.push({ id: faker.string.uuid(), action: 'VISITED', body: 'POLICE', takenAt: at(20), notes: '民警与儿童督导员上门核实' });
      steps.push({ id: faker.string.uuid(), action: 'INTERVENED', body: 'CIVIL_AFFAIRS', takenAt: at(72), notes: '督促父母重新委托照护，落实帮扶' });
    }
    const school = world.enrolments.find((enrolment) => enrolment.childId === child.id)?.schoolId;
    atRisk.reports.push({
      id: faker.string.uuid(),
      childId: child.id,
      category,
      facts: facts[category],
      reporterSub: school ? `demo:teacher:${school}` : `demo:village:${child.residenceVillage}`,
      reporterOrg: school ? `school:${school}` : `village-committee:${child.residenceRegionCode}`,
      reporterName: person(),
      reportedAt,
      notifyBodies: [...bodies[category]],
      status,
      outcome:
        status === 'CLOSED' ? (category === 'LIVING_ALONE_UNSUPERVISED' || category.startsWith('GUARDIAN') ? 'CARE_ARRANGED' : 'SAFE_WITH_FAMILY') : null,
      closedAt: status === 'CLOSED' ? at(96) : null,
      steps,
    });
  });
}
