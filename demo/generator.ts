import { Faker, zh_CN, base } from '@faker-js/faker';
import { createHash } from 'node:crypto';
import { composeNationalId } from '../standards/national-id';
import { demoCounties, type DemoCounty } from './counties';
import { generateSchoolWork } from './generate-school-work';
import { generateAtRisk } from './generate-at-risk';
import type { DemoChild, DemoParent, DemoSchool, DemoWorld } from './world';

export interface DemoOptions {
  /** How many children (about 2,000 for the demo; any size for benchmarks). */
  children: number;
  /** Same seed and reference date, same world, in every subgraph. */
  seed: number;
  /** "Today" for the generated dates, YYYY-MM-DD. */
  referenceDate: string;
}

const GUARDIANSHIP_SHARES = [
  ['GRANDPARENTS', 0.7],
  ['RELATIVES_OR_FRIENDS', 0.1],
  ['ONE_PARENT', 0.15],
  ['ALONE', 0.02],
  ['OTHER', 0.03],
] as const;

const CITIES_WHERE_PARENTS_WORK = ['广东省东莞市', '广东省深圳市', '浙江省宁波市', '江苏省苏州市', '上海市', '福建省厦门市', '北京市'];

/**
 * A deterministic demo world: realistic shares (most children cared for by grandparents, a few
 * living alone), valid synthetic national IDs, schools, care teachers, talks and NGO pairings.
 * Every subgraph generates the same world from the same options and loads its own part.
 */
export function generateDemoWorld(options: DemoOptions): DemoWorld {
  const faker = new Faker({ locale: [zh_CN, base], seed: options.seed });
  const today = new Date(`${options.referenceDate}T00:00:00Z`);
  const daysAgo = (days: number) => new Date(today.getTime() - days * 86_400_000).toISOString().slice(0, 10);
  const counties = demoCounties();
  const phone = () => `1${faker.helpers.arrayElement(['3', '5', '8'])}${faker.string.numeric(9)}`;
  const village = (county: DemoCounty) =>
    `${faker.helpers.arrayElement(county.townships)}${faker.helpers.arrayElement(['东', '西', '南', '北', '新', '大', '小', '上', '下', '石'])}${faker.helpers.arrayElement(['庄', '岗', '湾', '坪', '寨', '屯', '桥', '塘'])}村`;

  const schools = generateSchools(faker, counties);

  const world: DemoWorld = {
    referenceDate: options.referenceDate,
    children: [],
    schools,
    enrolments: [],
    careAssignments: [],
    talks: [],
    partners: [],
    programmes: [],
    pairings: [],
    consents: [],
  };

  const usedIds = new Set<string>();
  for (let i = 0; i < options.children; i++) {
    const county = counties[i % counties.length];
    const gender = faker.helpers.arrayElement(['MALE', 'FEMALE'] as const);
    // Mostly compulsory-education age; a few 16-17 year olds who no longer qualify.
    const age = faker.helpers.weightedArrayElement([
      { value: faker.number.int({ min: 6, max: 15 }), weight: 92 },
      { value: faker.number.int({ min: 3, max: 5 }), weight: 4 },
      { value: faker.number.int({ min: 16, max: 17 }), weight: 4 },
    ]);
    const birthDate = daysAgo(age * 365 + faker.number.int({ min: 1, max: 360 }));
    const surname = faker.person.lastName();
    const homeVillage = village(county);

    let nationalId: string | null = null;
    if (faker.datatype.boolean(0.92)) {
      // The sequence's last digit is odd for boys, even for girls (GB 11643).
      const sequence = faker.number.int({ min: 0, max: 498 }) * 2 + (gender === 'MALE' ? 1 : 0);
      const candidate = composeNationalId(county.code, birthDate, sequence);
      if (!usedIds.has(candidate)) {
        usedIds.add(candidate);
        nationalId = candidate;
      }
    }

    const situation = faker.helpers.weightedArrayElement([
      { value: 'BOTH_AWAY', weight: 64 },
      { value: 'FATHER_AWAY', weight: 16 },
      { value: 'MOTHER_AWAY', weight: 4 },
      { value: 'ONE_AWAY_OTHER_UNABLE', weight: 7 },
      { value: 'RECENTLY_LEFT', weight: 3 },
      { value: 'AT_HOME', weight: 6 },
    ]);
    const away = () => daysAgo(faker.number.int({ min: 100, max: 2000 }));
    const parent = (name: string, isAway: boolean, awaySince = away()): DemoParent => ({
      name,
      phone: phone(),
      workPlace: isAway ? faker.helpers.arrayElement(CITIES_WHERE_PARENTS_WORK) : null,
      awaySince: isAway ? awaySince : null,
      unableToGuard: false,
      unableReason: null,
    });
    const fatherName = `${surname}${faker.person.firstName('male')}`;
    const motherName = `${faker.person.lastName()}${faker.person.firstName('female')}`;
    const father = parent(fatherName, situation !== 'AT_HOME' && situation !== 'MOTHER_AWAY', situation === 'RECENTLY_LEFT' ? daysAgo(40) : away());
    const mother = parent(motherName, situation === 'BOTH_AWAY' || situation === 'MOTHER_AWAY' || situation === 'RECENTLY_LEFT');
    if (situation === 'ONE_AWAY_OTHER_UNABLE') {
      mother.unableToGuard = true;
      mother.unableReason = faker.helpers.arrayElement(['重病', '重度残疾', '服刑']);
    }

    let form = faker.helpers.weightedArrayElement(GUARDIANSHIP_SHARES.map(([value, weight]) => ({ value, weight })));
    // A parent at home usually looks after the child; sometimes grandparents still do.
    const parentAtHome = situation === 'AT_HOME' || situation === 'FATHER_AWAY' || situation === 'MOTHER_AWAY';
    if (parentAtHome && form !== 'ALONE' && faker.datatype.boolean(0.75)) form = 'ONE_PARENT';
    if (!parentAtHome && form === 'ONE_PARENT') form = 'GRANDPARENTS';
    const guardianRelationship =
      form === 'GRANDPARENTS'
        ? faker.helpers.arrayElement(['祖父', '祖母', '外祖父', '外祖母'])
        : form === 'RELATIVES_OR_FRIENDS'
          ? faker.helpers.arrayElement(['姑妈', '舅舅', '叔叔', '姨妈', '邻居'])
          : form === 'ONE_PARENT'
            ? situation === 'MOTHER_AWAY'
              ? '父亲'
              : '母亲'
            : null;
    const guardianName =
      guardianRelationship === '父亲'
        ? fatherName
        : guardianRelationship === '母亲'
          ? motherName
          : guardianRelationship
            ? `${faker.person.lastName()}${faker.person.firstName()}`
            : null;

    const child: DemoChild = {
      id: faker.string.uuid(),
      name: `${surname}${faker.person.firstName(gender === 'MALE' ? 'male' : 'female')}`,
      gender,
      birthDate,
      ethnicity: county.minority && faker.datatype.boolean(0.6) ? county.minority : '汉族',
      nationalId,
      householdRegionCode: county.code,
      householdVillage: homeVillage,
      residenceRegionCode: county.code,
      residenceVillage: homeVillage,
      father,
      mother,
      guardianship: {
        form,
        guardianName,
        guardianRelationship,
        guardianPhone: guardianName ? phone() : null,
        guardianAddress: guardianName ? `${county.name}${homeVillage}` : null,
        guardianCapacity: guardianName
          ? faker.helpers.weightedArrayElement([
              { value: 'CAPABLE' as const, weight: 85 },
              { value: 'LIMITED' as const, weight: 12 },
              { value: 'UNABLE' as const, weight: 3 },
            ])
          : null,
      },
    };
    world.children.push(child);

    if (age >= 6 && age <= 15 && faker.datatype.boolean(0.96)) {
      const countySchools = schools.filter((school) => school.regionCode === county.code);
      const wanted = age <= 11 ? ['PRIMARY', 'NINE_YEAR'] : ['JUNIOR_SECONDARY', 'NINE_YEAR'];
      const school = faker.helpers.arrayElement(countySchools.filter((s) => wanted.includes(s.type)));
      const grade = Math.min(9, Math.max(1, age - 5));
      world.enrolments.push({
        id: faker.string.uuid(),
        childId: child.id,
        schoolId: school.id,
        grade,
        className: `${faker.number.int({ min: 1, max: 4 })}班`,
        studentNumber: nationalId ? `G${nationalId}` : `L${faker.string.numeric(18)}`,
        boarding: school.boarding && grade >= 4 && faker.datatype.boolean(0.6),
        enrolledOn: daysAgo(faker.number.int({ min: 60, max: 365 * grade })),
      });
      if (faker.datatype.boolean(0.9)) {
        const teacher = `${faker.person.lastName()}${faker.person.firstName()}`;
        world.careAssignments.push({
          id: faker.string.uuid(),
          childId: child.id,
          schoolId: school.id,
          teacherName: teacher,
          teacherPhone: phone(),
          role: faker.helpers.weightedArrayElement([
            { value: 'HEAD_TEACHER' as const, weight: 70 },
            { value: 'SUBJECT_TEACHER' as const, weight: 25 },
            { value: 'COUNSELLOR' as const, weight: 5 },
          ]),
          assignedOn: daysAgo(faker.number.int({ min: 30, max: 300 })),
        });
        const talks = faker.number.int({ min: 0, max: 4 });
        for (let t = 0; t < talks; t++) {
          world.talks.push({
            id: faker.string.uuid(),
            childId: child.id,
            heldOn: daysAgo(faker.number.int({ min: 1, max: 60 })),
            heldBy: teacher,
            summary: faker.helpers.arrayElement([
              '学习情况良好，情绪稳定',
              '想念父母，已安排亲情电话',
              '近期成绩下降，安排课后辅导',
              '与同学相处融洽',
              '睡眠不足，已与监护人沟通',
            ]),
          });
        }
      }
    }
  }

  generatePartners(faker, counties, world, daysAgo, phone, options.seed);
  generateConsents(world, daysAgo);
  world.schoolWork = generateSchoolWork(world, options.seed);
  world.atRisk = generateAtRisk(world, options);
  return world;
}

/** The schools come first from the seeded generator, so their ids depend on the seed alone. */
function generateSchools(faker: Faker, counties: DemoCounty[]): DemoSchool[] {
  return counties.flatMap((county) =>
    faker.helpers.arrayElements(county.townships, 4).map((township, index) => ({
      id: faker.string.uuid(),
      name: `${county.name}${township}${index % 2 === 0 ? '中心小学' : '初级中学'}`,
      regionCode: county.code,
      type: index === 3 ? 'NINE_YEAR' : index % 2 === 0 ? 'PRIMARY' : 'JUNIOR_SECONDARY',
      boarding: index % 2 === 1 || faker.datatype.boolean(0.3),
    })),
  );
}

/** The demo world's schools, without generating the rest (for the demo principals). */
export function generateDemoSchools(seed: number): DemoSchool[] {
  return generateSchools(new Faker({ locale: [zh_CN, base], seed }), demoCounties());
}

function generatePartners(faker: Faker, counties: DemoCounty[], world: DemoWorld, daysAgo: (days: number) => string, phone: () => string, seed: number): void {
  const kinds = ['PROXY_PARENT', 'VOLUNTEER_PAIRING', 'FAMILY_EDUCATION', 'CHILDRENS_HOME'] as const;
  for (const county of counties) {
    const partner = {
      id: demoPartnerId(seed, county.code),
      name: `${county.name}${faker.helpers.arrayElement(['春苗', '阳光', '护苗', '彩虹', '蒲公英'])}${faker.helpers.arrayElement(['志愿者协会', '社会工作服务中心', '公益服务队'])}`,
      type: faker.helpers.arrayElement(['NGO', 'VOLUNTEER_TEAM', 'SOCIAL_WORK_AGENCY'] as const),
      regionCode: county.code,
      contactPhone: phone(),
    };
    world.partners.push(partner);
    const programmes = faker.helpers.arrayElements(kinds, 2).map((kind) => ({
      id: faker.string.uuid(),
      partnerId: partner.id,
      name: `${county.name}${{ PROXY_PARENT: '代理家长', VOLUNTEER_PAIRING: '志愿者结对帮扶', FAMILY_EDUCATION: '家庭教育指导', CHILDRENS_HOME: '儿童之家活动' }[kind]}项目`,
      kind,
      regionCode: county.code,
      startsOn: daysAgo(faker.number.int({ min: 200, max: 900 })),
    }));
    world.programmes.push(...programmes);
    const pairable = programmes.filter((programme) => programme.kind === 'PROXY_PARENT' || programme.kind === 'VOLUNTEER_PAIRING');
    const programmeFor = pairable[0] ?? programmes[0];
    for (const child of world.children.filter((c) => c.householdRegionCode === county.code)) {
      if (!faker.datatype.boolean(0.3)) continue;
      world.pairings.push({
        id: faker.string.uuid(),
        childId: child.id,
        programmeId: programmeFor.id,
        helperName: `${faker.person.lastName()}${faker.person.firstName()}`,
        helperRole: programmeFor.kind === 'PROXY_PARENT' ? 'PROXY_PARENT' : 'VOLUNTEER',
        helperPhone: phone(),
        since: daysAgo(faker.number.int({ min: 10, max: 400 })),
        until: null,
        contactFrequency: faker.helpers.arrayElement(['WEEKLY', 'FORTNIGHTLY', 'MONTHLY'] as const),
      });
    }
  }
}

/**
 * Most guardians of paired children consented to share masked data and pairings with the
 * partner for its care programmes; the rest did not, so partners see only some of their children.
 * Derived from the pairings without drawing random numbers, so nothing else in the world changes.
 */
function generateConsents(world: DemoWorld, daysAgo: (days: number) => string): void {
  const programmes = new Map(world.programmes.map((programme) => [programme.id, programme]));
  const children = new Map(world.children.map((child) => [child.id, child]));
  world.pairings.forEach((pairing, index) => {
    if (index % 5 === 4) return;
    const programme = programmes.get(pairing.programmeId)!;
    const guardianship = children.get(pairing.childId)!.guardianship;
    world.consents.push({
      id: stableUuid(`demo-consent:${pairing.id}`),
      childId: pairing.childId,
      partnerId: programme.partnerId,
      regionCode: programme.regionCode,
      guardianName: guardianship.guardianName ?? '监护人',
      guardianRelationship: guardianship.guardianRelationship ?? '监护人',
      categories: ['child:masked', 'wf:programmes'],
      purpose: 'care-programmes',
      givenOn: daysAgo(30),
      expiresOn: daysAgo(-335),
    });
  });
}

function stableUuid(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * A partner's id depends only on the seed and its county, not on the children drawn before it,
 * so the demo NGO token names the same partner whatever the size or date of the demo world.
 */
export function demoPartnerId(seed: number, countyCode: string): string {
  return stableUuid(`demo-partner:${seed}:${countyCode}`);
}
