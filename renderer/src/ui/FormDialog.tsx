import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog';
import { ErrorSummary } from './fields';
import type { SaveState } from './useSave';

/**
 * A dialog holding one small form: fields, the error summary, Cancel and a submit button.
 * The save (`useSave`) says whether it is busy and why it was refused.
 */
export function FormDialog(props: {
  title: string;
  submitLabel?: string;
  /** What the submit button does cannot be undone (a removal). */
  danger?: boolean;
  canSubmit?: boolean;
  /** Another action of the dialog, at the start of its footer (a Delete beside Save). */
  footer?: ReactNode;
  save: SaveState;
  onClose(): void;
  /** Resolves also when refused (`useSave`'s `run`): the refusal is shown through `save`. */
  onSubmit(): Promise<unknown>;
  children: ReactNode;
}) {
  const { title, submitLabel, danger, canSubmit = true, footer, save, onClose, onSubmit, children } = props;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void onSubmit();
  };
  return (
    <Dialog title={title} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        {children}
        <ErrorSummary message={save.error?.summary} />
        <FormFooter onCancel={onClose} saving={save.saving || !canSubmit} submitLabel={submitLabel} danger={danger}>
          {footer}
        </FormFooter>
      </form>
    </Dialog>
  );
}

/** Cancel and submit at the foot of a form. */
export function FormFooter({
  onCancel,
  saving,
  submitLabel,
  danger,
  children,
}: {
  onCancel(): void;
  saving: boolean;
  submitLabel?: string;
  danger?: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="form-footer">
      {children}
      <button type="button" className="secondary" onClick={onCancel}>
        {t('common.cancel')}
      </button>
      <button type="submit" className={danger ? 'danger' : undefined} disabled={saving}>
        {submitLabel ?? t('common.save')}
      </button>
    </div>
  );
}
