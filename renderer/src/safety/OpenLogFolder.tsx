import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutate } from '../query';
import { ErrorSummary } from '../ui/fields';
import { useAction } from '../ui/useAction';

/**
 * "Open log folder", for whoever helps with Koers, and what came of it: the folder, or
 * why not. `children`: other buttons in the same row, before it.
 */
export function OpenLogFolder({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const openLogFolder = useMutate('app.openLogFolder');
  const action = useAction();
  const open = () =>
    void action.perform(async () =>
      t('safety.support.opened', { folder: (await openLogFolder.mutateAsync({})).folder }),
    );
  return (
    <>
      <div className="toolbar">
        {children}
        <button type="button" className="secondary" onClick={open}>
          {t('safety.support.openLogs')}
        </button>
      </div>
      <ErrorSummary message={action.error} />
      <p role="status" className="saved">
        {action.status}
      </p>
    </>
  );
}
