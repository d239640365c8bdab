/** The languages Koers speaks. Kept free of dependencies: the renderer imports it too. */
export const LANGUAGES = ['nl', 'da', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The first OS locale Koers speaks, else English. `nl-BE` → nl, `da-DK` → da. */
export function languageFromLocales(locales: readonly string[]): Language {
  for (const locale of locales) {
    const base = locale.toLowerCase().split(/[-_]/)[0];
    const match = LANGUAGES.find((l) => l === base);
    if (match) return match;
    // Norwegian and Swedish readers understand Danish better than English.
    if (base === 'nb' || base === 'no' || base === 'nn') return 'da';
  }
  return 'en';
}

/** Scripts written right to left (ISO 15924): Arabic, Hebrew, Syriac, Thaana, N'Ko, Adlam, Hanifi Rohingya, Mandaic, Samaritan. */
const RTL_SCRIPTS = new Set(['Arab', 'Hebr', 'Syrc', 'Thaa', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr']);

/**
 * A language tag as BCP 47 writes it (`AR` → `ar`, `pt_br` → `pt-BR`), or null when it is
 * none. Client and sheet languages are any language, not only the three Koers speaks.
 */
export function canonicalLanguage(tag: string): string | null {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag.trim().replace(/_/g, '-'));
    return canonical && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(canonical) ? canonical : null;
  } catch {
    return null;
  }
}

/** Which way a language is written, from its script (`ar`, `fa`, `he`, `ur`, `ku-Arab`: right to left). */
export function textDirection(tag: string): 'ltr' | 'rtl' {
  try {
    const script = new Intl.Locale(tag).maximize().script;
    return script && RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}

/**
 * Languages clients of Dutch and Danish social services often read best, offered first when a
 * client's language is chosen (any other BCP 47 code can be typed). Named by the user's language
 * through Intl.DisplayNames, so no list of names needs translating.
 */
export const CLIENT_LANGUAGES = [
  'nl',
  'da',
  'en',
  'ar',
  'tr',
  'pl',
  'ro',
  'bg',
  'uk',
  'ru',
  'so',
  'ti',
  'am',
  'fa',
  'fa-AF',
  'ps',
  'ku',
  'ckb',
  'ur',
  'de',
  'fr',
  'es',
  'pt',
  'it',
  'lt',
  'lv',
  'sr',
  'bs',
  'sq',
  'th',
  'vi',
  'zh',
] as const;
