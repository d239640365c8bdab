import type { Settings } from '../settings';
import { verifyPin } from './pin';

/** Wrong PINs in a row that cost nothing: a typo or two. */
const FREE_FAILURES = 2;
const FIRST_WAIT_SECONDS = 5;
const MAX_WAIT_SECONDS = 30 * 60;

/**
 * How long every PIN is refused after `failures` wrong ones in a row: nothing for
 * the first two, then 5 s, doubling with each failure (over 10 minutes after ten),
 * at most half an hour. A 4-digit PIN then takes months to guess.
 */
export function pinWaitSeconds(failures: number): number {
  if (failures <= FREE_FAILURES) return 0;
  return Math.min(FIRST_WAIT_SECONDS * 2 ** (failures - FREE_FAILURES - 1), MAX_WAIT_SECONDS);
}

/** Seconds until the next PIN may be tried; null: now. */
export function secondsToWait(settings: Settings, now: Date): number | null {
  const { count, lastAt } = settings.get('pinFailures');
  const wait = pinWaitSeconds(count) * 1000;
  if (wait === 0 || lastAt === null) return null;
  // Never longer than the back-off itself: a clock set back (or a wrong time put
  // right) must not keep the caseworker out for days.
  const remaining = Math.min(Date.parse(lastAt) + wait - now.getTime(), wait);
  return remaining > 0 ? Math.ceil(remaining / 1000) : null;
}

export type PinCheck = 'right' | 'wrong' | 'wait';

/**
 * Checks a PIN against the stored hash, one check at a time: `queue` holds the check
 * in progress and the next one waits for it, so parallel guesses are taken in turn.
 * During a back-off the PIN is not even checked. The failure count lives in the
 * settings file, beside the PIN hash it protects, so a restart does not reset it.
 * Keeping it also in the database would not make it stronger: whoever can delete the
 * settings file deletes the PIN hash with it (Koers then has no lock at all), and can
 * read the database file directly anyway. The lock guards the screen, not the disk.
 */
export function checkPin(
  queue: { checking: Promise<unknown> },
  settings: Settings,
  now: () => Date,
  pin: string,
  stored: string,
): Promise<PinCheck> {
  const check = queue.checking.then(async (): Promise<PinCheck> => {
    if (secondsToWait(settings, now()) !== null) return 'wait';
    if (await verifyPin(pin, stored)) {
      settings.set('pinFailures', { count: 0, lastAt: null });
      return 'right';
    }
    settings.set('pinFailures', { count: settings.get('pinFailures').count + 1, lastAt: now().toISOString() });
    return 'wrong';
  });
  queue.checking = check.catch(() => undefined);
  return check;
}
