import type { Progression } from '../../common/contract';
import { chartRater, type ScoredBy } from '../../common/enums';

/** What the shaping needs, already loaded: scorings oldest first, the versions they used. */
export interface ProgressionInput {
  scorings: ReadonlyArray<{
    date: string;
    createdAt?: string;
    scoredBy: ScoredBy;
    organisation?: string | null;
    versionId: string;
    versionNumber: number;
    scores: ReadonlyArray<{ indicatorKey: string; value: number | null }>;
  }>;
  versions: ReadonlyArray<{
    id: string;
    number: number;
    sheetName: string;
    indicators: ReadonlyArray<{
      key: string;
      name: string;
      scaleMin: number;
      scaleMax: number;
      levels: ReadonlyArray<{ value: number; label: string }>;
    }>;
  }>;
  goals: ReadonlyArray<{ indicatorKey: string; target: number; targetDate: string | null }>;
  milestones: ReadonlyArray<{ date: string; body: string }>;
}

/** A milestone shows its first line, shortened: the chart needs a label, not the note. */
export function milestoneTitle(body: string): string {
  const first = body.split('\n').find((line) => line.trim()) ?? '';
  const clean = first.replace(/\*\*/g, '').trim();
  return clean.length > 60 ? `${clean.slice(0, 59)}…` : clean;
}

/**
 * Shapes a client's scorings into chart data: one line per indicator key across
 * sheet versions, caseworker, self-scores and providers' scores apart, goals, milestones, and the
 * first / previous / latest caseworker scoring for the radar.
 */
export function shapeProgression(input: ProgressionInput): Progression {
  const scorings = [...input.scorings].sort(
    (a, b) => a.date.localeCompare(b.date) || (a.createdAt ?? '').localeCompare(b.createdAt ?? ''),
  );

  // Name and levels from the newest version that carries the key.
  const versions = [...input.versions].sort((a, b) => a.number - b.number);
  const indicators = new Map<string, Progression['indicators'][number]>();
  const order: string[] = [];
  for (const version of versions) {
    for (const indicator of version.indicators) {
      if (!indicators.has(indicator.key)) order.push(indicator.key);
      indicators.set(indicator.key, {
        key: indicator.key,
        name: indicator.name,
        sheetName: version.sheetName,
        scaleMin: indicator.scaleMin,
        scaleMax: indicator.scaleMax,
        levels: indicator.levels.map((l) => ({ value: l.value, label: l.label })),
      });
    }
  }

  // "Not scored" stays in as a null point: the line breaks there instead of bridging the gap.
  const series = new Map<string, Progression['series'][number]>();
  for (const scoring of scorings) {
    const by = chartRater(scoring.scoredBy);
    for (const score of scoring.scores) {
      if (!indicators.has(score.indicatorKey)) continue;
      const id = `${score.indicatorKey}|${by}`;
      let line = series.get(id);
      if (!line) series.set(id, (line = { key: score.indicatorKey, by, points: [] }));
      line.points.push({
        date: scoring.date,
        value: score.value,
        versionNumber: scoring.versionNumber,
        scoredBy: scoring.scoredBy,
        organisation: scoring.organisation ?? null,
      });
    }
  }

  // The radar follows the caseworker's own line.
  const worker = scorings.filter((s) => chartRater(s.scoredBy) === 'caseworker');
  const snapshot = (scoring: (typeof worker)[number] | undefined) =>
    scoring
      ? {
          date: scoring.date,
          values: Object.fromEntries(
            order.map((key) => [key, scoring.scores.find((s) => s.indicatorKey === key)?.value ?? null]),
          ),
        }
      : null;

  return {
    indicators: order.map((key) => indicators.get(key)).filter((i) => i !== undefined),
    series: [...series.values()]
      .filter((line) => line.points.some((p) => p.value !== null))
      .sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key) || a.by.localeCompare(b.by)),
    goals: input.goals
      .filter((g) => indicators.has(g.indicatorKey))
      .map((g) => ({ key: g.indicatorKey, target: g.target, targetDate: g.targetDate })),
    milestones: input.milestones
      .map((m) => ({ date: m.date, title: milestoneTitle(m.body) }))
      .sort((a, b) => a.date.localeCompare(b.date)),
    radar: {
      first: snapshot(worker[0]),
      previous: worker.length > 2 ? snapshot(worker.at(-2)) : null,
      latest: worker.length > 1 ? snapshot(worker.at(-1)) : null,
    },
    ladder: order.length === 1,
  };
}
