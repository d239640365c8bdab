import { getCaseworker, insertCaseworker, listCaseworkers, updateCaseworker } from '../../db/queries/caseworkers';
import { activeClientIdsOf, handOver } from '../../db/queries/handovers';
import { teamLink } from '../../db/queries/sync-state';
import type { DomainHandlers } from '../../common/contract';
import { actor, type Context } from '../context';
import { conflict, found, invalidInput } from '../rpc/app-error';
import { checkActiveCaseworker } from './checks';

export const caseworkerHandlers = {
  async 'caseworkers.list'(ctx) {
    return listCaseworkers(ctx.db);
  },

  async 'caseworkers.create'(ctx, input) {
    const id = await insertCaseworker(ctx.db, input, ctx.now().toISOString(), actor(ctx));
    return found(await getCaseworker(ctx.db, id), 'Caseworker');
  },

  async 'caseworkers.update'(ctx, input) {
    found(await getCaseworker(ctx.db, input.id), 'Caseworker');
    await updateCaseworker(
      ctx.db,
      input.id,
      { name: input.name, role: input.role },
      ctx.now().toISOString(),
      actor(ctx),
    );
    return found(await getCaseworker(ctx.db, input.id), 'Caseworker');
  },

  async 'caseworkers.setActive'(ctx, input) {
    const caseworker = found(await getCaseworker(ctx.db, input.id), 'Caseworker');
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
    return found(await getCaseworker(ctx.db, input.id), 'Caseworker');
  },

  async 'caseworkers.switchCurrent'(ctx, input) {
    // On a team's copy she works as whom she signed in as: the server would refuse anyone else's changes.
    const link = await teamLink(ctx.db);
    if (link && link.caseworkerId !== input.id)
      throw conflict('On a team laptop you work as the signed-in caseworker', { reason: 'team_caseworker' });
    await checkActiveCaseworker(ctx.db, input.id, 'id');
    ctx.settings.set('currentCaseworkerId', input.id);
    return { ok: true as const };
  },

  async 'caseworkers.handoverCaseload'(ctx, input) {
    if (input.fromId === input.toId)
      throw conflict('Source and target are the same caseworker', { reason: 'same_caseworker' });
    found(await getCaseworker(ctx.db, input.fromId), 'Caseworker');
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
