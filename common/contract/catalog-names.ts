import type { Language } from '../languages';

/**
 * Names of the shipped stages and closure reasons in each language, until a key
 * person renames them. The renderer shows them; exports and imports use them too.
 */
export const CATALOG_DEFAULT_NAMES = {
  en: {
    stage: {
      intake: 'Getting acquainted',
      diagnosis: 'Exploring the situation',
      plan: 'Making the plan',
      route: 'Choosing the route',
      carrying_out: 'Carrying out',
      measuring: 'Measuring results',
      evaluating: 'Looking back',
      adjusting: 'Adjusting course',
    },
    closure_reason: { work: 'Work', education: 'Education', moved: 'Moved away', other: 'Other' },
  },
  nl: {
    stage: {
      intake: 'Kennismaking',
      diagnosis: 'Situatie in beeld',
      plan: 'Plan maken',
      route: 'Route kiezen',
      carrying_out: 'Uitvoeren',
      measuring: 'Resultaat meten',
      evaluating: 'Terugkijken',
      adjusting: 'Bijsturen',
    },
    closure_reason: { work: 'Werk', education: 'Opleiding', moved: 'Verhuisd', other: 'Anders' },
  },
  da: {
    stage: {
      intake: 'Første møde',
      diagnosis: 'Afklaring',
      plan: 'Plan',
      route: 'Valg af indsats',
      carrying_out: 'Indsats i gang',
      measuring: 'Måling af resultat',
      evaluating: 'Opfølgning og vurdering',
      adjusting: 'Justering',
    },
    closure_reason: { work: 'Job', education: 'Uddannelse', moved: 'Fraflyttet', other: 'Andet' },
  },
} as const;

type DefaultKind = keyof (typeof CATALOG_DEFAULT_NAMES)['en'];

/** An item's name as the user reads it: its own name, or the shipped name in their language. */
export function catalogName(
  item: { kind: string; name: string | null; defaultKey: string | null },
  language: Language,
): string {
  if (item.name) return item.name;
  const names: Record<string, Record<string, string>> = CATALOG_DEFAULT_NAMES[language];
  return (item.defaultKey && names[item.kind as DefaultKind]?.[item.defaultKey]) || (item.defaultKey ?? '');
}
