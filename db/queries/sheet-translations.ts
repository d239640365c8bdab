import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { SheetTranslation, SheetVersion } from '../../common/contract';
import { sheetTranslationSchema } from '../../common/contract/scoring';
import { textDirection } from '../../common/languages';
import { newId } from '../ids';
import type { Database } from '../schema';
import { removed, tracked, updated } from '../tracked';

type Texts = Pick<SheetTranslation, 'indicators'>;

/** What `texts` holds: checked when read, as it may come from a team pull. */
const storedTexts = z.object({ indicators: sheetTranslationSchema.shape.indicators });

function fromRow(row: {
  id: string;
  version_id: string;
  language: string;
  texts: string;
  updated_at: string;
}): SheetTranslation {
  const texts = storedTexts.safeParse(JSON.parse(row.texts));
  return {
    id: row.id,
    versionId: row.version_id,
    language: row.language,
    direction: textDirection(row.language),
    indicators: texts.success ? texts.data.indicators : [],
    updatedAt: row.updated_at,
  };
}

/** A version's translations (not removed), by language. */
export async function listTranslations(db: Kysely<Database>, versionId: string): Promise<SheetTranslation[]> {
  const rows = await db
    .selectFrom('sheet_translation')
    .select(['id', 'version_id', 'language', 'texts', 'updated_at'])
    .where('version_id', '=', versionId)
    .where('deleted_at', 'is', null)
    .orderBy('language')
    .execute();
  return rows.map(fromRow);
}

/**
 * The version's translation into `language`: the exact tag, else the same language without its
 * region or script (a client reading `ar-MA` gets the `ar` translation). Undefined: none.
 */
export async function translationFor(
  db: Kysely<Database>,
  versionId: string,
  language: string,
): Promise<SheetTranslation | undefined> {
  const all = await listTranslations(db, versionId);
  const base = language.split('-')[0];
  return all.find((t) => t.language === language) ?? all.find((t) => t.language === base);
}

/** Stores the translation of a version into a language: the one there is is changed in place (its id stays). */
export async function saveTranslation(
  db: Kysely<Database>,
  translation: Texts & { versionId: string; language: string },
  at: string,
  by: string | null,
): Promise<string> {
  const texts = JSON.stringify({ indicators: translation.indicators });
  const existing = await db
    .selectFrom('sheet_translation')
    .select('id')
    .where('version_id', '=', translation.versionId)
    .where('language', '=', translation.language)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (existing) {
    await db
      .updateTable('sheet_translation')
      .set({ texts, ...updated(at, by) })
      .where('id', '=', existing.id)
      .execute();
    return existing.id;
  }
  const id = newId();
  await db
    .insertInto('sheet_translation')
    .values({ id, version_id: translation.versionId, language: translation.language, texts, ...tracked(at, by) })
    .execute();
  return id;
}

export async function removeTranslation(db: Kysely<Database>, id: string, at: string, by: string | null) {
  const result = await db
    .updateTable('sheet_translation')
    .set(removed(at, by))
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The version as the client reads it: every translated text in place of the original, the rest as it is. */
export function translatedVersion(version: SheetVersion, translation: Texts | undefined): SheetVersion {
  if (!translation) return version;
  return {
    ...version,
    indicators: version.indicators.map((indicator) => {
      const texts = translation.indicators.find((t) => t.key === indicator.key);
      if (!texts) return indicator;
      return {
        ...indicator,
        name: texts.name ?? indicator.name,
        description: texts.description ?? indicator.description,
        levels: indicator.levels.map((level) => {
          const own = texts.levels.find((l) => l.value === level.value);
          return { ...level, label: own?.label ?? level.label, description: own?.description ?? level.description };
        }),
      };
    }),
  };
}

/** The language and direction an indicator's texts are read in: its translation's, when it has any text there. */
export function indicatorLanguage(
  translation: SheetTranslation | undefined,
  key: string,
): { textLanguage: string | null; direction: 'ltr' | 'rtl' } {
  const texts = translation?.indicators.find((t) => t.key === key);
  return translation && texts
    ? { textLanguage: translation.language, direction: translation.direction }
    : { textLanguage: null, direction: 'ltr' };
}
