/**
 * Calendar arithmetic on whole days (days since 1970-01-01, UTC), so every demo
 * date is derived from the caller's `today` and never from the clock.
 */
const DAY_MS = 86_400_000;

export function parseDay(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error(`Expected a date as YYYY-MM-DD, got "${date}"`);
  const [, y, m, d] = match;
  const ms = Date.UTC(Number(y), Number(m) - 1, Number(d));
  if (formatDay(ms / DAY_MS) !== date) throw new Error(`Not a calendar date: "${date}"`);
  return ms / DAY_MS;
}

export function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function yearOf(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

/** Milliseconds since the epoch of a moment on `day`, `minute` minutes after midnight. */
export function momentMs(day: number, minute: number): number {
  return day * DAY_MS + minute * 60_000;
}

export function isoMoment(ms: number): string {
  return new Date(ms).toISOString();
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Caseworkers do not work weekends: move a Saturday or Sunday back to Friday. */
export function workdayOnOrBefore(day: number): number {
  const w = weekday(day);
  return w === 6 ? day - 1 : w === 0 ? day - 2 : day;
}

/** …or forward to Monday, for dates that must stay in the future. */
export function workdayOnOrAfter(day: number): number {
  const w = weekday(day);
  return w === 6 ? day + 2 : w === 0 ? day + 1 : day;
}

/** Date of birth for someone `age` full years old on `today`, a random day of that year of life. */
export function birthDay(today: number, age: number, dayInYear: number): number {
  const date = new Date(today * DAY_MS);
  const lastBirthday = Date.UTC(date.getUTCFullYear() - age, date.getUTCMonth(), date.getUTCDate()) / DAY_MS;
  // dayInYear in [0, 364]: born between a year before lastBirthday (exclusive) and lastBirthday.
  return lastBirthday - dayInYear;
}
