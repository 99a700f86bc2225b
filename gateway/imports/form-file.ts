import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { mapHeaders } from './form-columns';
import { ImportRefused } from './import-errors';

/** One data row of the file: its line (CSV line, or spreadsheet row number) and its cells by field. */
export interface FileRow {
  line: number;
  [field: string]: string | number | null;
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** An old binary Excel file (.xls, OLE2), which the import does not read. */
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** A spreadsheet cell as text: dates as YYYY-MM-DD, formulas by their result, rich text joined. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

async function readWorkbook(file: Buffer): Promise<{ line: number; cells: string[] }[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw new ImportRefused('MALFORMED_FILE', 'The workbook cannot be read: save it again as .xlsx.');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ImportRefused('EMPTY_FILE', 'The workbook has no sheet.');
  const rows: { line: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values = row.values as ExcelJS.CellValue[];
    // ExcelJS numbers columns from 1: values[0] is always empty.
    rows.push({ line: row.number, cells: values.slice(1).map((value) => cellText(value).trim()) });
  });
  return rows;
}

/** Bytes no text file holds (NUL and the control characters other than tab and line breaks): an image, a PDF, an archive. */
function looksBinary(file: Buffer): boolean {
  return file.subarray(0, 4096).some((byte) => byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d);
}

function readCsv(file: Buffer): { line: number; cells: string[] }[] {
  if (looksBinary(file)) throw new ImportRefused('UNSUPPORTED_FILE_TYPE', 'The file is neither an .xlsx workbook nor a CSV text.');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file);
  } catch {
    throw new ImportRefused('UNSUPPORTED_ENCODING', 'The CSV is not UTF-8 text: save it as “CSV UTF-8”, or as .xlsx.');
  }
  try {
    const records = parse(text, { bom: true, info: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    return records.map(({ record, info }) => ({ line: info.lines, cells: record }));
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw new ImportRefused('MALFORMED_FILE', `The CSV cannot be read${line ? ` at line ${line}` : ''}: check its quotes.`, line ? { line } : {});
  }
}

/**
 * The rows of a registration-form file, CSV (UTF-8) or .xlsx (its first sheet), told apart by
 * content: the first non-empty row is the header, every later non-empty row a child. Refuses a file
 * of another kind, without data rows, with headers missing, unknown or repeated, or with more rows
 * than `maxRows`.
 */
export async function readFormFile(file: Buffer, maxRows: number): Promise<{ rows: FileRow[]; headerOf: Map<string, string> }> {
  if (file.length === 0) throw new ImportRefused('EMPTY_FILE', 'The file is empty.');
  if (file.subarray(0, 4).equals(OLE2)) throw new ImportRefused('UNSUPPORTED_FILE_TYPE', 'Old .xls workbooks are not read: save it as .xlsx or CSV.');
  const table = file.subarray(0, 4).equals(ZIP) ? await readWorkbook(file) : readCsv(file);
  const [header, ...data] = table.filter((row) => row.cells.some((cell) => cell !== ''));
  if (!header || data.length === 0) throw new ImportRefused('EMPTY_FILE', 'The file has no rows of children under its header row.');
  const { fields, unknown, missing, repeated } = mapHeaders(header.cells);
  if (unknown.length || missing.length || repeated.length) {
    const parts = [
      missing.length ? `missing: ${missing.join(', ')}` : '',
      unknown.length ? `unknown: ${unknown.join(', ')}` : '',
      repeated.length ? `repeated: ${repeated.join(', ')}` : '',
    ].filter(Boolean);
    throw new ImportRefused('WRONG_HEADERS', `The header row is not the registration form’s (${parts.join('; ')}).`, { missing, unknown, repeated });
  }
  if (data.length > maxRows) throw new ImportRefused('TOO_MANY_ROWS', `A file holds at most ${maxRows} rows; split it.`, { maxRows });
  const headerOf = new Map<string, string>();
  fields.forEach((field, index) => field && headerOf.set(field, header.cells[index]));
  const rows = data.map(({ line, cells }) => {
    const row: FileRow = { line };
    fields.forEach((field, index) => {
      if (field) row[field] = cells[index] ? cells[index] : null;
    });
    return row;
  });
  return { rows, headerOf };
}
