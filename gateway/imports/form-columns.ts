/**
 * The columns of a registration-form file (留守儿童基本情况登记表, seed 003 附件 1, one row per child):
 * each header, as schools write it in Chinese or as the API names the field, mapped to the row's
 * field. The pairing columns (结对帮扶人…) belong to the women's federation, which records pairings
 * itself: they are accepted and left out.
 */

/** Field → the headers that name it (the first is the one the README's template uses). */
export const FORM_COLUMNS: Readonly<Record<string, ReadonlyArray<string>>> = {
  name: ['姓名'],
  gender: ['性别'],
  birthDate: ['出生日期', '出生年月'],
  nationalId: ['身份证号', '居民身份证号', '身份证号码'],
  ethnicity: ['民族'],
  className: ['班级'],
  householdRegionCode: ['户籍地区划代码', '户籍地代码'],
  householdVillage: ['户籍村', '户籍地村'],
  residenceTownshipCode: ['现居住乡镇代码', '居住地乡镇代码'],
  residenceVillage: ['现居住村', '居住地村'],
  fatherName: ['父亲姓名'],
  fatherAwaySince: ['父亲外出时间'],
  fatherWorkPlace: ['父亲外出地点'],
  fatherPhone: ['父亲联系电话', '父亲联系电话/手机'],
  motherName: ['母亲姓名'],
  motherAwaySince: ['母亲外出时间'],
  motherWorkPlace: ['母亲外出地点'],
  motherPhone: ['母亲联系电话', '母亲联系电话/手机'],
  guardianshipForm: ['监护形式'],
  guardianName: ['实际监护人姓名', '监护人姓名'],
  guardianRelationship: ['与学生的关系', '监护人与学生的关系'],
  guardianAddress: ['详细地址', '监护人详细地址'],
  guardianPhone: ['监护人联系电话', '监护人联系电话/手机'],
  concerns: ['关注的主要问题'],
  filledOn: ['填报时间'],
};

/** Columns every file must have. */
export const REQUIRED_FIELDS = ['name', 'gender', 'birthDate', 'householdRegionCode', 'residenceTownshipCode', 'guardianshipForm'] as const;

/** Columns of the paper forms that the import leaves out (the women's federation's pairings, the summary table's bookkeeping). */
const IGNORED_HEADERS = ['序号', '结对帮扶人姓名', '结对人姓名', '单位（职业）', '单位(职业)', '结对帮扶人电话', '电话/手机', '结对时间', '变动情况'];

/** A header as written, without spaces, line breaks or a required-marker (*, （必填）). */
function normalise(header: string): string {
  return header
    .replace(/\s+/g, '')
    .replace(/^\*|\*$/g, '')
    .replace(/[（(]必填[）)]$/, '');
}

const FIELD_BY_HEADER = new Map<string, string>(
  Object.entries(FORM_COLUMNS).flatMap(([field, headers]) => [[field, field] as const, ...headers.map((header) => [normalise(header), field] as const)]),
);
const IGNORED = new Set(IGNORED_HEADERS.map(normalise));

/** Which field each column holds (null: left out); the headers that name nothing known, and the required fields missing. */
export function mapHeaders(headers: ReadonlyArray<string>): { fields: (string | null)[]; unknown: string[]; missing: string[]; repeated: string[] } {
  const seen = new Set<string>();
  const unknown: string[] = [];
  const repeated: string[] = [];
  const fields = headers.map((raw) => {
    const header = normalise(raw);
    if (!header || IGNORED.has(header)) return null;
    const field = FIELD_BY_HEADER.get(header);
    if (!field) {
      unknown.push(raw.trim());
      return null;
    }
    if (seen.has(field)) repeated.push(raw.trim());
    seen.add(field);
    return field;
  });
  const missing = REQUIRED_FIELDS.filter((field) => !seen.has(field)).map((field) => FORM_COLUMNS[field][0]);
  return { fields, unknown, missing, repeated };
}
