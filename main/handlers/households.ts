import { addHouseholdMembers, insertHousehold, listHouseholds, renameHousehold } from '../../db/queries/households';
import type { DomainHandlers } from '../../common/contract';
import { actor, type Context } from '../context';
import { notFound } from '../rpc/app-error';
import { requireClient } from './checks';

async function requireHousehold(ctx: Context, id: string) {
  const [household] = await listHouseholds(ctx.db, [id]);
  if (!household) throw notFound('Household');
  return household;
}

export const householdHandlers = {
  async 'households.list'(ctx) {
    return listHouseholds(ctx.db);
  },

  async 'households.get'(ctx, input) {
    return requireHousehold(ctx, input.id);
  },

  async 'households.create'(ctx, input) {
    const at = ctx.now().toISOString();
    const id = await ctx.db.transaction().execute(async (trx) => {
      const members = await Promise.all(input.memberIds.map((memberId) => requireClient(trx, memberId)));
      // One family, one worker: the household takes the first member's caseworker (or yours).
      const caseworkerId = members[0]?.caseworkerId ?? actor(ctx);
      const householdId = await insertHousehold(trx, { name: input.name, caseworkerId }, at, actor(ctx));
      await addHouseholdMembers(trx, householdId, input.memberIds, at, actor(ctx));
      return householdId;
    });
    return requireHousehold(ctx, id);
  },

  async 'households.rename'(ctx, input) {
    await requireHousehold(ctx, input.id);
    await renameHousehold(ctx.db, input.id, input.name, ctx.now().toISOString(), actor(ctx));
    return requireHousehold(ctx, input.id);
  },
} satisfies DomainHandlers<Context, 'households'>;
