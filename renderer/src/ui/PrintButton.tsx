import { useEffect, useEffectEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutate } from '../query';
import { printPage } from './print';

/**
 * "Print" for a page that prints (the caseload, My day, a client), and Ctrl+P (⌘P) while it is open:
 * main opens the system's print dialog; the print stylesheet leaves out navigation and buttons.
 */
export function PrintButton() {
  const { t } = useTranslation();
  const print = useMutate('app.print');
  const start = () => {
    if (!print.isPending) void printPage(() => print.mutateAsync({}));
  };
  const onShortcut = useEffectEvent(start);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'p' || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey)
        return;
      event.preventDefault();
      onShortcut();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return (
    <button type="button" className="secondary" onClick={start} disabled={print.isPending}>
      {t('common.print')}
    </button>
  );
}
