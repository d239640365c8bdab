import type ExcelJS from 'exceljs';
import WorkbookReader from 'exceljs/lib/stream/xlsx/workbook-reader.js';
import { posix } from 'node:path';
import type { Readable } from 'node:stream';
import { type Limits, SpreadsheetError } from './problems';
import { restoreNeutralised } from './values';
import type { Cell, Workbook, Worksheet } from './workbook';
import { openZip, type ZipArchive } from './zip';

type Value = ExcelJS.CellValue;

/** A cell's value as plain data: formulas give their last result, rich text its text. */
export function plainValue(value: Value): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : restoreNeutralised(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('') || null;
  if ('formula' in value || 'sharedFormula' in value)
    return 'result' in value && value.result !== undefined ? plainValue(value.result as Value) : null;
  if ('text' in value && typeof value.text === 'string') return value.text;
  // Error values (#N/A, #REF!) are no data.
  return null;
}

interface Relationship {
  Id: string;
  Type: string;
  Target: string;
}

/**
 * The part parsers of ExcelJS's streaming reader (exceljs 4.4.0, pinned), which
 * Koers feeds one part at a time. Its own `parse()` reads the archive front to
 * back and, when a worksheet comes before the shared strings (as in files from
 * LibreOffice and ExcelJS), writes the worksheet to a `tmp-*` file in the OS temp
 * folder, which stays there when reading stops early. Fed in the right order,
 * nothing touches the disk.
 */
interface PartParsers {
  _parseRels(part: Readable): Promise<void>;
  _parseWorkbook(part: Readable): Promise<void>;
  _parseSharedStrings(part: Readable): AsyncIterable<unknown>;
  _parseStyles(part: Readable): Promise<void>;
  _parseWorksheet(part: Readable, id: string): Iterable<{ value: ExcelJS.stream.xlsx.WorksheetReader }>;
  workbookRels?: Relationship[];
  model?: { sheets?: Array<{ name?: string; rId?: string }> };
}

const WORKBOOK = 'xl/workbook.xml';
/** A relationship's kind by the last segment of its type: transitional and strict OOXML differ only before it. */
const isType = (relationship: Relationship, type: string) => relationship.Type.endsWith(`/${type}`);

/** A relationship's target as a part name: relative to xl/, or absolute from the archive's root. */
function partName(target: string): string {
  return target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join('xl', target));
}

async function feed(archive: ZipArchive, name: string, parse: (part: Readable) => Promise<unknown>): Promise<void> {
  const part = await archive.open(name);
  try {
    await parse(part);
  } finally {
    part.destroy();
  }
}

async function drain(items: AsyncIterable<unknown>): Promise<void> {
  for await (const _ of items) {
    // With sharedStrings: 'cache' the parser keeps the strings itself and yields nothing.
  }
}

/** Reads an .xlsx: the workbook, its shared strings and styles first, then its worksheets in order, within the limits. */
export async function readXlsx(path: string, limits: Limits): Promise<Workbook> {
  const archive = await openZip(path, limits);
  try {
    // Any zip (a .docx, an .ods) without a workbook is no spreadsheet Koers reads.
    if (!archive.has(WORKBOOK) || !archive.has('xl/_rels/workbook.xml.rels'))
      throw new SpreadsheetError('not_spreadsheet');
    const reader = new WorkbookReader(path, {
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      styles: 'cache',
      entries: 'ignore',
    }) as unknown as PartParsers;
    await feed(archive, 'xl/_rels/workbook.xml.rels', (part) => reader._parseRels(part));
    await feed(archive, WORKBOOK, (part) => reader._parseWorkbook(part));
    const relationships = reader.workbookRels ?? [];
    // A part by its relationship, or where Excel puts it.
    const partOf = (type: string, usual: string) => {
      const relationship = relationships.find((r) => isType(r, type));
      const name = relationship ? partName(relationship.Target) : usual;
      return archive.has(name) ? name : undefined;
    };
    const sharedStrings = partOf('sharedStrings', 'xl/sharedStrings.xml');
    if (sharedStrings) await feed(archive, sharedStrings, (part) => drain(reader._parseSharedStrings(part)));
    const styles = partOf('styles', 'xl/styles.xml');
    if (styles) await feed(archive, styles, (part) => reader._parseStyles(part));

    const worksheets: Worksheet[] = [];
    let before = 0;
    for (const [index, sheet] of (reader.model?.sheets ?? []).entries()) {
      const relationship = relationships.find((r) => r.Id === sheet.rId && isType(r, 'worksheet'));
      if (!relationship || !archive.has(partName(relationship.Target))) continue;
      const part = await archive.open(partName(relationship.Target));
      const rows: Cell[][] = [];
      try {
        for (const { value: sheetReader } of reader._parseWorksheet(part, String(index + 1))) {
          for await (const row of sheetReader) {
            // Row numbers count, not the rows given: one cell on row 1,048,576 is a million rows.
            const number = Math.max(rows.length + 1, Number.isInteger(row.number) ? row.number : 0);
            if (before + number > limits.rows + 1) throw new SpreadsheetError('too_many_rows', limits.rows);
            const values = Array.isArray(row.values) ? row.values.slice(1) : [];
            if (values.length > limits.columns) throw new SpreadsheetError('too_many_columns', limits.columns);
            // Keep the row numbers: a sparse sheet's row 7 stays row 7 in messages.
            while (rows.length < number - 1) rows.push([]);
            rows.push(Array.from(values, (v) => plainValue(v as Value)));
          }
        }
      } finally {
        part.destroy();
      }
      before += rows.length;
      worksheets.push({ name: sheet.name ?? `Sheet ${index + 1}`, rows });
    }
    return { worksheets };
  } catch (error) {
    if (error instanceof SpreadsheetError) throw error;
    throw new SpreadsheetError('damaged');
  } finally {
    archive.close();
  }
}
