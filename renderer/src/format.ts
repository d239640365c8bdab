import { parseISO } from 'date-fns';
import type { Language } from '../../common/languages';
import { LOCALES } from './i18n/locales';

// Creating an Intl formatter costs far more than using one, and a table formats a date or number per cell.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function dateFormat(language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language} ${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(LOCALES[language], options)));
  return format;
}

function numberFormat(language: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${language} ${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(LOCALES[language], options)));
  return format;
}

/**
 * A calendar date (`YYYY-MM-DD`) or timestamp in the user's language, the one way
 * Koers shows a date: day, short month and a four-digit year ("16 jan 2023",
 * "16. jan. 2023", "16 Jan 2023"), never a two-digit year that reads like a time.
 */
export function formatDate(value: string, language: Language): string {
  const date = value.length === 10 ? parseISO(value) : new Date(value);
  return dateFormat(language, { dateStyle: 'medium' }).format(date);
}

/** A timestamp or local `YYYY-MM-DDTHH:MM` as that date and a 24-hour time in the user's language. */
export function formatDateTime(value: string, language: Language): string {
  return dateFormat(language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    hourCycle: 'h23',
  }).format(new Date(value));
}

export function formatWeekday(value: string, language: Language): string {
  return dateFormat(language, { weekday: 'long', day: 'numeric', month: 'long' }).format(parseISO(value));
}

export function formatNumber(value: number, language: Language, digits = 0): string {
  return numberFormat(language, {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  }).format(value);
}

export function formatPercent(share: number, language: Language): string {
  return numberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** A change with its sign, "+0,8" or "−1,0"; zero without a sign. */
export function formatChange(value: number, language: Language, digits = 1): string {
  return numberFormat(language, {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
    signDisplay: 'exceptZero',
  }).format(value);
}

/** Day and month on one line, the year under it: a date on a chart's time axis ("21 mei" / "2026"). */
export function formatAxisDate(value: string, language: Language): string {
  const dayMonth = dateFormat(language, { day: 'numeric', month: 'short' }).format(parseISO(value));
  return `${dayMonth}\n${value.slice(0, 4)}`;
}
