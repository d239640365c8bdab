import { parseISO } from 'date-fns';
import { LOCALES } from '../../common/i18n/locales';
import { CLIENT_LANGUAGES, type Language } from '../../common/languages';
import { dateFormat, formatDate, formatDateTime } from '../../common/format-dates';

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(language: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${language} ${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(LOCALES[language], options)));
  return format;
}

export { formatDate, formatDateTime };

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

/** A language's name in the user's language ("Arabisch (ar)"), from the browser's own list: any language, no table to translate. */
export function languageName(tag: string, language: Language): string {
  try {
    const name = new Intl.DisplayNames([language], { type: 'language' }).of(tag);
    return name && name !== tag ? `${name} (${tag})` : tag;
  } catch {
    return tag;
  }
}

/** The languages to choose a client's from: the usual ones, Koers's own first, the rest by name; `current` kept. */
export function clientLanguageOptions(language: Language, current: string): Array<{ value: string; label: string }> {
  const own = CLIENT_LANGUAGES.slice(0, 3);
  const rest = CLIENT_LANGUAGES.slice(3)
    .map((tag) => ({ value: tag, label: languageName(tag, language) }))
    .sort((a, b) => a.label.localeCompare(b.label, language));
  const options = [...own.map((tag) => ({ value: tag, label: languageName(tag, language) })), ...rest];
  return current && !options.some((o) => o.value === current)
    ? [...options, { value: current, label: languageName(current, language) }]
    : options;
}
