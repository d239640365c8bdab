import { differenceInCalendarDays, parseISO } from 'date-fns';
import type { Scoring, ScoringForm } from '../../../common/contract';
import type { ScoredBy } from '../../../common/enums';
import { foldName } from '../../../common/fold';

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

/** Who scored, as a column of the comparison: two providers are two raters, however their name is typed. */
export function raterKey(scoring: Pick<Scoring, 'scoredBy' | 'organisation'>): string {
  return scoring.scoredBy === 'provider' ? `provider|${foldName(scoring.organisation ?? '')}` : scoring.scoredBy;
}

/** Columns left to right: the client's own voice first, then the caseworker, together, providers. */
const RATER_ORDER: Record<ScoredBy, number> = { client: 0, caseworker: 1, together: 2, provider: 3 };

/** Scorings of one period by different raters, in column order: kept side by side, never averaged. */
export interface Comparison {
  scorings: Scoring[];
}

/**
 * The newest scoring with those of other raters on the same sheet within a week of it; of one
 * rater's several, the closest in time, and on a tie the one on the same version (same level texts).
 * Null when no period has two raters.
 */
export function findComparison(scorings: readonly Scoring[]): Comparison | null {
  for (const anchor of scorings) {
    const distance = (other: Scoring) =>
      Math.abs(differenceInCalendarDays(parseISO(other.date), parseISO(anchor.date)));
    const otherVersion = (other: Scoring) => (other.versionId === anchor.versionId ? 0 : 1);
    const byRater = new Map([[raterKey(anchor), anchor]]);
    const near = scorings
      .filter((other) => other.sheetId === anchor.sheetId && distance(other) <= COMPARE_WITHIN_DAYS)
      .sort((a, b) => distance(a) - distance(b) || otherVersion(a) - otherVersion(b));
    for (const other of near) if (!byRater.has(raterKey(other))) byRater.set(raterKey(other), other);
    if (byRater.size > 1)
      return {
        scorings: [...byRater.values()].sort(
          (a, b) =>
            RATER_ORDER[a.scoredBy] - RATER_ORDER[b.scoredBy] ||
            (a.organisation ?? '').localeCompare(b.organisation ?? ''),
        ),
      };
  }
  return null;
}

export interface ComparisonRow {
  key: string;
  name: string;
  /** One per scoring of the comparison, in its order. */
  scores: Array<Score | undefined>;
  /** How the values differ: none when fewer than two raters scored a value. */
  difference:
    { kind: 'none' } | { kind: 'same' } | { kind: 'delta'; diff: number } | { kind: 'range'; min: number; max: number };
}

/**
 * One row per indicator key in any of the scorings (versions may differ; keys carry over). Two
 * raters differ by the first minus the second; more by their range (also where one left it unscored).
 */
export function comparisonRows({ scorings }: Comparison): ComparisonRow[] {
  // Indicator order and names as a caseworker's or provider's scoring has them, then the client's.
  const ordered = [
    ...scorings.filter((s) => s.scoredBy !== 'client'),
    ...scorings.filter((s) => s.scoredBy === 'client'),
  ];
  const keys = [...new Set(ordered.flatMap((s) => s.scores.map((score) => score.indicatorKey)))];
  return keys.map((key) => {
    const scores = scorings.map((s) => s.scores.find((score) => score.indicatorKey === key));
    const name = ordered.flatMap((s) => s.scores).find((score) => score.indicatorKey === key)?.indicatorName ?? key;
    const values = scores.flatMap((score) => (score?.value != null ? [score.value] : []));
    const [first, second] = values;
    const min = Math.min(...values);
    const max = Math.max(...values);
    const difference: ComparisonRow['difference'] =
      first === undefined || second === undefined
        ? { kind: 'none' }
        : min === max
          ? { kind: 'same' }
          : scorings.length === 2
            ? { kind: 'delta', diff: first - second }
            : { kind: 'range', min, max };
    return { key, name, scores, difference };
  });
}
