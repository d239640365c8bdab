import type { Language } from '../../../common/languages';
import en from './locales/en';

export type ClientModeTexts = typeof en;

/** Every file of ./locales, by its name (a language tag): a new language is a new file. */
const LOCALES: Record<string, ClientModeTexts> = Object.fromEntries(
  Object.entries(import.meta.glob<{ default: ClientModeTexts }>('./locales/*.ts', { eager: true })).map(
    ([path, module]) => [path.replace(/^.*\/([^/]+)\.ts$/, '$1'), module.default],
  ),
);

/** The languages client mode speaks. */
export const CLIENT_MODE_LANGUAGES = Object.keys(LOCALES).sort();

/**
 * The words client mode shows: in the client's language when there is a file for it (or for the
 * language without its region), else in the language Koers speaks to the caseworker.
 */
export function clientModeTexts(
  clientLanguage: string | null,
  koersLanguage: Language,
): { language: string; texts: ClientModeTexts } {
  const candidates = clientLanguage ? [clientLanguage, clientLanguage.split('-')[0] ?? ''] : [];
  const language = candidates.find((tag) => tag in LOCALES) ?? koersLanguage;
  return { language, texts: LOCALES[language] ?? en };
}
