import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog';
import { ErrorSummary } from './fields';

/** A dialog holding one small form: fields, the error summary, Cancel and a submit button. */
export function FormDialog(props: {
  title: string;
  submitLabel?: string;
  canSubmit?: boolean;
  saving: boolean;
  error: string | undefined;
  onClose(): void;
  onSubmit(): void;
  children: ReactNode;
}) {
  const { title, submitLabel, canSubmit = true, saving, error, onClose, onSubmit, children } = props;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <Dialog title={title} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        {children}
        <ErrorSummary message={error} />
        <FormFooter onCancel={onClose} saving={saving || !canSubmit} {...(submitLabel ? { submitLabel } : {})} />
      </form>
    </Dialog>
  );
}

/** Cancel and submit at the foot of a form. */
export function FormFooter({
  onCancel,
  saving,
  submitLabel,
  children,
}: {
  onCancel(): void;
  saving: boolean;
  submitLabel?: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="form-footer">
      {children}
      <button type="button" className="secondary" onClick={onCancel}>
        {t('common.cancel')}
      </button>
      <button type="submit" disabled={saving}>
        {submitLabel ?? t('common.save')}
      </button>
    </div>
  );
}
