import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import type { Language } from '../../common/languages';
import { neutralise } from './values';
import type { Cell } from './workbook';

export type ColumnKind = 'text' | 'integer' | 'number' | 'date';

export interface Column {
  header: string;
  kind: ColumnKind;
  /** In characters; a sensible default per kind otherwise. */
  width?: number;
}

/**
 * One worksheet. Rows come in chunks, which may stream from the database; `cells`
 * turns a row into its cells (without it a row is its cells). Dates are `YYYY-MM-DD` strings.
 */
export interface Table<Row = Cell[]> {
  name: string;
  columns: Column[];
  chunks: AsyncIterable<readonly Row[]> | Iterable<readonly Row[]>;
  cells?(row: Row): Cell[];
}

const cellsOf =
  <Row>(table: Table<Row>) =>
  (row: Row): Cell[] =>
    table.cells ? table.cells(row) : (row as Cell[]);

/** How Excel in this language reads a CSV: Dutch and Danish Excel expect `;` and a decimal comma; all need a BOM for UTF-8. */
export interface CsvProfile {
  delimiter: string;
  decimalComma: boolean;
  date(iso: string): string;
}

export function csvProfile(language: Language): CsvProfile {
  if (language === 'en') return { delimiter: ',', decimalComma: false, date: (iso) => iso };
  // dd-mm-yyyy: both Dutch and Danish Excel read it as a date.
  return {
    delimiter: ';',
    decimalComma: true,
    date: (iso) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`,
  };
}

const DEFAULT_WIDTH: Record<ColumnKind, number> = { text: 18, integer: 9, number: 10, date: 12 };

function utcDate(iso: string): Date {
  return new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))));
}

/**
 * A cell for the file: dates are dates, numbers stay numbers, text is a text cell as
 * typed. A text cell never runs as a formula (ExcelJS writes formulas only from
 * `{ formula }` values), so it needs no apostrophe, which Excel would show.
 */
function xlsxValue(cell: Cell, kind: ColumnKind): ExcelJS.CellValue {
  if (cell === null) return null;
  if (kind === 'date' && typeof cell === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(cell)) return utcDate(cell);
  return cell;
}

function csvValue(cell: Cell, kind: ColumnKind, profile: CsvProfile): string {
  if (cell === null) return '';
  if (typeof cell === 'number')
    return profile.decimalComma && !Number.isInteger(cell) ? String(cell).replace('.', ',') : String(cell);
  if (kind === 'date' && typeof cell === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(cell)) return profile.date(cell);
  if (cell instanceof Date) return profile.date(cell.toISOString().slice(0, 10));
  return neutralise(String(cell));
}

async function writeXlsx(path: string, tables: readonly Table<unknown>[]): Promise<number> {
  // Without a style table ExcelJS still gives date cells the built-in short date
  // format (which Excel shows in the reader's own locale), and writes 2.4× faster.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useStyles: false,
    useSharedStrings: false,
  });
  let first = -1;
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.columns.map((column, i) => ({
      header: column.header,
      key: String(i),
      width: column.width ?? Math.max(DEFAULT_WIDTH[column.kind], column.header.length + 2),
    }));
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
    const kinds = table.columns.map((column) => column.kind);
    const toCells = cellsOf(table);
    let count = 0;
    for await (const chunk of table.chunks) {
      for (const row of chunk)
        sheet.addRow(toCells(row).map((cell, i) => xlsxValue(cell, kinds[i] ?? 'text'))).commit();
      count += chunk.length;
    }
    sheet.commit();
    if (first < 0) first = count;
  }
  await workbook.commit();
  return Math.max(first, 0);
}

async function writeCsv(path: string, table: Table<unknown>, profile: CsvProfile): Promise<number> {
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  const options = { delimiter: profile.delimiter, record_delimiter: 'windows' as const };
  try {
    // The BOM tells Excel the file is UTF-8.
    await write('\ufeff');
    await write(stringify([table.columns.map((c) => neutralise(c.header))], options));
    const kinds = table.columns.map((column) => column.kind);
    const toCells = cellsOf(table);
    let count = 0;
    for await (const chunk of table.chunks) {
      if (chunk.length === 0) continue;
      // One array of strings per row and nothing else: exports run to hundreds of thousands of rows.
      const lines = new Array<string[]>(chunk.length);
      for (let r = 0; r < chunk.length; r++) {
        const cells = toCells(chunk[r] as never);
        const line = new Array<string>(cells.length);
        for (let i = 0; i < cells.length; i++) line[i] = csvValue(cells[i] ?? null, kinds[i] ?? 'text', profile);
        lines[r] = line;
      }
      await write(stringify(lines, options));
      count += chunk.length;
    }
    out.end();
    await once(out, 'finish');
    return count;
  } catch (error) {
    out.destroy();
    throw error;
  }
}

/**
 * Writes tables to an .xlsx (streaming: every table a worksheet with a frozen,
 * filtered header) or a CSV (the first table), under a temporary name renamed at
 * the end: a failed export leaves no half file. Returns the first table's row count.
 */
export async function writeTables(
  path: string,
  fileType: 'xlsx' | 'csv',
  tables: readonly Table<unknown>[],
  language: Language,
): Promise<number> {
  const temporary = `${path}.koers-${process.pid}.tmp`;
  try {
    const [main] = tables;
    if (!main) throw new Error('Nothing to write');
    const rows =
      fileType === 'xlsx' ? await writeXlsx(temporary, tables) : await writeCsv(temporary, main, csvProfile(language));
    renameSync(temporary, path);
    return rows;
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
