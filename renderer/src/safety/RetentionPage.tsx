import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../format';
import { useSession } from '../session';
import { Dialog } from '../ui/Dialog';
import { ErrorSummary, SelectField } from '../ui/fields';
import { useAction } from '../ui/useAction';
import { Loading } from '../ui/Loading';
import { Page } from '../ui/Page';
import { DataTable } from '../ui/DataTable';
import { remote, useMutate } from '../query';

const YEARS = [1, 2, 3, 5, 7, 10, 15, 20, 25, 30];

/** Key persons: retention per target group, and the closed cases past it, erased together after review. */
export function RetentionPage() {
  const { t } = useTranslation();
  const setRetention = useMutate('privacy.setRetention');
  const purgeClients = useMutate('privacy.purge');
  const session = useSession();
  const due = useQuery(remote('privacy.retention', {}));
  const groups = useQuery(remote('catalog.list', {}));
  const action = useAction();
  const [confirming, setConfirming] = useState(false);
  const rows = due.data ?? [];

  const setYears = (targetGroupId: string, value: string) =>
    void action.perform(async () => {
      await setRetention.mutateAsync({ targetGroupId, years: value ? Number(value) : null });
      return '';
    });
  const purge = () =>
    void action.perform(async () => {
      try {
        const { erased } = await purgeClients.mutateAsync({ clientIds: rows.map((r) => r.clientId) });
        return t('safety.privacy.purged', { count: erased });
      } finally {
        // Also when it failed: the message is on the page, not behind the dialog.
        setConfirming(false);
      }
    });

  return (
    <Page title={t('safety.privacy.retention')} intro={t('safety.privacy.retentionIntro')}>
      <Loading of={groups} quiet />
      <div className="panel audit-filters">
        {(groups.data ?? [])
          .filter((item) => item.kind === 'target_group' && !item.retired)
          .map((item) => (
            <SelectField
              key={item.id}
              label={t('safety.privacy.years', { group: session.label(item) })}
              name={`years-${item.id}`}
              value={
                item.retentionYears === null || item.retentionYears === undefined ? '' : String(item.retentionYears)
              }
              onChange={(value) => setYears(item.id, value)}
              empty={t('safety.privacy.defaultYears')}
              options={YEARS.map((n) => ({ value: String(n), label: String(n) }))}
            />
          ))}
      </div>
      <h2>{t('safety.privacy.dueTitle')}</h2>
      {!due.data ? (
        <Loading of={due} />
      ) : rows.length === 0 ? (
        <p className="empty">{t('safety.privacy.noneDue')}</p>
      ) : (
        <>
          <DataTable
            label={t('safety.privacy.dueTitle')}
            columns={[
              {
                key: 'name',
                header: t('presentation.list.title'),
                cell: (row) => (
                  <>
                    {row.name} <span className="pseudonym">{row.pseudonym}</span>
                  </>
                ),
              },
              { key: 'group', header: t('fields.targetGroupId'), cell: (row) => session.labelOf(row.targetGroupId) },
              {
                key: 'closedOn',
                header: t('safety.privacy.closedOn'),
                cell: (row) => formatDate(row.closedOn, session.language),
              },
              {
                key: 'purgeFrom',
                header: t('safety.privacy.purgeFrom'),
                cell: (row) => formatDate(row.purgeFrom, session.language),
              },
            ]}
            rows={rows}
            rowKey={(row) => row.clientId}
          />
          <button type="button" className="danger" onClick={() => setConfirming(true)}>
            {t('safety.privacy.purge', { count: rows.length })}
          </button>
        </>
      )}
      <ErrorSummary message={action.error} />
      <p role="status" className="saved">
        {action.status}
      </p>
      {confirming && (
        <Dialog title={t('safety.privacy.purgeTitle')} onClose={() => setConfirming(false)}>
          <p>{t('safety.privacy.eraseWarning')}</p>
          <p>{t('safety.privacy.householdRule')}</p>
          <div className="form-footer">
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
            <button type="button" className="danger" onClick={purge}>
              {t('safety.privacy.purge', { count: rows.length })}
            </button>
          </div>
        </Dialog>
      )}
    </Page>
  );
}
