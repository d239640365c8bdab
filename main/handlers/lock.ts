import type { DomainHandlers, Output } from '../../common/contract';
import type { Context } from '../context';
import { conflict, invalidInput } from '../rpc/app-error';
import { hashPin } from '../safety/pin';
import { checkPin, secondsToWait } from '../safety/pin-attempts';

function status(ctx: Context): Output<'lock.status'> {
  return {
    locked: ctx.lock.locked,
    hasPin: ctx.settings.get('pinHash') !== null,
    minutes: ctx.settings.get('lockMinutes'),
    waitSeconds: secondsToWait(ctx.settings, ctx.now()),
  };
}

function setLocked(ctx: Context, locked: boolean): void {
  if (ctx.lock.locked === locked) return;
  ctx.lock.locked = locked;
  ctx.emit('lock.changed', { locked });
}

/** Whether `pin` is the stored one; refused without a check during the back-off after wrong PINs. */
export async function rightPin(ctx: Context, pin: string, stored: string, field: 'pin' | 'currentPin'): Promise<void> {
  const check = await checkPin(ctx.lock, ctx.settings, ctx.now, pin, stored);
  if (check === 'wait') throw conflict('Too many wrong PINs', { reason: 'pin_wait' });
  if (check === 'wrong') throw invalidInput({ field, rule: 'invalid' });
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
    if (current !== null) {
      if (!input.currentPin) throw invalidInput({ field: 'currentPin', rule: 'invalid' });
      await rightPin(ctx, input.currentPin, current, 'currentPin');
    }
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
    await rightPin(ctx, input.pin, stored, 'pin');
    setLocked(ctx, false);
    return status(ctx);
  },
} satisfies DomainHandlers<Context, 'lock'>;
