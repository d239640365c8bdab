import type { Transaction } from 'kysely';
import { starterTexts } from '../common/i18n/starters';
import { insertCatalogItem, updateCatalogItem } from './queries/catalog';
import { insertDraft, insertSheet, type IndicatorContent, publishVersion, setDefaultFor } from './queries/sheets';
import type { Database } from './schema';

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

/**
 * The starter target groups first run offers, each with its rescoring rhythm and the
 * starter sheet it scores with: most groups work towards a job, one towards taking part.
 */
const STARTER_GROUPS = [
  { key: 'ready', rescoreWeeks: 8, sheet: 'work_readiness' },
  { key: 'route', rescoreWeeks: 12, sheet: 'work_readiness' },
  { key: 'young', rescoreWeeks: 6, sheet: 'work_readiness' },
  { key: 'taking_part', rescoreWeeks: 12, sheet: 'ladder' },
] as const satisfies readonly {
  key: keyof (typeof starterTexts)['en']['targetGroups'];
  rescoreWeeks: number;
  sheet: Starter;
}[];

/**
 * What a caseworker needs to score on her first day without a demo: the starter target
 * groups and the starter sheets, published and set as their groups' default, named in her
 * language. Everything stays editable (lists, a new sheet version); stages and closure
 * reasons come with every database already.
 */
export async function insertStarters(
  db: Transaction<Database>,
  language: StarterLanguage,
  at: string,
  by: string | null,
): Promise<{ targetGroups: number; sheets: number }> {
  const groupsOf = new Map<Starter, string[]>();
  for (const group of STARTER_GROUPS) {
    const id = await insertCatalogItem(
      db,
      { kind: 'target_group', name: starterTexts[language].targetGroups[group.key], weight: 1 },
      at,
      by,
    );
    await updateCatalogItem(db, id, { rescore_weeks: group.rescoreWeeks }, at, by);
    groupsOf.set(group.sheet, [...(groupsOf.get(group.sheet) ?? []), id]);
  }
  for (const [starter, groupIds] of groupsOf) {
    const content = starterSheet(starter, language);
    const sheetId = await insertSheet(db, { name: content.name, description: content.description || null }, at, by);
    await publishVersion(db, await insertDraft(db, sheetId, content.indicators, at, by), at);
    await setDefaultFor(db, sheetId, groupIds);
  }
  return { targetGroups: STARTER_GROUPS.length, sheets: groupsOf.size };
}
