import { getClient } from '../../db/queries/clients';
import {
  addHouseholdMembers,
  getHousehold,
  insertHousehold,
  listHouseholds,
  renameHousehold,
} from '../../db/queries/households';
import type { DomainHandlers } from '../../common/contract';
import { actor, type Context } from '../context';
import { found } from '../rpc/app-error';

export const householdHandlers = {
  async 'households.list'(ctx) {
    return listHouseholds(ctx.db);
  },

  async 'households.get'(ctx, input) {
    return found(await getHousehold(ctx.db, input.id), 'Household');
  },

  async 'households.create'(ctx, input) {
    const at = ctx.now().toISOString();
    const id = await ctx.db.transaction().execute(async (trx) => {
      const members = await Promise.all(
        input.memberIds.map(async (memberId) => found(await getClient(trx, memberId), 'Client')),
      );
      // One family, one worker: the household takes the first member's caseworker (or yours).
      const caseworkerId = members[0]?.caseworkerId ?? actor(ctx);
      const householdId = await insertHousehold(trx, { name: input.name, caseworkerId }, at, actor(ctx));
      await addHouseholdMembers(trx, householdId, input.memberIds, at, actor(ctx));
      return householdId;
    });
    // Members now point at the household.
    return found(await getHousehold(ctx.db, id), 'Household');
  },

  async 'households.rename'(ctx, input) {
    found(await getHousehold(ctx.db, input.id), 'Household');
    await renameHousehold(ctx.db, input.id, input.name, ctx.now().toISOString(), actor(ctx));
    return found(await getHousehold(ctx.db, input.id), 'Household');
  },
} satisfies DomainHandlers<Context, 'households'>;
