import type { Language } from '../languages';

/** BCP 47 locale per language: dates, numbers and sorting follow it. */
export const LOCALES: Record<Language, string> = { nl: 'nl-NL', da: 'da-DK', en: 'en-GB' };
