import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import yauzl from 'yauzl';
import { type Limits, LIMITS, SpreadsheetError } from './problems';
import { restoreNeutralised } from './values';
import type { Cell, Workbook, Worksheet } from './workbook';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

function head(path: string, length: number): Uint8Array {
  const buffer = Buffer.alloc(length);
  const fd = openSync(path, 'r');
  try {
    return buffer.subarray(0, readSync(fd, buffer, 0, length, 0));
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads an .xlsx or .csv file by its content, not its name. Runs in a worker
 * (read-worker.ts): a hostile file costs that thread, never the app's main loop.
 */
export async function readWorkbook(path: string, limits: Limits = LIMITS): Promise<Workbook> {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new SpreadsheetError('damaged');
  }
  if (size > limits.fileBytes) throw new SpreadsheetError('file_too_big', limits.fileBytes);
  if (size === 0) throw new SpreadsheetError('empty_file');
  const start = head(path, 8);
  if (startsWith(start, OLE2)) throw new SpreadsheetError('old_xls');
  const workbook = startsWith(start, ZIP) ? await readXlsx(path, limits) : readCsv(readFileSync(path), limits);
  if (workbook.worksheets.every((sheet) => sheet.rows.length === 0)) throw new SpreadsheetError('empty_file');
  return workbook;
}

// ---------- CSV ----------

/** UTF-8 (with or without BOM) when it is valid UTF-8; otherwise Windows-1252, as Excel saves "CSV" in Western Europe. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return new TextDecoder('windows-1252').decode(body);
  }
}

/** The separator of the first line: `;` (Dutch and Danish Excel), `,` or tab, whichever occurs most outside quotes. */
export function detectDelimiter(text: string): string {
  const line = (text.match(/^[^\r\n]*/)?.[0] ?? '').replace(/"[^"]*"/g, '');
  const counts = [';', ',', '\t'].map((d) => [d, line.split(d).length - 1] as const);
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best && best[1] > 0 ? best[0] : ';';
}

export function readCsv(bytes: Uint8Array, limits: Limits = LIMITS): Workbook {
  // A text file has no NUL bytes (UTF-16 aside); an image or archive with a .csv name does.
  const sample = bytes.subarray(0, 8192);
  const utf16 = (sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff);
  if (!utf16 && sample.includes(0)) throw new SpreadsheetError('not_spreadsheet');
  const text = decodeText(bytes);
  let records: string[][];
  try {
    records = parse(text, { delimiter: detectDelimiter(text), relax_column_count: true, relax_quotes: true, skip_empty_lines: false, to_line: limits.rows + 2, trim: false }) as string[][];
  } catch {
    throw new SpreadsheetError('damaged');
  }
  if (records.length > limits.rows + 1) throw new SpreadsheetError('too_many_rows', limits.rows);
  if (records.some((row) => row.length > limits.columns)) throw new SpreadsheetError('too_many_columns', limits.columns);
  const rows = records.map((row) => row.map((cell): Cell => (cell.trim() === '' ? null : restoreNeutralised(cell))));
  while (rows.length > 0 && (rows.at(-1) ?? []).every((cell) => cell === null)) rows.pop();
  return { worksheets: [{ name: 'CSV', rows }] };
}

// ---------- xlsx ----------

/** Checks the archive's directory before anything is inflated: a zip bomb is refused unopened. */
function checkArchive(path: string, limits: Limits): Promise<void> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: true, strictFileNames: false, validateEntrySizes: true }, (error, zip) => {
      if (error || !zip) {
        reject(new SpreadsheetError('damaged'));
        return;
      }
      let total = 0;
      zip.on('entry', (entry: yauzl.Entry) => {
        total += entry.uncompressedSize;
        const ratio = entry.compressedSize > 0 ? entry.uncompressedSize / entry.compressedSize : 0;
        if (total > limits.unzippedBytes || (entry.uncompressedSize > 1_000_000 && ratio > limits.unzipRatio)) {
          zip.close();
          reject(new SpreadsheetError('zip_bomb'));
          return;
        }
        zip.readEntry();
      });
      zip.on('end', () => resolve());
      zip.on('error', () => reject(new SpreadsheetError('damaged')));
      zip.readEntry();
    });
  });
}

type Value = ExcelJS.CellValue;

/** A cell's value as plain data: formulas give their last result, rich text its text. */
export function plainValue(value: Value): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : restoreNeutralised(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('') || null;
  if ('formula' in value || 'sharedFormula' in value) return 'result' in value && value.result !== undefined ? plainValue(value.result as Value) : null;
  if ('text' in value && typeof value.text === 'string') return value.text;
  // Error values (#N/A, #REF!) are no data.
  return null;
}

async function readXlsx(path: string, limits: Limits): Promise<Workbook> {
  await checkArchive(path, limits);
  const worksheets: Worksheet[] = [];
  let total = 0;
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: 'cache', hyperlinks: 'ignore', worksheets: 'emit', styles: 'cache', entries: 'ignore' });
    for await (const sheetReader of reader) {
      const name = (sheetReader as unknown as { name?: string }).name ?? `Sheet ${worksheets.length + 1}`;
      const rows: Cell[][] = [];
      for await (const row of sheetReader) {
        total += 1;
        if (total > limits.rows + 1) throw new SpreadsheetError('too_many_rows', limits.rows);
        const values = Array.isArray(row.values) ? row.values.slice(1) : [];
        if (values.length > limits.columns) throw new SpreadsheetError('too_many_columns', limits.columns);
        // Keep the row numbers: a sparse sheet's row 7 stays row 7 in messages.
        while (rows.length < row.number - 1) rows.push([]);
        rows.push(Array.from(values, (v) => plainValue(v as Value)));
      }
      worksheets.push({ name, rows });
    }
  } catch (error) {
    if (error instanceof SpreadsheetError) throw error;
    throw new SpreadsheetError('damaged');
  }
  return { worksheets };
}
