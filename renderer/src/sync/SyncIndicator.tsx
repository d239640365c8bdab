import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './sync.css';
import type { TeamSyncStatus } from '../../../common/contract';
import type { Language } from '../../../common/languages';
import { formatDateTime } from '../format';
import { remote, useMutate } from '../query';
import { href } from '../router';
import { useSession } from '../session';

/** Ticks every half minute, so "2 minutes ago" moves on by itself. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** "just now", "2 minutes ago", "3 hours ago", or the date and time when longer. */
export function ago(iso: string, now: number, language: Language, justNow: string): string {
  const minutes = Math.floor((now - Date.parse(iso)) / 60_000);
  if (minutes < 1) return justNow;
  const relative = new Intl.RelativeTimeFormat(language, { numeric: 'always' });
  if (minutes < 60) return relative.format(-minutes, 'minute');
  if (minutes < 24 * 60) return relative.format(-Math.floor(minutes / 60), 'hour');
  return formatDateTime(iso, language);
}

/** What the status line says: the problem first, else when it last synchronised; changes waiting after. */
export function useSyncSentence(status: TeamSyncStatus): string {
  const { t } = useTranslation();
  const { language } = useSession();
  const now = useNow();
  const waiting = status.waiting > 0 ? t('sync.status.waiting', { count: status.waiting }) : '';
  const main = status.syncing
    ? t('sync.status.syncing')
    : status.problem
      ? t(`sync.status.${status.problem}`)
      : status.syncedAt
        ? t('sync.status.synced', { ago: ago(status.syncedAt, now, language, t('sync.status.justNow')) })
        : t('sync.status.never');
  return [main, waiting].filter(Boolean).join(' — ');
}

/** The network is back: synchronise now rather than at the next minute or back-off. */
function useSyncWhenOnline(joined: boolean): void {
  const { mutate } = useMutate('sync.now');
  useEffect(() => {
    if (!joined) return;
    const online = () => mutate({});
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [joined, mutate]);
}

/** The quiet line in the header while this laptop is a team's copy; it leads to Settings › Team. */
export function SyncIndicator() {
  const { t } = useTranslation();
  // Kept current by main's sync.status events (followMain).
  const status = useQuery(remote('sync.status', {})).data;
  useSyncWhenOnline(Boolean(status?.team));
  if (!status?.team) return null;
  return (
    <>
      <Indicator status={status} label={t('sync.status.label')} />
      {status.notices > 0 && (
        <a className="sync-status needs-user" href={href({ page: 'conflicts' })}>
          {t('sync.status.notices', { count: status.notices })}
        </a>
      )}
    </>
  );
}

function Indicator({ status, label }: { status: TeamSyncStatus; label: string }) {
  const sentence = useSyncSentence(status);
  const needsUser = status.problem !== null && !['offline', 'busy', 'server'].includes(status.problem);
  return (
    <a
      className={`sync-status${needsUser ? ' needs-user' : ''}`}
      href={`${href({ page: 'settings' })}`}
      aria-label={`${label}: ${sentence}`}
      data-problem={status.problem ?? undefined}
    >
      <span aria-hidden="true" className="sync-dot" />
      {sentence}
    </a>
  );
}
