import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Coverage } from '../../../common/contract';
import type { Language } from '../../../common/languages';
import { formatDate, formatNumber } from '../format';
import { LOCALES } from '../../../common/i18n/locales';
import { useSession } from '../session';
import { DateField } from '../ui/DateField';
import { ErrorSummary, TextField } from '../ui/fields';
import { useAction } from '../ui/useAction';
import { useSave } from '../ui/useSave';
import { Loading } from '../ui/Loading';
import { Page } from '../ui/Page';
import { type Column, DataTable } from '../ui/DataTable';
import { remote } from '../query';
import { DEFAULT_RESCORE_WEEKS } from '../../../common/rhythm';
import './coverage.css';
import { DataAsOf } from '../sync/DataAsOf';

type Target = NonNullable<Coverage['target']>;

const formatPercent = (share: number, language: Language) =>
  new Intl.NumberFormat(LOCALES[language], { style: 'percent', maximumFractionDigits: 1 }).format(share);

/** Clients still to score to reach the target share; rounded first so 0.7 × 10 does not ask for 8. */
const stillToScore = (target: Target, active: number, scored: number) =>
  Math.max(0, Math.ceil(Math.round(target.share * active * 1e6) / 1e6) - scored);

/** Key persons: how much of each caseload is scored within its rhythm, and the team's target. */
export function CoveragePage() {
  const { t } = useTranslation();
  const action = useAction();
  // Coverage moves with scorings, but also with clients, caseworkers and target-group rhythms.
  const coverage = useQuery(remote('coverage.get', {}));
  return (
    <Page
      className="coverage-page"
      title={t('nav.coverage')}
      intro={t('coverage.intro', { weeks: DEFAULT_RESCORE_WEEKS })}
    >
      <DataAsOf />
      {!coverage.data ? (
        <Loading of={coverage} />
      ) : (
        <>
          <div className="panel table-panel">
            <CoverageTable coverage={coverage.data} />
          </div>
          <TargetPanel coverage={coverage.data} status={action.status} onSaved={action.announce} />
        </>
      )}
    </Page>
  );
}

type CoverageLine = { id: string; name: string; active: number; scored: number };

function CoverageTable({ coverage }: { coverage: Coverage }) {
  const { t } = useTranslation();
  const session = useSession();
  const lines: CoverageLine[] = coverage.caseworkers.map((row) => ({
    id: row.caseworkerId,
    name: session.caseworkerName(row.caseworkerId),
    active: row.active,
    scored: row.scoredInInterval,
  }));
  const team: CoverageLine = {
    id: 'team',
    name: t('coverage.table.team'),
    active: lines.reduce((sum, row) => sum + row.active, 0),
    scored: lines.reduce((sum, row) => sum + row.scored, 0),
  };
  const columns: Array<Column<CoverageLine>> = [
    { key: 'caseworker', header: t('coverage.table.caseworker'), cell: (row) => row.name },
    {
      key: 'active',
      header: t('coverage.table.active'),
      numeric: true,
      cell: (row) => formatNumber(row.active, session.language),
    },
    {
      key: 'scored',
      header: t('coverage.table.scored'),
      numeric: true,
      cell: (row) => formatNumber(row.scored, session.language),
    },
    {
      key: 'share',
      header: t('coverage.table.share'),
      numeric: true,
      cell: (row) =>
        row.active === 0 ? (
          <span className="muted">{t('coverage.noClients')}</span>
        ) : (
          formatPercent(row.scored / row.active, session.language)
        ),
    },
    {
      key: 'progress',
      header: t('coverage.table.progress'),
      cell: (row) => row.active > 0 && <Progress active={row.active} scored={row.scored} target={coverage.target} />,
    },
  ];
  return (
    <DataTable
      className="coverage-table"
      label={t('coverage.table.label')}
      columns={columns}
      rows={lines}
      rowKey={(row) => row.id}
      footer={[team]}
      empty={t('coverage.noCaseworkers')}
    />
  );
}

/** In words, so it does not depend on colour. */
function Progress({ active, scored, target }: { active: number; scored: number; target: Target | null }) {
  const { t } = useTranslation();
  if (!target) return <span className="muted">{t('coverage.progress.none')}</span>;
  const count = stillToScore(target, active, scored);
  if (count === 0) return <span className="progress-reached">{t('coverage.progress.reached')}</span>;
  return <span className="progress-short">{t('coverage.progress.short', { count })}</span>;
}

function TargetPanel({
  coverage,
  status,
  onSaved,
}: {
  coverage: Coverage;
  status: string;
  onSaved(message: string): void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const titleId = useId();
  const { target } = coverage;
  return (
    <section className="panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('coverage.target.title')}</h2>
      <p>
        {target
          ? t('coverage.target.current', {
              share: formatPercent(target.share, session.language),
              date: formatDate(target.dueOn, session.language),
            })
          : t('coverage.target.none')}
      </p>
      {target && target.dueOn < coverage.today && <p className="hint">{t('coverage.target.passed')}</p>}
      <TargetForm target={target} onSaved={onSaved} />
      <p role="status" className="saved">
        {status}
      </p>
    </section>
  );
}

/** The share is typed as a percentage; the API takes a fraction. */
function TargetForm({ target, onSaved }: { target: Target | null; onSaved(message: string): void }) {
  const { t } = useTranslation();
  const session = useSession();
  const [percent, setPercent] = useState(target ? String(Math.round(target.share * 1000) / 10) : '');
  const [dueOn, setDueOn] = useState(target?.dueOn ?? '');
  const [rangeError, setRangeError] = useState<string>();
  const share = percent.trim() === '' ? Number.NaN : Number(percent) / 100;
  const save = useSave('coverage.setTarget');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Checked here: the server's limit (a fraction up to 1) would read wrongly next to a box in percent.
    if (!(share >= 0 && share <= 1)) {
      setRangeError(t('coverage.target.shareRange'));
      return;
    }
    setRangeError(undefined);
    const saved = await save.run({ share, dueOn });
    if (saved?.target)
      onSaved(
        t('coverage.target.saved', {
          share: formatPercent(saved.target.share, session.language),
          date: formatDate(saved.target.dueOn, session.language),
        }),
      );
  };
  return (
    <form className="target-form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('coverage.target.title')}>
      <TextField
        {...save.field('share', t('coverage.target.share'))}
        type="number"
        step="any"
        value={percent}
        onChange={setPercent}
        hint={t('coverage.target.shareHint')}
        error={rangeError ?? save.fieldError('share')}
      />
      <DateField {...save.field('dueOn', t('coverage.target.dueOn'))} value={dueOn} onChange={setDueOn} />
      <button type="submit" disabled={save.saving}>
        {t('coverage.target.submit')}
      </button>
      <ErrorSummary message={save.error?.summary} />
    </form>
  );
}
