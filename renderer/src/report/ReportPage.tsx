import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client, Progression } from '../../../common/contract';
import { describeChart, useChartLabels, withoutNoteText } from '../charts/labels';
import { LazyEChart } from '../charts/LazyEChart';
import type { SizedOption } from '../charts/EChart';
import { chartHeight, levelName, PRINT, progressionOption } from '../charts/options';
import { formatDate, formatNumber } from '../format';
import { useSession } from '../session';
import { ErrorBoundary } from '../failure/ErrorBoundary';
import { DataTable } from '../ui/DataTable';
import { Loading } from '../ui/Loading';
import { remote } from '../query';
import './report.css';

/** The latest few: the report stays on one page. */
const MILESTONES_SHOWN = 6;
/** About 105 mm: with twelve indicators the table and milestones still fit on the page. */
const MAX_CHART_HEIGHT = 400;

/** Tells whoever prints this page (Electron's hidden window, or a test) that it is complete. */
function markReady(state: 'true' | 'failed') {
  document.documentElement.dataset.ready = state;
}

/**
 * One A4 page about one client's progress, rendered in a hidden window and printed
 * to PDF. Pseudonymised: the pseudonym only; no name, number, birth date or note text.
 */
export function ReportPage({ clientId, pseudonymised }: { clientId: string; pseudonymised: boolean }) {
  const { t } = useTranslation();
  const client = useQuery(remote('clients.get', { id: clientId }));
  const progression = useQuery(remote('charts.progression', { clientId }));
  const failed = client.isError || progression.isError;

  useEffect(() => {
    const before = document.title;
    document.title = t('report.title');
    document.documentElement.classList.add('report-page');
    return () => {
      document.title = before;
      document.documentElement.classList.remove('report-page');
    };
  }, [t]);

  // No retry here: whoever prints the page learns it failed and says so.
  if (failed) return <ReportFailed />;
  if (!client.data || !progression.data) return <Loading of={client.data ? progression : client} />;
  const data = pseudonymised ? withoutNoteText(progression.data, t) : progression.data;
  return (
    <ErrorBoundary fallback={() => <ReportFailed />}>
      <Report client={client.data} progression={data} pseudonymised={pseudonymised} />
    </ErrorBoundary>
  );
}

function ReportFailed() {
  const { t } = useTranslation();
  useEffect(() => markReady('failed'), []);
  return <p role="alert">{t('report.failed')}</p>;
}

function Report({
  client,
  progression,
  pseudonymised,
}: {
  client: Client;
  progression: Progression;
  pseudonymised: boolean;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const labels = useChartLabels();
  const keys = useMemo(() => progression.indicators.map((i) => i.key), [progression]);
  const option = useMemo<SizedOption>(
    () => (box) => progressionOption(progression, keys, labels, PRINT, box),
    [progression, keys, labels],
  );
  // Grows with the indicators, up to what leaves the page room for the table and milestones.
  const height = useCallback(
    (width: number) => Math.min(MAX_CHART_HEIGHT, chartHeight(progression, keys, labels, PRINT, width)),
    [progression, keys, labels],
  );
  const hasChart = progression.series.length > 0;
  const [drawn, setDrawn] = useState(false);

  useEffect(() => {
    if (drawn || !hasChart) markReady('true');
  }, [drawn, hasChart]);

  const date = (value: string | null) => (value ? formatDate(value, session.language) : t('report.none'));
  const facts: Array<[string, string]> = [
    ...(pseudonymised
      ? [[t('report.pseudonym'), client.pseudonym] as [string, string]]
      : ([
          [t('report.name'), `${client.firstName} ${client.lastName}`],
          [t('report.reference'), client.reference ?? t('report.none')],
          [t('report.dateOfBirth'), date(client.dateOfBirth)],
          [t('report.pseudonym'), client.pseudonym],
        ] as Array<[string, string]>)),
    [t('report.targetGroup'), session.labelOf(client.targetGroupId) || t('report.none')],
    [t('report.stage'), session.labelOf(client.stageId) || t('report.none')],
    [t('report.caseworker'), session.caseworkerName(client.caseworkerId) || t('report.none')],
    [t('report.startDate'), date(client.startDate)],
  ];

  return (
    <article className="report">
      <header className="report-header">
        <h1>{t('report.title')}</h1>
        <p>
          {t('report.made', {
            date: formatDate(session.info.today, session.language),
            name: session.info.currentCaseworker?.name ?? '',
          })}
        </p>
        <p className="report-notice">{pseudonymised ? t('report.pseudonymised') : t('report.confidential')}</p>
      </header>
      <dl className="report-facts">
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {!hasChart ? (
        <p>{t('report.noScorings')}</p>
      ) : (
        <>
          <h2>{t('report.overTime')}</h2>
          <LazyEChart
            className="report-chart"
            option={option}
            height={height}
            label={describeChart(t, progression, keys, false, labels)}
            pixelRatio={3}
            onRendered={() => setDrawn(true)}
          />
          <IndicatorTable progression={progression} />
        </>
      )}
      {progression.milestones.length > 0 && (
        <>
          <h2>{t('report.milestones')}</h2>
          <ul className="report-milestones">
            {progression.milestones.slice(-MILESTONES_SHOWN).map((m, n) => (
              <li key={`${m.date}-${n}`}>
                {date(m.date)}: {m.title}
              </li>
            ))}
          </ul>
          {progression.milestones.length > MILESTONES_SHOWN && (
            <p className="report-more">
              {t('report.earlierMilestones', { count: progression.milestones.length - MILESTONES_SHOWN })}
            </p>
          )}
        </>
      )}
    </article>
  );
}

type Indicator = Progression['indicators'][number];

/**
 * First and latest caseworker scoring, the change and the goal per indicator; a client
 * scored once has a baseline and no change yet.
 */
function IndicatorTable({ progression }: { progression: Progression }) {
  const { t } = useTranslation();
  const { language } = useSession();
  const { first, latest } = progression.radar;
  const level = (indicator: Indicator, value: number | null | undefined) =>
    value === null || value === undefined ? '–' : levelName(indicator, value);
  const goal = (indicator: Indicator) => {
    const found = progression.goals.find((g) => g.key === indicator.key);
    return found ? level(indicator, found.target) : '–';
  };
  const change = (indicator: Indicator) => {
    const from = first?.values[indicator.key];
    const to = latest?.values[indicator.key];
    if (from === null || from === undefined || to === null || to === undefined) return '–';
    return `${to - from > 0 ? '+' : ''}${formatNumber(to - from, language)}`;
  };
  if (first && !latest)
    return (
      <DataTable<Indicator>
        className="report-table"
        caption={t('charts.baselineNote', { date: formatDate(first.date, language) })}
        rows={progression.indicators}
        rowKey={(i) => i.key}
        columns={[
          { key: 'indicator', header: t('report.indicator'), cell: (i) => i.name },
          { key: 'baseline', header: t('charts.baseline'), cell: (i) => level(i, first.values[i.key]) },
          { key: 'goal', header: t('report.goal'), cell: goal },
        ]}
      />
    );
  return (
    <DataTable<Indicator>
      className="report-table"
      caption={t('report.tableCaption', {
        first: first ? formatDate(first.date, language) : '–',
        latest: latest ? formatDate(latest.date, language) : '–',
      })}
      rows={progression.indicators}
      rowKey={(i) => i.key}
      columns={[
        { key: 'indicator', header: t('report.indicator'), cell: (i) => i.name },
        { key: 'first', header: t('report.first'), cell: (i) => level(i, first?.values[i.key]) },
        { key: 'latest', header: t('report.latest'), cell: (i) => level(i, latest?.values[i.key]) },
        { key: 'change', header: t('report.change'), cell: change },
        { key: 'goal', header: t('report.goal'), cell: goal },
      ]}
    />
  );
}
