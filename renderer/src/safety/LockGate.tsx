import { type ReactNode, type FormEvent, useEffect, useEffectEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, KoersError, subscribe } from '../api';
import { TextField } from '../ui/fields';
import './safety.css';

/** What counts as someone using Koers: any of these resets the idle timer. */
const ACTIVITY = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

/**
 * Shows the app only while Koers is unlocked. Locked, it renders the lock screen
 * alone: the screens and their data leave the DOM. Locks itself after the idle
 * minutes; main locks it on OS lock and suspend (the `lock.changed` event).
 */
export function LockGate({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<{ locked: boolean; hasPin: boolean; minutes: number } | null>(null);

  useEffect(() => {
    let current = true;
    const load = () => void call('lock.status', {}).then((s) => current && setStatus(s), () => undefined);
    load();
    const offLock = subscribe('lock.changed', load);
    // After a restore every screen shows other data: start afresh.
    const offRestore = subscribe('data.restored', () => window.location.reload());
    return () => {
      current = false;
      offLock();
      offRestore();
    };
  }, []);

  const lockAfterIdle = useEffectEvent(() => {
    if (status?.hasPin && !status.locked) void call('lock.lock', {}).catch(() => undefined);
  });
  const minutes = status?.hasPin && !status.locked ? status.minutes : null;
  useEffect(() => {
    if (minutes === null) return;
    let timer = setTimeout(lockAfterIdle, minutes * 60_000);
    const active = () => {
      clearTimeout(timer);
      timer = setTimeout(lockAfterIdle, minutes * 60_000);
    };
    for (const event of ACTIVITY) window.addEventListener(event, active, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const event of ACTIVITY) window.removeEventListener(event, active);
    };
  }, [minutes]);

  if (!status) return null;
  if (status.locked) return <LockScreen onUnlocked={setStatus} />;
  return <>{children}</>;
}

function LockScreen({ onUnlocked }: { onUnlocked(status: { locked: boolean; hasPin: boolean; minutes: number }): void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    const before = document.title;
    document.title = t('app.name');
    form.current?.querySelector('input')?.focus();
    return () => {
      document.title = before;
    };
  }, [t]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      onUnlocked(await call('lock.unlock', { pin }));
    } catch (failure) {
      setError(failure instanceof KoersError && failure.code === 'validation' ? t('safety.lock.wrong') : t('errors.internal'));
      setPin('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="lock-screen" aria-labelledby={titleId}>
      <form ref={form} className="panel lock-panel" onSubmit={(e) => void submit(e)} noValidate>
        <h1 id={titleId}>{t('safety.lock.title')}</h1>
        <p>{t('safety.lock.intro')}</p>
        <TextField label={t('safety.lock.pin')} name="pin" type="password" inputMode="numeric" value={pin} onChange={setPin} error={error} />
        <button type="submit" disabled={busy || pin.length === 0}>
          {t('safety.lock.unlock')}
        </button>
      </form>
    </main>
  );
}
