import { listGoals, removeGoal, setGoal } from '../../db/queries/goals';
import type { DomainHandlers } from '../../common/contract';
import { actor, type Context } from '../context';
import { notFound } from '../rpc/app-error';
import { requireClient } from './checks';

export const goalHandlers = {
  async 'goals.list'(ctx, input) {
    await requireClient(ctx.db, input.clientId);
    return listGoals(ctx.db, input.clientId);
  },

  async 'goals.set'(ctx, input) {
    const id = await ctx.db.transaction().execute(async (trx) => {
      await requireClient(trx, input.clientId);
      return setGoal(trx, input, ctx.now().toISOString(), actor(ctx));
    });
    const goal = (await listGoals(ctx.db, input.clientId)).find((g) => g.id === id);
    if (!goal) throw notFound('Goal');
    return goal;
  },

  async 'goals.remove'(ctx, input) {
    if (!(await removeGoal(ctx.db, input.id, ctx.now().toISOString(), actor(ctx)))) throw notFound('Goal');
    return { ok: true as const };
  },
} satisfies DomainHandlers<Context, 'goals'>;
