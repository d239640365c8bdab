import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ConflictValue, SyncNotice } from '../../../common/contract';
import { formatDate, formatDateTime } from '../format';
import { remote, useMutate } from '../query';
import { href } from '../router';
import { useSession } from '../session';
import { Loading } from '../ui/Loading';
import { Page } from '../ui/Page';
import { StatusLine } from '../ui/StatusLine';
import { useAction } from '../ui/useAction';
import './sync.css';

/**
 * The conflicts and refusals inbox: each change of hers the team server kept apart or refused,
 * her version beside the team's, and her choice. Nothing leaves the list unseen.
 */
export function ConflictsPage() {
  const { t } = useTranslation();
  const notices = useQuery(remote('sync.notices', {}));
  const action = useAction();
  return (
    <Page className="panel" title={t('sync.inbox.title')}>
      <p className="hint">{t('sync.inbox.intro')}</p>
      <StatusLine of={action} />
      {!notices.data ? (
        <Loading of={notices} />
      ) : notices.data.length === 0 ? (
        <p>{t('sync.inbox.none')}</p>
      ) : (
        <ul className="sync-notices-list">
          {notices.data.map((notice) => (
            <li key={notice.id}>
              <Notice notice={notice} action={action} />
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}

function Notice({ notice, action }: { notice: SyncNotice; action: ReturnType<typeof useAction> }) {
  const { t } = useTranslation();
  const session = useSession();
  const resolve = useMutate('sync.resolve');
  const what = [
    t(`sync.inbox.tables.${notice.table}`),
    notice.catalogId ? session.labelOf(notice.catalogId) : notice.about,
  ]
    .filter(Boolean)
    .join(': ');
  const decide = (keep: 'mine' | 'theirs', done: string) =>
    void action.perform(async () => {
      await resolve.mutateAsync({ id: notice.id, keep });
      return done;
    });
  const show = (value: ConflictValue) => <Value value={value} />;
  const conflict = notice.kind === 'conflict' && notice.rowHere;
  return (
    <article className="sync-notice" aria-labelledby={`notice-${notice.id}`}>
      <h2 id={`notice-${notice.id}`}>{what}</h2>
      <p className="hint">
        {t(notice.kind === 'conflict' ? 'sync.inbox.conflict' : 'sync.inbox.rejection')} ·{' '}
        {t('sync.inbox.at', { date: formatDateTime(notice.at, session.language) })}
        {notice.clientId && (
          <>
            {' · '}
            <a href={href({ page: 'client', id: notice.clientId })}>{t('sync.inbox.openClient')}</a>
          </>
        )}
      </p>
      {notice.reason && <p>{t(`sync.inbox.reasons.${notice.reason}`)}</p>}
      {notice.kind === 'conflict' && !notice.rowHere && <p>{t('sync.inbox.gone')}</p>}
      {conflict &&
        (notice.fields.length > 0 ? (
          <table className="sync-compare">
            <thead>
              <tr>
                <th scope="col">{t('sync.inbox.field')}</th>
                <th scope="col">{t('sync.inbox.mine')}</th>
                <th scope="col">{t('sync.inbox.theirs')}</th>
              </tr>
            </thead>
            <tbody>
              {notice.fields.map((field) => (
                <tr key={field.column}>
                  <th scope="row">{t(`sync.inbox.columns.${field.column}`)}</th>
                  <td>{show(field.mine)}</td>
                  <td>{show(field.theirs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>{t('sync.inbox.sameFields')}</p>
        ))}
      <div className="toolbar">
        {conflict ? (
          <>
            <button type="button" onClick={() => decide('mine', t('sync.inbox.keptMine'))}>
              {t('sync.inbox.keepMine')}
            </button>
            <button type="button" className="secondary" onClick={() => decide('theirs', t('sync.inbox.keptTheirs'))}>
              {t('sync.inbox.keepTheirs')}
            </button>
          </>
        ) : (
          <button type="button" className="secondary" onClick={() => decide('theirs', t('sync.inbox.closed'))}>
            {t('sync.inbox.understood')}
          </button>
        )}
      </div>
    </article>
  );
}

function Value({ value }: { value: ConflictValue }) {
  const { t } = useTranslation();
  const session = useSession();
  if (value === null) return <span className="hint">{t('sync.inbox.empty')}</span>;
  switch (value.kind) {
    case 'date':
      return <>{formatDate(value.value, session.language)}</>;
    case 'dateTime':
      return <>{formatDateTime(value.value, session.language)}</>;
    case 'caseworker':
      return <>{session.caseworkerName(value.value)}</>;
    case 'catalog':
      return <>{session.labelOf(value.value)}</>;
    case 'actionKind':
      return <>{t(`actionKinds.${value.value}`)}</>;
    case 'role':
      return <>{t(`roles.${value.value}`)}</>;
    case 'status':
      return <>{t(`caseload.statuses.${value.value}`)}</>;
    default:
      return <>{value.value}</>;
  }
}
