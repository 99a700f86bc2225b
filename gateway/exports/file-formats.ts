import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import type { ExportSheet } from './sheet';

export const FORMATS = {
  csv: { contentType: 'text/csv; charset=utf-8', extension: 'csv' },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' },
} as const;
export type FormatName = keyof typeof FORMATS;

/** Lets Excel read the Chinese text as UTF-8. */
const BOM = '\uFEFF';

/**
 * CSV: the header lines, an empty line, the table's header row and its rows (RFC 4180 quoting). A
 * cell that a spreadsheet would run as a formula (=, +, -, @ first) is written with a leading
 * apostrophe: a name or a phone typed into the registry must never run in a clerk's Excel.
 */
export function toCsv(sheet: ExportSheet): Buffer {
  return Buffer.from(BOM + stringify([...sheet.header, [], sheet.columns, ...sheet.rows], { escape_formulas: true, record_delimiter: 'windows' }), 'utf8');
}

/** XLSX: one worksheet, the header lines first, then the table (its header row bold, frozen below it); every cell text. */
export async function toXlsx(sheet: ExportSheet): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'child-registry-federation';
  const worksheet = workbook.addWorksheet(sheet.title);
  for (const line of sheet.header) worksheet.addRow([...line]);
  worksheet.getRow(1).font = { bold: true, size: 14 };
  worksheet.addRow([]);
  const headerRow = worksheet.addRow([...sheet.columns]);
  headerRow.font = { bold: true };
  worksheet.views = [{ state: 'frozen', ySplit: headerRow.number }];
  for (const row of sheet.rows) worksheet.addRow([...row]);
  sheet.columns.forEach((column, index) => {
    worksheet.getColumn(index + 1).width = Math.min(40, Math.max(8, column.length * 2 + 2));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
