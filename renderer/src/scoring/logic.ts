import { differenceInCalendarDays, parseISO } from 'date-fns';
import type { Scoring, ScoringForm } from '../../../common/contract';

type Score = Scoring['scores'][number];

/** How far apart a self-score and a caseworker's score may lie and still be compared. */
const COMPARE_WITHIN_DAYS = 7;

/** "3 Zelfstandig": the value first, so the number keys match what is shown. */
export function levelText(value: number, label: string | null | undefined): string {
  return label ? `${value} ${label}` : String(value);
}

/**
 * The latest value per indicator key from the client's other scorings up to the
 * date of `scoring`: when editing, the scoring itself is not its own "previous".
 */
export function previousBefore(scorings: readonly Scoring[], scoring: Scoring): ScoringForm['previous'] {
  const previous: ScoringForm['previous'] = {};
  // Scorings come newest first, so the first value met per key is the latest.
  for (const other of scorings) {
    if (other.id === scoring.id || other.date > scoring.date) continue;
    for (const score of other.scores) {
      if (score.value !== null && !(score.indicatorKey in previous))
        previous[score.indicatorKey] = { value: score.value, date: other.date };
    }
  }
  return previous;
}

export interface Comparison {
  self: Scoring;
  other: Scoring;
}

/**
 * The newest self-score with a caseworker's (or joint) score on the same sheet
 * within a week of it; of several, the closest in time, and on a tie the one on
 * the same version (same level texts).
 */
export function findComparison(scorings: readonly Scoring[]): Comparison | null {
  for (const self of scorings) {
    if (self.scoredBy !== 'client') continue;
    const distance = (other: Scoring) => Math.abs(differenceInCalendarDays(parseISO(other.date), parseISO(self.date)));
    const otherVersion = (other: Scoring) => (other.versionId === self.versionId ? 0 : 1);
    const partners = scorings.filter(
      (other) =>
        other.scoredBy !== 'client' && other.sheetId === self.sheetId && distance(other) <= COMPARE_WITHIN_DAYS,
    );
    const other = partners.sort((a, b) => distance(a) - distance(b) || otherVersion(a) - otherVersion(b))[0];
    if (other) return { self, other };
  }
  return null;
}

export interface ComparisonRow {
  key: string;
  name: string;
  self: Score | undefined;
  other: Score | undefined;
  /** Self-score minus the other score; null unless both scored a value. */
  diff: number | null;
}

/** One row per indicator key in either scoring (versions may differ; keys carry over). */
export function comparisonRows({ self, other }: Comparison): ComparisonRow[] {
  const keys = [...new Set([...other.scores, ...self.scores].map((s) => s.indicatorKey))];
  return keys.map((key) => {
    const mine = self.scores.find((s) => s.indicatorKey === key);
    const theirs = other.scores.find((s) => s.indicatorKey === key);
    const diff = mine?.value != null && theirs?.value != null ? mine.value - theirs.value : null;
    return { key, name: theirs?.indicatorName ?? mine?.indicatorName ?? key, self: mine, other: theirs, diff };
  });
}
