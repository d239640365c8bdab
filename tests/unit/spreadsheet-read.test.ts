import ExcelJS from 'exceljs';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CASELOAD_SYNONYMS, splitName } from '../../main/spreadsheets/caseload-import';
import { suggestMapping } from '../../main/spreadsheets/mapping';
import { LIMITS, SpreadsheetError } from '../../main/spreadsheets/problems';
import { decodeText, detectDelimiter, readWorkbook } from '../../main/spreadsheets/read';
import { readInWorker } from '../../main/spreadsheets/read-in-worker';
import { neutralise, parseDateCell, parseIntegerCell, restoreNeutralised } from '../../main/spreadsheets/values';
import { headerRow } from '../../main/spreadsheets/workbook';
import { tempFolder } from '../helpers/temp';

const fixtures = resolve(import.meta.dirname, '../fixtures/spreadsheets');
const fixture = (name: string) => join(fixtures, name);

async function problem(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SpreadsheetError) return error.problem;
    throw error;
  }
  return 'no problem';
}

describe('files written by LibreOffice', () => {
  it('reads the Dutch xlsx: both worksheets, real dates as dates, text stays text', async () => {
    const book = await readWorkbook(fixture('caseload-nl.xlsx'));
    expect(book.worksheets.map((w) => w.name)).toEqual(['Caseload', 'Toelichting']);
    const sheet = book.worksheets[0]!;
    expect(headerRow(sheet).headers).toEqual([
      'Klantnummer',
      'Naam',
      'Geboortedatum',
      'Doelgroep',
      'Fase',
      'Startdatum',
      'Telefoon',
      'E-mail',
    ]);
    expect(sheet.rows).toHaveLength(13);
    const jan = sheet.rows.find((row) => row[1] === 'Jan de Vries')!;
    expect(jan[2]).toBeInstanceOf(Date);
    expect(parseDateCell(jan[2]!, '2026-11-23')).toBe('1979-11-12');
    expect(jan[6]).toBe('06-23456789');
  });

  it('decodes Windows-1252 and UTF-8 with a BOM, and finds the separator', async () => {
    const dutch = (await readWorkbook(fixture('caseload-nl-1252.csv'))).worksheets[0]!;
    expect(dutch.rows.map((r) => r[1])).toContain('Renée Bakker');
    expect(dutch.rows[1]).toEqual([
      'KL-10234',
      'Ayse Yilmaz',
      '03-07-1998',
      'Jongeren tot 27',
      'Intake',
      '15-01-2024',
      '06-12345678',
      'a.yilmaz@example.nl',
    ]);
    const danish = (await readWorkbook(fixture('caseload-da-utf8bom.csv'))).worksheets[0]!;
    expect(danish.rows[0]?.[0]).toBe('Sagsnummer');
    expect(danish.rows.map((r) => r[1])).toContain('Søren Østergaard');
    const english = (await readWorkbook(fixture('caseload-en-comma.csv'))).worksheets[0]!;
    expect(english.rows[1]?.[3]).toBe('Social assistance, 27+');
  });

  it('suggests the columns from Dutch, Danish and English headers', async () => {
    for (const name of ['caseload-nl.xlsx', 'caseload-da.xlsx', 'caseload-en-comma.csv']) {
      const sheet = (await readWorkbook(fixture(name))).worksheets[0]!;
      expect(suggestMapping(headerRow(sheet).headers, CASELOAD_SYNONYMS), name).toEqual({
        reference: 0,
        fullName: 1,
        dateOfBirth: 2,
        targetGroup: 3,
        stage: 4,
        startDate: 5,
        phone: 6,
        email: 7,
      });
    }
  });
});

describe('cell values', () => {
  it.each([
    ['12-11-1979', '1979-11-12'],
    ['1/2/03', '2003-02-01'],
    ['5/6/61', '1961-06-05'],
    ['05.06.2024', '2024-06-05'],
    ['2024-06-05', '2024-06-05'],
    [29_221, '1980-01-01'],
    ['31-02-2020', null],
    ['morgen', null],
    [3.5, null],
  ] as const)('%s → %s', (cell, date) => {
    expect(parseDateCell(cell, '2026-11-23')).toBe(date);
  });
  it('reads whole numbers only', () => {
    expect([
      parseIntegerCell(3),
      parseIntegerCell('4'),
      parseIntegerCell('4,0'),
      parseIntegerCell('3,5'),
      parseIntegerCell('x'),
    ]).toEqual([3, 4, 4, null, null]);
  });
  it('restores neutralised text on import', () => {
    expect(["'=1+1", "'+31 6", "'Jan", 'Jan'].map(restoreNeutralised)).toEqual(['=1+1', '+31 6', "'Jan", 'Jan']);
  });
  it('neutralises text that a spreadsheet would run', () => {
    expect(['=1+1', '+31 6', '-2', '@SUM(A1)', '\tx', '\rx', 'Jan', '06-123'].map(neutralise)).toEqual([
      "'=1+1",
      "'+31 6",
      "'-2",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
      'Jan',
      '06-123',
    ]);
  });
  it('splits Dutch names with their particles, and "Last, First"', () => {
    expect(splitName('Jan de Vries')).toEqual({ firstName: 'Jan', lastName: 'de Vries' });
    expect(splitName('Vries, Jan de')).toEqual({ firstName: 'Jan de', lastName: 'Vries' });
  });
  it('detects the separator outside quotes and falls back to Windows-1252', () => {
    expect(detectDelimiter('"a;b",c,d\n')).toBe(',');
    expect(decodeText(new Uint8Array([0x52, 0x65, 0x6e, 0xe9, 0x65]))).toBe('Renée');
  });
});

describe('hostile and broken files', () => {
  let temp: ReturnType<typeof tempFolder>;
  beforeEach(() => {
    temp = tempFolder('koers-malformed-');
  });
  afterEach(() => temp.cleanup());

  it('refuses a zip bomb, a truncated xlsx, an old .xls and a picture named .csv, each with its reason', async () => {
    expect(await problem(readInWorker(fixture('malformed/zip-bomb.xlsx')))).toBe('zip_bomb');
    expect(await problem(readInWorker(fixture('malformed/truncated.xlsx')))).toBe('damaged');
    expect(await problem(readInWorker(fixture('malformed/old-excel.xls')))).toBe('old_xls');
    expect(await problem(readInWorker(fixture('malformed/picture.csv')))).toBe('not_spreadsheet');
    expect(await problem(readInWorker(join(temp.path, 'missing.xlsx')))).toBe('damaged');
  });

  it('reads a file by its content: an xlsx named .csv is still an xlsx', async () => {
    const renamed = join(temp.path, 'caseload.csv');
    writeFileSync(
      renamed,
      new Uint8Array(await import('node:fs').then((fs) => fs.readFileSync(fixture('caseload-nl.xlsx')))),
    );
    expect((await readInWorker(renamed)).worksheets[0]?.name).toBe('Caseload');
  });

  it('stops at the row limit: a million-row CSV is refused', async () => {
    const path = join(temp.path, 'million.csv');
    writeFileSync(path, `Klantnummer;Naam\n${'KL-1;Jan de Vries\n'.repeat(1_000_000)}`);
    // It stops reading at the limit instead of parsing everything (the time is in the benchmarks, not here).
    expect(await problem(readInWorker(path))).toBe('too_many_rows');
  });

  it('refuses an xlsx over the row limit, an empty workbook, a file over the size limit, and stops a slow read', async () => {
    const big = join(temp.path, 'rows.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: big });
    const sheet = writer.addWorksheet('Data');
    for (let i = 0; i <= 2_000; i++) sheet.addRow([`KL-${i}`, i]).commit();
    sheet.commit();
    await writer.commit();
    expect(await problem(readInWorker(big, { ...LIMITS, rows: 1_000 }))).toBe('too_many_rows');
    expect(await problem(readInWorker(big, { ...LIMITS, fileBytes: 1_000 }))).toBe('file_too_big');
    expect(await problem(readInWorker(big, { ...LIMITS, milliseconds: 1 }))).toBe('timeout');

    const empty = join(temp.path, 'empty.xlsx');
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Blad1');
    await book.xlsx.writeFile(empty);
    expect(await problem(readInWorker(empty))).toBe('empty_file');
    writeFileSync(join(temp.path, 'zero.csv'), '');
    expect(await problem(readInWorker(join(temp.path, 'zero.csv')))).toBe('empty_file');
  });

  it('takes formula results and merged cells as values', async () => {
    const path = join(temp.path, 'formulas.xlsx');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Caseload');
    sheet.addRow(['Klantnummer', 'Naam', 'Score']);
    sheet.addRow(['KL-1', 'Jan de Vries', { formula: '1+2', result: 3 }]);
    sheet.addRow(['KL-2', 'Merged', null]);
    sheet.mergeCells('B3:C3');
    await book.xlsx.writeFile(path);
    const rows = (await readInWorker(path)).worksheets[0]!.rows;
    expect(rows[1]).toEqual(['KL-1', 'Jan de Vries', 3]);
    expect(rows[2]?.slice(0, 2)).toEqual(['KL-2', 'Merged']);
  });
});

describe('sparse sheets', () => {
  let temp: ReturnType<typeof tempFolder>;
  beforeEach(() => {
    temp = tempFolder('koers-sparse-');
  });
  afterEach(() => temp.cleanup());

  /** A few bytes of xlsx: a header and single cells far away. */
  async function sparse(cells: Record<string, string>): Promise<string> {
    const path = join(temp.path, 'sparse.xlsx');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Caseload');
    for (const [address, value] of Object.entries({ A1: 'Naam', ...cells })) sheet.getCell(address).value = value;
    await book.xlsx.writeFile(path);
    return path;
  }

  it('counts row numbers, not rows given: one cell on the last row of Excel is refused in the worker', async () => {
    const path = await sparse({ A1048576: 'Jan de Vries' });
    expect(readFileSync(path).length).toBeLessThan(10_000);
    expect(await problem(readWorkbook(path, { ...LIMITS, rows: 1_000 }))).toBe('too_many_rows');
    expect(await problem(readInWorker(path))).toBe('too_many_rows');
  });

  it('keeps a sparse sheet under the limits: row numbers stay, empty rows between are empty', async () => {
    const rows = (await readWorkbook(await sparse({ A5: 'Jan de Vries' }))).worksheets[0]!.rows;
    expect(rows).toEqual([['Naam'], [], [], [], ['Jan de Vries']]);
  });

  it('refuses a single cell far to the right (column XFD) by the column limit', async () => {
    expect(await problem(readInWorker(await sparse({ XFD2: 'Jan de Vries' })))).toBe('too_many_columns');
    expect(await problem(readWorkbook(await sparse({ KN2: 'x' }), { ...LIMITS, columns: 299 }))).toBe(
      'too_many_columns',
    );
  });
});

describe('temporary files', () => {
  const CANARY = 'Kanarievogelaar';
  let data: ReturnType<typeof tempFolder>;
  let scratch: ReturnType<typeof tempFolder>;
  const tmpdir = process.env.TMPDIR;
  beforeAll(() => {
    data = tempFolder('koers-canary-data-');
    scratch = tempFolder('koers-canary-tmp-');
    // os.tmpdir() of this process and of every worker it starts from now on.
    process.env.TMPDIR = scratch.path;
  });
  afterAll(() => {
    if (tmpdir === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = tmpdir;
    data.cleanup();
    scratch.cleanup();
  });

  /** Every file under the folder whose bytes contain the text. */
  function filesContaining(folder: string, text: string): string[] {
    return readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .filter((file) => readFileSync(file).includes(text));
  }

  it('an import writes no personal data to the temp folder: not when it reads, not when it stops early or times out', async () => {
    // As Koers exports: text in the worksheet itself (no shared strings), the worksheet early in the archive.
    const path = join(data.path, 'caseload.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
    const sheet = writer.addWorksheet('Caseload');
    sheet.addRow(['Klantnummer', 'Naam']).commit();
    for (let i = 0; i < 2_000; i++) sheet.addRow([`KL-${i}`, `${CANARY} ${i}`]).commit();
    sheet.commit();
    await writer.commit();
    const shared = join(data.path, 'shared.xlsx');
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Caseload').addRows([
      ['Klantnummer', 'Naam'],
      ['KL-1', `${CANARY} shared`],
    ]);
    await book.xlsx.writeFile(shared);

    expect((await readInWorker(path)).worksheets[0]?.rows[1]).toEqual(['KL-0', `${CANARY} 0`]);
    expect((await readWorkbook(shared)).worksheets[0]?.rows[1]).toEqual(['KL-1', `${CANARY} shared`]);
    expect((await readWorkbook(path)).worksheets[0]?.rows).toHaveLength(2_001);
    expect(await problem(readInWorker(path, { ...LIMITS, rows: 100 }))).toBe('too_many_rows');
    expect(await problem(readWorkbook(path, { ...LIMITS, rows: 100 }))).toBe('too_many_rows');
    expect(await problem(readInWorker(path, { ...LIMITS, milliseconds: 1 }))).toBe('timeout');
    expect(filesContaining(scratch.path, CANARY)).toEqual([]);
    // A longer test time-out: three worker threads start, each loading the sources through tsx.
  }, 60_000);
});
