/**
 * Calendar arithmetic on local dates as `YYYY-MM-DD`, shared by main, db and the
 * renderer. Computed in UTC, so no time zone or daylight-saving change shifts a day.
 */
const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

/** The date `days` later (or earlier). */
export function plusDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** Whole weeks from `since` to `today`; never negative. */
export function weeksBetween(since: string, today: string): number {
  return Math.max(0, Math.floor((dayNumber(today) - dayNumber(since)) / 7));
}
