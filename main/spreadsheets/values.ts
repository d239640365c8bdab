import type { Cell } from './workbook';

const pad = (n: number) => String(n).padStart(2, '0');

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Excel counts days from 1899-12-30 (its 1900 leap-year bug included). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * A date cell as `YYYY-MM-DD`, or null when it is no date. Accepts real date cells,
 * Excel serial numbers, ISO dates and day-first dates (dd-mm-yyyy, d/m/yy, d.m.yyyy)
 * as Dutch and Danish sheets write them. Two-digit years up to this year's are 20xx.
 */
export function parseDateCell(cell: Cell, today: string): string | null {
  if (cell instanceof Date) return isoDate(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell) || cell < 1 || cell > 2_958_465) return null;
    const date = new Date(EXCEL_EPOCH + cell * 86_400_000);
    return isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
  }
  if (typeof cell !== 'string') return null;
  const text = cell.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(text);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dayFirst = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?:\s+\d{1,2}[:.]\d{2}(?::\d{2})?)?$/.exec(text);
  if (!dayFirst) return null;
  let year = Number(dayFirst[3]);
  if (dayFirst[3]?.length === 2) {
    const century = Number(today.slice(0, 2)) * 100;
    year += year <= Number(today.slice(2, 4)) ? century : century - 100;
  }
  return isoDate(year, Number(dayFirst[2]), Number(dayFirst[1]));
}

const hhmm = (hours: number, minutes: number) =>
  hours >= 0 && hours < 24 && minutes >= 0 && minutes < 60 ? `${pad(hours)}:${pad(minutes)}` : null;

/**
 * A time cell as `HH:MM`, or null when it is no time: a real time cell (a date on Excel's day 0, or a
 * fraction of a day), or text such as 14:30, 9.15, 14u30 or 14 as Dutch and Danish sheets write it.
 */
export function parseTimeCell(cell: Cell): string | null {
  if (cell instanceof Date) return hhmm(cell.getUTCHours(), cell.getUTCMinutes());
  if (typeof cell === 'number') {
    if (cell < 0 || cell >= 1) return null;
    const minutes = Math.round(cell * 24 * 60);
    return hhmm(Math.floor(minutes / 60), minutes % 60);
  }
  if (typeof cell !== 'string') return null;
  const match = /^(?:kl\.?\s*)?(\d{1,2})(?:[:.u](\d{2}))?(?:\s*(?:uur|u))?$/i.exec(cell.trim());
  return match ? hhmm(Number(match[1]), Number(match[2] ?? 0)) : null;
}

/** The time of a date cell that carries one (a date-and-time cell or text), else null; midnight counts as none. */
export function timeOfDateCell(cell: Cell): string | null {
  let time: string | null = null;
  if (cell instanceof Date) time = hhmm(cell.getUTCHours(), cell.getUTCMinutes());
  else if (typeof cell === 'number' && !Number.isInteger(cell)) time = parseTimeCell(cell - Math.floor(cell));
  else if (typeof cell === 'string') {
    const match = /[T ](\d{1,2}[:.]\d{2})(?::\d{2})?$/.exec(cell.trim());
    time = match ? parseTimeCell(match[1] ?? '') : null;
  }
  return time === '00:00' ? null : time;
}

/** A whole number cell (a score), or null. Text like "3" or "3,0" counts; "3,5" does not. */
export function parseIntegerCell(cell: Cell): number | null {
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell : null;
  if (typeof cell !== 'string') return null;
  const text = cell.trim().replace(',', '.');
  return /^-?\d+(\.0+)?$/.test(text) ? Number(text) : null;
}

/**
 * CSV text that a spreadsheet program would run as a formula (=, +, -, @, tab, CR
 * at the start) gets a leading apostrophe: an export can never execute anything.
 * (In an .xlsx, text is a text cell, which never runs.)
 */
export function neutralise(text: string): string {
  // A character check, not a regular expression: this runs for every text cell of an export.
  const first = text.charCodeAt(0);
  return first === 61 || first === 43 || first === 45 || first === 64 || first === 9 || first === 13
    ? `'${text}`
    : text;
}

/** Undoes `neutralise` on import: a file Koers exported (a CSV, or an .xlsx of older versions) reads back as it was. */
export function restoreNeutralised(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}
