import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { DomainHandlers } from '../../common/contract';
import { plusDays } from '../../common/dates';
import { fileTexts } from '../../common/i18n/files';
import { textDirection } from '../../common/languages';
import { newId } from '../../db/ids';
import { getClient, listCaseload } from '../../db/queries/clients';
import { listGoals } from '../../db/queries/goals';
import {
  codeInUse,
  deletePapers,
  insertPaper,
  markEntered,
  newPaperCode,
  normalisePaperCode,
  openPapers,
  paperByCode,
  papersById,
} from '../../db/queries/papers';
import { getScoring, insertScoring, previousValues } from '../../db/queries/scorings';
import { indicatorLanguage, translatedVersion, translationFor } from '../../db/queries/sheet-translations';
import { defaultSheetFor, getVersion, listSheets } from '../../db/queries/sheets';
import { actor, type Context, language, today } from '../context';
import { writeFileAtomic } from '../files';
import { conflict, found, invalidInput, notFound } from '../rpc/app-error';
import { saveName } from '../save-name';
import { checkNotFuture } from './checks';

/** Printed for the week's home visits: clients due for scoring within this many days. */
const DUE_WITHIN_DAYS = 7;

/** A code no printed sheet has: random, checked (a clash is one in billions, so a few tries always do). */
async function freshCode(db: Kysely<Database>): Promise<string> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const code = newPaperCode((n) => randomBytes(n));
    if (!(await codeInUse(db, code))) return code;
  }
  throw new Error('No free paper code after 10 tries');
}

/** The published version of the client's default sheet (their target group's), if any. */
async function defaultVersionFor(ctx: Context, targetGroupId: string | null): Promise<string | null> {
  const sheetId = await defaultSheetFor(ctx.db, targetGroupId);
  if (!sheetId) return null;
  const [sheet] = await listSheets(ctx.db, sheetId);
  return sheet && !sheet.retired ? sheet.publishedVersionId : null;
}

/** Personalised paper sheets (issue 19, Must have 3): printed with a code, typed in afterwards by it. */
export const paperHandlers = {
  async 'papers.print'(ctx, input) {
    const day = today(ctx);
    const me = actor(ctx);
    const clients = input.clientIds
      ? await Promise.all(input.clientIds.map(async (id) => found(await getClient(ctx.db, id), 'Client')))
      : (await listCaseload(ctx.db, { status: 'active', today: day, ...(me ? { caseworkerId: me } : {}) })).filter(
          (row) => row.scoringDueOn !== null && row.scoringDueOn <= plusDays(day, DUE_WITHIN_DAYS),
        );
    const planned: Array<{ clientId: string; versionId: string; who: string }> = [];
    for (const client of clients) {
      const versionId = await defaultVersionFor(ctx, client.targetGroupId);
      if (versionId) planned.push({ clientId: client.id, versionId, who: client.pseudonym });
    }
    const withoutSheet = clients.length - planned.length;
    const clientIds = planned.map((p) => p.clientId);
    if (planned.length === 0) return { path: null, sheets: 0, withoutSheet, clientIds };
    const files = fileTexts[language(ctx)];
    const single = planned.length === 1 && planned[0] ? ` ${planned[0].who}` : '';
    const path = await ctx.desktop.chooseSaveFile({
      defaultName: saveName(`${files.names.paperSheets}${single} ${day}`, 'pdf'),
      filters: [{ name: files.types.pdf, extensions: ['pdf'] }],
    });
    if (!path) return { path: null, sheets: planned.length, withoutSheet, clientIds };

    const at = ctx.now().toISOString();
    const paperIds = await ctx.db.transaction().execute(async (trx) => {
      const ids: string[] = [];
      for (const paper of planned)
        ids.push(await insertPaper(trx, { ...paper, code: await freshCode(trx), printedOn: day }, at, me));
      return ids;
    });
    const batchId = newId();
    ctx.paperBatches.set(batchId, { paperIds, pseudonymised: input.pseudonymised });
    try {
      writeFileAtomic(path, await ctx.desktop.printToPdf(`paper/${encodeURIComponent(batchId)}`));
    } catch (error) {
      // Nothing was printed: no code may stand for a sheet nobody has.
      await deletePapers(ctx.db, paperIds);
      throw error;
    } finally {
      ctx.paperBatches.delete(batchId);
    }
    return { path, sheets: paperIds.length, withoutSheet, clientIds };
  },

  async 'papers.batch'(ctx, input) {
    const batch = ctx.paperBatches.get(input.batchId);
    if (!batch) throw notFound('Paper batch');
    const papers = [];
    for (const paper of await papersById(ctx.db, batch.paperIds)) {
      const version = found(await getVersion(ctx.db, paper.versionId), 'Sheet version');
      const translation = paper.language ? await translationFor(ctx.db, version.id, paper.language) : undefined;
      const [previous, goals] = await Promise.all([
        previousValues(ctx.db, paper.clientId),
        listGoals(ctx.db, paper.clientId),
      ]);
      papers.push({
        code: paper.code,
        who: batch.pseudonymised ? paper.pseudonym : `${paper.firstName} ${paper.lastName}`,
        printedOn: paper.printedOn,
        sheetName: version.sheetName,
        versionNumber: version.number,
        clientLanguage: paper.language,
        textLanguage: translation?.language ?? null,
        direction: translation ? textDirection(translation.language) : ('ltr' as const),
        indicators: translatedVersion(version, translation).indicators.map((indicator) => ({
          name: indicator.name,
          description: indicator.description,
          levels: indicator.levels,
          previous: previous[indicator.key]?.value ?? null,
          goal: goals.find((g) => g.indicatorKey === indicator.key)?.target ?? null,
          ...indicatorLanguage(translation, indicator.key),
        })),
      });
    }
    return { papers };
  },

  async 'papers.find'(ctx, input) {
    const paper = found(await paperByCode(ctx.db, normalisePaperCode(input.code)), 'Paper sheet');
    return {
      code: paper.code,
      clientId: paper.clientId,
      clientName: `${paper.firstName} ${paper.lastName}`,
      pseudonym: paper.pseudonym,
      printedOn: paper.printedOn,
      enteredOn: paper.enteredOn ?? null,
      version: found(await getVersion(ctx.db, paper.versionId), 'Sheet version'),
    };
  },

  async 'papers.open'(ctx) {
    return (await openPapers(ctx.db, actor(ctx))).map(({ firstName, lastName, ...paper }) => ({
      ...paper,
      clientName: `${firstName} ${lastName}`,
    }));
  },

  async 'papers.enter'(ctx, input) {
    checkNotFuture(input.date, today(ctx), 'date');
    const code = normalisePaperCode(input.code);
    const id = await ctx.db.transaction().execute(async (trx) => {
      const paper = found(await paperByCode(trx, code), 'Paper sheet');
      if (paper.enteredOn) throw conflict('Entered already', { reason: 'paper_entered' });
      const version = found(await getVersion(trx, paper.versionId), 'Sheet version');
      if (input.values.length !== version.indicators.length) throw invalidInput({ field: 'values', rule: 'invalid' });
      const scores = version.indicators.map((indicator, i) => {
        const value = input.values[i] ?? null;
        if (value !== null && (value < indicator.scaleMin || value > indicator.scaleMax))
          throw invalidInput({ field: `values.${i}`, rule: 'out_of_scale', limit: indicator.scaleMax });
        return { indicatorId: indicator.id, indicatorKey: indicator.key, value, comment: null };
      });
      const client = found(await getClient(trx, paper.clientId), 'Client');
      const at = ctx.now().toISOString();
      const scoringId = await insertScoring(
        trx,
        {
          clientId: client.id,
          versionId: version.id,
          date: input.date,
          scoredBy: input.scoredBy,
          organisation: null,
          caseworkerId: client.caseworkerId,
          scores,
        },
        at,
        actor(ctx),
      );
      await markEntered(trx, code, scoringId, at, actor(ctx));
      return { scoringId, clientId: client.id };
    });
    return found(await getScoring(ctx.db, id.clientId, id.scoringId), 'Scoring');
  },
} satisfies DomainHandlers<Context, 'papers'>;
