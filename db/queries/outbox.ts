import type { Kysely, Transaction } from 'kysely';
import { SYNCED_TABLES, type SyncedTableName } from '../../common/sync/tables';
import type { Database } from '../schema';

/**
 * The outbox of team sync: which synced rows changed since the last push. The triggers of
 * migration 0010 fill it in the transaction of every write; this module turns capture on and
 * off, applies pulls without capture, and hands the queue to the push.
 */

export type RowKey = Record<string, string | number | null>;

/** A queued change: a row of a synced table, by its key, as of its `touched`-th change. */
export interface QueuedChange {
  seq: number;
  table: SyncedTableName;
  key: RowKey;
  touched: number;
}

const SYNCED_NAMES = new Set<string>(SYNCED_TABLES.map((t) => t.name));

/** Capture starts when the laptop joins a team and stops when it leaves: alone, Koers queues nothing. */
export async function setCapturing(db: Kysely<Database>, capturing: boolean): Promise<void> {
  await db
    .updateTable('sync_state')
    .set({ capturing: capturing ? 1 : 0 })
    .execute();
}

/**
 * Runs `work` inside `trx` with capture off: the rows a pull applies are the server's already,
 * and queueing them would send them back. Capture is on again before the transaction commits.
 */
export async function withoutCapture<T>(trx: Transaction<Database>, work: () => Promise<T>): Promise<T> {
  await trx.updateTable('sync_state').set({ applying: 1 }).execute();
  try {
    return await work();
  } finally {
    await trx.updateTable('sync_state').set({ applying: 0 }).execute();
  }
}

/** The oldest `limit` queued changes, in the order of their first change (parents before children). */
export async function queuedChanges(db: Kysely<Database>, limit: number): Promise<QueuedChange[]> {
  const rows = await db
    .selectFrom('sync_outbox')
    .select(['seq', 'table_name', 'row_key', 'touched'])
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map((row) => {
    if (!SYNCED_NAMES.has(row.table_name)) throw new Error(`The outbox names an unknown table ${row.table_name}`);
    return {
      seq: row.seq,
      table: row.table_name as SyncedTableName,
      key: JSON.parse(row.row_key) as RowKey,
      touched: row.touched,
    };
  });
}

/**
 * Removes changes the server has taken, in one transaction (the caller's, when given one); one
 * changed again since it was read (its `touched` moved on) stays queued, so that later change is
 * pushed too.
 */
export async function settleChanges(
  db: Kysely<Database>,
  taken: readonly Pick<QueuedChange, 'seq' | 'touched'>[],
): Promise<void> {
  const settle = async (trx: Kysely<Database>) => {
    for (const change of taken)
      await trx.deleteFrom('sync_outbox').where('seq', '=', change.seq).where('touched', '=', change.touched).execute();
  };
  if (db.isTransaction) await settle(db);
  else await db.transaction().execute(settle);
}

/** How many changes are waiting: the status says "3 changes waiting". */
export async function countQueued(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('sync_outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
