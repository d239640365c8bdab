import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api';
import { describeError, type ShownError } from '../errors';

const EMPTY = { firstName: '', lastName: '', reference: '' };
type Field = keyof typeof EMPTY;

export function AddClientForm() {
  const { t } = useTranslation();
  const [values, setValues] = useState(EMPTY);
  const [error, setError] = useState<ShownError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const firstInput = useRef<HTMLInputElement>(null);
  const baseId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setSaved(null);
    try {
      const client = await call('clients.create', values);
      setValues(EMPTY);
      setError(null);
      setSaved(t('clients.add.added', { name: `${client.firstName} ${client.lastName}`, pseudonym: client.pseudonym }));
      firstInput.current?.focus();
    } catch (failure) {
      setError(describeError(t, failure, values));
    } finally {
      setSaving(false);
    }
  };

  const input = (field: Field, label: string, hint?: string) => {
    const id = `${baseId}-${field}`;
    const message = error?.fields[field];
    const describedBy = [hint && `${id}-hint`, message && `${id}-error`].filter(Boolean).join(' ') || undefined;
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          ref={field === 'firstName' ? firstInput : undefined}
          name={field}
          value={values[field]}
          autoComplete="off"
          aria-invalid={message ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => setValues({ ...values, [field]: e.target.value })}
        />
        {hint && (
          <span id={`${id}-hint`} className="hint">
            {hint}
          </span>
        )}
        {message && (
          <span id={`${id}-error`} className="field-error">
            <span aria-hidden="true">⚠ </span>
            {message}
          </span>
        )}
      </div>
    );
  };

  return (
    <section className="panel add-client" aria-labelledby={`${baseId}-title`}>
      <h2 id={`${baseId}-title`}>{t('clients.add.title')}</h2>
      {/* noValidate: main validates, so every rule gives the same translated message. */}
      <form onSubmit={(e) => void submit(e)} noValidate>
        {input('firstName', t('clients.add.firstName'))}
        {input('lastName', t('clients.add.lastName'))}
        {input('reference', t('clients.add.reference'), t('clients.add.referenceHint'))}
        {error && (
          <p role="alert" className="error-summary">
            {error.summary}
          </p>
        )}
        <p role="status" className="saved">
          {saved}
        </p>
        <button type="submit" disabled={saving}>
          {saving ? t('clients.add.saving') : t('clients.add.submit')}
        </button>
      </form>
    </section>
  );
}
