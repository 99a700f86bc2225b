import { inflateRawSync } from 'node:zlib';
import { ImportRefused } from './import-errors';

/**
 * An .xlsx is a zip of XML: 10 MB of it can inflate to gigabytes, and ExcelJS builds an object per
 * cell of every sheet before the row limit can be checked (an 8 MB upload of 100,000 repetitive
 * rows held the gateway's event loop for 15 s and took 2 GB). So before ExcelJS sees a workbook,
 * its entries are inflated here with a hard bound on their real size (not the sizes the zip
 * declares, which an attacker writes), and the cells of its sheets are counted.
 */
export interface WorkbookBounds {
  /** All entries together, inflated. A full 20,000-row form file is about 35 MB of XML. */
  maxXmlBytes: number;
  /** Cells in all sheets together. */
  maxCells: number;
}

const CENTRAL_END = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_ENTRY = 0x04034b50;

function malformed(): ImportRefused {
  return new ImportRefused('MALFORMED_FILE', 'The workbook cannot be read: save it again as .xlsx.');
}

function tooLarge(bounds: WorkbookBounds): ImportRefused {
  return new ImportRefused('FILE_TOO_LARGE', 'The workbook holds more than a registration-form file can: split it.', {
    maxXmlBytes: bounds.maxXmlBytes,
    maxCells: bounds.maxCells,
  });
}

/** A sheet's cell elements (`<c …>`, `<c/>`, with or without a namespace prefix). */
function countCells(xml: Buffer): number {
  return xml.toString('latin1').match(/<(?:[A-Za-z_][\w.-]*:)?c[\s/>]/g)?.length ?? 0;
}

/** Refuses a workbook whose entries inflate past `maxXmlBytes` or whose sheets hold more than `maxCells` cells. */
export function checkWorkbookBounds(file: Buffer, bounds: WorkbookBounds): void {
  const end = file.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end + 22 > file.length || file.readUInt32LE(end) !== CENTRAL_END) throw malformed();
  const entries = file.readUInt16LE(end + 10);
  let at = file.readUInt32LE(end + 16);
  let budget = bounds.maxXmlBytes;
  let cells = 0;
  for (let index = 0; index < entries; index++) {
    if (at + 46 > file.length || file.readUInt32LE(at) !== CENTRAL_ENTRY) throw malformed();
    const method = file.readUInt16LE(at + 10);
    const compressedSize = file.readUInt32LE(at + 20);
    const nameLength = file.readUInt16LE(at + 28);
    const local = file.readUInt32LE(at + 42);
    const name = file.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + file.readUInt16LE(at + 30) + file.readUInt16LE(at + 32);
    if (local + 30 > file.length || file.readUInt32LE(local) !== LOCAL_ENTRY) throw malformed();
    const start = local + 30 + file.readUInt16LE(local + 26) + file.readUInt16LE(local + 28);
    if (start + compressedSize > file.length) throw malformed();
    const data = file.subarray(start, start + compressedSize);
    let content: Buffer;
    if (method === 0) content = data;
    else if (method === 8) {
      try {
        // One byte over the remaining budget is enough to know it is too large.
        content = inflateRawSync(data, { maxOutputLength: budget + 1 });
      } catch (err) {
        if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(bounds);
        throw malformed();
      }
    } else throw malformed();
    budget -= content.length;
    if (budget < 0) throw tooLarge(bounds);
    if (/^xl\/worksheets\/[^/]+\.xml$/i.test(name)) cells += countCells(content);
    if (cells > bounds.maxCells) throw tooLarge(bounds);
  }
}
