import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from './fields';
import type { ActionState } from './useAction';

/**
 * What the last action did, or why it was refused; after a removal, "Undo" beside it.
 * Undo takes the focus (the removed item's buttons are gone with it); once undone, the
 * line that says so keeps it; refused, the reason shows under it and Undo stays.
 */
export function StatusLine({ of: action }: { of: ActionState }) {
  const { t } = useTranslation();
  const line = useRef<HTMLParagraphElement>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const { undo } = action;
  useEffect(() => {
    if (undo) undoButton.current?.focus();
  }, [undo]);
  // Screen readers announce what changes in a live region, not what it held when it appeared:
  // a page that opens with something to say (a scoring saved) says it a frame later.
  const [mounted, setMounted] = useState(false);
  useEffect(() => {
    const frame = requestAnimationFrame(() => setMounted(true));
    return () => cancelAnimationFrame(frame);
  }, []);
  const undoIt = async () => {
    if (await action.undoLast()) line.current?.focus();
  };
  return (
    <>
      <p role="status" className="saved" ref={line} tabIndex={-1}>
        {mounted && action.status}
        {mounted && undo && (
          <>
            {' '}
            <button type="button" className="link-button" ref={undoButton} onClick={() => void undoIt()}>
              {t('common.undo')}
            </button>
          </>
        )}
      </p>
      <ErrorSummary message={action.error} />
    </>
  );
}
