import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema';
import { updated } from '../tracked';

/** Puts clients on the meeting list; those already on it keep their place. Returns how many were added. */
export async function addToMeetingList(
  db: Transaction<Database>,
  clientIds: readonly string[],
  at: string,
  by: string | null,
): Promise<number> {
  let added = 0;
  // Chunks keep each statement well under SQLite's bound-parameter limit.
  for (let i = 0; i < clientIds.length; i += 500) {
    const result = await db
      .updateTable('client')
      .set({ meeting_listed_at: at, ...updated(at, by) })
      .where('id', 'in', clientIds.slice(i, i + 500))
      .where('meeting_listed_at', 'is', null)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    added += Number(result.numUpdatedRows);
  }
  return added;
}

/** Takes clients off the meeting list. Returns how many were on it. */
export async function removeFromMeetingList(
  db: Transaction<Database>,
  clientIds: readonly string[],
  at: string,
  by: string | null,
): Promise<number> {
  let removed = 0;
  for (let i = 0; i < clientIds.length; i += 500) {
    const result = await db
      .updateTable('client')
      .set({ meeting_listed_at: null, ...updated(at, by) })
      .where('id', 'in', clientIds.slice(i, i + 500))
      .where('meeting_listed_at', 'is not', null)
      .executeTakeFirst();
    removed += Number(result.numUpdatedRows);
  }
  return removed;
}

/** The ids on the meeting list, in the order they were put on it; only one caseworker's when given. */
export async function meetingListIds(db: Kysely<Database>, caseworkerId?: string): Promise<string[]> {
  let query = db
    .selectFrom('client')
    .select('id')
    .where('meeting_listed_at', 'is not', null)
    .where('deleted_at', 'is', null);
  if (caseworkerId) query = query.where('caseworker_id', '=', caseworkerId);
  const rows = await query.orderBy('meeting_listed_at').orderBy('id').execute();
  return rows.map((r) => r.id);
}
