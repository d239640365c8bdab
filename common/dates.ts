/**
 * Calendar arithmetic on local dates as `YYYY-MM-DD`, shared by main, db and the
 * renderer. Computed in UTC, so no time zone or daylight-saving change shifts a day.
 */
const DAY_MS = 86_400_000;

/*
 * Read and written by hand rather than with Date.parse and toISOString: several
 * times faster, and the caseload computes a date for each of its rows.
 */

function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

const twoDigits = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** The date `days` later (or earlier). */
export function plusDays(date: string, days: number): string {
  const day = new Date((dayNumber(date) + days) * DAY_MS);
  const year = day.getUTCFullYear();
  if (Number.isNaN(year)) throw new RangeError(`Not a date: ${date}`);
  return `${String(year).padStart(4, '0')}-${twoDigits(day.getUTCMonth() + 1)}-${twoDigits(day.getUTCDate())}`;
}

/** Whole weeks from `since` to `today`; never negative. */
export function weeksBetween(since: string, today: string): number {
  return Math.max(0, Math.floor((dayNumber(today) - dayNumber(since)) / 7));
}
