import { useQuery } from '@tanstack/react-query';
import {
  type ComponentProps,
  type ReactNode,
  type FormEvent,
  useEffect,
  useEffectEvent,
  useId,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../common/contract';
import { KoersError, subscribe } from '../api';
import { queryClient, remote, useMutate } from '../query';
import { StartupFailure } from '../failure/StartupFailure';
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
  // Asked again on every lock.changed (see followMain); every lock method's answer replaces it too.
  const query = useQuery(remote('lock.status', {}));
  const lock = useLockMutate('lock.lock');
  const status = query.data;

  // After a restore every screen shows other data: start afresh.
  useEffect(() => subscribe('data.restored', () => window.location.reload()), []);
  // Locked: what the screens had loaded leaves memory too, not only the page.
  const locked = status?.locked === true;
  useEffect(() => {
    if (locked) queryClient.removeQueries({ type: 'inactive' });
  }, [locked]);

  const lockAfterIdle = useEffectEvent(() => {
    if (status?.hasPin && !status.locked) lock.mutate({});
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

  // Unknown whether Koers is locked, or it could not lock itself when it should: nothing of the app may show.
  const failure = query.error ?? lock.error;
  if (failure) {
    const retry = () => {
      lock.reset();
      void query.refetch();
    };
    return <StartupFailure step="lock" error={failure} onRetry={retry} />;
  }
  if (!status) return null;
  if (status.locked) return <LockScreen waitSeconds={status.waitSeconds} />;
  return <>{children}</>;
}

type LockMethod = 'lock.setPin' | 'lock.setMinutes' | 'lock.lock' | 'lock.unlock';

/** The lock's methods answer with its state: that answer is the lock's state on every screen at once. */
export function useLockMutate<M extends LockMethod>(method: M) {
  return useMutate(method, {
    onSuccess: (status) =>
      queryClient.setQueryData(remote('lock.status', {}).queryKey, status as Output<'lock.status'>),
  });
}

/** A PIN box: what is typed stays hidden, and a touch keyboard offers digits. */
export function PinField(props: Omit<ComponentProps<typeof TextField>, 'type' | 'inputMode'>) {
  return <TextField {...props} type="password" inputMode="numeric" />;
}

/** The back-off after wrong PINs as a deadline on this page's clock, and the clock's last tick. */
function waitFrom(seconds: number | null): { until: number; now: number } | null {
  return seconds === null ? null : { until: Date.now() + seconds * 1000, now: Date.now() };
}

function LockScreen({ waitSeconds }: { waitSeconds: number | null }) {
  const { t } = useTranslation();
  const titleId = useId();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [wait, setWait] = useState(() => waitFrom(waitSeconds));
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    const before = document.title;
    document.title = t('app.name');
    form.current?.querySelector('input')?.focus();
    return () => {
      document.title = before;
    };
  }, [t]);

  // The countdown: a tick a second while Koers makes the user wait, none after.
  const until = wait?.until;
  useEffect(() => {
    if (until === undefined) return;
    const timer = setInterval(
      () => setWait((w) => (w && Date.now() < w.until ? { ...w, now: Date.now() } : null)),
      1000,
    );
    return () => clearInterval(timer);
  }, [until]);
  const left = wait ? Math.ceil((wait.until - wait.now) / 1000) : 0;

  const unlock = useLockMutate('lock.unlock');
  /** After a refusal: main knows how long to wait. */
  const refresh = async () => {
    const status = await queryClient.fetchQuery(remote('lock.status', {}));
    setWait(waitFrom(status.waitSeconds));
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (left > 0) return;
    setBusy(true);
    try {
      await unlock.mutateAsync({ pin });
    } catch (failure) {
      const refused =
        failure instanceof KoersError && (failure.code === 'validation' || failure.details?.reason === 'pin_wait');
      setError(!refused ? t('errors.internal') : failure.code === 'validation' ? t('safety.lock.wrong') : undefined);
      setPin('');
      if (refused) await refresh().catch(() => setError(t('errors.internal')));
    } finally {
      setBusy(false);
    }
  };
  const waitText =
    left <= 0
      ? undefined
      : left < 60
        ? t('safety.lock.waitSeconds', { count: left })
        : t('safety.lock.waitMinutes', { count: Math.ceil(left / 60) });
  return (
    <main className="lock-screen" aria-labelledby={titleId}>
      <form ref={form} className="panel lock-panel" onSubmit={(e) => void submit(e)} noValidate>
        <h1 id={titleId}>{t('safety.lock.title')}</h1>
        <p>{t('safety.lock.intro')}</p>
        <PinField label={t('safety.lock.pin')} name="pin" value={pin} onChange={setPin} error={error} hint={waitText} />
        <button type="submit" disabled={busy || pin.length === 0 || left > 0}>
          {t('safety.lock.unlock')}
        </button>
      </form>
    </main>
  );
}
