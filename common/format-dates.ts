import { parseISO } from 'date-fns';
import { LOCALES } from './i18n/locales';
import type { Language } from './languages';

// Creating an Intl formatter costs far more than using one, and a table formats a date per cell.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A date formatter for the language, made once per language and options. */
export function dateFormat(language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language} ${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(LOCALES[language], options)));
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
