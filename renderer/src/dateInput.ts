import { getDaysInMonth, isExists } from 'date-fns';

/**
 * Dates and times as a caseworker types them, day first as in Dutch, Danish and
 * British use: `7-12`, `7/12`, `07122026`, `7-12-2026`, `7.12.26`. A missing year is
 * the current one; a typed year is kept. An ISO date (`2026-12-07`, pasted from
 * another system) is read as such.
 */
export type Typed = { kind: 'empty' } | { kind: 'value'; value: string } | { kind: 'invalid' };

const pad = (n: number) => String(n).padStart(2, '0');

/** A two-digit year in the century that puts it at most 20 years ahead of today (birth dates lie behind). */
function fullYear(twoDigits: number, thisYear: number): number {
  const year = Math.floor(thisYear / 100) * 100 + twoDigits;
  return year > thisYear + 20 ? year - 100 : year;
}

function calendarDate(day: number, month: number, year: number): Typed {
  if (!isExists(year, month - 1, day) || year < 1900 || year > 2100) return { kind: 'invalid' };
  return { kind: 'value', value: `${year}-${pad(month)}-${pad(day)}` };
}

/** Day, month and (2 or 4 digits, or no) year from the parts typed. */
function fromParts(day: string, month: string, year: string | undefined, today: string): Typed {
  const thisYear = Number(today.slice(0, 4));
  if (year !== undefined && year.length !== 2 && year.length !== 4) return { kind: 'invalid' };
  const y = year === undefined ? thisYear : year.length === 2 ? fullYear(Number(year), thisYear) : Number(year);
  return calendarDate(Number(day), Number(month), y);
}

/** What a typed date means: `YYYY-MM-DD`, nothing, or not a date. `today` (`YYYY-MM-DD`) supplies a missing year. */
export function parseTypedDate(typed: string, today: string): Typed {
  const text = typed.trim();
  if (text === '') return { kind: 'empty' };
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso) return calendarDate(Number(iso[3]), Number(iso[2]), Number(iso[1]));
  if (/^\d+$/.test(text)) {
    // Digits only: DDMM, DDMMYY or DDMMYYYY.
    if (![4, 6, 8].includes(text.length)) return { kind: 'invalid' };
    return fromParts(text.slice(0, 2), text.slice(2, 4), text.length > 4 ? text.slice(4) : undefined, today);
  }
  const parts = text.split(/\s*[-./\s]\s*/);
  if (parts.length < 2 || parts.length > 3 || !parts.every((p) => /^\d{1,4}$/.test(p))) return { kind: 'invalid' };
  const [day, month, year] = parts as [string, string, string?];
  if (day.length > 2 || month.length > 2) return { kind: 'invalid' };
  return fromParts(day, month, year, today);
}

/** `YYYY-MM-DD` as the date fields show it: `07-12-2026`, day first in every language. */
export function formatTypedDate(value: string): string {
  return `${value.slice(8, 10)}-${value.slice(5, 7)}-${value.slice(0, 4)}`;
}

/** A typed time, 24-hour: `14:30`, `14.30`, `1430`, `930`, `9`. */
export function parseTypedTime(typed: string): Typed {
  const text = typed.trim();
  if (text === '') return { kind: 'empty' };
  const match = /^(\d{1,2})(?:[:.]?(\d{2}))?$/.exec(text);
  // Three or four digits without a separator: the last two are the minutes ("930", "1430").
  const digits = /^\d{3,4}$/.test(text) ? [text.slice(0, -2), text.slice(-2)] : match ? [match[1], match[2]] : null;
  if (!digits) return { kind: 'invalid' };
  const [hours, minutes] = [Number(digits[0]), Number(digits[1] ?? '0')];
  if (hours > 23 || minutes > 59) return { kind: 'invalid' };
  return { kind: 'value', value: `${pad(hours)}:${pad(minutes)}` };
}

/** The days of a month as the calendar shows them: weeks from Monday, `null` before the first and after the last. */
export function monthGrid(year: number, month: number): (number | null)[][] {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const lead = (first + 6) % 7;
  const days = getDaysInMonth(new Date(year, month - 1, 1));
  const cells: (number | null)[] = [...Array<null>(lead).fill(null), ...Array.from({ length: days }, (_, i) => i + 1)];
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}
