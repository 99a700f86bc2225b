import { freshNationalId, gqlData } from './support/system';

/**
 * One child built through each agency's own mutations, then read back in one query through the
 * gateway: the record is assembled from all three subgraphs.
 */
describe('a child assembled from all three agencies', () => {
  let childId: string;
  let schoolId: string;

  beforeAll(async () => {
    const identity = freshNationalId('MALE');
    const registered = await gqlData(`mutation ($input: RegisterChildInput!) { registerChild(input: $input) { child { id } alreadyRegistered } }`, {
      input: {
        name: '王小明',
        gender: 'MALE',
        birthDate: identity.birthDate,
        nationalId: identity.nationalId,
        ethnicity: '汉族',
        householdRegionCode: '341322',
        householdVillage: '龙城镇东庄村',
        residenceRegionCode: '341322',
        residenceVillage: '龙城镇东庄村',
        father: { name: '王大力', awaySince: '2024-01-10', workPlace: '广东省东莞市' },
        mother: { name: '李红', awaySince: '2024-03-01', workPlace: '浙江省宁波市' },
      },
    });
    childId = registered.registerChild.child.id;
    expect(registered.registerChild.alreadyRegistered).toBe(false);

    await gqlData(
      `mutation ($id: ID!) { recordGuardianship(childId: $id, input: { form: GRANDPARENTS, guardianName: "王老汉", guardianRelationship: "祖父", guardianCapacity: CAPABLE }) { version } }`,
      { id: childId },
    );
    const school = await gqlData(
      `mutation { createSchool(input: { name: "萧县龙城镇中心小学", regionCode: "341322", type: PRIMARY, boarding: true }) { id } }`,
    );
    schoolId = school.createSchool.id;
    await gqlData(
      `mutation ($child: ID!, $school: ID!) { enrol(input: { childId: $child, schoolId: $school, grade: 3, className: "2班", studentNumber: "G123" }) { id } }`,
      { child: childId, school: schoolId },
    );
    await gqlData(
      `mutation ($child: ID!, $school: ID!) { assignCareTeacher(input: { childId: $child, schoolId: $school, teacherName: "陈老师", role: HEAD_TEACHER }) { teacherName } }`,
      { child: childId, school: schoolId },
    );
    await gqlData(`mutation ($child: ID!) { logTalk(input: { childId: $child, heldBy: "陈老师", summary: "想念父母" }) { id } }`, { child: childId });
    const partner = await gqlData(`mutation { createPartner(input: { name: "萧县春苗志愿者协会", type: NGO, regionCode: "341322" }) { id } }`);
    const programme = await gqlData(
      `mutation ($partner: ID!) { createProgramme(input: { partnerId: $partner, name: "代理家长项目", kind: PROXY_PARENT, regionCode: "341322", startsOn: "2025-01-01" }) { id } }`,
      { partner: partner.createPartner.id },
    );
    await gqlData(
      `mutation ($child: ID!, $programme: ID!) { pairChild(input: { childId: $child, programmeId: $programme, helperName: "刘阿姨", helperRole: PROXY_PARENT }) { id } }`,
      { child: childId, programme: programme.createProgramme.id },
    );
  });

  it('returns civil-affairs, education and women’s-federation fields in one response', async () => {
    const data = await gqlData(
      `query ($id: ID!) {
        child(id: $id) {
          id name householdRegionName
          classification { type isLeftBehind studentStatusFlag }
          guardianship { form guardianName }
          enrolment { grade className status school { id name boarding } }
          careResponsiblePerson { teacherName role }
          talks { heldBy summary }
          lastTalkOn
          talkOverdue
          pairings { helperName helperRole active programme { name kind partner { name } } }
        }
      }`,
      { id: childId },
    );
    expect(data.child).toEqual({
      id: childId,
      name: '王小明',
      householdRegionName: '安徽省宿州市萧县',
      classification: { type: 'BOTH_PARENTS_AWAY', isLeftBehind: true, studentStatusFlag: 2 },
      guardianship: { form: 'GRANDPARENTS', guardianName: '王老汉' },
      enrolment: { grade: 3, className: '2班', status: 'ENROLLED', school: { id: schoolId, name: '萧县龙城镇中心小学', boarding: true } },
      careResponsiblePerson: { teacherName: '陈老师', role: 'HEAD_TEACHER' },
      talks: [{ heldBy: '陈老师', summary: '想念父母' }],
      lastTalkOn: new Date().toISOString().slice(0, 10),
      talkOverdue: false,
      pairings: [
        {
          helperName: '刘阿姨',
          helperRole: 'PROXY_PARENT',
          active: true,
          programme: { name: '代理家长项目', kind: 'PROXY_PARENT', partner: { name: '萧县春苗志愿者协会' } },
        },
      ],
    });
  });

  it('reaches the child from the school through the entity path', async () => {
    const data = await gqlData(`query ($id: ID!) { school(id: $id) { enrolments(first: 10) { edges { node { child { id name } } } } } }`, { id: schoolId });
    expect(data.school.enrolments.edges).toEqual([{ node: { child: { id: childId, name: '王小明' } } }]);
  });

  it('moves the enrolment on transfer: the new school lists the child, the old one no longer does', async () => {
    const other = await gqlData(`mutation { createSchool(input: { name: "萧县黄口镇初级中学", regionCode: "341322", type: JUNIOR_SECONDARY }) { id } }`);
    await gqlData(`mutation ($child: ID!, $school: ID!) { enrol(input: { childId: $child, schoolId: $school, grade: 3 }) { status } }`, {
      child: childId,
      school: other.createSchool.id,
    });
    const data = await gqlData(
      `query ($old: ID!, $new: ID!, $child: ID!) {
        old: school(id: $old) { enrolments { edges { node { id } } } }
        new: school(id: $new) { enrolments { edges { node { child { id } } } } }
        child(id: $child) { enrolment { school { id } } }
      }`,
      { old: schoolId, new: other.createSchool.id, child: childId },
    );
    expect(data.old.enrolments.edges).toEqual([]);
    expect(data.new.enrolments.edges).toEqual([{ node: { child: { id: childId } } }]);
    expect(data.child.enrolment.school.id).toBe(other.createSchool.id);
  });
});
