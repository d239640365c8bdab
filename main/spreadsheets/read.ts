import { parse } from 'csv-parse/sync';
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { type Limits, LIMITS, SpreadsheetError } from './problems';
import { readXlsx } from './read-xlsx';
import { restoreNeutralised } from './values';
import type { Cell, Workbook } from './workbook';

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
    records = parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      to_line: limits.rows + 2,
      trim: false,
    }) as string[][];
  } catch {
    throw new SpreadsheetError('damaged');
  }
  if (records.length > limits.rows + 1) throw new SpreadsheetError('too_many_rows', limits.rows);
  if (records.some((row) => row.length > limits.columns))
    throw new SpreadsheetError('too_many_columns', limits.columns);
  const rows = records.map((row) => row.map((cell): Cell => (cell.trim() === '' ? null : restoreNeutralised(cell))));
  while (rows.length > 0 && (rows.at(-1) ?? []).every((cell) => cell === null)) rows.pop();
  return { worksheets: [{ name: 'CSV', rows }] };
}
