import { plusDays } from './dates';

/**
 * Weeks between scorings for a target group without a rhythm of its own ("every
 * 2–12 weeks" in practice). Main, db and the renderer share it.
 */
export const DEFAULT_RESCORE_WEEKS = 12;

/** The next scoring is due one rhythm after the last; a client never scored is due from the start of the case. */
export function scoringDueOn(
  lastScoredOn: string | null,
  startDate: string | null,
  rescoreWeeks: number | null,
): string | null {
  if (lastScoredOn === null) return startDate;
  return plusDays(lastScoredOn, (rescoreWeeks ?? DEFAULT_RESCORE_WEEKS) * 7);
}
