/** Why a file could not be read as a spreadsheet: each has a translated sentence in the renderer. */
export const SPREADSHEET_PROBLEMS = [
  'file_too_big',
  'not_spreadsheet',
  'old_xls',
  'damaged',
  'zip_bomb',
  'too_many_rows',
  'too_many_columns',
  'empty_file',
  'timeout',
] as const;
export type SpreadsheetProblem = (typeof SPREADSHEET_PROBLEMS)[number];

export class SpreadsheetError extends Error {
  constructor(
    readonly problem: SpreadsheetProblem,
    readonly limit?: number,
  ) {
    super(`Spreadsheet: ${problem}${limit === undefined ? '' : ` (limit ${limit})`}`);
    this.name = 'SpreadsheetError';
  }
}

/** What Koers reads at most: far above a real caseload, far below what hurts the laptop. */
export const LIMITS = {
  fileBytes: 50 * 1024 * 1024,
  unzippedBytes: 400 * 1024 * 1024,
  /** Uncompressed to compressed size of one part; real sheets stay well under 30. */
  unzipRatio: 150,
  rows: 100_000,
  columns: 300,
  /** Parsing a file may take this long, and this much memory, before it is stopped. */
  milliseconds: 60_000,
  heapMb: 768,
} as const;

export type Limits = { [K in keyof typeof LIMITS]: number };
