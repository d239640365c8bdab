import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input, Output } from '../../../common/contract';
import { formatChange, formatNumber, formatPercent } from '../format';
import { useSession } from '../session';
import { DateField } from '../ui/DateField';
import { SelectField } from '../ui/fields';
import { Loading } from '../ui/Loading';
import { Page } from '../ui/Page';
import { DataTable, Spanning } from '../ui/DataTable';
import { remote } from '../query';
import './team.css';
import { DataAsOf } from '../sync/DataAsOf';

type TeamView = Output<'team.view'>;
type Filters = Omit<Input<'team.view'>, 'sheetId'>;

/** Key persons: how the team's clients moved on one sheet, and each caseworker's load and progress. */
export function TeamPage() {
  const { t } = useTranslation();
  const session = useSession();
  const sheets = useQuery(remote('sheets.list', {}));
  const [sheetId, setSheetId] = useState('');
  const [targetGroupId, setTargetGroupId] = useState('');
  const [caseworkerId, setCaseworkerId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const published = (sheets.data ?? []).filter((s) => s.publishedVersionId !== null);
  const filters: Filters = {
    ...(targetGroupId ? { targetGroupId } : {}),
    ...(caseworkerId ? { caseworkerId } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
  return (
    <Page className="team-page" title={t('nav.team')} intro={t('team.intro')}>
      <DataAsOf />
      {!sheets.data ? (
        <Loading of={sheets} />
      ) : published.length === 0 ? (
        <p className="empty">{t('team.noSheets')}</p>
      ) : (
        <>
          <form className="filters panel" aria-label={t('team.filters.label')} onSubmit={(e) => e.preventDefault()}>
            <SelectField
              label={t('team.filters.sheet')}
              name="sheetId"
              value={sheetId}
              onChange={setSheetId}
              empty={t('team.filters.chooseSheet')}
              options={published.map((s) => ({ value: s.id, label: s.name }))}
            />
            <SelectField
              label={t('team.filters.targetGroup')}
              name="targetGroupId"
              value={targetGroupId}
              onChange={setTargetGroupId}
              empty={t('team.filters.all')}
              options={session.items('target_group').map((item) => ({ value: item.id, label: session.label(item) }))}
            />
            <SelectField
              label={t('team.filters.caseworker')}
              name="caseworkerId"
              value={caseworkerId}
              onChange={setCaseworkerId}
              empty={t('team.filters.all')}
              options={session.caseworkers.filter((w) => w.active).map((w) => ({ value: w.id, label: w.name }))}
            />
            <DateField label={t('team.filters.from')} name="from" filter value={from} onChange={setFrom} />
            <DateField label={t('team.filters.to')} name="to" filter value={to} onChange={setTo} />
          </form>
          {sheetId ? (
            <TeamResults sheetId={sheetId} filters={filters} />
          ) : (
            <p className="empty">{t('team.pickSheet')}</p>
          )}
        </>
      )}
    </Page>
  );
}

function TeamResults({ sheetId, filters }: { sheetId: string; filters: Filters }) {
  // Another filter: the figures stay on screen until the new ones arrive.
  const view = useQuery({ ...remote('team.view', { sheetId, ...filters }), placeholderData: keepPreviousData });
  if (!view.data) return <Loading of={view} />;
  return (
    <>
      <IndicatorSection indicators={view.data.indicators} />
      <CompassSection compass={view.data.compass} />
    </>
  );
}

function IndicatorSection({ indicators }: { indicators: TeamView['indicators'] }) {
  const { t } = useTranslation();
  const session = useSession();
  const titleId = useId();
  const anyScored = indicators.some((i) => i.clients > 0);
  const count = (value: number, total: number) =>
    t('team.indicators.share', {
      count: formatNumber(value, session.language),
      share: formatPercent(value / total, session.language),
    });
  return (
    <section className="panel table-panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('team.indicators.title')}</h2>
      {indicators.length === 0 ? (
        <p className="empty">{t('team.indicators.none')}</p>
      ) : (
        <>
          {!anyScored && <p className="empty">{t('team.indicators.noneScored')}</p>}
          <DataTable
            className="team-table"
            label={t('team.indicators.label')}
            columns={[
              {
                key: 'indicator',
                header: t('team.indicators.indicator'),
                cell: (row) => (
                  <>
                    {row.name}
                    {row.clients > 0 && (
                      <Distribution
                        improved={row.improved}
                        same={row.same}
                        declined={row.declined}
                        total={row.clients}
                      />
                    )}
                  </>
                ),
              },
              {
                key: 'clients',
                header: t('team.indicators.clients'),
                numeric: true,
                cell: (row) => formatNumber(row.clients, session.language),
              },
              {
                key: 'averageChange',
                header: t('team.indicators.averageChange'),
                numeric: true,
                cell: (row) =>
                  row.clients === 0 || row.averageChange === null
                    ? new Spanning(4, <span className="muted">{t('team.indicators.notEnough')}</span>)
                    : formatChange(row.averageChange, session.language),
              },
              {
                key: 'improved',
                header: t('team.indicators.improved'),
                numeric: true,
                cell: (row) => count(row.improved, row.clients),
              },
              {
                key: 'same',
                header: t('team.indicators.same'),
                numeric: true,
                cell: (row) => count(row.same, row.clients),
              },
              {
                key: 'declined',
                header: t('team.indicators.declined'),
                numeric: true,
                cell: (row) => count(row.declined, row.clients),
              },
            ]}
            rows={indicators}
            rowKey={(row) => row.key}
          />
        </>
      )}
    </section>
  );
}

/** A small bar of improved / same / declined; the numbers are in the cells next to it, so it is only a picture. */
function Distribution({
  improved,
  same,
  declined,
  total,
}: {
  improved: number;
  same: number;
  declined: number;
  total: number;
}) {
  const width = (value: number) => `${(value / total) * 100}%`;
  return (
    <span className="distribution" aria-hidden="true">
      <span className="distribution-improved" style={{ width: width(improved) }} />
      <span className="distribution-same" style={{ width: width(same) }} />
      <span className="distribution-declined" style={{ width: width(declined) }} />
    </span>
  );
}

function CompassSection({ compass }: { compass: TeamView['compass'] }) {
  const { t } = useTranslation();
  const session = useSession();
  const titleId = useId();
  return (
    <section className="panel table-panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('team.compass.title')}</h2>
      <DataTable
        className="team-table"
        label={t('team.compass.label')}
        empty={t('team.compass.none')}
        columns={[
          {
            key: 'caseworker',
            header: t('team.compass.caseworker'),
            cell: (row) => session.caseworkerName(row.caseworkerId),
          },
          {
            key: 'caseload',
            header: t('team.compass.caseload'),
            numeric: true,
            cell: (row) => formatNumber(row.caseload, session.language),
          },
          {
            key: 'weightedWorkload',
            header: t('team.compass.weightedWorkload'),
            numeric: true,
            cell: (row) => formatNumber(row.weightedWorkload, session.language, 1),
          },
          {
            key: 'coverage',
            header: t('team.compass.coverage'),
            numeric: true,
            cell: (row) =>
              row.coverage === null ? (
                <span className="muted">{t('team.compass.noClients')}</span>
              ) : (
                formatPercent(row.coverage, session.language)
              ),
          },
          {
            key: 'averageProgression',
            header: t('team.compass.averageProgression'),
            numeric: true,
            cell: (row) =>
              row.averageProgression === null ? (
                <span className="muted">{t('team.compass.noData')}</span>
              ) : (
                formatChange(row.averageProgression, session.language)
              ),
          },
        ]}
        rows={compass}
        rowKey={(row) => row.caseworkerId}
      />
    </section>
  );
}
