import type { Kysely } from 'kysely';
import { newId } from '../../db/ids';
import {
  coverageByCaseworker,
  getScoring,
  insertScoring,
  listScorings,
  previousValues,
  removeScoring,
  updateScoring,
} from '../../db/queries/scorings';
import { defaultSheetFor, getVersion, listSheets } from '../../db/queries/sheets';
import { listGoals } from '../../db/queries/goals';
import type { Database } from '../../db/schema';
import type { DomainHandlers, FieldIssue, Output, ParsedInput } from '../../common/contract';
import { actor, type Context, today } from '../context';
import { getClient } from '../../db/queries/clients';
import { found, invalidInput } from '../rpc/app-error';
import { checkNotFuture, checkScoringVersion } from './checks';

type ScoringInput = ParsedInput<'scorings.create'>;

/**
 * A scoring is made on a published version of a sheet still in use; every value
 * lies on its indicator's scale (or is "not scored").
 */
async function checkScoring(db: Kysely<Database>, input: ScoringInput, todayDate: string) {
  checkNotFuture(input.date, todayDate, 'date');
  if (input.scoredBy === 'provider' && !input.organisation)
    throw invalidInput({ field: 'organisation', rule: 'required' });
  const version = await checkScoringVersion(db, input.versionId);
  const issues: FieldIssue[] = [];
  const scores = input.scores.map((score, i) => {
    const indicator = version.indicators.find((ind) => ind.id === score.indicatorId);
    if (!indicator) {
      issues.push({ field: `scores.${i}.indicatorId`, rule: 'unavailable' });
      return null;
    }
    if (score.value !== null && (score.value < indicator.scaleMin || score.value > indicator.scaleMax)) {
      issues.push({ field: `scores.${i}.value`, rule: 'out_of_scale', limit: indicator.scaleMax });
    }
    return { indicatorId: indicator.id, indicatorKey: indicator.key, value: score.value, comment: score.comment };
  });
  if (new Set(input.scores.map((s) => s.indicatorId)).size !== input.scores.length)
    issues.push({ field: 'scores', rule: 'invalid' });
  if (issues.length > 0) throw invalidInput(...issues);
  return scores.filter((s) => s !== null);
}

export const scoringHandlers = {
  async 'scorings.form'(ctx, input) {
    const client = found(await getClient(ctx.db, input.clientId), 'Client');
    const sheetId = input.sheetId ?? (await defaultSheetFor(ctx.db, client.targetGroupId));
    if (!sheetId) return null;
    const [sheet] = await listSheets(ctx.db, sheetId);
    if (!sheet?.publishedVersionId) return null;
    const version = await getVersion(ctx.db, sheet.publishedVersionId);
    if (!version) return null;
    const [previous, goals] = await Promise.all([previousValues(ctx.db, client.id), listGoals(ctx.db, client.id)]);
    return { version, previous, goals };
  },

  async 'scorings.list'(ctx, input) {
    found(await getClient(ctx.db, input.clientId), 'Client');
    return listScorings(ctx.db, input.clientId);
  },

  async 'scorings.create'(ctx, input) {
    const id = await ctx.db.transaction().execute(async (trx) => {
      const client = found(await getClient(trx, input.clientId), 'Client');
      const scores = await checkScoring(trx, input, today(ctx));
      return insertScoring(
        trx,
        { ...input, caseworkerId: client.caseworkerId, scores },
        ctx.now().toISOString(),
        actor(ctx),
      );
    });
    return found(await getScoring(ctx.db, input.clientId, id), 'Scoring');
  },

  async 'scorings.update'(ctx, input) {
    const { id, ...scoring } = input;
    await ctx.db.transaction().execute(async (trx) => {
      const existing = found(await getScoring(trx, scoring.clientId, id), 'Scoring');
      const scores = await checkScoring(trx, scoring, today(ctx));
      await updateScoring(
        trx,
        id,
        { ...scoring, caseworkerId: existing.caseworkerId, scores },
        ctx.now().toISOString(),
        actor(ctx),
      );
    });
    return found(await getScoring(ctx.db, scoring.clientId, id), 'Scoring');
  },

  async 'scorings.remove'(ctx, input) {
    found(
      await ctx.db
        .selectFrom('scoring')
        .select('id')
        .where('id', '=', input.id)
        .where('deleted_at', 'is', null)
        .executeTakeFirst(),
      'Scoring',
    );
    const at = ctx.now().toISOString();
    await removeScoring(ctx.db, input.id, at, actor(ctx));
    return { ok: true as const };
  },
} satisfies DomainHandlers<Context, 'scorings'>;

export const coverageHandlers = {
  async 'coverage.get'(ctx) {
    return coverage(ctx);
  },

  async 'coverage.setTarget'(ctx, input) {
    await ctx.db
      .insertInto('coverage_target')
      .values({
        id: newId(),
        share: input.share,
        due_on: input.dueOn,
        created_at: ctx.now().toISOString(),
        created_by: actor(ctx),
      })
      .execute();
    return coverage(ctx);
  },
} satisfies DomainHandlers<Context, 'coverage'>;

async function coverage(ctx: Context): Promise<Output<'coverage.get'>> {
  const day = today(ctx);
  const [caseworkers, target] = await Promise.all([
    coverageByCaseworker(ctx.db, day),
    ctx.db
      .selectFrom('coverage_target')
      .select(['share', 'due_on as dueOn'])
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst(),
  ]);
  return { today: day, target: target ?? null, caseworkers };
}
