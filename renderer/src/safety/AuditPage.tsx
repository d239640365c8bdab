import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../common/contract';
import { describeError } from '../errors';
import { formatDateTime } from '../format';
import { useSession } from '../session';
import { DateField } from '../ui/DateField';
import { ErrorSummary, SelectField, TextField } from '../ui/fields';
import { Loading } from '../ui/Loading';
import { Page } from '../ui/Page';
import { DataTable } from '../ui/DataTable';
import { remote, useMutate } from '../query';

type Check = Output<'audit.check'>;

/** Key persons: the audit log, filtered, and the check of its hash chain. */
export function AuditPage() {
  const { t } = useTranslation();
  const checkChain = useMutate('audit.check');
  const session = useSession();
  const titleId = useId();
  const [actor, setActor] = useState('');
  const [entityId, setEntityId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [check, setCheck] = useState<Check | null>(null);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<string>();
  const filter = {
    ...(actor ? { actor } : {}),
    ...(entityId.trim() ? { entityId: entityId.trim() } : {}),
    from,
    to,
    limit: 200,
  };
  // A record id typed in: the entries stay on screen until the next answer replaces them.
  const entries = useQuery({ ...remote('audit.list', filter), placeholderData: keepPreviousData });

  const runCheck = async () => {
    setChecking(true);
    try {
      setCheck(await checkChain.mutateAsync({}));
    } catch (failure) {
      setError(describeError(t, failure).summary);
    } finally {
      setChecking(false);
    }
  };
  return (
    <Page className="audit-page" title={t('safety.audit.title')} titleId={titleId} intro={t('safety.audit.intro')}>
      <div className="toolbar">
        <button type="button" onClick={() => void runCheck()} disabled={checking}>
          {checking ? t('safety.audit.checking') : t('safety.audit.check')}
        </button>
      </div>
      <p role="status" className={check && check.problems.length > 0 ? 'error-summary' : 'saved'}>
        {check &&
          (check.problems.length === 0
            ? t('safety.audit.intact', { count: check.entries })
            : t('safety.audit.broken', {
                problems: check.problems.map((p) => t(`safety.audit.problem.${p.problem}`, { seq: p.seq })).join('; '),
              }))}
      </p>
      <ErrorSummary message={error} />
      <form className="panel audit-filters" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          label={t('safety.audit.who')}
          name="actor"
          value={actor}
          onChange={setActor}
          empty={t('safety.audit.anyone')}
          options={session.caseworkers.map((w) => ({ value: w.id, label: w.name }))}
        />
        <TextField label={t('safety.audit.entity')} name="entityId" value={entityId} onChange={setEntityId} />
        <DateField label={t('safety.audit.from')} name="from" filter value={from} onChange={setFrom} />
        <DateField label={t('safety.audit.to')} name="to" filter value={to} onChange={setTo} />
      </form>
      {!entries.data ? (
        <Loading of={entries} />
      ) : (
        <div className="panel table-panel">
          <DataTable
            className="audit-table"
            labelledBy={titleId}
            empty={t('safety.audit.empty')}
            rowHeaders={false}
            columns={[
              { key: 'seq', header: '#', cell: (entry) => entry.seq },
              {
                key: 'when',
                header: t('safety.audit.when'),
                cell: (entry) => formatDateTime(entry.at, session.language),
              },
              { key: 'who', header: t('safety.audit.who'), cell: (entry) => session.caseworkerName(entry.actor) },
              { key: 'action', header: t('safety.audit.action'), cell: (entry) => <code>{entry.action}</code> },
              { key: 'record', header: t('safety.audit.record'), cell: (entry) => <code>{entry.entityId ?? ''}</code> },
              { key: 'result', header: t('safety.audit.result'), cell: (entry) => entry.result },
            ]}
            rows={entries.data}
            rowKey={(entry) => entry.seq}
          />
        </div>
      )}
    </Page>
  );
}
