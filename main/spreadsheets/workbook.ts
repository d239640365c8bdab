/** A spreadsheet as Koers reads it: every worksheet's rows of plain cell values. */
export type Cell = string | number | boolean | Date | null;

export interface Worksheet {
  name: string;
  rows: Cell[][];
}

export interface Workbook {
  worksheets: Worksheet[];
}

/** The header row's texts (the first row with any value), trimmed; empty names stay empty. */
export function headerRow(sheet: Worksheet): { index: number; headers: string[] } {
  const index = sheet.rows.findIndex((row) => row.some((cell) => cellText(cell) !== ''));
  return { index, headers: index < 0 ? [] : (sheet.rows[index] ?? []).map((cell) => cellText(cell)) };
}

/** A cell as text: numbers without a thousands separator, dates as ISO dates. */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}
