import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format';
import { remote } from '../query';
import { useSession } from '../session';

/**
 * On a team laptop, what the team's figures are as of: the last time the copy took in everything
 * the team server had. Nothing on a laptop that works alone.
 */
export function DataAsOf() {
  const { t } = useTranslation();
  const { language } = useSession();
  // Kept current by main's sync.status events (followMain).
  const status = useQuery(remote('sync.status', {})).data;
  if (!status?.team) return null;
  return (
    <p className="hint sync-as-of" data-testid="data-as-of">
      {status.syncedAt
        ? t('sync.asOf.at', { date: formatDateTime(status.syncedAt, language), team: status.team.teamName })
        : t('sync.asOf.never', { team: status.team.teamName })}
    </p>
  );
}
