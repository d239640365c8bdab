import { teamScores, workloadByCaseworker } from '../../db/queries/charts';
import { listGoals } from '../../db/queries/goals';
import { coverageByCaseworker, listScorings } from '../../db/queries/scorings';
import { getVersion, listSheets } from '../../db/queries/sheets';
import { progressByCaseworker, summarizeChange } from '../charts/team';
import { shapeProgression } from '../charts/progression';
import type { DomainHandlers } from '../../common/contract';
import { type Context, today } from '../context';
import { getClient } from '../../db/queries/clients';
import { found, notFound } from '../rpc/app-error';

export const chartHandlers = {
  async 'charts.progression'(ctx, input) {
    const client = found(await getClient(ctx.db, input.clientId), 'Client');
    const [scorings, goals, milestones] = await Promise.all([
      listScorings(ctx.db, client.id),
      listGoals(ctx.db, client.id),
      ctx.db
        .selectFrom('note')
        .select(['noted_at', 'body'])
        .where('kind', '=', 'milestone')
        .where('deleted_at', 'is', null)
        .where((eb) =>
          eb.or([
            eb('client_id', '=', client.id),
            ...(client.householdId ? [eb('household_id', '=', client.householdId)] : []),
          ]),
        )
        .execute(),
    ]);
    const versionIds = [...new Set(scorings.map((s) => s.versionId))];
    const versions = (await Promise.all(versionIds.map((id) => getVersion(ctx.db, id)))).filter((v) => v !== undefined);
    return shapeProgression({
      scorings,
      versions,
      goals,
      milestones: milestones.map((m) => ({ date: m.noted_at.slice(0, 10), body: m.body })),
    });
  },
} satisfies DomainHandlers<Context, 'charts'>;

export const teamHandlers = {
  async 'team.view'(ctx, input) {
    const [sheet] = await listSheets(ctx.db, input.sheetId);
    if (!sheet?.publishedVersionId) throw notFound('Sheet');
    const version = await getVersion(ctx.db, sheet.publishedVersionId);
    const names = new Map((version?.indicators ?? []).map((i) => [i.key, i.name]));
    const rows = await teamScores(ctx.db, {
      sheetId: input.sheetId,
      ...(input.targetGroupId ? { targetGroupId: input.targetGroupId } : {}),
      ...(input.caseworkerId ? { caseworkerId: input.caseworkerId } : {}),
      ...(input.from ? { from: input.from } : {}),
      ...(input.to ? { to: input.to } : {}),
    });
    const change = summarizeChange(rows, names);
    const progress = progressByCaseworker(change.clientProgress);
    const [coverage, workload] = await Promise.all([
      coverageByCaseworker(ctx.db, today(ctx), input.caseworkerId ? [input.caseworkerId] : undefined),
      workloadByCaseworker(ctx.db),
    ]);
    return {
      indicators: change.indicators,
      compass: coverage.map((c) => {
        const load = workload.find((w) => w.caseworker_id === c.caseworkerId);
        return {
          caseworkerId: c.caseworkerId,
          caseload: Number(load?.caseload ?? 0),
          weightedWorkload: Number(load?.weighted ?? 0),
          coverage: c.share,
          averageProgression: progress.get(c.caseworkerId) ?? null,
        };
      }),
    };
  },
} satisfies DomainHandlers<Context, 'team'>;
