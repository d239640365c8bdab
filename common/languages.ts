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
