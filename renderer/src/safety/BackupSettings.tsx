import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../common/contract';
import { describeError } from '../errors';
import { formatDateTime, formatNumber } from '../format';
import { useSession } from '../session';
import { Dialog } from '../ui/Dialog';
import { ErrorSummary } from '../ui/fields';
import { useAction } from '../ui/useAction';
import { Loading } from '../ui/Loading';
import { DataTable } from '../ui/DataTable';
import { remote, useMutate } from '../query';

type Backup = Output<'backups.list'>['backups'][number];

/** Where the data and the backups are, the backups themselves, back up now, restore. */
export function BackupSettings() {
  const { t } = useTranslation();
  const { language } = useSession();
  const list = useQuery(remote('backups.list', {}));
  // Backups are files, not data with a scope: the list is asked again after each of these, also a refused one.
  const again = { onSettled: () => void list.refetch() };
  const create = useMutate('backups.create', again);
  const chooseFolder = useMutate('backups.chooseFolder', again);
  const resetFolder = useMutate('backups.resetFolder', again);
  const action = useAction();
  const [restoring, setRestoring] = useState<Backup | null>(null);
  if (!list.data) return <Loading of={list} />;
  const data = list.data;
  const busy = create.isPending || chooseFolder.isPending || resetFolder.isPending;
  const run = (work: () => Promise<string>) => void action.perform(work);
  return (
    <section className="settings-section" aria-labelledby="backups-title">
      <h2 id="backups-title">{t('safety.backups.title')}</h2>
      <p className="hint">{t('safety.backups.intro')}</p>
      <dl className="settings-paths">
        <dt>{t('safety.backups.database')}</dt>
        <dd>{data.databasePath}</dd>
        <dt>{t('safety.backups.folder')}</dt>
        <dd>
          {data.folder}
          {!data.customFolder && ` (${t('safety.backups.defaultFolder')})`}
        </dd>
        <dt>{t('safety.backups.ownFolder')}</dt>
        <dd>{data.ownFolder}</dd>
      </dl>
      <div className="toolbar">
        <button
          type="button"
          disabled={busy}
          onClick={() => run(async () => t('safety.backups.done', { name: (await create.mutateAsync({})).fileName }))}
        >
          {busy ? t('safety.backups.working') : t('safety.backups.now')}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => run(async () => ((await chooseFolder.mutateAsync({})) ? '' : ''))}
        >
          {t('safety.backups.chooseFolder')}
        </button>
        {data.customFolder && (
          <button
            type="button"
            className="secondary"
            onClick={() => run(async () => ((await resetFolder.mutateAsync({})) ? '' : ''))}
          >
            {t('safety.backups.resetFolder')}
          </button>
        )}
      </div>
      <ErrorSummary message={action.error} />
      <p role="status" className="saved">
        {action.status}
      </p>
      <DataTable
        caption={t('safety.backups.list')}
        empty={t('safety.backups.none')}
        columns={[
          {
            key: 'when',
            header: t('safety.backups.when'),
            cell: (backup) => formatDateTime(backup.createdAt, language),
          },
          {
            key: 'size',
            header: t('safety.backups.size'),
            cell: (backup) => `${formatNumber(backup.bytes / 1024 / 1024, language, 1)} MB`,
          },
          {
            key: 'restore',
            header: <span className="visually-hidden">{t('safety.backups.restore')}</span>,
            cell: (backup) => (
              <button type="button" className="secondary" onClick={() => setRestoring(backup)}>
                {t('safety.backups.restore')}
              </button>
            ),
          },
        ]}
        rows={data.backups}
        rowKey={(backup) => backup.fileName}
      />
      {restoring && <RestoreDialog backup={restoring} onClose={() => setRestoring(null)} onDone={action.announce} />}
    </section>
  );
}

function RestoreDialog({
  backup,
  onClose,
  onDone,
}: {
  backup: Backup;
  onClose(): void;
  onDone(message: string): void;
}) {
  const { t } = useTranslation();
  const { language } = useSession();
  const contents = useQuery(remote('backups.inspect', { fileName: backup.fileName }));
  const restoring = useMutate('backups.restore');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const restore = async () => {
    setBusy(true);
    try {
      const { safetyBackup } = await restoring.mutateAsync({ fileName: backup.fileName });
      onDone(t('safety.backups.restored', { name: safetyBackup.fileName }));
      onClose();
    } catch (failure) {
      setError(describeError(t, failure).summary);
      setBusy(false);
    }
  };
  return (
    <Dialog
      title={t('safety.backups.restoreTitle', { date: formatDateTime(backup.createdAt, language) })}
      onClose={onClose}
    >
      {!contents.data ? (
        !contents.isError ? (
          <p>{t('safety.backups.checking')}</p>
        ) : (
          <Loading of={contents} />
        )
      ) : contents.data.usable ? (
        <>
          <p>
            {t('safety.backups.contents', {
              clients: t('safety.backups.clients', { count: contents.data.clients }),
              scorings: t('safety.backups.scorings', { count: contents.data.scorings }),
              notes: t('safety.backups.notes', { count: contents.data.notes }),
            })}
          </p>
          <p>{t('safety.backups.restoreWarning')}</p>
        </>
      ) : (
        <p role="alert">{t(`errors.conflict.backup_${contents.data.problem}`)}</p>
      )}
      <ErrorSummary message={error} />
      <div className="form-footer">
        <button type="button" className="secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="button" onClick={() => void restore()} disabled={busy || !contents.data?.usable}>
          {t('safety.backups.restoreConfirm')}
        </button>
      </div>
    </Dialog>
  );
}
