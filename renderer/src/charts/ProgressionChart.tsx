import { lazy, Suspense, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Progression } from '../../../main/contract';
import { formatDate } from '../format';
import { useSession } from '../session';
import { CheckboxField } from '../ui/fields';
import { useRemote } from '../useRemote';
import { type ChartLabels, levelName, progressionOption, radarOption, tableRows } from './options';
import './charts.css';

// ECharts is half the renderer bundle: it loads with the first chart, not with the app.
const EChart = lazy(() => import('./EChart').then((m) => ({ default: m.EChart })));

/**
 * The client page's progression chart: lines over time or a radar, a choice of
 * indicators, and the same data as a table. `pseudonym`: milestone titles (free
 * text from notes) are left out.
 */
export function ProgressionChart({ clientId, pseudonym = false }: { clientId: string; pseudonym?: boolean }) {
  const { t } = useTranslation();
  const titleId = useId();
  const data = useRemote('charts.progression', { clientId }, ['scorings', 'notes', 'sheets']).data;
  if (!data) return null;
  const progression = pseudonym ? { ...data, milestones: data.milestones.map((m) => ({ ...m, title: t('charts.milestone') })) } : data;
  return (
    <section className="panel progression-chart" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('charts.title')}</h2>
      {progression.series.length === 0 ? <p className="muted">{t('charts.noData')}</p> : <Chart progression={progression} />}
    </section>
  );
}

function Chart({ progression }: { progression: Progression }) {
  const { t } = useTranslation();
  const { language } = useSession();
  const tableId = useId();
  // Unticked keys: every indicator shows by default, also ones that come with a new sheet version.
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [radar, setRadar] = useState(false);
  const [table, setTable] = useState(false);
  const selected = useMemo(() => progression.indicators.filter((i) => !hidden.has(i.key)).map((i) => i.key), [progression, hidden]);
  const labels = useMemo<ChartLabels>(
    () => ({
      caseworker: t('charts.caseworker'),
      client: t('charts.client'),
      milestones: t('charts.milestones'),
      goals: t('charts.goals'),
      date: (value) => formatDate(value, language),
      goal: (level, date) => (date ? t('charts.goalBy', { level, date }) : t('charts.goal', { level })),
      snapshot: (which, date) => t(`charts.${which}`, { date }),
    }),
    [t, language],
  );
  const option = useMemo(() => (radar ? radarOption : progressionOption)(progression, selected, labels), [radar, progression, selected, labels]);
  const shown = progression.indicators.filter((i) => selected.includes(i.key));
  const names = shown.map((i) => i.name).join(', ');
  const rows = tableRows(progression, selected);
  const label = radar
    ? t('charts.radarLabel', { indicators: names })
    : shown.length === 0
      ? t('charts.lineLabelEmpty')
      : t('charts.lineLabel', { indicators: names, count: rows.length, from: rows[0] ? labels.date(rows[0].date) : '', to: rows.at(-1) ? labels.date(rows.at(-1)?.date ?? '') : '' });
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
            <CheckboxField key={i.key} label={i.name} name={`indicator-${i.key}`} checked={!hidden.has(i.key)} onChange={(on) => toggle(i.key, on)} />
          ))}
        </fieldset>
        <div className="chart-toggles">
          <button type="button" className="secondary" aria-pressed={radar} onClick={() => setRadar((r) => !r)}>
            {t('charts.radar')}
          </button>
          <button type="button" className="secondary" aria-expanded={table} aria-controls={tableId} onClick={() => setTable((s) => !s)}>
            {t(table ? 'charts.hideTable' : 'charts.showTable')}
          </button>
        </div>
      </div>
      <Suspense fallback={<div className="echart" aria-busy="true" />}>
        <EChart option={option} label={label} />
      </Suspense>
      <div id={tableId} className={table ? 'chart-table' : 'visually-hidden'}>
        {radar ? <RadarTable progression={progression} shown={shown} labels={labels} /> : <LineTable progression={progression} shown={shown} rows={rows} labels={labels} />}
      </div>
    </>
  );
}

type Shown = Progression['indicators'];

function LineTable({ progression, shown, rows, labels }: { progression: Progression; shown: Shown; rows: ReturnType<typeof tableRows>; labels: ChartLabels }) {
  const { t } = useTranslation();
  const by = { caseworker: labels.caseworker, client: labels.client };
  return (
    <table>
      <caption>{t('charts.tableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('charts.date')}</th>
          <th scope="col">{t('charts.scoredBy')}</th>
          {shown.map((i) => (
            <th key={i.key} scope="col">
              {i.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={`${row.date}|${row.by}`}>
            <th scope="row">
              <time dateTime={row.date}>{labels.date(row.date)}</time>
            </th>
            <td>{by[row.by]}</td>
            {shown.map((i) => {
              const value = row.values[i.key];
              return <td key={i.key}>{value === null || value === undefined ? t('charts.notScored') : levelName(i, value)}</td>;
            })}
          </tr>
        ))}
        {progression.milestones.length > 0 && (
          <tr>
            <th scope="row">{labels.milestones}</th>
            <td colSpan={shown.length + 1}>{progression.milestones.map((m) => `${labels.date(m.date)}: ${m.title}`).join('; ')}</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

function RadarTable({ progression, shown, labels }: { progression: Progression; shown: Shown; labels: ChartLabels }) {
  const { t } = useTranslation();
  const moments = (['first', 'previous', 'latest'] as const).flatMap((which) => {
    const snapshot = progression.radar[which];
    return snapshot ? [{ name: labels.snapshot(which, labels.date(snapshot.date)), values: snapshot.values }] : [];
  });
  const goals = Object.fromEntries(progression.goals.map((g) => [g.key, g.target]));
  return (
    <table>
      <caption>{t('charts.radarCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('charts.moment')}</th>
          {shown.map((i) => (
            <th key={i.key} scope="col">
              {i.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {[...moments, { name: labels.goals, values: goals }].map((moment) => (
          <tr key={moment.name}>
            <th scope="row">{moment.name}</th>
            {shown.map((i) => {
              const value = moment.values[i.key];
              return <td key={i.key}>{value === null || value === undefined ? t('charts.notScored') : levelName(i, value)}</td>;
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
