import { endOfWeek, format, parseISO } from 'date-fns';
import { agenda, getAction, insertAction, listActions, updateAction } from '../../db/queries/actions';
import type { DomainHandlers } from '../../common/contract';
import { actor, type Context, today } from '../context';
import { getNote } from '../../db/queries/notes';
import { notFound } from '../rpc/app-error';
import { requireClient } from './checks';

async function requireAction(ctx: Context, id: string) {
  const action = await getAction(ctx.db, id);
  if (!action) throw notFound('To-do');
  return action;
}

export const actionHandlers = {
  async 'actions.list'(ctx, input) {
    await requireClient(ctx.db, input.clientId);
    return listActions(ctx.db, input.clientId);
  },

  async 'actions.agenda'(ctx, input) {
    // Weeks start on Monday in the Netherlands and Denmark.
    const until = format(endOfWeek(parseISO(today(ctx)), { weekStartsOn: 1 }), 'yyyy-MM-dd');
    return agenda(ctx.db, { until, ...(input.caseworkerId ? { caseworkerId: input.caseworkerId } : {}) });
  },

  async 'actions.create'(ctx, input) {
    await requireClient(ctx.db, input.clientId);
    if (input.noteId && !(await getNote(ctx.db, input.noteId))) throw notFound('Note');
    const id = await insertAction(ctx.db, input, ctx.now().toISOString(), actor(ctx));
    return requireAction(ctx, id);
  },

  async 'actions.setDone'(ctx, input) {
    const action = await requireAction(ctx, input.id);
    if (action.done !== input.done) {
      const at = ctx.now().toISOString();
      await updateAction(ctx.db, input.id, { done_at: input.done ? at : null }, at, actor(ctx));
    }
    return requireAction(ctx, input.id);
  },

  async 'actions.postpone'(ctx, input) {
    await requireAction(ctx, input.id);
    await updateAction(ctx.db, input.id, { due_date: input.dueDate }, ctx.now().toISOString(), actor(ctx));
    return requireAction(ctx, input.id);
  },
} satisfies DomainHandlers<Context, 'actions'>;
