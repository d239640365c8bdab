import type { Kysely } from 'kysely';
import type { Role, SyncNoticeKind } from '../../common/enums';
import type { Database } from '../schema';

/** Which team on which server this database is a copy of, as whom, from which device. */
export interface TeamLink {
  serverUrl: string;
  teamId: string;
  teamName: string;
  caseworkerId: string;
  role: Role;
  deviceId: string;
}

/** Makes this database a copy of the team's: from now on every write is queued for the push. */
export async function linkTeam(db: Kysely<Database>, link: TeamLink): Promise<void> {
  await db
    .updateTable('sync_state')
    .set({
      server_url: link.serverUrl,
      team_id: link.teamId,
      team_name: link.teamName,
      caseworker_id: link.caseworkerId,
      role: link.role,
      device_id: link.deviceId,
      capturing: 1,
    })
    .execute();
}

export async function teamLink(db: Kysely<Database>): Promise<TeamLink | null> {
  const s = await db.selectFrom('sync_state').selectAll().executeTakeFirstOrThrow();
  if (!s.server_url || !s.team_id || !s.caseworker_id || !s.role || !s.device_id) return null;
  return {
    serverUrl: s.server_url,
    teamId: s.team_id,
    teamName: s.team_name ?? '',
    caseworkerId: s.caseworker_id,
    role: s.role,
    deviceId: s.device_id,
  };
}

/** When the copy last took in everything the server had; null before the first full pull. */
export async function syncedAt(db: Kysely<Database>): Promise<string | null> {
  return (await db.selectFrom('sync_state').select('synced_at').executeTakeFirstOrThrow()).synced_at;
}

export interface Notice {
  id: string;
  kind: SyncNoticeKind;
  table: string;
  key: string;
  pushed: string | null;
  reason: string | null;
  at: string;
}

/** Conflicts and refusals the caseworker has not decided on yet, oldest first. */
export async function openNotices(db: Kysely<Database>): Promise<Notice[]> {
  const rows = await db
    .selectFrom('sync_notice')
    .select(['id', 'kind', 'table_name', 'row_key', 'pushed', 'reason', 'at'])
    .where('resolved_at', 'is', null)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map(({ table_name, row_key, ...n }) => ({ ...n, table: table_name, key: row_key }));
}
