import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input, Output } from '../../../common/contract';
import { formatChange, formatNumber, formatPercent } from '../format';
import { useSession } from '../session';
import { SelectField, TextField } from '../ui/fields';
import { Loading } from '../ui/Loading';
import { remote } from '../query';
import '../sheets/sheets.css';
import './team.css';

type TeamView = Output<'team.view'>;
type Filters = Omit<Input<'team.view'>, 'sheetId'>;

/** Key persons: how the team's clients moved on one sheet, and each caseworker's load and progress. */
export function TeamPage() {
  const { t } = useTranslation();
  const session = useSession();
  const titleId = useId();
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
    <section className="team-page" aria-labelledby={titleId}>
      <div className="page-heading">
        <h1 id={titleId}>{t('nav.team')}</h1>
      </div>
      <p className="hint page-intro">{t('team.intro')}</p>
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
            <TextField label={t('team.filters.from')} name="from" type="date" value={from} onChange={setFrom} />
            <TextField label={t('team.filters.to')} name="to" type="date" value={to} onChange={setTo} />
          </form>
          {sheetId ? (
            <TeamResults sheetId={sheetId} filters={filters} />
          ) : (
            <p className="empty">{t('team.pickSheet')}</p>
          )}
        </>
      )}
    </section>
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
          <table className="team-table" aria-label={t('team.indicators.label')}>
            <thead>
              <tr>
                <th scope="col">{t('team.indicators.indicator')}</th>
                <th scope="col" className="number-cell">
                  {t('team.indicators.clients')}
                </th>
                <th scope="col" className="number-cell">
                  {t('team.indicators.averageChange')}
                </th>
                <th scope="col" className="number-cell">
                  {t('team.indicators.improved')}
                </th>
                <th scope="col" className="number-cell">
                  {t('team.indicators.same')}
                </th>
                <th scope="col" className="number-cell">
                  {t('team.indicators.declined')}
                </th>
              </tr>
            </thead>
            <tbody>
              {indicators.map((row) => (
                <tr key={row.key}>
                  <th scope="row">
                    {row.name}
                    {row.clients > 0 && (
                      <Distribution
                        improved={row.improved}
                        same={row.same}
                        declined={row.declined}
                        total={row.clients}
                      />
                    )}
                  </th>
                  <td className="number-cell">{formatNumber(row.clients, session.language)}</td>
                  {row.clients === 0 || row.averageChange === null ? (
                    <td className="number-cell" colSpan={4}>
                      <span className="muted">{t('team.indicators.notEnough')}</span>
                    </td>
                  ) : (
                    <>
                      <td className="number-cell">{formatChange(row.averageChange, session.language)}</td>
                      <td className="number-cell">{count(row.improved, row.clients)}</td>
                      <td className="number-cell">{count(row.same, row.clients)}</td>
                      <td className="number-cell">{count(row.declined, row.clients)}</td>
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
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
      {compass.length === 0 ? (
        <p className="empty">{t('team.compass.none')}</p>
      ) : (
        <table className="team-table" aria-label={t('team.compass.label')}>
          <thead>
            <tr>
              <th scope="col">{t('team.compass.caseworker')}</th>
              <th scope="col" className="number-cell">
                {t('team.compass.caseload')}
              </th>
              <th scope="col" className="number-cell">
                {t('team.compass.weightedWorkload')}
              </th>
              <th scope="col" className="number-cell">
                {t('team.compass.coverage')}
              </th>
              <th scope="col" className="number-cell">
                {t('team.compass.averageProgression')}
              </th>
            </tr>
          </thead>
          <tbody>
            {compass.map((row) => (
              <tr key={row.caseworkerId}>
                <th scope="row">{session.caseworkerName(row.caseworkerId)}</th>
                <td className="number-cell">{formatNumber(row.caseload, session.language)}</td>
                <td className="number-cell">{formatNumber(row.weightedWorkload, session.language, 1)}</td>
                <td className="number-cell">
                  {row.coverage === null ? (
                    <span className="muted">{t('team.compass.noClients')}</span>
                  ) : (
                    formatPercent(row.coverage, session.language)
                  )}
                </td>
                <td className="number-cell">
                  {row.averageProgression === null ? (
                    <span className="muted">{t('team.compass.noData')}</span>
                  ) : (
                    formatChange(row.averageProgression, session.language)
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
