import type { Kysely } from 'kysely';
import { newId } from '../ids';
import type { Database } from '../schema';

export interface LevelContent {
  value: number;
  label: string;
  description: string | null;
}

export interface IndicatorContent {
  key: string;
  name: string;
  description: string | null;
  scaleMin: number;
  scaleMax: number;
  levels: LevelContent[];
}

export interface VersionView {
  id: string;
  sheetId: string;
  sheetName: string;
  number: number;
  published: boolean;
  publishedAt: string | null;
  indicators: Array<IndicatorContent & { id: string }>;
}

export interface SheetSummaryView {
  id: string;
  name: string;
  description: string | null;
  retired: boolean;
  targetGroupIds: string[];
  publishedNumber: number | null;
  publishedVersionId: string | null;
  draftVersionId: string | null;
  scorings: number;
}

export async function listSheets(db: Kysely<Database>, onlyId?: string): Promise<SheetSummaryView[]> {
  let query = db
    .selectFrom('sheet')
    .select(['id', 'name', 'description', 'retired_at'])
    .where('deleted_at', 'is', null);
  if (onlyId) query = query.where('id', '=', onlyId);
  const sheets = await query.orderBy('name').execute();
  if (sheets.length === 0) return [];
  const ids = sheets.map((s) => s.id);
  const [versions, groups, counts] = await Promise.all([
    db
      .selectFrom('sheet_version')
      .select(['id', 'sheet_id', 'number', 'published_at'])
      .where('sheet_id', 'in', ids)
      .orderBy('number')
      .execute(),
    db.selectFrom('sheet_target_group').select(['sheet_id', 'target_group_id']).where('sheet_id', 'in', ids).execute(),
    db
      .selectFrom('scoring as s')
      .innerJoin('sheet_version as v', 'v.id', 's.version_id')
      .select((eb) => ['v.sheet_id', eb.fn.countAll<number>().as('n')])
      .where('v.sheet_id', 'in', ids)
      .where('s.deleted_at', 'is', null)
      .groupBy('v.sheet_id')
      .execute(),
  ]);
  return sheets.map((sheet) => {
    const own = versions.filter((v) => v.sheet_id === sheet.id);
    const published = own.filter((v) => v.published_at !== null).at(-1);
    const draft = own.find((v) => v.published_at === null);
    return {
      id: sheet.id,
      name: sheet.name,
      description: sheet.description,
      retired: sheet.retired_at !== null,
      targetGroupIds: groups.filter((g) => g.sheet_id === sheet.id).map((g) => g.target_group_id),
      publishedNumber: published?.number ?? null,
      publishedVersionId: published?.id ?? null,
      draftVersionId: draft?.id ?? null,
      scorings: Number(counts.find((c) => c.sheet_id === sheet.id)?.n ?? 0),
    };
  });
}

export async function getVersion(db: Kysely<Database>, versionId: string): Promise<VersionView | undefined> {
  const version = await db
    .selectFrom('sheet_version as v')
    .innerJoin('sheet as s', 's.id', 'v.sheet_id')
    .select(['v.id', 'v.sheet_id', 's.name', 'v.number', 'v.published_at'])
    .where('v.id', '=', versionId)
    .executeTakeFirst();
  if (!version) return undefined;
  const indicators = await db
    .selectFrom('indicator')
    .selectAll()
    .where('version_id', '=', versionId)
    .orderBy('position')
    .execute();
  const levels =
    indicators.length > 0
      ? await db
          .selectFrom('indicator_level')
          .selectAll()
          .where(
            'indicator_id',
            'in',
            indicators.map((i) => i.id),
          )
          .orderBy('value')
          .execute()
      : [];
  return {
    id: version.id,
    sheetId: version.sheet_id,
    sheetName: version.name,
    number: version.number,
    published: version.published_at !== null,
    publishedAt: version.published_at,
    indicators: indicators.map((i) => ({
      id: i.id,
      key: i.key,
      name: i.name,
      description: i.description,
      scaleMin: i.scale_min,
      scaleMax: i.scale_max,
      levels: levels
        .filter((l) => l.indicator_id === i.id)
        .map((l) => ({ value: l.value, label: l.label, description: l.description })),
    })),
  };
}

export async function insertSheet(
  db: Kysely<Database>,
  sheet: { name: string; description: string | null },
  at: string,
  by: string | null,
): Promise<string> {
  const id = newId();
  await db
    .insertInto('sheet')
    .values({
      id,
      name: sheet.name,
      description: sheet.description,
      retired_at: null,
      created_at: at,
      updated_at: at,
      updated_by: by,
      deleted_at: null,
    })
    .execute();
  return id;
}

export async function updateSheet(
  db: Kysely<Database>,
  id: string,
  changes: { name?: string; description?: string | null; retired_at?: string | null },
  at: string,
  by: string | null,
): Promise<void> {
  await db
    .updateTable('sheet')
    .set({ ...changes, updated_at: at, updated_by: by })
    .where('id', '=', id)
    .execute();
}

async function insertContent(
  db: Kysely<Database>,
  versionId: string,
  indicators: readonly IndicatorContent[],
): Promise<void> {
  for (const [position, indicator] of indicators.entries()) {
    const indicatorId = newId();
    await db
      .insertInto('indicator')
      .values({
        id: indicatorId,
        version_id: versionId,
        key: indicator.key,
        position,
        name: indicator.name,
        description: indicator.description,
        scale_min: indicator.scaleMin,
        scale_max: indicator.scaleMax,
      })
      .execute();
    if (indicator.levels.length > 0) {
      await db
        .insertInto('indicator_level')
        .values(
          indicator.levels.map((l) => ({
            indicator_id: indicatorId,
            value: l.value,
            label: l.label,
            description: l.description,
          })),
        )
        .execute();
    }
  }
}

/** A new draft version (the next number) holding this content. */
export async function insertDraft(
  db: Kysely<Database>,
  sheetId: string,
  indicators: readonly IndicatorContent[],
  at: string,
  by: string | null,
): Promise<string> {
  const last = await db
    .selectFrom('sheet_version')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('sheet_id', '=', sheetId)
    .executeTakeFirst();
  const id = newId();
  await db
    .insertInto('sheet_version')
    .values({
      id,
      sheet_id: sheetId,
      number: Number(last?.n ?? 0) + 1,
      published_at: null,
      created_at: at,
      created_by: by,
    })
    .execute();
  await insertContent(db, id, indicators);
  return id;
}

/** Replaces a draft's content; the database refuses this for a published version. */
export async function replaceDraftContent(
  db: Kysely<Database>,
  versionId: string,
  indicators: readonly IndicatorContent[],
): Promise<void> {
  const old = db.selectFrom('indicator').select('id').where('version_id', '=', versionId);
  await db.deleteFrom('indicator_level').where('indicator_id', 'in', old).execute();
  await db.deleteFrom('indicator').where('version_id', '=', versionId).execute();
  await insertContent(db, versionId, indicators);
}

export async function publishVersion(db: Kysely<Database>, versionId: string, at: string): Promise<void> {
  await db.updateTable('sheet_version').set({ published_at: at }).where('id', '=', versionId).execute();
}

/** Makes this sheet the default for these target groups (and only these). */
export async function setDefaultFor(
  db: Kysely<Database>,
  sheetId: string,
  targetGroupIds: readonly string[],
): Promise<void> {
  await db.deleteFrom('sheet_target_group').where('sheet_id', '=', sheetId).execute();
  if (targetGroupIds.length === 0) return;
  await db.deleteFrom('sheet_target_group').where('target_group_id', 'in', targetGroupIds).execute();
  await db
    .insertInto('sheet_target_group')
    .values(targetGroupIds.map((target_group_id) => ({ sheet_id: sheetId, target_group_id })))
    .execute();
}

export async function defaultSheetFor(db: Kysely<Database>, targetGroupId: string | null): Promise<string | undefined> {
  if (!targetGroupId) return undefined;
  const row = await db
    .selectFrom('sheet_target_group')
    .select('sheet_id')
    .where('target_group_id', '=', targetGroupId)
    .executeTakeFirst();
  return row?.sheet_id;
}
