import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../main/contract/languages';
import { da } from './locales/da';
import { en } from './locales/en';
import { nl } from './locales/nl';

export const resources = { nl: { translation: nl }, da: { translation: da }, en: { translation: en } } as const;

/** BCP 47 locale per language: dates and numbers follow it. */
export const LOCALES: Record<Language, string> = { nl: 'nl-NL', da: 'da-DK', en: 'en-GB' };

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: (typeof resources)['en'];
  }
}

export async function initI18n(language: Language): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React escapes.
    returnNull: false,
  });
  document.documentElement.lang = language;
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  return i18next;
}

export function formatDate(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium' }).format(new Date(iso));
}
