import { endOfWeek, format, parseISO } from 'date-fns';
import {
  agenda,
  getAction,
  getRemovedAction,
  insertAction,
  listActions,
  removeAction,
  restoreAction,
  updateAction,
} from '../../db/queries/actions';
import type { DomainHandlers } from '../../common/contract';
import { actor, type Context, today } from '../context';
import { getNote } from '../../db/queries/notes';
import { getClient } from '../../db/queries/clients';
import { found } from '../rpc/app-error';

export const actionHandlers = {
  async 'actions.list'(ctx, input) {
    found(await getClient(ctx.db, input.clientId), 'Client');
    return listActions(ctx.db, input.clientId);
  },

  async 'actions.agenda'(ctx, input) {
    // Weeks start on Monday in the Netherlands and Denmark.
    const until = format(endOfWeek(parseISO(today(ctx)), { weekStartsOn: 1 }), 'yyyy-MM-dd');
    return agenda(ctx.db, { until, ...(input.caseworkerId ? { caseworkerId: input.caseworkerId } : {}) });
  },

  async 'actions.create'(ctx, input) {
    found(await getClient(ctx.db, input.clientId), 'Client');
    if (input.noteId) found(await getNote(ctx.db, input.noteId), 'Note');
    const id = await insertAction(ctx.db, input, ctx.now().toISOString(), actor(ctx));
    return found(await getAction(ctx.db, id), 'To-do');
  },

  async 'actions.setDone'(ctx, input) {
    const action = found(await getAction(ctx.db, input.id), 'To-do');
    if (action.done !== input.done) {
      const at = ctx.now().toISOString();
      await updateAction(ctx.db, input.id, { done_at: input.done ? at : null }, at, actor(ctx));
    }
    return found(await getAction(ctx.db, input.id), 'To-do');
  },

  async 'actions.postpone'(ctx, input) {
    found(await getAction(ctx.db, input.id), 'To-do');
    await updateAction(ctx.db, input.id, { due_date: input.dueDate }, ctx.now().toISOString(), actor(ctx));
    return found(await getAction(ctx.db, input.id), 'To-do');
  },

  async 'actions.update'(ctx, input) {
    found(await getAction(ctx.db, input.id), 'To-do');
    const { title, kind, dueDate, dueTime } = input;
    const changes = { title, kind, due_date: dueDate, due_time: dueTime };
    await updateAction(ctx.db, input.id, changes, ctx.now().toISOString(), actor(ctx));
    return found(await getAction(ctx.db, input.id), 'To-do');
  },

  async 'actions.remove'(ctx, input) {
    found(await getAction(ctx.db, input.id), 'To-do');
    await removeAction(ctx.db, input.id, ctx.now().toISOString(), actor(ctx));
    return { ok: true as const };
  },

  async 'actions.restore'(ctx, input) {
    // Restoring twice (a double click on Undo) finds it already back: the same answer.
    if (!(await getAction(ctx.db, input.id))) {
      found(await getRemovedAction(ctx.db, input.id), 'To-do');
      await restoreAction(ctx.db, input.id, ctx.now().toISOString(), actor(ctx));
    }
    return found(await getAction(ctx.db, input.id), 'To-do');
  },
} satisfies DomainHandlers<Context, 'actions'>;
