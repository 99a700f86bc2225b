import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { mapHeaders } from './form-columns';
import { ImportRefused } from './import-errors';
import { checkWorkbookBounds } from './workbook-bounds';

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

/** Inflated XML a form file may hold: a full 20,000-row file of inline strings is about 35 MB. */
const MAX_WORKBOOK_XML_BYTES = 64 * 1024 * 1024;
/** Cells a row may hold, counted generously (the form has 34 known columns). */
const MAX_CELLS_PER_ROW = 40;

async function readWorkbook(file: Buffer, maxRows: number): Promise<{ line: number; cells: string[] }[]> {
  // Bounded before ExcelJS, which builds every cell of every sheet in memory.
  checkWorkbookBounds(file, { maxXmlBytes: MAX_WORKBOOK_XML_BYTES, maxCells: (maxRows + 1) * MAX_CELLS_PER_ROW });
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

function readCsv(file: Buffer, maxRows: number): { line: number; cells: string[] }[] {
  if (looksBinary(file)) throw new ImportRefused('UNSUPPORTED_FILE_TYPE', 'The file is neither an .xlsx workbook nor a CSV text.');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file);
  } catch {
    throw new ImportRefused('UNSUPPORTED_ENCODING', 'The CSV is not UTF-8 text: save it as “CSV UTF-8”, or as .xlsx.');
  }
  // Counted while parsing: 10 MB of one-letter lines are five million records, more than a
  // process's memory holds once parsed; empty ones are dropped as they come.
  let kept = 0;
  const tooMany = new ImportRefused('TOO_MANY_ROWS', `A file holds at most ${maxRows} rows; split it.`, { maxRows });
  const lines: number[] = [];
  try {
    const records = parse(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      on_record: (record, context) => {
        if (!record.some((cell) => cell !== '')) return null;
        // The header and one row over the limit: enough to say it is too many.
        if (++kept > maxRows + 2) throw tooMany;
        lines.push(context.lines);
        return record;
      },
    });
    return records.map((cells, index) => ({ line: lines[index]!, cells }));
  } catch (err) {
    if (err === tooMany) throw tooMany;
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
  const table = file.subarray(0, 4).equals(ZIP) ? await readWorkbook(file, maxRows) : readCsv(file, maxRows);
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
