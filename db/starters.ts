import { starterTexts } from '../common/i18n/starters';
import type { IndicatorContent } from './queries/sheets';

/**
 * Starter sheets key persons copy and adapt; their texts are in common/i18n/starters.ts.
 * Keys are stable across languages, so a team that switches language keeps its progression.
 */
export type Starter = 'ladder' | 'work_readiness' | 'empty';
export type StarterLanguage = 'nl' | 'da' | 'en';

export interface StarterSheet {
  name: string;
  description: string;
  indicators: IndicatorContent[];
}

interface SheetTexts {
  name: string;
  description: string;
  indicators: Record<
    string,
    { name: string; description: string; levels: readonly { label: string; description: string }[] }
  >;
}

/** A fresh copy each time: a draft made from it may be edited freely. */
function sheet(texts: SheetTexts, english: SheetTexts): StarterSheet {
  // In the English order: the keys are the same in every language, the order they are written in may differ.
  const order = Object.keys(english.indicators);
  return {
    name: texts.name,
    description: texts.description,
    indicators: Object.entries(texts.indicators)
      .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
      .map(([key, indicator]) => ({
        key,
        name: indicator.name,
        description: indicator.description,
        scaleMin: 1,
        scaleMax: indicator.levels.length,
        levels: indicator.levels.map((level, i) => ({
          value: 1 + i,
          label: level.label,
          description: level.description,
        })),
      })),
  };
}

export function starterSheet(starter: Starter, language: StarterLanguage): StarterSheet {
  if (starter === 'empty') return { name: starterTexts[language].empty.name, description: '', indicators: [] };
  return sheet(starterTexts[language][starter], starterTexts.en[starter]);
}
