import type { DomainHandlers, Output } from '../contract';
import type { Context } from '../context';
import { conflict, invalidInput } from '../rpc/app-error';
import { hashPin, verifyPin } from '../safety/pin';

function status(ctx: Context): Output<'lock.status'> {
  return { locked: ctx.lock.locked, hasPin: ctx.settings.get('pinHash') !== null, minutes: ctx.settings.get('lockMinutes') };
}

function setLocked(ctx: Context, locked: boolean): void {
  if (ctx.lock.locked === locked) return;
  ctx.lock.locked = locked;
  ctx.emit('lock.changed', { locked });
}

/** Locks Koers (idle, the OS locking the screen, suspend): called by the lock.lock handler and by main at the edge. */
export function lockNow(ctx: Context): void {
  if (ctx.settings.get('pinHash') !== null) setLocked(ctx, true);
}

export const lockHandlers = {
  async 'lock.status'(ctx) {
    return status(ctx);
  },

  async 'lock.setPin'(ctx, input) {
    const current = ctx.settings.get('pinHash');
    if (current !== null && !(input.currentPin && (await verifyPin(input.currentPin, current)))) throw invalidInput({ field: 'currentPin', rule: 'invalid' });
    ctx.settings.set('pinHash', await hashPin(input.pin));
    return status(ctx);
  },

  async 'lock.setMinutes'(ctx, input) {
    ctx.settings.set('lockMinutes', input.minutes);
    return status(ctx);
  },

  async 'lock.lock'(ctx) {
    if (ctx.settings.get('pinHash') === null) throw conflict('No PIN set', { reason: 'no_pin' });
    lockNow(ctx);
    return status(ctx);
  },

  async 'lock.unlock'(ctx, input) {
    const stored = ctx.settings.get('pinHash');
    if (!ctx.lock.locked || stored === null) return status(ctx);
    if (!(await verifyPin(input.pin, stored))) {
      // Each wrong PIN in a row waits a little longer: guessing stays slow.
      ctx.lock.failures += 1;
      await new Promise((resolve) => setTimeout(resolve, Math.min(ctx.lock.failures, 10) * 200));
      throw invalidInput({ field: 'pin', rule: 'invalid' });
    }
    ctx.lock.failures = 0;
    setLocked(ctx, false);
    return status(ctx);
  },
} satisfies DomainHandlers<Context, 'lock'>;
