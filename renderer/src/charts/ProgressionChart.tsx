import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useCallback, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Progression } from '../../../common/contract';
import { CheckboxField } from '../ui/fields';
import { Loading } from '../ui/Loading';
import { remote } from '../query';
import { DataTable, Spanning } from '../ui/DataTable';
import type { ChartImage, SizedOption } from './EChart';
import { LazyEChart } from './LazyEChart';
import { ChartExport } from './ChartExport';
import { describeChart, useChartLabels, withoutNoteText } from './labels';
import {
  type ChartLabels,
  chartHeight,
  LIGHT,
  levelName,
  progressionOption,
  radarOption,
  type TableRow,
  tableRows,
} from './options';
import './charts.css';

/** Three times the size on screen: sharp on a slide or in print. */
const PNG_SCALE = 3;
/** The radar is round: as high as the client page's chart is usually wide enough for. */
const RADAR_HEIGHT = 440;

/**
 * The client page's progression chart: a small chart per indicator over time or a
 * radar, a choice of indicators, the same data as a table, and the exports of what is shown.
 */
export function ProgressionChart({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const titleId = useId();
  const query = useQuery(remote('charts.progression', { clientId }));
  const data = query.data;
  return (
    <section className="panel progression-chart" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('charts.title')}</h2>
      {!data ? (
        <Loading of={query} />
      ) : data.series.length === 0 ? (
        <p className="muted">{t('charts.noData')}</p>
      ) : (
        <Chart clientId={clientId} progression={data} />
      )}
    </section>
  );
}

function Chart({ clientId, progression }: { clientId: string; progression: Progression }) {
  const { t } = useTranslation();
  const tableId = useId();
  const imageRef = useRef<ChartImage | null>(null);
  // Unticked keys: every indicator shows by default, also ones that come with a new sheet version.
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [radar, setRadar] = useState(false);
  const [table, setTable] = useState(false);
  const selected = useMemo(
    () => progression.indicators.filter((i) => !hidden.has(i.key)).map((i) => i.key),
    [progression, hidden],
  );
  const labels = useChartLabels();
  const option = useMemo(() => sized(progression, selected, labels, radar), [progression, selected, labels, radar]);
  const height = useCallback(
    (width: number) => (radar ? RADAR_HEIGHT : chartHeight(progression, selected, labels, LIGHT, width)),
    [radar, progression, selected, labels],
  );
  const shown = progression.indicators.filter((i) => selected.includes(i.key));
  const label = describeChart(t, progression, selected, radar, labels);
  const toggle = (key: string, on: boolean) =>
    setHidden((before) => {
      const next = new Set(before);
      if (on) next.delete(key);
      else next.add(key);
      return next;
    });

  return (
    <>
      <div className="chart-controls">
        <fieldset>
          <legend>{t('charts.indicators')}</legend>
          {progression.indicators.map((i) => (
            <CheckboxField
              key={i.key}
              label={i.name}
              name={`indicator-${i.key}`}
              checked={!hidden.has(i.key)}
              onChange={(on) => toggle(i.key, on)}
            />
          ))}
        </fieldset>
        <div className="chart-toggles">
          <button type="button" className="secondary" aria-pressed={radar} onClick={() => setRadar((r) => !r)}>
            {t('charts.radar')}
          </button>
          <button
            type="button"
            className="secondary"
            aria-expanded={table}
            aria-controls={tableId}
            onClick={() => setTable((s) => !s)}
          >
            {t(table ? 'charts.hideTable' : 'charts.showTable')}
          </button>
        </div>
      </div>
      <LazyEChart option={option} height={height} label={label} imageRef={imageRef} />
      {/* Scored once: a baseline, not a chart that failed to show a change. */}
      {progression.radar.first && !progression.radar.latest && (
        <p className="hint">{t('charts.baselineNote', { date: labels.date(progression.radar.first.date) })}</p>
      )}
      <div id={tableId} className={table ? 'chart-table' : 'visually-hidden'}>
        {radar ? (
          <RadarTable progression={progression} shown={shown} labels={labels} />
        ) : (
          <LineTable progression={progression} shown={shown} labels={labels} />
        )}
      </div>
      <ChartExport
        clientId={clientId}
        // The same view for a saved image; pseudonymised, without the milestones' note text.
        image={(pseudonymised) =>
          imageRef.current?.(
            sized(pseudonymised ? withoutNoteText(progression, t) : progression, selected, labels, radar),
            PNG_SCALE,
            '#ffffff',
          ) ?? null
        }
      />
    </>
  );
}

/** The chart at whatever size it is drawn. */
function sized(
  progression: Progression,
  selected: readonly string[],
  labels: ChartLabels,
  radar: boolean,
): SizedOption {
  return radar
    ? (box) => radarOption(progression, selected, labels, LIGHT, box)
    : (box) => progressionOption(progression, selected, labels, LIGHT, box);
}

type Shown = Progression['indicators'];
type LineRow = { kind: 'scoring'; row: TableRow } | { kind: 'milestones' };

function LineTable({ progression, shown, labels }: { progression: Progression; shown: Shown; labels: ChartLabels }) {
  const { t } = useTranslation();
  const rows: LineRow[] = [
    ...tableRows(
      progression,
      shown.map((i) => i.key),
    ).map((row) => ({ kind: 'scoring' as const, row })),
    ...(progression.milestones.length > 0 ? [{ kind: 'milestones' as const }] : []),
  ];
  const milestones = progression.milestones.map((m) => `${labels.date(m.date)}: ${m.title}`).join('; ');
  return (
    <DataTable<LineRow>
      caption={t('charts.tableCaption')}
      rows={rows}
      rowKey={(r) => (r.kind === 'scoring' ? `${r.row.date}|${r.row.by}` : 'milestones')}
      columns={[
        {
          key: 'date',
          header: t('charts.date'),
          cell: (r) =>
            r.kind === 'scoring' ? <time dateTime={r.row.date}>{labels.date(r.row.date)}</time> : labels.milestones,
        },
        {
          key: 'by',
          header: t('charts.scoredBy'),
          cell: (r) => (r.kind === 'scoring' ? labels[r.row.by] : new Spanning(shown.length + 1, milestones)),
        },
        ...shown.map((i) => ({
          key: i.key,
          header: i.name,
          cell: (r: LineRow) => (r.kind === 'scoring' ? level(t, i, r.row.values[i.key]) : null),
        })),
      ]}
    />
  );
}

function level(t: TFunction, indicator: Shown[number], value: number | null | undefined): string {
  return value === null || value === undefined ? t('charts.notScored') : levelName(indicator, value);
}

function RadarTable({ progression, shown, labels }: { progression: Progression; shown: Shown; labels: ChartLabels }) {
  const { t } = useTranslation();
  const moments = (['first', 'previous', 'latest'] as const).flatMap((which) => {
    const snapshot = progression.radar[which];
    return snapshot ? [{ name: labels.snapshot(which, labels.date(snapshot.date)), values: snapshot.values }] : [];
  });
  const goals = Object.fromEntries(progression.goals.map((g) => [g.key, g.target]));
  type Moment = { name: string; values: Record<string, number | null> };
  return (
    <DataTable<Moment>
      caption={t('charts.radarCaption')}
      rows={[...moments, { name: labels.goals, values: goals }]}
      rowKey={(moment) => moment.name}
      columns={[
        { key: 'moment', header: t('charts.moment'), cell: (moment) => moment.name },
        ...shown.map((i) => ({
          key: i.key,
          header: i.name,
          cell: (moment: Moment) => level(t, i, moment.values[i.key]),
        })),
      ]}
    />
  );
}
