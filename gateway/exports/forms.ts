/**
 * The two forms of seed 003 (浙江省教育厅 2013, 附件 1 and 2) as columns over the graph: each column
 * is made of parts, each part a GraphQL selection on a school's `Enrolment` and a renderer of what
 * it selected. Which scopes a part needs is read from its selection (coverage.ts), never written
 * by hand, so a part is exported exactly when the caller's scopes open every field it reads.
 */

/** One pupil's answer: the enrolment node with whatever the open parts selected (JSON as the API returns it). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL JSON, shaped by the parts' own selections
export type PupilRow = Record<string, any>;

export interface ColumnPart {
  /** Names the part in the file's note when it is left out (e.g. 地址). */
  readonly label: string;
  /** Selection on `Enrolment` (the school's enrolment of the pupil). */
  readonly selection: string;
  /** The part's text for one pupil ('' when the graph holds nothing). */
  readonly render: (row: PupilRow) => string;
}

export interface Column {
  readonly header: string;
  /** Empty for a column the export fills itself (序号, 学校). */
  readonly parts: ReadonlyArray<ColumnPart>;
  /** How the parts' texts join into the cell. */
  readonly separator?: string;
}

export interface Form {
  readonly title: string;
  /** ASCII stem of the file name, for clients that cannot read `filename*`. */
  readonly asciiName: string;
  readonly columns: ReadonlyArray<Column>;
  /** Where a column's data comes from, when it is not a field of the same name, by column: written into the file's header when the column is. */
  readonly notes: Readonly<Record<string, string>>;
}

/** Every row names a pupil and its class: without these there is no form to fill. */
export const ROW_SELECTION = 'grade className child { name }';

const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value));
const joined = (values: unknown[], separator = ' '): string => values.map(text).filter(Boolean).join(separator);
/** A list's texts, one per item, in the list's order. */
const each = <T>(items: T[] | null | undefined, render: (item: T) => string): string => (items ?? []).map(render).filter(Boolean).join('；');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL JSON
const activePairings = (row: PupilRow): any[] => (row.child?.pairings ?? []).filter((pairing: { active: boolean }) => pairing.active);

export const GENDER_LABELS: Readonly<Record<string, string>> = { MALE: '男', FEMALE: '女' };
/** 监护形式 as the form's note names them (随祖父母生活、随亲戚朋友生活、独立生活、随其他生活), with the parent who stayed. */
export const GUARDIANSHIP_LABELS: Readonly<Record<string, string>> = {
  GRANDPARENTS: '随祖父母生活',
  RELATIVES_OR_FRIENDS: '随亲戚朋友生活',
  ONE_PARENT: '随父（母）一方生活',
  ALONE: '独立生活',
  OTHER: '随其他生活',
};
const ENROLMENT_STATUS_LABELS: Readonly<Record<string, string>> = {
  ENROLLED: '在读',
  SUSPENDED: '休学',
  TRANSFERRED: '转学',
  DROPPED_OUT: '辍学',
  GRADUATED: '毕业',
};
const DIFFICULTY_LABELS: Readonly<Record<string, string>> = {
  ORPHAN: '孤儿',
  DE_FACTO_UNSUPPORTED: '事实无人抚养',
  HIV_AFFECTED: '艾滋病病毒感染',
  SEVERE_DISABILITY: '重度残疾',
  SEVERE_ILLNESS: '重病',
  LOW_INCOME_FAMILY: '低保家庭',
  HARMED_BY_GUARDIAN: '受监护人侵害',
  STREET_CHILD: '流浪儿童',
  EMERGENCY_OR_ACCIDENT: '遭遇突发事件或意外伤害',
};

/** 班级: the class as the school names it, with the grade when the name does not carry it. */
function className(row: PupilRow): string {
  const name = text(row.className);
  return name.includes('年级') ? name : `${row.grade}年级${name}`;
}

/** The flags of `Child.riskStatus` that say what to watch, each labelled, in one part per data category. */
function riskFlags(label: string, flags: Readonly<Record<string, string>>): ColumnPart {
  return {
    label,
    selection: `child { riskStatus { ${Object.keys(flags).join(' ')} } }`,
    render: (row) =>
      Object.entries(flags)
        .filter(([flag]) => row.child?.riskStatus?.[flag] === true)
        .map(([, flagLabel]) => flagLabel)
        .join('、'),
  };
}

/**
 * 关注的主要问题: the graph holds no free-text "main concern"; the closest data is the registry's
 * and the agencies' risk flags and the difficult-circumstance categories, each filed under its own
 * category, so a caller sees the concerns its scopes open.
 */
const CONCERNS: Column = {
  header: '关注的主要问题',
  separator: '、',
  parts: [
    riskFlags('监护风险', {
      livingAlone: '独居无人监护',
      guardianUnable: '监护人无监护能力',
      noGuardianshipRecorded: '未登记监护情况',
      reentrustmentNoticeOpen: '待父母重新委托监护',
    }),
    {
      label: '困境类别',
      selection: 'child { difficultCircumstances { category } riskStatus { agedOut parentsReturned } }',
      render: (row) =>
        joined(
          [
            each(
              row.child?.difficultCircumstances,
              (category: { category: string }) => `困境儿童（${DIFFICULTY_LABELS[category.category] ?? category.category}）`,
            ),
            row.child?.riskStatus?.agedOut ? '已超龄待复核' : '',
            row.child?.riskStatus?.parentsReturned ? '父母已返乡待复核' : '',
          ],
          '、',
        ),
    },
    riskFlags('强制报告', { openProtectionReport: '有未结强制报告' }),
    riskFlags('控辍保学', { openDropoutCase: '控辍保学在案' }),
    riskFlags('控辍保学上报', { dropoutEscalationOverdue: '辍学劝返逾期未上报' }),
    riskFlags('关爱帮扶', { noCareResponsiblePerson: '未落实关爱责任人', talkOverdue: '谈心谈话逾期' }),
    riskFlags('心理健康', { wellbeingContactOverdue: '心理问题逾期未联系家长' }),
  ],
};

/** 父亲/母亲外出地及电话. */
function parentAway(parent: 'father' | 'mother', header: string): Column {
  return {
    header,
    parts: [
      {
        label: '外出地及电话',
        selection: `child { ${parent} { workPlace phone } }`,
        render: (row) => joined([row.child?.[parent]?.workPlace, row.child?.[parent]?.phone]),
      },
    ],
  };
}

/**
 * 变动情况: what changed, from the records' history: each guardianship version after the first, the
 * enrolment's last change of status, pairings that ended, and an archived file.
 */
const CHANGES: Column = {
  header: '变动情况',
  separator: '；',
  parts: [
    {
      label: '监护变更',
      selection: 'child { guardianshipHistory { since form guardianName version } }',
      render: (row) =>
        each(
          // eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL JSON
          [...(row.child?.guardianshipHistory ?? [])].sort((a: any, b: any) => a.version - b.version).slice(1),
          (version: { since: string; form: string; guardianName: string | null }) =>
            `${version.since} 监护变更为${GUARDIANSHIP_LABELS[version.form] ?? version.form}${version.guardianName ? `（${version.guardianName}）` : ''}`,
        ),
    },
    {
      label: '学籍变动',
      selection: 'status statusChangedOn statusReason',
      render: (row) =>
        row.statusChangedOn ? joined([`${row.statusChangedOn} ${ENROLMENT_STATUS_LABELS[row.status] ?? row.status}`, row.statusReason], '：') : '',
    },
    {
      label: '结对变动',
      selection: 'child { pairings { helperName until active endReason } }',
      render: (row) =>
        each(
          (row.child?.pairings ?? []).filter((pairing: { active: boolean; until: string | null }) => !pairing.active && pairing.until),
          (pairing: { helperName: string; until: string; endReason: string | null }) =>
            joined([`${pairing.until} 与${pairing.helperName}结对结束`, pairing.endReason], '：'),
        ),
    },
    {
      label: '档案状态',
      selection: 'child { status statusReason }',
      render: (row) => (row.child?.status === 'ARCHIVED' ? joined(['档案已归档', row.child?.statusReason], '：') : ''),
    },
  ],
};

const NAME: Column = { header: '姓名', parts: [{ label: '姓名', selection: ROW_SELECTION, render: (row) => text(row.child?.name) }] };
const CLASS: Column = { header: '班级', parts: [{ label: '班级', selection: ROW_SELECTION, render: className }] };
/** Filled by the export (the row's number, the pupil's school), from no field of the pupil. */
export const SERIAL_HEADER = '序号';
export const SCHOOL_HEADER = '学校';

const COMMON_NOTES = {
  关注的主要问题: '系统中没有“关注的主要问题”的自由文本字段，本列由各部门登记的风险标记（监护、困境类别、强制报告、控辍保学、关爱帮扶、心理健康）汇总而成。',
};

/** 附件 2 留守儿童基本情况汇总表: one row per pupil. */
export const SUMMARY_TABLE: Form = {
  title: '留守儿童基本情况汇总表',
  asciiName: 'summary-table',
  columns: [
    { header: SERIAL_HEADER, parts: [] },
    NAME,
    CLASS,
    parentAway('father', '父亲外出地及电话'),
    parentAway('mother', '母亲外出地及电话'),
    {
      header: '实际监护人姓名、地址、电话',
      parts: [
        { label: '姓名', selection: 'child { guardianship { guardianName } }', render: (row) => text(row.child?.guardianship?.guardianName) },
        { label: '地址', selection: 'child { guardianship { guardianAddress } }', render: (row) => text(row.child?.guardianship?.guardianAddress) },
        { label: '电话', selection: 'child { guardianship { guardianPhone } }', render: (row) => text(row.child?.guardianship?.guardianPhone) },
      ],
    },
    {
      header: '监护形式',
      parts: [
        { label: '监护形式', selection: 'child { guardianship { form } }', render: (row) => text(GUARDIANSHIP_LABELS[row.child?.guardianship?.form] ?? '') },
      ],
    },
    CONCERNS,
    {
      header: '结对人姓名（职业）',
      parts: [
        {
          label: '结对人姓名（职业）',
          selection: 'child { pairings { helperName helperOccupation active } }',
          render: (row) =>
            each(activePairings(row), (pairing: { helperName: string; helperOccupation: string | null }) =>
              pairing.helperOccupation ? `${pairing.helperName}（${pairing.helperOccupation}）` : pairing.helperName,
            ),
        },
      ],
    },
    CHANGES,
  ],
  notes: { ...COMMON_NOTES, 变动情况: '由历史记录生成（监护变更、学籍状态变化、结对结束、档案归档），全部记录。' },
};

/** A column of 附件 1 that one field group fills. */
function field(header: string, selection: string, render: (row: PupilRow) => string): Column {
  return { header, parts: [{ label: header, selection, render }] };
}

/** 附件 1's parent rows: 姓名, 外出时间、外出地点, 联系电话/手机. */
function parentColumns(parent: 'father' | 'mother', who: string): Column[] {
  return [
    field(`${who}姓名`, `child { ${parent} { name } }`, (row) => text(row.child?.[parent]?.name)),
    field(`${who}外出时间、外出地点`, `child { ${parent} { awaySince workPlace } }`, (row) =>
      joined([row.child?.[parent]?.awaySince, row.child?.[parent]?.workPlace]),
    ),
    field(`${who}联系电话/手机`, `child { ${parent} { phone } }`, (row) => text(row.child?.[parent]?.phone)),
  ];
}

/** A column of 附件 1's 结对帮扶人 row: one value per active pairing. */
function helperColumn(header: string, selection: string, render: (pairing: Record<string, string | null>) => string): Column {
  return field(header, `child { pairings { active ${selection} } }`, (row) => each(activePairings(row), render));
}

/** 附件 1 留守儿童基本情况登记表: one form per pupil, one row per form. */
export const REGISTRATION_FORM: Form = {
  title: '留守儿童基本情况登记表',
  asciiName: 'registration-forms',
  columns: [
    NAME,
    field('性别', 'child { gender }', (row) => text(GENDER_LABELS[row.child?.gender] ?? '')),
    field('出生年月', 'child { birthDate }', (row) => text(row.child?.birthDate).slice(0, 7)),
    CLASS,
    ...parentColumns('father', '父亲'),
    ...parentColumns('mother', '母亲'),
    field('实际监护人姓名', 'child { guardianship { guardianName } }', (row) => text(row.child?.guardianship?.guardianName)),
    field('与学生的关系', 'child { guardianship { guardianRelationship } }', (row) => text(row.child?.guardianship?.guardianRelationship)),
    field('详细地址', 'child { guardianship { guardianAddress } }', (row) => text(row.child?.guardianship?.guardianAddress)),
    field('实际监护人联系电话/手机', 'child { guardianship { guardianPhone } }', (row) => text(row.child?.guardianship?.guardianPhone)),
    CONCERNS,
    helperColumn('结对帮扶人姓名', 'helperName', (pairing) => text(pairing.helperName)),
    helperColumn('单位（职业）', 'helperOccupation', (pairing) => text(pairing.helperOccupation) || '—'),
    helperColumn('结对帮扶人电话/手机', 'helperPhone', (pairing) => text(pairing.helperPhone) || '—'),
    helperColumn('结对时间', 'since', (pairing) => text(pairing.since)),
  ],
  notes: COMMON_NOTES,
};

export const FORMS = { 'registration-forms': REGISTRATION_FORM, 'summary-table': SUMMARY_TABLE } as const;
export type FormName = keyof typeof FORMS;
