import { newId } from '../../db/ids';
import {
  getVersion,
  insertDraft,
  insertSheet,
  listSheets,
  publishVersion,
  replaceDraftContent,
  setDefaultFor,
  updateSheet,
  type IndicatorContent,
} from '../../db/queries/sheets';
import { starterSheet } from '../../db/starters';
import type { DomainHandlers, FieldIssue, Output, ParsedInput } from '../../common/contract';
import { actor, type Context } from '../context';
import { conflict, found, invalidInput } from '../rpc/app-error';
import { checkCatalogChoice } from './checks';
import { sheetTranslationHandlers } from './sheet-translations';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

type SheetDetail = Output<'sheets.get'>;

async function detail(db: Kysely<Database>, id: string): Promise<SheetDetail> {
  const summary = found((await listSheets(db, id))[0], 'Sheet');
  const [draft, published] = await Promise.all([
    summary.draftVersionId ? getVersion(db, summary.draftVersionId) : undefined,
    summary.publishedVersionId ? getVersion(db, summary.publishedVersionId) : undefined,
  ]);
  return { ...summary, draft: draft ?? null, published: published ?? null };
}

/** Scales must run low to high, and every level in between needs exactly one label. */
export function checkIndicators(indicators: ParsedInput<'sheets.saveDraft'>['indicators']): void {
  const issues: FieldIssue[] = [];
  indicators.forEach((indicator, i) => {
    if (indicator.scaleMin >= indicator.scaleMax) {
      issues.push({ field: `indicators.${i}.scaleMax`, rule: 'scale' });
      return;
    }
    const values = indicator.levels.map((l) => l.value).sort((a, b) => a - b);
    const expected = Array.from(
      { length: indicator.scaleMax - indicator.scaleMin + 1 },
      (_, k) => indicator.scaleMin + k,
    );
    if (values.join(',') !== expected.join(',')) issues.push({ field: `indicators.${i}.levels`, rule: 'levels' });
  });
  const keys = indicators.map((i) => i.key).filter(Boolean);
  if (new Set(keys).size !== keys.length) issues.push({ field: 'indicators', rule: 'invalid' });
  if (issues.length > 0) throw invalidInput(...issues);
}

function content(indicators: ParsedInput<'sheets.saveDraft'>['indicators']): IndicatorContent[] {
  return indicators.map((i) => ({
    key: i.key ?? newId(),
    name: i.name,
    description: i.description,
    scaleMin: i.scaleMin,
    scaleMax: i.scaleMax,
    levels: [...i.levels]
      .sort((a, b) => a.value - b.value)
      .map((l) => ({ value: l.value, label: l.label, description: l.description })),
  }));
}

export const sheetHandlers = {
  ...sheetTranslationHandlers,
  async 'sheets.list'(ctx) {
    return listSheets(ctx.db);
  },

  async 'sheets.get'(ctx, input) {
    return detail(ctx.db, input.id);
  },

  async 'sheets.version'(ctx, input) {
    return found(await getVersion(ctx.db, input.id), 'Sheet version');
  },

  async 'sheets.createFromStarter'(ctx, input) {
    const at = ctx.now().toISOString();
    const starter = starterSheet(input.starter, input.language);
    const id = await ctx.db.transaction().execute(async (trx) => {
      const sheetId = await insertSheet(
        trx,
        { name: starter.name, description: starter.description || null },
        at,
        actor(ctx),
      );
      await insertDraft(trx, sheetId, starter.indicators, at, actor(ctx));
      return sheetId;
    });
    return detail(ctx.db, id);
  },

  async 'sheets.copy'(ctx, input) {
    const source = await detail(ctx.db, input.id);
    const version = source.published ?? source.draft;
    const at = ctx.now().toISOString();
    const id = await ctx.db.transaction().execute(async (trx) => {
      const sheetId = await insertSheet(trx, { name: input.name, description: source.description }, at, actor(ctx));
      // A copy is a new sheet: its indicators get keys of their own.
      await insertDraft(
        trx,
        sheetId,
        (version?.indicators ?? []).map((i) => ({ ...i, key: newId() })),
        at,
        actor(ctx),
      );
      return sheetId;
    });
    return detail(ctx.db, id);
  },

  async 'sheets.edit'(ctx, input) {
    const sheet = await detail(ctx.db, input.id);
    if (!sheet.draft) {
      const at = ctx.now().toISOString();
      await ctx.db
        .transaction()
        .execute((trx) => insertDraft(trx, sheet.id, sheet.published?.indicators ?? [], at, actor(ctx)));
    }
    return detail(ctx.db, input.id);
  },

  async 'sheets.saveDraft'(ctx, input) {
    checkIndicators(input.indicators);
    const at = ctx.now().toISOString();
    await ctx.db.transaction().execute(async (trx) => {
      const sheet = await detail(trx, input.sheetId);
      if (!sheet.draft) throw conflict('Only a draft can be changed', { reason: 'published' });
      for (const [i, groupId] of input.targetGroupIds.entries())
        await checkCatalogChoice(trx, groupId, 'target_group', `targetGroupIds.${i}`);
      await updateSheet(trx, sheet.id, { name: input.name, description: input.description }, at, actor(ctx));
      await setDefaultFor(trx, sheet.id, input.targetGroupIds);
      await replaceDraftContent(trx, sheet.draft.id, content(input.indicators));
    });
    return detail(ctx.db, input.sheetId);
  },

  async 'sheets.publish'(ctx, input) {
    await ctx.db.transaction().execute(async (trx) => {
      const sheet = await detail(trx, input.id);
      if (!sheet.draft) throw conflict('Nothing to publish', { reason: 'published' });
      if (sheet.draft.indicators.length === 0)
        throw conflict('A sheet needs at least one indicator', { reason: 'empty_sheet' });
      await publishVersion(trx, sheet.draft.id, ctx.now().toISOString());
    });
    return detail(ctx.db, input.id);
  },

  async 'sheets.setRetired'(ctx, input) {
    await detail(ctx.db, input.id);
    const at = ctx.now().toISOString();
    await updateSheet(ctx.db, input.id, { retired_at: input.retired ? at : null }, at, actor(ctx));
    return detail(ctx.db, input.id);
  },
} satisfies DomainHandlers<Context, 'sheets'>;
