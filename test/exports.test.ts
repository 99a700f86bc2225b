import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { DEMO_COUNTY } from '../demo/principals';
import type { Principal } from '../platform/principal';
import { townshipsOf } from '../standards/regions';
import { principals, SCHOOL_A, teacherAt } from './support/children';
import { startGateway, type GatewayProcess } from './support/gateway-process';
import { database, freshNationalId, gqlData, system, tokenFor, waitFor, waitForRegistryFeed } from './support/system';

/**
 * Exports of seed 003's forms (issue 13): GET /exports/registration-forms and /exports/summary-table,
 * through the real gateway, with the demo roles' scopes. The school is made for the test, in a
 * township with no other school, so its rows are exactly the children registered here.
 */

const ROOT = resolve(__dirname, '..', '..');
const gatewayBase = system.gatewayUrl.replace(/\/graphql$/, '');
const STACK = /at \S+ \(|\.ts:\d+|\.js:\d+/;

interface Pupil {
  name: string;
  birthDate: string;
  fatherPhone: string;
  guardianAddress: string;
  helperPhone: string;
}

let schoolId: string;
let schoolName: string;
let township: string;
const pupils: Pupil[] = [];
let teacher: Principal;
let teacherToken: string;
let caseWorkerToken: string;

/** The export as HTTP answers it. */
async function exportFile(path: string, token: string | null, purpose: string | null, base = gatewayBase) {
  const response = await fetch(`${base}/exports/${path}`, {
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(purpose ? { 'x-purpose': purpose } : {}) },
  });
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}

/** A CSV export read back: the header lines (before the first empty line), the table's columns and rows. */
function readCsv(body: Buffer) {
  const text = body.toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const records = parseCsv(text.slice(1), { relax_column_count: true, skip_empty_lines: false }) as string[][];
  const blank = records.findIndex((record) => record.every((cell) => cell === ''));
  return { header: records.slice(0, blank), columns: records[blank + 1], rows: records.slice(blank + 2) };
}

/** An XLSX export read back with exceljs, the same parts. */
async function readXlsx(body: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  expect(workbook.worksheets).toHaveLength(1);
  const lines: string[][] = [];
  workbook.worksheets[0].eachRow({ includeEmpty: true }, (row) => {
    const values = (row.values as unknown[]).slice(1).map((value) => {
      // Every cell is text: nothing a clerk opens runs as a formula.
      if (value !== null && value !== undefined) expect(typeof value).toBe('string');
      return (value as string | undefined) ?? '';
    });
    lines.push(values);
  });
  const blank = lines.findIndex((line) => line.every((cell) => cell === ''));
  return { header: lines.slice(0, blank), columns: lines[blank + 1], rows: lines.slice(blank + 2) };
}

const omittedColumns = (header: string[][]) => header.filter((line) => line[0] === '未导出').map((line) => line[1]);
const cell = (table: { columns: string[]; rows: string[][] }, name: string, column: string) =>
  table.rows.find((row) => row[table.columns.indexOf('姓名')] === name)?.[table.columns.indexOf(column)];

/** Registers a left-behind child with the facts of the forms, enrols it at the test school, guardianship and pairing as given. */
async function registerPupil(index: number, programmeId: string, options: { guardianships: number; paired: boolean }): Promise<void> {
  const identity = freshNationalId();
  const pupil: Pupil = {
    name: `导出测试${'甲乙丙'[index]}`,
    birthDate: identity.birthDate,
    fatherPhone: `1390000000${index}`,
    guardianAddress: `萧县导出村${index}号`,
    helperPhone: `1370000000${index}`,
  };
  const { registerChild } = await gqlData(`mutation ($input: RegisterChildInput!) { registerChild(input: $input) { child { id } } }`, {
    input: {
      name: pupil.name,
      gender: identity.gender,
      birthDate: identity.birthDate,
      nationalId: identity.nationalId,
      householdRegionCode: DEMO_COUNTY,
      residenceRegionCode: DEMO_COUNTY,
      // A spreadsheet formula typed into the registry: it must reach the file as text.
      father: {
        name: `父亲${index}`,
        phone: pupil.fatherPhone,
        workPlace: index === 0 ? '=HYPERLINK("http://example.test")' : '浙江省杭州市',
        awaySince: '2024-02-01',
      },
      mother: { name: `母亲${index}`, phone: `1380000000${index}`, workPlace: '江苏省苏州市', awaySince: '2024-03-01' },
    },
  });
  const childId: string = registerChild.child.id;
  await waitForRegistryFeed(childId);
  await gqlData(`mutation ($input: EnrolInput!) { enrol(input: $input) { id } }`, {
    input: { childId, schoolId, grade: 4, className: `${index + 1}班`, enrolledOn: '2025-09-01' },
  });
  let version: number | undefined;
  for (let count = 0; count < options.guardianships; count++) {
    const guardianship = await gqlData(
      `mutation ($id: ID!, $v: Int, $input: GuardianshipInput!) { recordGuardianship(childId: $id, expectedVersion: $v, input: $input) { version } }`,
      {
        id: childId,
        v: version,
        input: {
          form: count === 0 ? 'GRANDPARENTS' : 'RELATIVES_OR_FRIENDS',
          guardianName: count === 0 ? `祖母${index}` : `姑姑${index}`,
          guardianRelationship: count === 0 ? '祖母' : '姑姑',
          guardianPhone: `1360000000${index}`,
          guardianAddress: pupil.guardianAddress,
          since: count === 0 ? '2024-02-01' : '2025-10-01',
        },
      },
    );
    version = guardianship.recordGuardianship.version;
  }
  if (options.paired) {
    await gqlData(`mutation ($input: PairChildInput!) { pairChild(input: $input) { id } }`, {
      input: {
        childId,
        programmeId,
        helperName: `志愿者${index}`,
        helperOccupation: '县医院护士',
        helperPhone: pupil.helperPhone,
        helperRole: 'VOLUNTEER',
        since: '2025-03-01',
      },
    });
  }
  // The school's staff reach the child in every agency once the enrolment set has carried it.
  await waitFor(async () => {
    const { school } = await gqlData(
      `query ($id: ID!) { school(id: $id) { enrolments(first: 10) { edges { node { child { name } } } } } }`,
      { id: schoolId },
      teacherToken,
      'education-support',
    );
    return school.enrolments.edges.some((edge: { node: { child: { name: string } | null } }) => edge.node.child?.name === pupil.name);
  });
  pupils.push(pupil);
}

beforeAll(async () => {
  // A township of the demo county where the directory lists no school yet.
  for (const candidate of [...townshipsOf(DEMO_COUNTY)].reverse()) {
    const { schools } = await gqlData(`query ($p: String) { schools(regionPrefix: $p, first: 1) { edges { node { id } } } }`, { p: candidate.code });
    if (!schools.edges.length) {
      township = candidate.code;
      break;
    }
  }
  schoolName = `导出测试小学${Date.now()}`;
  const { createSchool } = await gqlData(`mutation ($input: CreateSchoolInput!) { createSchool(input: $input) { id } }`, {
    input: { name: schoolName, regionCode: DEMO_COUNTY, townshipCode: township, type: 'PRIMARY' },
  });
  schoolId = createSchool.id;
  teacher = teacherAt(schoolId);
  teacherToken = await tokenFor(teacher);
  caseWorkerToken = system.tokens['civil-affairs-case-worker'];
  const { partner } = await gqlData(`query ($id: ID!) { partner(id: $id) { programmes { id } } }`, { id: principals['partner-ngo'].partner });
  await registerPupil(0, partner.programmes[0].id, { guardianships: 2, paired: true });
  await registerPupil(1, partner.programmes[0].id, { guardianships: 1, paired: true });
  await registerPupil(2, partner.programmes[0].id, { guardianships: 0, paired: false });
});

const names = () => pupils.map((pupil) => pupil.name).sort();

describe('a school care teacher’s export', () => {
  it('the summary table (CSV) leaves out exactly the columns its scopes do not open, says so, and holds the school’s children', async () => {
    const response = await exportFile(`summary-table?school=${schoolId}&format=csv`, teacherToken, 'education-support');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const table = readCsv(response.body);
    expect(table.header[0]).toEqual(['留守儿童基本情况汇总表']);
    expect(table.header).toContainEqual(['学校', schoolName]);
    expect(table.header).toContainEqual(['县/区', '安徽省宿州市萧县']);
    expect(table.header.find((line) => line[0] === '填报时间')?.[1]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(omittedColumns(table.header)).toEqual([
      '父亲外出地及电话',
      '母亲外出地及电话',
      '实际监护人姓名、地址、电话',
      '监护形式',
      '关注的主要问题（监护风险、困境类别、强制报告、心理健康）',
      '变动情况（监护变更）',
    ]);
    // Each omission says why: the category the token does not hold.
    expect(table.header.find((line) => line[1] === '监护形式')?.[2]).toBe('调用者的权限不含：家庭监护（child:family）');
    expect(table.columns).toEqual(['序号', '姓名', '班级', '关注的主要问题', '结对人姓名（职业）', '变动情况']);
    expect(table.rows.map((row) => row[1]).sort()).toEqual(names());
    expect(table.rows.map((row) => row[0])).toEqual(['1', '2', '3']);
    // The column is open (wf:programmes), but the women's federation's row rules give school staff
    // no pairing (pairings are read by region or partner): the file holds what the graph gives.
    expect(cell(table, '导出测试甲', '结对人姓名（职业）')).toBe('');
    expect(cell(table, '导出测试乙', '班级')).toBe('4年级2班');
    // Nothing of the family reaches the file by another column.
    const text = response.body.toString('utf8');
    for (const pupil of pupils) {
      expect(text).not.toContain(pupil.fatherPhone);
      expect(text).not.toContain(pupil.guardianAddress);
    }
    expect(text).not.toContain('姑姑');
  });

  it('the registration forms (XLSX) parse back with exceljs, without birth month, parents or guardian', async () => {
    const response = await exportFile(`registration-forms?school=${schoolId}&format=xlsx`, teacherToken, 'education-support');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const table = await readXlsx(response.body);
    expect(table.header[0]).toEqual(['留守儿童基本情况登记表']);
    expect(omittedColumns(table.header)).toEqual(expect.arrayContaining(['出生年月', '父亲姓名', '母亲联系电话/手机', '实际监护人姓名', '详细地址']));
    expect(table.columns).toEqual(['姓名', '性别', '班级', '关注的主要问题', '结对帮扶人姓名', '单位（职业）', '结对帮扶人电话/手机', '结对时间']);
    expect(table.rows.map((row) => row[0]).sort()).toEqual(names());
    expect(cell(table, '导出测试乙', '性别')).toMatch(/^[男女]$/);
    // Open columns, but no pairing row reaches school staff (as in the summary table).
    expect(cell(table, '导出测试甲', '结对帮扶人电话/手机')).toBe('');
  });
});

describe('a fuller role’s export (civil-affairs case worker)', () => {
  it('the summary table (XLSX) has every column of 附件 2, filled from the graph', async () => {
    const response = await exportFile(`summary-table?school=${schoolId}&format=xlsx`, caseWorkerToken, 'case-management');
    expect(response.status).toBe(200);
    const table = await readXlsx(response.body);
    expect(table.columns).toEqual([
      '序号',
      '姓名',
      '班级',
      '父亲外出地及电话',
      '母亲外出地及电话',
      '实际监护人姓名、地址、电话',
      '监护形式',
      '关注的主要问题',
      '结对人姓名（职业）',
      '变动情况',
    ]);
    // The concerns its scopes do not open (attendance escalations, wellbeing) are named.
    expect(omittedColumns(table.header)).toEqual(['关注的主要问题（控辍保学上报、心理健康）']);
    expect(table.rows.map((row) => row[1]).sort()).toEqual(names());
    expect(cell(table, '导出测试甲', '结对人姓名（职业）')).toBe('志愿者0（县医院护士）');
    expect(cell(table, '导出测试乙', '父亲外出地及电话')).toBe(`浙江省杭州市 ${pupils[1].fatherPhone}`);
    expect(cell(table, '导出测试甲', '实际监护人姓名、地址、电话')).toBe(`姑姑0 ${pupils[0].guardianAddress} 13600000000`);
    expect(cell(table, '导出测试甲', '监护形式')).toBe('随亲戚朋友生活');
    expect(cell(table, '导出测试乙', '监护形式')).toBe('随祖父母生活');
    expect(cell(table, '导出测试甲', '变动情况')).toBe('2025-10-01 监护变更为随亲戚朋友生活（姑姑0）');
    expect(cell(table, '导出测试乙', '变动情况')).toBe('');
    expect(cell(table, '导出测试丙', '关注的主要问题')).toContain('未登记监护情况');
    // A formula typed into the registry arrives as text (exceljs reads every cell back as a string).
    expect(cell(table, '导出测试甲', '父亲外出地及电话')).toBe(`=HYPERLINK("http://example.test") ${pupils[0].fatherPhone}`);
  });

  it('the registration forms (CSV) carry the birth month, the parents, the guardian and the helper', async () => {
    const response = await exportFile(`registration-forms?school=${schoolId}&format=csv`, caseWorkerToken, 'case-management');
    expect(response.status).toBe(200);
    const table = readCsv(response.body);
    expect(omittedColumns(table.header)).toEqual(['关注的主要问题（控辍保学上报、心理健康）']);
    for (const pupil of pupils) expect(cell(table, pupil.name, '出生年月')).toBe(pupil.birthDate.slice(0, 7));
    expect(cell(table, '导出测试乙', '父亲外出时间、外出地点')).toBe('2024-02-01 浙江省杭州市');
    expect(cell(table, '导出测试乙', '与学生的关系')).toBe('祖母');
    expect(cell(table, '导出测试乙', '单位（职业）')).toBe('县医院护士');
    expect(cell(table, '导出测试乙', '结对帮扶人电话/手机')).toBe(pupils[1].helperPhone);
    expect(cell(table, '导出测试乙', '结对时间')).toBe('2025-03-01');
    expect(cell(table, '导出测试丙', '结对帮扶人姓名')).toBe('');
    // CSV escapes what a spreadsheet would run as a formula.
    expect(cell(table, '导出测试甲', '父亲外出时间、外出地点')).toBe('2024-02-01 =HYPERLINK("http://example.test")');
    expect(response.body.toString('utf8')).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it('a township’s summary table: its schools’ children, each row naming its school', async () => {
    const response = await exportFile(`summary-table?township=${township}&format=csv`, caseWorkerToken, 'case-management');
    expect(response.status).toBe(200);
    const table = readCsv(response.body);
    expect(table.header.find((line) => line[0] === '乡镇')?.[1]).toBe(townshipsOf(DEMO_COUNTY).find((candidate) => candidate.code === township)!.name);
    expect(table.columns.slice(0, 3)).toEqual(['序号', '学校', '姓名']);
    expect(table.rows.map((row) => row[2]).sort()).toEqual(names());
    for (const row of table.rows) expect(row[1]).toBe(schoolName);
  });
});

describe('outsiders', () => {
  it('a neighbouring school’s teacher gets the form with no child of this school', async () => {
    const neighbour = await tokenFor(teacherAt(SCHOOL_A));
    const response = await exportFile(`summary-table?school=${schoolId}&format=csv`, neighbour, 'education-support');
    expect(response.status).toBe(200);
    expect(readCsv(response.body).rows).toEqual([]);
    const townshipForms = await exportFile(`registration-forms?township=${township}&format=csv`, neighbour, 'education-support');
    expect(townshipForms.status).toBe(200);
    expect(readCsv(townshipForms.body).rows).toEqual([]);
  });

  it('another county’s officers get no child of this school', async () => {
    const otherCounty = await tokenFor({ ...principals['civil-affairs-case-worker'], sub: 'test:other-county', jurisdiction: ['341321'] });
    const response = await exportFile(`registration-forms?school=${schoolId}&format=xlsx`, otherCounty, 'case-management');
    expect(response.status).toBe(200);
    expect((await readXlsx(response.body)).rows).toEqual([]);
  });

  it.each([
    ['analyst', 'statistics'],
    ['partner-ngo', 'care-programmes'],
  ])('a %s, whose scopes open no pupil’s name at a school, is refused before anything is read', async (role, purpose) => {
    const response = await exportFile(`summary-table?school=${schoolId}&format=csv`, system.tokens[role], purpose);
    expect(response.status).toBe(403);
    expect(JSON.parse(response.body.toString()).errors[0].extensions.code).toBe('UNAUTHORIZED_FIELD_OR_TYPE');
  });
});

describe('bad requests get a clear error and a stable code, never a stack', () => {
  const cases: [string, string, boolean, string | null, number, string][] = [
    ['no token', 'summary-table?school=SCHOOL&format=csv', false, 'education-support', 401, 'UNAUTHENTICATED'],
    ['no purpose', 'summary-table?school=SCHOOL&format=csv', true, null, 400, 'PURPOSE_REQUIRED'],
    ['a purpose the token lacks', 'summary-table?school=SCHOOL&format=csv', true, 'case-management', 403, 'FORBIDDEN_PURPOSE'],
    ['a bad format', 'summary-table?school=SCHOOL&format=pdf', true, 'education-support', 400, 'BAD_USER_INPUT'],
    ['an unknown school', 'summary-table?school=00000000-0000-4000-8000-000000000000&format=csv', true, 'education-support', 404, 'NOT_FOUND'],
    ['a malformed school id', 'summary-table?school=1%27%20OR%201=1&format=csv', true, 'education-support', 400, 'BAD_USER_INPUT'],
    ['school and township both', `summary-table?school=SCHOOL&township=341322100&format=csv`, true, 'education-support', 400, 'BAD_USER_INPUT'],
    ['neither', 'summary-table?format=csv', true, 'education-support', 400, 'BAD_USER_INPUT'],
    ['a parameter twice', 'summary-table?school=SCHOOL&school=SCHOOL&format=csv', true, 'education-support', 400, 'BAD_USER_INPUT'],
    ['an unknown parameter', 'summary-table?school=SCHOOL&format=csv&columns=all', true, 'education-support', 400, 'BAD_USER_INPUT'],
    ['a malformed township', 'summary-table?township=3413&format=csv', true, 'education-support', 400, 'INVALID_REGION_CODE'],
    ['an unknown township', 'summary-table?township=341322999&format=csv', true, 'education-support', 404, 'NOT_FOUND'],
    ['an unknown form', 'attendance?school=SCHOOL&format=csv', true, 'education-support', 404, 'NOT_FOUND'],
  ];
  it.each(cases)('%s', async (_title, path, withToken, purpose, status, code) => {
    const response = await exportFile(path.replaceAll('SCHOOL', schoolId), withToken ? teacherToken : null, purpose);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const text = response.body.toString();
    expect(JSON.parse(text).errors[0].extensions.code).toBe(code);
    expect(text).not.toMatch(STACK);
  });

  it('a forged token is 401', async () => {
    const response = await exportFile(`summary-table?school=${schoolId}&format=csv`, `${teacherToken.slice(0, -4)}AAAA`, 'education-support');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
  });
});

describe('the file’s name and the audit', () => {
  it('Content-Disposition: an attachment, an ASCII name and the Chinese one in RFC 5987 form', async () => {
    const response = await exportFile(`summary-table?school=${schoolId}&format=xlsx`, teacherToken, 'education-support');
    const disposition = response.headers.get('content-disposition')!;
    const match = /^attachment; filename="summary-table-([0-9a-f-]{36})-(\d{4}-\d{2}-\d{2})\.xlsx"; filename\*=UTF-8''([A-Za-z0-9%._~-]+)$/.exec(disposition);
    expect(match).not.toBeNull();
    expect(match![1]).toBe(schoolId);
    expect(decodeURIComponent(match![3])).toBe(`留守儿童基本情况汇总表_${schoolName}_${match![2]}.xlsx`);
  });

  describe('through a gateway of its own (to read its log, and pages of 2 children)', () => {
    let gateway: GatewayProcess;
    beforeAll(async () => {
      gateway = await startGateway({ LOG_LEVEL: 'info', GATEWAY_EXPORT_PAGE_SIZE: '2' });
    });
    afterAll(() => gateway?.stop());

    it('pages through every child; logs who exported what, the rows and the columns left out; each read is in the access logs with the purpose', async () => {
      const base = gateway.url.replace(/\/graphql$/, '');
      const response = await exportFile(`summary-table?school=${schoolId}&format=csv`, teacherToken, 'education-support', base);
      expect(response.status).toBe(200);
      expect(
        readCsv(response.body)
          .rows.map((row) => row[1])
          .sort(),
      ).toEqual(names());

      const line = await waitFor(() =>
        gateway
          .output()
          .split('\n')
          .filter(Boolean)
          .map((text) => JSON.parse(text))
          .find((entry) => entry.msg === 'export served' && entry.sub === teacher.sub),
      );
      expect(line).toMatchObject({ export: 'summary-table', org: teacher.org, purpose: 'education-support', school: schoolId, format: 'csv', rows: 3 });
      expect(line.omitted).toContain('父亲外出地及电话');
      // Three children in pages of two: two GraphQL requests, each with its own id in the access logs.
      expect(line.requestIds).toHaveLength(2);
      const owner = await database('civil-affairs');
      try {
        const logged = await owner.query(`SELECT DISTINCT actor, purpose, child_id FROM access_log WHERE request_id = ANY($1)`, [line.requestIds]);
        expect(logged.rows).toHaveLength(3);
        for (const entry of logged.rows) expect(entry).toMatchObject({ actor: teacher.sub, purpose: 'education-support' });
      } finally {
        await owner.end();
      }
      // No child's data in the export's log line.
      for (const pupil of pupils) expect(JSON.stringify(line)).not.toContain(pupil.name);
    });
  });

  it('the CLI writes the file the endpoint serves, named from Content-Disposition', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'export-cli-'));
    try {
      const tokenFile = join(folder, 'token');
      writeFileSync(tokenFile, teacherToken);
      // The CLI as a user runs it, with the format given.
      const cli = (format: string) =>
        promisify(execFile)(
          process.execPath,
          [
            join(ROOT, 'dist', 'scripts', 'export.js'),
            'summary-table',
            '--school',
            schoolId,
            '--format',
            format,
            '--purpose',
            'education-support',
            '--url',
            gatewayBase,
            '--token-file',
            tokenFile,
          ],
          { cwd: folder },
        );
      const written = (await cli('csv')).stdout.trim();
      expect(written).toMatch(new RegExp(`^留守儿童基本情况汇总表_${schoolName}_\\d{4}-\\d{2}-\\d{2}\\.csv$`));
      expect(
        readCsv(readFileSync(join(folder, written)))
          .rows.map((row) => row[1])
          .sort(),
      ).toEqual(names());
      // A refusal is the server's code and message, and exit status 1.
      await expect(cli('pdf')).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('BAD_USER_INPUT') });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
