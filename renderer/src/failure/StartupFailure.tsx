import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useForgetUnshown, useMutate } from '../query';
import { describeError } from '../errors';
import { ErrorSummary } from '../ui/fields';
import { useAction } from '../ui/useAction';

/** What Koers needs before it can show anything: the first answer, the session, the lock, the window itself. */
export type StartupStep = 'info' | 'session' | 'lock' | 'screen';

/** Instead of a blank window: what failed, why in plain words, a retry, and the log folder for support. */
export function StartupFailure({ step, error, onRetry }: { step: StartupStep; error: unknown; onRetry(): void }) {
  const { t } = useTranslation();
  const openLogFolder = useMutate('app.openLogFolder');
  const titleId = useId();
  const logs = useAction();
  useForgetUnshown();
  const openLogs = () =>
    void logs.perform(async () => t('safety.support.opened', { folder: (await openLogFolder.mutateAsync({})).folder }));
  return (
    <main className="first-run" id="main">
      <section className="panel failure-panel" aria-labelledby={titleId}>
        <h1 id={titleId}>{t('failure.startup.title')}</h1>
        <div role="alert">
          <p>{t(`failure.startup.${step}`)}</p>
          <p className="error-summary">{describeError(t, error).summary}</p>
        </div>
        <p className="hint">{t('failure.startup.logs')}</p>
        <div className="toolbar">
          <button type="button" onClick={onRetry}>
            {t('failure.retry')}
          </button>
          <button type="button" className="secondary" onClick={openLogs}>
            {t('safety.support.openLogs')}
          </button>
        </div>
        <ErrorSummary message={logs.error} />
        <p role="status" className="saved">
          {logs.status}
        </p>
      </section>
    </main>
  );
}
