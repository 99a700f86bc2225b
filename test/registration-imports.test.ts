import { randomInt } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { RoleName } from '../schema/roles';
import { townshipsOf } from '../standards/regions';
import { DEMO_COUNTY } from '../demo/principals';
import { asRole, daysAgo, principals, SCHOOL_A, SCHOOL_B, teacherAt } from './support/children';
import { database, freshNationalId, gqlData, system, tokenFor, waitFor } from './support/system';

/**
 * Registration forms in bulk (issue 13, Import): a file of seed 003's forms posted to the gateway's
 * POST /imports/registration-forms, read there, and registered through the gateway's own pipeline:
 * directly by civil affairs, or as proposals by a school. Every row checked first; nothing written
 * unless all are valid (or only the valid ones, when asked); the same file twice creates nothing new.
 */

const IMPORT_URL = system.gatewayUrl.replace(/\/graphql$/, '/imports/registration-forms');
const TOWNSHIP = townshipsOf(DEMO_COUNTY)[0]!.code;
const NEIGHBOUR_TOWNSHIP = townshipsOf('360731')[0]!.code;

const HEADERS = [
  '姓名',
  '性别',
  '出生日期',
  '身份证号',
  '班级',
  '户籍地区划代码',
  '现居住乡镇代码',
  '现居住村',
  '父亲姓名',
  '父亲外出时间',
  '父亲外出地点',
  '父亲联系电话',
  '母亲姓名',
  '母亲外出时间',
  '母亲外出地点',
  '母亲联系电话',
  '监护形式',
  '实际监护人姓名',
  '与学生的关系',
  '详细地址',
  '监护人联系电话',
  '关注的主要问题',
  '填报时间',
];

type Cells = Record<string, string>;

/** A left-behind child's form in the demo county, with a national ID unless `withoutId`. */
function formRow(name: string, overrides: Cells = {}, withoutId = false): Cells {
  const identity = freshNationalId(randomInt(2) ? 'MALE' : 'FEMALE');
  return {
    姓名: name,
    性别: identity.gender === 'MALE' ? '男' : '女',
    出生日期: identity.birthDate,
    身份证号: withoutId ? '' : identity.nationalId,
    班级: '三年级2班',
    户籍地区划代码: DEMO_COUNTY,
    现居住乡镇代码: TOWNSHIP,
    现居住村: '东庄村',
    父亲姓名: '导父',
    父亲外出时间: daysAgo(400),
    父亲外出地点: '广东省东莞市',
    父亲联系电话: '13800000001',
    母亲姓名: '导母',
    母亲外出时间: daysAgo(300),
    母亲外出地点: '浙江省宁波市',
    母亲联系电话: '13800000002',
    监护形式: '随祖父母生活',
    实际监护人姓名: '王奶奶',
    与学生的关系: '祖母',
    详细地址: '萧县龙城镇东庄村',
    监护人联系电话: '13900000003',
    关注的主要问题: '想念父母',
    填报时间: daysAgo(1),
    ...overrides,
  };
}

const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

function csv(rows: Cells[], headers = HEADERS): Buffer {
  return Buffer.from([headers, ...rows.map((row) => headers.map((header) => row[header] ?? ''))].map((line) => line.map(quote).join(',')).join('\r\n'));
}

async function xlsx(rows: Cells[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('登记表');
  sheet.addRow(HEADERS);
  for (const row of rows) sheet.addRow(HEADERS.map((header) => row[header] ?? null));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

interface Upload {
  file?: Buffer;
  filename?: string;
  role?: RoleName;
  token?: string | null;
  purpose?: string | null;
  schoolId?: string;
  onlyValidRows?: boolean;
  headers?: Record<string, string>;
}

/** The endpoint's JSON answers, which the tests navigate freely (as GraphQLResponse). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = any;

/** POSTs a file as multipart/form-data, as the CLI and any client would. */
async function upload(options: Upload): Promise<{ status: number; body: Body }> {
  const role = options.role ?? 'civil-affairs-case-worker';
  const form = new FormData();
  if (options.schoolId) form.set('schoolId', options.schoolId);
  if (options.onlyValidRows) form.set('onlyValidRows', 'true');
  if (options.file) form.set('file', new Blob([new Uint8Array(options.file)]), options.filename ?? 'forms.csv');
  const token = options.token === undefined ? system.tokens[role] : options.token;
  const purpose = options.purpose === undefined ? principals[role].purposes[0] : options.purpose;
  const response = await fetch(IMPORT_URL, {
    method: 'POST',
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(purpose ? { 'x-purpose': purpose } : {}), ...options.headers },
    body: form,
  });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) };
}

const errorCode = (body: Body) => body.errors?.[0]?.extensions?.code;

/** How many children the registry holds by these names (as its owner: past row security). */
async function childrenNamed(names: string[]): Promise<number> {
  const db = await database('civil-affairs');
  try {
    const { rows } = await db.query('SELECT count(*)::int AS n FROM child WHERE name = ANY ($1)', [names]);
    return rows[0].n;
  } finally {
    await db.end();
  }
}

let counter = 0;
/** Names no other test uses. */
const names = (count: number) => Array.from({ length: count }, () => `导入${Date.now() % 100000}${++counter}`);

describe('civil affairs registers a file of forms directly', () => {
  it('writes nothing when one row is bad, and names the row, its column and why', async () => {
    const [a, b, c] = names(3);
    const file = csv([formRow(a), formRow(b, { 出生日期: '2015-02-30' }), formRow(c)]);
    const { status, body } = await upload({ file });
    expect(status).toBe(422);
    expect(body).toMatchObject({ written: false, created: 0, rows: 3 });
    expect(body.problems).toEqual([
      { line: 3, field: 'birthDate', column: '出生日期', code: 'BAD_USER_INPUT', message: expect.stringContaining('not a day of the calendar') },
    ]);
    expect(await childrenNamed([a, b, c])).toBe(0);
  });

  it('reports every problem of every bad row, never echoing a value', async () => {
    const [a, b] = names(2);
    const badId = formRow(a).身份证号.slice(0, 17) + 'Y';
    const file = csv([formRow(a, { 身份证号: badId, 现居住乡镇代码: '341322999', 监护形式: '随便' }), formRow(b, { 姓名: '', 性别: '未知' })]);
    const { status, body } = await upload({ file });
    expect(status).toBe(422);
    const found = body.problems.map((p: { line: number; field: string; code: string }) => [p.line, p.field, p.code]);
    expect(found).toEqual([
      [2, 'nationalId', 'INVALID_NATIONAL_ID'],
      [2, 'residenceTownshipCode', 'INVALID_REGION_CODE'],
      [2, 'guardianshipForm', 'BAD_USER_INPUT'],
      [3, 'name', 'BAD_USER_INPUT'],
      [3, 'gender', 'BAD_USER_INPUT'],
    ]);
    expect(JSON.stringify(body)).not.toContain(badId);
    expect(await childrenNamed([a, b])).toBe(0);
  });

  it('with onlyValidRows writes the valid rows; the same file again creates nothing new', async () => {
    const [a, b, c, d] = names(4);
    const rows = [formRow(a), formRow(b, { 监护形式: '' }), formRow(c, {}, true), formRow(d, { 父亲外出时间: '', 母亲外出时间: '' })];
    const file = csv(rows);
    const first = await upload({ file, onlyValidRows: true });
    expect(first.status).toBe(200);
    // d's parents are at home: no reason to be registered, found by the registry's own derivation.
    expect(first.body).toMatchObject({ written: true, created: 2, alreadyPresent: 0 });
    expect(first.body.problems.map((p: { line: number; code: string }) => [p.line, p.code])).toEqual([
      [3, 'BAD_USER_INPUT'],
      [5, 'NOT_ELIGIBLE'],
    ]);
    expect(await childrenNamed([a, c])).toBe(2);
    expect(await childrenNamed([b, d])).toBe(0);

    // a is matched by national ID, c (no ID) by name, birth date and township.
    const again = await upload({ file, onlyValidRows: true });
    expect(again.body).toMatchObject({ written: true, created: 0, alreadyPresent: 2 });
    expect(await childrenNamed([a, c])).toBe(2);

    // The child is filed with the form's family: both parents away, the grandparents guarding it.
    const { childByNationalId: child } = await gqlData(
      `query ($id: String!) { childByNationalId(nationalId: $id) { name residenceTownshipCode classification { isLeftBehind } guardianship { form guardianName } } }`,
      { id: rows[0].身份证号 },
    );
    expect(child).toEqual({
      name: a,
      residenceTownshipCode: TOWNSHIP,
      classification: { isLeftBehind: true },
      guardianship: { form: 'GRANDPARENTS', guardianName: '王奶奶' },
    });
  });

  it('reads .xlsx workbooks too, and a second import of the same workbook creates nothing', async () => {
    const batch = names(3);
    const file = await xlsx(batch.map((name, index) => formRow(name, {}, index === 2)));
    const first = await upload({ file, filename: 'forms.xlsx' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ written: true, created: 3, problems: [] });
    const second = await upload({ file, filename: 'forms.xlsx' });
    expect(second.body).toMatchObject({ written: true, created: 0, alreadyPresent: 3 });
    expect(await childrenNamed(batch)).toBe(3);
  });

  it('refuses a neighbouring county’s rows, and writes nothing of the file', async () => {
    const [a, b] = names(2);
    const file = csv([formRow(a), formRow(b, { 户籍地区划代码: '360731', 现居住乡镇代码: NEIGHBOUR_TOWNSHIP })]);
    const { status, body } = await upload({ file });
    expect(status).toBe(422);
    expect(body.problems).toEqual([expect.objectContaining({ line: 3, code: 'OUTSIDE_JURISDICTION', field: null })]);
    expect(await childrenNamed([a, b])).toBe(0);
  });

  it('refuses a national ID registered outside the caller’s rows without saying where, and counts it as a probe', async () => {
    const identity = freshNationalId('MALE');
    const away = daysAgo(400);
    await gqlData(`mutation ($input: RegisterChildInput!) { registerChild(input: $input) { child { id } } }`, {
      input: {
        name: '邻县儿童',
        gender: 'MALE',
        birthDate: identity.birthDate,
        nationalId: identity.nationalId,
        householdRegionCode: '360731',
        residenceRegionCode: '360731',
        father: { awaySince: away },
        mother: { awaySince: away },
      },
    });
    const [a, b] = names(2);
    const file = csv([formRow(a), formRow(b, { 性别: '男', 出生日期: identity.birthDate, 身份证号: identity.nationalId })]);
    const { status, body } = await upload({ file });
    expect(status).toBe(422);
    expect(body.problems).toEqual([expect.objectContaining({ line: 3, code: 'CONFLICT', field: 'nationalId' })]);
    expect(body.problems[0].message).not.toMatch(/360731|邻县/);
    expect(await childrenNamed([a, b])).toBe(0);
    const db = await database('civil-affairs');
    try {
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM national_id_lookup WHERE operation = 'importChildren'`);
      expect(rows[0].n).toBeGreaterThan(0);
    } finally {
      await db.end();
    }
  });

  it('refuses a direct registration from a token without child:write', async () => {
    const { status, body } = await upload({ file: csv([formRow(names(1)[0])]), role: 'school-care-teacher' });
    expect(status).toBe(403);
    expect(errorCode(body)).toBe('UNAUTHORIZED_FIELD_OR_TYPE');
  });
});

describe('a school proposes a file of forms', () => {
  const OWN_PROPOSALS = `query { childProposals(first: 100, filter: { status: PENDING }) { totalCount edges { node { name } } } }`;
  const TO_REVIEW = `query { childProposalsToReview(first: 100) { edges { node { name school { id } } } } }`;

  it('creates one proposal per row for civil affairs to review; the same file again proposes nothing new', async () => {
    const batch = names(3);
    const file = csv(batch.map((name, index) => formRow(name, {}, index === 1)));
    const first = await upload({ file, role: 'school-care-teacher', schoolId: SCHOOL_A });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ written: true, created: 3, problems: [] });
    // Nothing is registered until civil affairs decides.
    expect(await childrenNamed(batch)).toBe(0);

    const pending = async () =>
      (await asRole('school-care-teacher', OWN_PROPOSALS)).body.data.childProposals.edges.map((e: { node: { name: string } }) => e.node.name);
    expect((await pending()).filter((name: string) => batch.includes(name))).toHaveLength(3);

    const again = await upload({ file, role: 'school-care-teacher', schoolId: SCHOOL_A });
    expect(again.body).toMatchObject({ written: true, created: 0, alreadyPresent: 3 });
    expect((await pending()).filter((name: string) => batch.includes(name))).toHaveLength(3);

    const seen = await waitFor(async () => {
      const nodes: { name: string; school: { id: string } }[] = (
        await asRole('civil-affairs-case-worker', TO_REVIEW)
      ).body.data.childProposalsToReview.edges.map((e: { node: { name: string; school: { id: string } } }) => e.node);
      const ours = nodes.filter((node) => batch.includes(node.name));
      return ours.length === 3 ? ours : null;
    });
    expect(seen.every((node) => node.school.id === SCHOOL_A)).toBe(true);
  });

  it('writes no proposal when one row is bad, and names it', async () => {
    const batch = names(2);
    const file = csv([formRow(batch[0]), formRow(batch[1], { 户籍地区划代码: '999999' })]);
    const { status, body } = await upload({ file, role: 'school-care-teacher', schoolId: SCHOOL_A });
    expect(status).toBe(422);
    expect(body.problems).toEqual([expect.objectContaining({ line: 3, field: 'householdRegionCode', column: '户籍地区划代码', code: 'INVALID_REGION_CODE' })]);
    const proposed = (await asRole('school-care-teacher', OWN_PROPOSALS)).body.data.childProposals.edges.map((e: { node: { name: string } }) => e.node.name);
    expect(proposed).not.toContain(batch[0]);
  });

  it('refuses to propose for another school', async () => {
    const { status, body } = await upload({ file: csv([formRow(names(1)[0])]), role: 'school-care-teacher', schoolId: SCHOOL_B });
    expect(status).toBe(403);
    expect(errorCode(body)).toBe('OUTSIDE_JURISDICTION');
    // Another school's teacher cannot propose for the demo school either.
    const token = await tokenFor(teacherAt(SCHOOL_B));
    const other = await upload({ file: csv([formRow(names(1)[0])]), token, purpose: 'education-support', schoolId: SCHOOL_A });
    expect(other.status).toBe(403);
  });
});

describe('bad files and requests get clear errors, and the gateway stays up', () => {
  const goodFile = () => csv([formRow(names(1)[0])]);

  it.each([
    ['not a spreadsheet (a PNG)', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 415, 'UNSUPPORTED_FILE_TYPE'],
    ['an old .xls workbook', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 415, 'UNSUPPORTED_FILE_TYPE'],
    ['a damaged .xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('not really a zip')]), 400, 'MALFORMED_FILE'],
    ['a CSV in GBK', Buffer.from([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0x0a]), 415, 'UNSUPPORTED_ENCODING'],
    ['an empty file', Buffer.alloc(0), 400, 'EMPTY_FILE'],
    ['a header and no rows', csv([]), 400, 'EMPTY_FILE'],
    ['wrong headers', csv([{ 名字: '张三' }], ['名字', '性别']), 400, 'WRONG_HEADERS'],
    ['an unterminated quote', Buffer.from(`${HEADERS.join(',')}\n"张三,男`), 400, 'MALFORMED_FILE'],
    ['a file over the limit', Buffer.alloc(11 * 1024 * 1024, 0x41), 413, 'FILE_TOO_LARGE'],
  ])('%s', async (_label, file, status, code) => {
    const response = await upload({ file });
    expect(response.status).toBe(status);
    expect(errorCode(response.body)).toBe(code);
    expect(response.body.errors[0].message).toEqual(expect.any(String));
    expect(JSON.stringify(response.body)).not.toMatch(/at .*\.js|stack/i);
  });

  it('names the missing and unknown headers', async () => {
    const { body } = await upload({ file: csv([{ 名字: '张三' }], ['名字', '性别', '出生日期']) });
    expect(body.errors[0].extensions).toMatchObject({ code: 'WRONG_HEADERS', unknown: ['名字'], missing: expect.arrayContaining(['姓名', '监护形式']) });
  });

  it('refuses a request without the CSRF header, without a bearer token, or with only a cookie; writes nothing', async () => {
    const [name] = names(1);
    const file = csv([formRow(name)]);
    const noHeader = await upload({ file, purpose: null });
    expect([noHeader.status, errorCode(noHeader.body)]).toEqual([400, 'CSRF_HEADER_REQUIRED']);
    const noToken = await upload({ file, token: null });
    expect([noToken.status, errorCode(noToken.body)]).toEqual([401, 'UNAUTHENTICATED']);
    const cookie = await upload({ file, token: null, headers: { cookie: `token=${system.tokens['civil-affairs-case-worker']}` } });
    expect(cookie.status).toBe(401);
    expect(await childrenNamed([name])).toBe(0);
  });

  it('refuses a body that is not multipart, and a request with no file', async () => {
    const json = await fetch(IMPORT_URL, {
      method: 'POST',
      headers: { authorization: `Bearer ${system.tokens['civil-affairs-case-worker']}`, 'x-purpose': 'case-management', 'content-type': 'application/json' },
      body: '{}',
    });
    expect([json.status, errorCode(await json.json())]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    const noFile = await upload({});
    expect([noFile.status, errorCode(noFile.body)]).toEqual([400, 'FILE_REQUIRED']);
  });

  it('still answers afterwards', async () => {
    const health = await fetch(system.gatewayUrl.replace(/\/graphql$/, '/health'));
    expect(health.status).toBe(200);
    const { status, body } = await upload({ file: goodFile() });
    expect(status).toBe(200);
    expect(body.created).toBe(1);
  });
});
