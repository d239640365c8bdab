import { listGoals, removeGoal, setGoal } from '../../db/queries/goals';
import type { DomainHandlers } from '../../common/contract';
import { actor, type Context } from '../context';
import { getClient } from '../../db/queries/clients';
import { found, notFound } from '../rpc/app-error';

export const goalHandlers = {
  async 'goals.list'(ctx, input) {
    found(await getClient(ctx.db, input.clientId), 'Client');
    return listGoals(ctx.db, input.clientId);
  },

  async 'goals.set'(ctx, input) {
    const id = await ctx.db.transaction().execute(async (trx) => {
      found(await getClient(trx, input.clientId), 'Client');
      return setGoal(trx, input, ctx.now().toISOString(), actor(ctx));
    });
    return found(
      (await listGoals(ctx.db, input.clientId)).find((g) => g.id === id),
      'Goal',
    );
  },

  async 'goals.remove'(ctx, input) {
    if (!(await removeGoal(ctx.db, input.id, ctx.now().toISOString(), actor(ctx)))) throw notFound('Goal');
    return { ok: true as const };
  },
} satisfies DomainHandlers<Context, 'goals'>;
