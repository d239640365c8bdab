import type { ExpressionBuilder, Kysely, Transaction } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/sqlite';
import type { SheetSummary, SheetVersion } from '../../common/contract';
import { newId } from '../ids';
import { parseJsonColumns } from '../json';
import type { Database } from '../schema';
import { recorded, tracked, updated } from '../tracked';

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

/**
 * Sheets with their latest published version, their draft (at most one) and how
 * many live scorings use them.
 */
export async function listSheets(db: Kysely<Database>, onlyId?: string): Promise<SheetSummary[]> {
  const version = (eb: ExpressionBuilder<Database & { sh: Database['sheet'] }, 'sh'>, published: boolean) =>
    eb
      .selectFrom('sheet_version as v')
      .whereRef('v.sheet_id', '=', 'sh.id')
      .where('v.published_at', published ? 'is not' : 'is', null)
      .orderBy('v.number', published ? 'desc' : 'asc')
      .limit(1);
  const rows = await db
    .selectFrom('sheet as sh')
    .select((eb) => [
      'sh.id',
      'sh.name',
      'sh.description',
      'sh.retired_at as retiredAt',
      eb
        .selectFrom('sheet_target_group as g')
        .select((e) => e.fn.agg<string[]>('json_group_array', ['g.target_group_id']).as('ids'))
        .whereRef('g.sheet_id', '=', 'sh.id')
        .as('targetGroupIds'),
      version(eb, true).select('v.number').as('publishedNumber'),
      version(eb, true).select('v.id').as('publishedVersionId'),
      version(eb, false).select('v.id').as('draftVersionId'),
      eb
        .selectFrom('scoring as s')
        .innerJoin('sheet_version as v', 'v.id', 's.version_id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('v.sheet_id', '=', 'sh.id')
        .where('s.deleted_at', 'is', null)
        .as('scorings'),
    ])
    .where('sh.deleted_at', 'is', null)
    .$if(onlyId !== undefined, (q) => q.where('sh.id', '=', onlyId ?? ''))
    .orderBy('sh.name')
    .withPlugin(parseJsonColumns('targetGroupIds'))
    .execute();
  return rows.map(({ retiredAt, targetGroupIds, scorings, ...sheet }) => ({
    ...sheet,
    retired: retiredAt !== null,
    targetGroupIds: targetGroupIds ?? [],
    scorings: Number(scorings ?? 0),
  }));
}

export async function getVersion(db: Kysely<Database>, versionId: string): Promise<SheetVersion | undefined> {
  const version = await db
    .selectFrom('sheet_version as v')
    .innerJoin('sheet as s', 's.id', 'v.sheet_id')
    .select((eb) => [
      'v.id',
      'v.sheet_id as sheetId',
      's.name as sheetName',
      'v.number',
      'v.published_at as publishedAt',
      jsonArrayFrom(
        eb
          .selectFrom('indicator as i')
          .select((e) => [
            'i.id',
            'i.key',
            'i.name',
            'i.description',
            'i.scale_min as scaleMin',
            'i.scale_max as scaleMax',
            jsonArrayFrom(
              e
                .selectFrom('indicator_level as l')
                .select(['l.value', 'l.label', 'l.description'])
                .whereRef('l.indicator_id', '=', 'i.id')
                .orderBy('l.value'),
            ).as('levels'),
          ])
          .whereRef('i.version_id', '=', 'v.id')
          .orderBy('i.position'),
      ).as('indicators'),
    ])
    .where('v.id', '=', versionId)
    .withPlugin(parseJsonColumns('indicators', 'indicators.levels'))
    .executeTakeFirst();
  return version && { ...version, published: version.publishedAt !== null };
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
      ...tracked(at, by),
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
    .set({ ...changes, ...updated(at, by) })
    .where('id', '=', id)
    .execute();
}

async function insertContent(
  db: Transaction<Database>,
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
  db: Transaction<Database>,
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
      ...recorded(at, by),
    })
    .execute();
  await insertContent(db, id, indicators);
  return id;
}

/** Replaces a draft's content; the database refuses this for a published version. */
export async function replaceDraftContent(
  db: Transaction<Database>,
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
  db: Transaction<Database>,
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
