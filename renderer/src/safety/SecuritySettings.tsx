import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../errors';
import { ErrorSummary, TextField } from '../ui/fields';
import { Loading } from '../ui/Loading';
import { remote } from '../query';
import { PinField, useLockMutate } from './LockGate';

/** The PIN and the idle minutes. */
export function SecuritySettings() {
  const { t } = useTranslation();
  const status = useQuery(remote('lock.status', {}));
  const setPinTo = useLockMutate('lock.setPin');
  const setIdleMinutes = useLockMutate('lock.setMinutes');
  const lock = useLockMutate('lock.lock');
  const [pin, setPin] = useState('');
  const [currentPin, setCurrentPin] = useState('');
  const [minutes, setMinutes] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<{ summary?: string; fields: Record<string, string> }>({ fields: {} });
  if (!status.data) return <Loading of={status} />;
  const hasPin = status.data.hasPin;

  const savePin = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await setPinTo.mutateAsync({ pin, ...(hasPin ? { currentPin } : {}) });
      setPin('');
      setCurrentPin('');
      setError({ fields: {} });
      setMessage(t('safety.lock.pinSet'));
    } catch (failure) {
      const shown = describeError(t, failure);
      setError({ summary: shown.summary, fields: shown.fields });
    }
  };
  const saveMinutes = async (event: FormEvent) => {
    event.preventDefault();
    const value = Number(minutes);
    try {
      const saved = await setIdleMinutes.mutateAsync({ minutes: value });
      setMessage(t('safety.lock.minutesSaved', { count: saved.minutes }));
      setMinutes(null);
    } catch (failure) {
      setError({ summary: describeError(t, failure).summary, fields: {} });
    }
  };

  const lockNow = async () => {
    try {
      await lock.mutateAsync({});
    } catch (failure) {
      setError({ summary: describeError(t, failure).summary, fields: {} });
    }
  };

  return (
    <section className="settings-section" aria-labelledby="security-title">
      <h2 id="security-title">{t('safety.lock.settings')}</h2>
      <p className="hint">{t('safety.lock.settingsIntro')}</p>
      {!hasPin && <p className="hint">{t('safety.lock.noPin')}</p>}
      <form className="inline-form" onSubmit={(e) => void savePin(e)} noValidate>
        {hasPin && (
          <PinField
            label={t('safety.lock.currentPin')}
            name="currentPin"
            value={currentPin}
            onChange={setCurrentPin}
            error={error.fields.currentPin}
          />
        )}
        <PinField label={t('safety.lock.newPin')} name="pin" value={pin} onChange={setPin} error={error.fields.pin} />
        <button type="submit">{hasPin ? t('safety.lock.changePin') : t('safety.lock.setPin')}</button>
      </form>
      <form className="inline-form" onSubmit={(e) => void saveMinutes(e)} noValidate>
        <TextField
          label={t('safety.lock.minutes')}
          name="minutes"
          type="number"
          value={minutes ?? String(status.data.minutes)}
          onChange={setMinutes}
        />
        <button type="submit" className="secondary" disabled={minutes === null}>
          {t('safety.lock.saveMinutes')}
        </button>
        {hasPin && (
          <button type="button" className="secondary" onClick={() => void lockNow()}>
            {t('safety.lock.lockNow')}
          </button>
        )}
      </form>
      <ErrorSummary message={error.summary} />
      <p role="status" className="saved">
        {message}
      </p>
    </section>
  );
}
