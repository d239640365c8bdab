import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../errors';
import { useForgetUnshown } from '../query';
import { OpenLogFolder } from '../safety/OpenLogFolder';

/** What Koers needs before it can show anything: the first answer, the session, the lock, the window itself. */
export type StartupStep = 'info' | 'session' | 'lock' | 'screen';

/** Instead of a blank window: what failed, why in plain words, a retry, and the log folder for support. */
export function StartupFailure({ step, error, onRetry }: { step: StartupStep; error: unknown; onRetry(): void }) {
  const { t } = useTranslation();
  const titleId = useId();
  useForgetUnshown();
  return (
    <main className="first-run" id="main">
      <section className="panel failure-panel" aria-labelledby={titleId}>
        <h1 id={titleId}>{t('failure.startup.title')}</h1>
        <div role="alert">
          <p>{t(`failure.startup.${step}`)}</p>
          <p className="error-summary">{describeError(t, error).summary}</p>
        </div>
        <p className="hint">{t('failure.startup.logs')}</p>
        <OpenLogFolder>
          <button type="button" onClick={onRetry}>
            {t('failure.retry')}
          </button>
        </OpenLogFolder>
      </section>
    </main>
  );
}
