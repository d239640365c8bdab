import { useTranslation } from 'react-i18next';
import { describeError } from '../errors';

/** A query on its way (see `remote`): the error of its last attempt, if any, and a way to ask again. */
export interface Loadable {
  error: unknown;
  refetch(): unknown;
}

/**
 * What stands where data will be: "Loading…", or, when loading failed, why and a
 * button to try again. The one loading and error state of every screen. `quiet`:
 * nothing while loading, for data that only adds to what is shown (a list of choices).
 */
export function Loading({ of, quiet }: { of: Loadable; quiet?: boolean }) {
  const { t } = useTranslation();
  if (of.error === undefined || of.error === null) return quiet ? null : <p className="loading">{t('app.loading')}</p>;
  return (
    <div role="alert" className="error-summary load-failed">
      <p>
        {t('errors.loadFailed')} {describeError(t, of.error).summary}
      </p>
      <button type="button" className="secondary" onClick={() => void of.refetch()}>
        {t('failure.retry')}
      </button>
    </div>
  );
}
