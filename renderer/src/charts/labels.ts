import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Progression } from '../../../common/contract';
import { formatAxisDate, formatDate } from '../format';
import { useSession } from '../session';
import { type ChartLabels, tableRows } from './options';

/** The chart builders' texts in the user's language. */
export function useChartLabels(): ChartLabels {
  const { t } = useTranslation();
  const { language } = useSession();
  return useMemo<ChartLabels>(
    () => ({
      caseworker: t('charts.caseworker'),
      client: t('charts.client'),
      provider: t('charts.provider'),
      milestones: t('charts.milestones'),
      goals: t('charts.goals'),
      date: (value) => formatDate(value, language),
      axisDate: (value) => formatAxisDate(value, language),
      goal: (level, date) => (date ? t('charts.goalBy', { level, date }) : t('charts.goal', { level })),
      snapshot: (which, date) => t(`charts.${which}`, { date }),
    }),
    [t, language],
  );
}

/** Milestone titles are note text: left out wherever the client is not named. */
export function withoutNoteText(progression: Progression, t: TFunction): Progression {
  return { ...progression, milestones: progression.milestones.map((m) => ({ ...m, title: t('charts.milestone') })) };
}

/** The chart's text alternative: what it shows, for screen readers (the table gives the values). */
export function describeChart(
  t: TFunction,
  progression: Progression,
  selected: readonly string[],
  radar: boolean,
  labels: ChartLabels,
): string {
  const names = progression.indicators
    .filter((i) => selected.includes(i.key))
    .map((i) => i.name)
    .join(', ');
  if (radar) return t('charts.radarLabel', { indicators: names });
  if (names === '') return t('charts.lineLabelEmpty');
  const rows = tableRows(progression, selected);
  const first = rows[0];
  const last = rows.at(-1);
  return t('charts.lineLabel', {
    indicators: names,
    count: rows.length,
    from: first ? labels.date(first.date) : '',
    to: last ? labels.date(last.date) : '',
  });
}
