import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Progression } from '../../../common/contract';
import { CheckboxField } from '../ui/fields';
import { Loading } from '../ui/Loading';
import { remote } from '../query';
import type { ChartImage } from './EChart';
import { LazyEChart } from './LazyEChart';
import { ChartExport } from './ChartExport';
import { describeChart, useChartLabels, withoutNoteText } from './labels';
import { type ChartLabels, levelName, progressionOption, radarOption, tableRows } from './options';
import './charts.css';

/** Three times the size on screen: sharp on a slide or in print. */
const PNG_SCALE = 3;

/**
 * The client page's progression chart: lines over time or a radar, a choice of
 * indicators, the same data as a table, and the exports of what is shown.
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
  const option = useMemo(
    () => (radar ? radarOption : progressionOption)(progression, selected, labels),
    [radar, progression, selected, labels],
  );
  // The same view for a saved image; pseudonymised, without the milestones' note text.
  const imageOption = (pseudonymised: boolean) =>
    (radar ? radarOption : progressionOption)(
      pseudonymised ? withoutNoteText(progression, t) : progression,
      selected,
      labels,
    );
  const shown = progression.indicators.filter((i) => selected.includes(i.key));
  const rows = tableRows(progression, selected);
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
      <LazyEChart option={option} label={label} imageRef={imageRef} />
      <div id={tableId} className={table ? 'chart-table' : 'visually-hidden'}>
        {radar ? (
          <RadarTable progression={progression} shown={shown} labels={labels} />
        ) : (
          <LineTable progression={progression} shown={shown} rows={rows} labels={labels} />
        )}
      </div>
      <ChartExport
        clientId={clientId}
        image={(pseudonymised) => imageRef.current?.(imageOption(pseudonymised), PNG_SCALE, '#ffffff') ?? null}
      />
    </>
  );
}

type Shown = Progression['indicators'];

function LineTable({
  progression,
  shown,
  rows,
  labels,
}: {
  progression: Progression;
  shown: Shown;
  rows: ReturnType<typeof tableRows>;
  labels: ChartLabels;
}) {
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
              return (
                <td key={i.key}>
                  {value === null || value === undefined ? t('charts.notScored') : levelName(i, value)}
                </td>
              );
            })}
          </tr>
        ))}
        {progression.milestones.length > 0 && (
          <tr>
            <th scope="row">{labels.milestones}</th>
            <td colSpan={shown.length + 1}>
              {progression.milestones.map((m) => `${labels.date(m.date)}: ${m.title}`).join('; ')}
            </td>
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
              return (
                <td key={i.key}>
                  {value === null || value === undefined ? t('charts.notScored') : levelName(i, value)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
