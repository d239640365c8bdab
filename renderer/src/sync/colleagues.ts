import { useQuery } from '@tanstack/react-query';
import { remote } from '../query';
import { useSession } from '../session';

/**
 * A colleague's client on a key person's team laptop: read-only there but for its assignment
 * (as the server and the database's triggers have it), so the page offers only the handover.
 */
export function useColleaguesClient(caseworkerId: string | null): boolean {
  const session = useSession();
  const role = useQuery(remote('sync.status', {})).data?.team?.role;
  return role === 'key_person' && caseworkerId !== (session.info.currentCaseworker?.id ?? null);
}
