import ExcelJS from 'exceljs';
import { DEMO_COUNTY, demoPrincipals } from '../demo/principals';
import { generateDemoSchools } from '../demo/generator';
import { composeNationalId } from '../standards/national-id';
import { townshipsOf } from '../standards/regions';
import { uploadRegistrationForms, type UploadAnswer } from './registration-form-upload';
import { startScratchSystem } from './scratch-system';

/**
 * `npm run bench:import`: starts a fresh system and times registration-form imports of
 * BENCH_IMPORT_ROWS rows (default 10,000) through POST /imports/registration-forms: a civil-affairs
 * workbook (.xlsx) registered directly, the same workbook again (every row already there), and a
 * school's CSV proposed. Figures only; it asserts nothing (machines are noisy).
 */
const HEADERS = [
  '姓名',
  '性别',
  '出生日期',
  '身份证号',
  '班级',
  '户籍地区划代码',
  '现居住乡镇代码',
  '父亲外出时间',
  '母亲外出时间',
  '监护形式',
  '实际监护人姓名',
];

/** Left-behind children of the demo county, each with its own national ID (sequence from `offset`). */
function rows(count: number, offset: number): string[][] {
  const townships = townshipsOf(DEMO_COUNTY).map((township) => township.code);
  // Born on one of 2,000 days from about 12 years ago, the 3-digit sequence telling apart the children of a day: every ID distinct.
  const first = Date.UTC(new Date().getUTCFullYear() - 12, 0, 1);
  return Array.from({ length: count }, (_, index) => {
    const n = offset + index;
    const birthDate = new Date(first + (n % 2000) * 86_400_000).toISOString().slice(0, 10);
    const sequence = Math.floor(n / 2000) % 1000;
    const nationalId = composeNationalId(DEMO_COUNTY, birthDate, sequence);
    return [
      `批量${n}`,
      sequence % 2 ? '男' : '女',
      birthDate,
      nationalId,
      '三年级1班',
      DEMO_COUNTY,
      townships[n % townships.length],
      '2023-03-01',
      '2023-05-01',
      '随祖父母生活',
      '王奶奶',
    ];
  });
}

async function workbook(data: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('登记表');
  sheet.addRow(HEADERS);
  sheet.addRows(data);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const csv = (data: string[][]) => Buffer.from([HEADERS, ...data].map((row) => row.join(',')).join('\n'));

async function timed(label: string, run: () => Promise<UploadAnswer>): Promise<void> {
  const start = performance.now();
  const { status, body } = await run();
  const seconds = (performance.now() - start) / 1000;
  if (body.errors?.length) throw new Error(`${label}: HTTP ${status} ${JSON.stringify(body.errors)}`);
  console.log(
    `  ${label.padEnd(44)} ${seconds.toFixed(2).padStart(6)} s   HTTP ${status}, ${body.created} created, ${body.alreadyPresent} already there, ${body.problems?.length} problems`,
  );
  if (body.problems?.length) console.log(`    first problem: ${JSON.stringify(body.problems[0])}`);
}

async function main() {
  const count = Number(process.env.BENCH_IMPORT_ROWS ?? 10_000);
  const system = await startScratchSystem('bench-import', 200);
  try {
    const principals = demoPrincipals(2026);
    const school = generateDemoSchools(2026).find((candidate) => principals['school-care-teacher'].schools.includes(candidate.id))!;
    const registered = await workbook(rows(count, 0));
    const proposed = csv(rows(count, count * 3));
    console.log(`\n${count} registration forms through POST /imports/registration-forms (file read, checked, written):`);
    const upload = (file: Buffer, filename: string, role: 'civil-affairs-case-worker' | 'school-care-teacher') =>
      uploadRegistrationForms({
        gatewayUrl: system.gatewayUrl,
        token: system.tokens[role],
        purpose: principals[role].purposes[0],
        file,
        filename,
        schoolId: role === 'school-care-teacher' ? school.id : null,
      });
    await timed(`civil affairs, .xlsx (${(registered.length / 1024).toFixed(0)} KB), registered`, () =>
      upload(registered, 'forms.xlsx', 'civil-affairs-case-worker'),
    );
    await timed('the same workbook again (nothing new)', () => upload(registered, 'forms.xlsx', 'civil-affairs-case-worker'));
    await timed(`a school, CSV (${(proposed.length / 1024).toFixed(0)} KB), proposed`, () => upload(proposed, 'forms.csv', 'school-care-teacher'));
  } finally {
    await system.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
