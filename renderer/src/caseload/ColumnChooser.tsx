import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseloadColumnId } from '../../../common/contract/caseload-view';

/**
 * Which columns the caseload shows: a button that opens a list of checkboxes (the name always shows).
 * Escape or the button closes it and gives the focus back to the button; so does a click elsewhere.
 */
export function ColumnChooser({
  choices,
  hidden,
  onChange,
}: {
  /** The columns that can be hidden, in their order. */
  choices: readonly CaseloadColumnId[];
  hidden: readonly CaseloadColumnId[];
  onChange(hidden: CaseloadColumnId[]): void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    box.current?.querySelector('input')?.focus();
    const outside = (event: PointerEvent) => {
      if (!box.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const shown = choices.filter((id) => !hidden.includes(id)).length;
  return (
    <div
      className="column-chooser"
      ref={box}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.preventDefault();
          close();
        }
      }}
    >
      <button
        type="button"
        className="secondary"
        ref={button}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        {t('caseload.columnChooser.button', { shown: shown + 1, total: choices.length + 1 })}
      </button>
      <fieldset id={panelId} className="column-panel" hidden={!open}>
        <legend>{t('caseload.columnChooser.legend')}</legend>
        {choices.map((id) => (
          <label key={id} className="column-choice">
            <input
              type="checkbox"
              checked={!hidden.includes(id)}
              onChange={(e) =>
                onChange(e.target.checked ? hidden.filter((h) => h !== id) : [...hidden.filter((h) => h !== id), id])
              }
            />
            {t(`caseload.columns.${id}`)}
          </label>
        ))}
        <button type="button" className="link-button" onClick={() => onChange([])}>
          {t('caseload.columnChooser.showAll')}
        </button>
      </fieldset>
    </div>
  );
}
