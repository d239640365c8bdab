import type { DomainHandlers } from '../../common/contract';
import { addToMeetingList, meetingListIds, removeFromMeetingList } from '../../db/queries/meeting';
import { actor, type Context } from '../context';
import { checkMayActOn } from './checks';

/** The meeting list: the clients put forward for the next team meeting. */
export const meetingHandlers = {
  async 'meeting.list'(ctx, input) {
    return meetingListIds(ctx.db, input.caseworkerId);
  },

  async 'meeting.add'(ctx, input) {
    const by = actor(ctx);
    const added = await ctx.db.transaction().execute(async (trx) => {
      await checkMayActOn(trx, by, input.ids);
      return addToMeetingList(trx, input.ids, ctx.now().toISOString(), by);
    });
    return { added };
  },

  async 'meeting.remove'(ctx, input) {
    const by = actor(ctx);
    const removed = await ctx.db.transaction().execute(async (trx) => {
      await checkMayActOn(trx, by, input.ids);
      return removeFromMeetingList(trx, input.ids, ctx.now().toISOString(), by);
    });
    return { removed };
  },
} satisfies DomainHandlers<Context, 'meeting'>;
