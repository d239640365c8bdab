import type { DomainHandlers } from '../../common/contract';
import { step } from '../../common/contract/presentation';
import type { Context } from '../context';
import { getClient } from '../../db/queries/clients';
import { AppError, found, invalidInput } from '../rpc/app-error';

function running(ctx: Context) {
  const state = ctx.meeting.state;
  if (!state) throw new AppError('not_found', 'No presentation is running');
  return state;
}

function publish(ctx: Context): void {
  ctx.emit('presentation.changed', { state: ctx.meeting.state });
}

/**
 * The meeting presentation on a second display: main holds where it is, so the
 * laptop's list and the room's screen (two windows) step together.
 */
export const presentationHandlers = {
  async 'presentation.displays'(ctx) {
    return ctx.desktop.displays();
  },

  async 'presentation.start'(ctx, input) {
    if (!ctx.desktop.displays().some((d) => d.id === input.displayId))
      throw invalidInput({ field: 'displayId', rule: 'unavailable' });
    for (const id of input.clientIds) found(await getClient(ctx.db, id), 'Client');
    // One presentation at a time: a new start replaces the running one, on its display.
    if (ctx.meeting.state) ctx.desktop.closePresentation();
    const state = {
      clientIds: [...new Set(input.clientIds)],
      showNames: input.showNames,
      index: 0,
      displayId: input.displayId,
    };
    ctx.meeting.state = state;
    await ctx.desktop.openPresentation(input.displayId, () => {
      // Closed from the room's side (Esc, the OS): the laptop's list hears it too.
      if (ctx.meeting.state !== state) return;
      ctx.meeting.state = null;
      publish(ctx);
    });
    publish(ctx);
    return state;
  },

  async 'presentation.current'(ctx) {
    return ctx.meeting.state;
  },

  async 'presentation.step'(ctx, input) {
    const state = running(ctx);
    ctx.meeting.state = { ...state, index: step(state.index, state.clientIds.length, input.move) };
    publish(ctx);
    return ctx.meeting.state;
  },

  async 'presentation.stop'(ctx) {
    if (ctx.meeting.state) {
      ctx.meeting.state = null;
      ctx.desktop.closePresentation();
      publish(ctx);
    }
    return { ok: true as const };
  },
} satisfies DomainHandlers<Context, 'presentation'>;
