import {
  listCaseload,
  closeClient,
  getClient,
  insertClient,
  recordStageChange,
  reopenClient,
  updateClientFacts,
} from '../../db/queries/clients';
import { handOver } from '../../db/queries/handovers';
import { clientTimeline } from '../../db/queries/timeline';
import type { DomainHandlers } from '../../common/contract';
import { actor, type Context, today } from '../context';
import { conflict, found } from '../rpc/app-error';
import {
  checkActiveCaseworker,
  checkCatalogChoice,
  checkHousehold,
  checkMayActOn,
  checkNotFuture,
  checkReferenceFree,
} from './checks';

export const clientHandlers = {
  async 'clients.list'(ctx, input) {
    return listCaseload(ctx.db, { ...input, today: today(ctx) });
  },

  async 'clients.get'(ctx, input) {
    return found(await getClient(ctx.db, input.id), 'Client');
  },

  async 'clients.create'(ctx, input) {
    const by = actor(ctx);
    const caseworkerId = input.caseworkerId ?? by;
    const id = await ctx.db.transaction().execute(async (trx) => {
      checkNotFuture(input.dateOfBirth, today(ctx), 'dateOfBirth');
      await checkCatalogChoice(trx, input.targetGroupId, 'target_group', 'targetGroupId');
      await checkCatalogChoice(trx, input.stageId, 'stage', 'stageId');
      await checkActiveCaseworker(trx, caseworkerId, 'caseworkerId');
      await checkHousehold(trx, input.householdId, 'householdId');
      await checkReferenceFree(trx, input.reference);
      return insertClient(
        trx,
        { ...input, caseworkerId, startDate: input.startDate ?? today(ctx) },
        ctx.now().toISOString(),
        by,
      );
    });
    return found(await getClient(ctx.db, id), 'Client');
  },

  async 'clients.update'(ctx, input) {
    const { id, ...facts } = input;
    await ctx.db.transaction().execute(async (trx) => {
      const client = found(await getClient(trx, id), 'Client');
      checkNotFuture(facts.dateOfBirth, today(ctx), 'dateOfBirth');
      // A retired target group may stay on a client who already has it.
      if (facts.targetGroupId !== client.targetGroupId)
        await checkCatalogChoice(trx, facts.targetGroupId, 'target_group', 'targetGroupId');
      await checkHousehold(trx, facts.householdId, 'householdId');
      await checkReferenceFree(trx, facts.reference, id);
      await updateClientFacts(
        trx,
        id,
        { ...facts, startDate: facts.startDate ?? client.startDate },
        ctx.now().toISOString(),
        actor(ctx),
      );
    });
    return found(await getClient(ctx.db, id), 'Client');
  },

  async 'clients.changeStage'(ctx, input) {
    await ctx.db.transaction().execute(async (trx) => {
      const client = found(await getClient(trx, input.id), 'Client');
      if (client.stageId === input.stageId) return;
      await checkCatalogChoice(trx, input.stageId, 'stage', 'stageId');
      await recordStageChange(
        trx,
        { clientId: input.id, fromStageId: client.stageId, toStageId: input.stageId, date: input.date },
        ctx.now().toISOString(),
        actor(ctx),
      );
    });
    return found(await getClient(ctx.db, input.id), 'Client');
  },

  async 'clients.changeStages'(ctx, input) {
    const by = actor(ctx);
    const changed = await ctx.db.transaction().execute(async (trx) => {
      await checkCatalogChoice(trx, input.stageId, 'stage', 'stageId');
      await checkMayActOn(trx, by, input.ids);
      let count = 0;
      for (const id of new Set(input.ids)) {
        const client = found(await getClient(trx, id), 'Client');
        if (client.stageId === input.stageId) continue;
        await recordStageChange(
          trx,
          { clientId: id, fromStageId: client.stageId, toStageId: input.stageId, date: input.date },
          ctx.now().toISOString(),
          by,
        );
        count += 1;
      }
      return count;
    });
    return { changed };
  },

  async 'clients.handover'(ctx, input) {
    const moved = await ctx.db.transaction().execute(async (trx) => {
      await checkActiveCaseworker(trx, input.toCaseworkerId, 'toCaseworkerId');
      await checkMayActOn(trx, actor(ctx), input.ids);
      return handOver(
        trx,
        { clientIds: input.ids, toCaseworkerId: input.toCaseworkerId, date: input.date, note: input.note },
        ctx.now().toISOString(),
        actor(ctx),
      );
    });
    return { moved };
  },

  async 'clients.close'(ctx, input) {
    await ctx.db.transaction().execute(async (trx) => {
      const client = found(await getClient(trx, input.id), 'Client');
      if (client.status === 'closed') throw conflict('The case is already closed', { reason: 'already_closed' });
      await checkCatalogChoice(trx, input.reasonId, 'closure_reason', 'reasonId');
      await closeClient(
        trx,
        { clientId: input.id, date: input.date, reasonId: input.reasonId, outcomeNote: input.outcomeNote },
        ctx.now().toISOString(),
        actor(ctx),
      );
    });
    return found(await getClient(ctx.db, input.id), 'Client');
  },

  async 'clients.reopen'(ctx, input) {
    await ctx.db.transaction().execute(async (trx) => {
      const client = found(await getClient(trx, input.id), 'Client');
      if (client.status !== 'closed') throw conflict('The case is not closed', { reason: 'not_closed' });
      await reopenClient(trx, input.id, input.date, ctx.now().toISOString(), actor(ctx));
    });
    return found(await getClient(ctx.db, input.id), 'Client');
  },

  async 'clients.timeline'(ctx, input) {
    found(await getClient(ctx.db, input.id), 'Client');
    return clientTimeline(ctx.db, input.id);
  },
} satisfies DomainHandlers<Context, 'clients'>;
