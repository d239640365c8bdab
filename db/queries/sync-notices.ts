import type { Kysely } from 'kysely';
import type { SyncedRow } from '../../common/sync/protocol';
import { type SyncedTableName, syncedTable } from '../../common/sync/tables';
import type { Database } from '../schema';
import { parseKey, readRow, writeRows } from './sync-rows';

/**
 * The conflicts and refusals inbox: what the server kept as a conflict or refused, with the row as
 * it is here now, and the caseworker's choice. Keeping hers writes her version again as a new
 * change (captured, so it is pushed with the server's version as its base); keeping theirs, or
 * taking note of a refusal, only closes the notice. Nothing is dropped unseen.
 */

/** Bookkeeping columns: never shown as a difference. */
const BOOKKEEPING = new Set(['created_at', 'created_by', 'updated_at', 'updated_by', 'row_version', 'team_id']);

export interface OpenNotice {
  id: string;
  kind: 'conflict' | 'rejection';
  table: SyncedTableName;
  key: SyncedRow;
  reason: string | null;
  at: string;
  /** Her version (conflicts); null for a refusal, whose content the server did not send back. */
  mine: SyncedRow | null;
  /** The row as it is on this laptop now (the team's version); null when it is not here. */
  theirs: SyncedRow | null;
  /** The columns where the two differ (conflicts), bookkeeping and keys left out. */
  differing: string[];
}

export async function openNoticesWithRows(db: Kysely<Database>): Promise<OpenNotice[]> {
  const rows = await db
    .selectFrom('sync_notice')
    .selectAll()
    .where('resolved_at', 'is', null)
    .orderBy('at')
    .orderBy('id')
    .execute();
  const notices: OpenNotice[] = [];
  for (const n of rows) {
    const table = syncedTable(n.table_name).name as SyncedTableName;
    const key = parseKey(n.row_key);
    const mine = n.pushed === null ? null : (JSON.parse(n.pushed) as SyncedRow);
    const theirs = (await readRow(db, table, key)) ?? null;
    const keys = new Set(syncedTable(table).key);
    const differing = mine
      ? Object.keys(mine).filter(
          (c) => !BOOKKEEPING.has(c) && !keys.has(c) && (mine[c] ?? null) !== (theirs?.[c] ?? null),
        )
      : [];
    notices.push({ id: n.id, kind: n.kind, table, key, reason: n.reason, at: n.at, mine, theirs, differing });
  }
  return notices;
}

/** The notice was decided already (another window, a second click). */
export class NoticeGone extends Error {}
/** Her version cannot be written back: the row is no longer on this laptop (handed over, erased). */
export class RowGone extends Error {}

/**
 * Closes a notice. `mine`: her version of a conflict is written again (captured in the outbox) with
 * `now` and `actor` as its change. A refusal or `theirs` only closes it.
 */
export async function resolveNotice(
  db: Kysely<Database>,
  id: string,
  keep: 'mine' | 'theirs',
  now: string,
  actor: string | null,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const notice = await trx
      .selectFrom('sync_notice')
      .selectAll()
      .where('id', '=', id)
      .where('resolved_at', 'is', null)
      .executeTakeFirst();
    if (!notice) throw new NoticeGone(id);
    if (keep === 'mine' && notice.kind === 'conflict' && notice.pushed !== null) {
      const table = syncedTable(notice.table_name).name as SyncedTableName;
      if (!(await readRow(trx, table, parseKey(notice.row_key)))) throw new RowGone(id);
      const mine = JSON.parse(notice.pushed) as SyncedRow;
      const row = { ...mine, ...('updated_at' in mine ? { updated_at: now, updated_by: actor } : {}) };
      await writeRows(trx, table, [row]);
    }
    await trx.updateTable('sync_notice').set({ resolved_at: now }).where('id', '=', id).execute();
  });
}
