import { getCaseworker, insertCaseworker, listCaseworkers, updateCaseworker } from '../../db/queries/caseworkers';
import { activeClientIdsOf, handOver } from '../../db/queries/handovers';
import type { DomainHandlers } from '../../common/contract';
import { actor, type Context } from '../context';
import { conflict, invalidInput, notFound } from '../rpc/app-error';
import { checkActiveCaseworker } from './checks';

async function requireCaseworker(ctx: Context, id: string) {
  const caseworker = await getCaseworker(ctx.db, id);
  if (!caseworker) throw notFound('Caseworker');
  return caseworker;
}

export const caseworkerHandlers = {
  async 'caseworkers.list'(ctx) {
    return listCaseworkers(ctx.db);
  },

  async 'caseworkers.create'(ctx, input) {
    const id = await insertCaseworker(ctx.db, input, ctx.now().toISOString(), actor(ctx));
    return requireCaseworker(ctx, id);
  },

  async 'caseworkers.update'(ctx, input) {
    await requireCaseworker(ctx, input.id);
    await updateCaseworker(
      ctx.db,
      input.id,
      { name: input.name, role: input.role },
      ctx.now().toISOString(),
      actor(ctx),
    );
    return requireCaseworker(ctx, input.id);
  },

  async 'caseworkers.setActive'(ctx, input) {
    const caseworker = await requireCaseworker(ctx, input.id);
    if (!input.active && caseworker.activeClients > 0) {
      // Nobody's clients may be left without a worker: hand them over first.
      throw conflict('Caseworker still has active clients', {
        reason: 'has_active_clients',
        count: caseworker.activeClients,
      });
    }
    if (!input.active && input.id === actor(ctx)) throw invalidInput({ field: 'id', rule: 'unavailable' });
    await updateCaseworker(
      ctx.db,
      input.id,
      { deactivated_at: input.active ? null : ctx.now().toISOString() },
      ctx.now().toISOString(),
      actor(ctx),
    );
    return requireCaseworker(ctx, input.id);
  },

  async 'caseworkers.switchCurrent'(ctx, input) {
    await checkActiveCaseworker(ctx.db, input.id, 'id');
    ctx.settings.set('currentCaseworkerId', input.id);
    return { ok: true as const };
  },

  async 'caseworkers.handoverCaseload'(ctx, input) {
    if (input.fromId === input.toId)
      throw conflict('Source and target are the same caseworker', { reason: 'same_caseworker' });
    await requireCaseworker(ctx, input.fromId);
    const moved = await ctx.db.transaction().execute(async (trx) => {
      await checkActiveCaseworker(trx, input.toId, 'toId');
      const ids = await activeClientIdsOf(trx, input.fromId);
      return handOver(
        trx,
        { clientIds: ids, toCaseworkerId: input.toId, date: input.date, note: input.note },
        ctx.now().toISOString(),
        actor(ctx),
      );
    });
    return { moved };
  },
} satisfies DomainHandlers<Context, 'caseworkers'>;
