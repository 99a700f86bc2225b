import { deflateRawSync } from 'node:zlib';
import type { RoleName } from '../schema/roles';
import { principals } from './support/children';
import { system } from './support/system';

/**
 * An outsider's attacks on what landed on 2026-12-06 (figures, exports, imports, internal tokens,
 * the access log), each a request through the real gateway. The ones here broke something before
 * their fix: an import file that costs the gateway far more than its size.
 */

const IMPORT_URL = system.gatewayUrl.replace(/\/graphql$/, '/imports/registration-forms');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = any;

async function upload(file: Buffer, role: RoleName, filename: string): Promise<{ status: number; body: Body }> {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(file)]), filename);
  const response = await fetch(IMPORT_URL, {
    method: 'POST',
    headers: { authorization: `Bearer ${system.tokens[role]}`, 'x-purpose': principals[role].purposes[0]! },
    body: form,
  });
  return { status: response.status, body: JSON.parse(await response.text()) };
}

/** A zip of these entries, deflated, as any zip tool writes one (CRCs left 0: no reader here checks them). */
function zip(entries: Record<string, Buffer>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name);
    const data = deflateRawSync(content, { level: 9 });
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(content.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(content.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOC_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A minimal .xlsx whose first sheet holds `sheetData`, plus any other entries. */
function workbook(sheetData: Buffer, extra: Record<string, Buffer> = {}): Buffer {
  const xml = (text: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>${text}`);
  return zip({
    '[Content_Types].xml': xml(
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    ),
    '_rels/.rels': xml(`<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': xml(`<workbook xmlns="${MAIN}" xmlns:r="${DOC_RELS}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': xml(
      `<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC_RELS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
    'xl/worksheets/sheet1.xml': Buffer.concat([xml(`<worksheet xmlns="${MAIN}"><sheetData>`), sheetData, Buffer.from('</sheetData></worksheet>')]),
    ...extra,
  });
}

/** The gateway still answers a query at once, as the demo case worker. */
async function gatewayAnswers(): Promise<void> {
  const response = await fetch(system.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${system.tokens['civil-affairs-case-worker']}`, 'x-purpose': 'case-management' },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  expect(response.status).toBe(200);
}

describe('import files that cost far more than their size', () => {
  it('refuses a workbook of half a million cells before building them (it held the gateway 15 s and 2 GB)', async () => {
    const columns = Array.from({ length: 26 }, (_, at) => String.fromCharCode(65 + at));
    const rows: string[] = [];
    for (let row = 1; row <= 35_000; row++) rows.push(`<row r="${row}">${columns.map((column) => `<c r="${column}${row}"/>`).join('')}</row>`);
    const file = workbook(Buffer.from(rows.join('')));
    expect(file.length).toBeLessThan(10 * 1024 * 1024);
    const { status, body } = await upload(file, 'civil-affairs-case-worker', 'forms.xlsx');
    expect([status, body.errors?.[0]?.extensions?.code]).toEqual([413, 'FILE_TOO_LARGE']);
    await gatewayAnswers();
  });

  it('refuses a workbook entry that inflates past the bound, whatever size the zip declares', async () => {
    const header = Buffer.from('<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c></row>');
    // 200 MB of one letter deflates to about 200 KB.
    const file = workbook(header, { 'xl/sharedStrings.xml': Buffer.alloc(200 * 1024 * 1024, 'a') });
    const { status, body } = await upload(file, 'civil-affairs-case-worker', 'forms.xlsx');
    expect([status, body.errors?.[0]?.extensions?.code]).toEqual([413, 'FILE_TOO_LARGE']);
    await gatewayAnswers();
  });

  it('refuses a CSV of five million one-letter lines without parsing them all (it ran the gateway out of memory)', async () => {
    const file = Buffer.from(`姓名,性别\n${'a\n'.repeat(4_900_000)}`);
    expect(file.length).toBeLessThan(10 * 1024 * 1024);
    const { status, body } = await upload(file, 'civil-affairs-case-worker', 'forms.csv');
    expect([status, body.errors?.[0]?.extensions?.code]).toEqual([413, 'TOO_MANY_ROWS']);
    await gatewayAnswers();
  });

  it('reads no file for a token that can neither register nor propose children (an analyst)', async () => {
    // A file whose headers are wrong: reading it would answer WRONG_HEADERS.
    const { status, body } = await upload(Buffer.from('x,y\n1,2\n'), 'analyst', 'forms.csv');
    expect([status, body.errors?.[0]?.extensions?.code]).toEqual([403, 'UNAUTHORIZED_FIELD_OR_TYPE']);
  });
});
