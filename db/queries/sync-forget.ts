import { type Kysely, sql } from 'kysely';
import type { Change } from '../../common/sync/protocol';
import type { SyncedTableName } from '../../common/sync/tables';
import type { Database } from '../schema';
import { householdOnErasure } from './privacy';
import { keyText } from './sync-rows';

/**
 * What team sync keeps about rows besides the rows themselves: the last pushed copy (sync_seen),
 * conflicts with both versions (sync_notice) and batches waiting to be sent (sync_batch). An
 * erasure takes that with it, so no copy of an erased client's words is left in the file.
 */

/** Synced rows by table, as key texts (the outbox's form). */
export type RowKeys = Map<SyncedTableName, string[]>;

/** Every synced row an erasure of the client removes here: its own rows, and its household's when it was the last member. */
export async function clientRowKeys(db: Kysely<Database>, clientId: string): Promise<RowKeys> {
  const ofClient = (table: string) =>
    sql<{ k: string }>`SELECT json_object('id', id) AS k FROM ${sql.table(table)} WHERE client_id = ${clientId}`;
  const queries: [SyncedTableName, ReturnType<typeof sql<{ k: string }>>][] = [
    ['client', sql`SELECT json_object('id', ${clientId}) AS k`],
    ...(
      ['action', 'goal', 'consent', 'paper_sheet', 'stage_change', 'handover', 'closure', 'scoring', 'note'] as const
    ).map((t) => [t, ofClient(t)] as [SyncedTableName, ReturnType<typeof sql<{ k: string }>>]),
    [
      'score',
      sql`SELECT json_object('scoring_id', scoring_id, 'indicator_id', indicator_id) AS k FROM score
          WHERE scoring_id IN (SELECT id FROM scoring WHERE client_id = ${clientId})`,
    ],
    [
      'note_version',
      sql`SELECT json_object('id', id) AS k FROM note_version
          WHERE note_id IN (SELECT id FROM note WHERE client_id = ${clientId})`,
    ],
  ];
  if ((await householdOnErasure(db, clientId))?.erased) {
    const householdId = sql`(SELECT household_id FROM client WHERE id = ${clientId})`;
    queries.push(
      ['household', sql`SELECT json_object('id', ${householdId}) AS k`],
      ['note', sql`SELECT json_object('id', id) AS k FROM note WHERE household_id = ${householdId}`],
      [
        'note_version',
        sql`SELECT json_object('id', id) AS k FROM note_version
            WHERE note_id IN (SELECT id FROM note WHERE household_id = ${householdId})`,
      ],
    );
  }
  const keys: RowKeys = new Map();
  for (const [table, query] of queries) {
    const found = (await query.execute(db)).rows.map((r) => r.k);
    keys.set(table, [...(keys.get(table) ?? []), ...found]);
  }
  return keys;
}

/** Bound parameters per statement stay well under SQLite's limit. */
const CHUNK = 500;

function* chunks(keys: RowKeys): Generator<[SyncedTableName, string[]]> {
  for (const [table, list] of keys)
    for (let i = 0; i < list.length; i += CHUNK) yield [table, list.slice(i, i + CHUNK)];
}

/**
 * Forgets what sync holds of rows being erased: seen and pushed copies and notices go; a waiting
 * batch keeps its number (the server needs every number) but carries the row's erasure instead
 * of its content. Runs in the erasure's transaction.
 */
export async function forgetRows(db: Kysely<Database>, keys: RowKeys): Promise<void> {
  for (const [table, list] of chunks(keys)) {
    await db.deleteFrom('sync_seen').where('table_name', '=', table).where('row_key', 'in', list).execute();
    await db.deleteFrom('sync_notice').where('table_name', '=', table).where('row_key', 'in', list).execute();
  }
  const batches = await db.selectFrom('sync_batch').select(['sequence', 'changes']).execute();
  for (const batch of batches) {
    let touched = false;
    const changes = (JSON.parse(batch.changes) as Change[]).map((change): Change => {
      const key = keyText(change.table, change.row);
      if (change.op === 'delete' || !keys.get(change.table)?.includes(key)) return change;
      touched = true;
      return { table: change.table, op: 'delete', row: JSON.parse(key) as Change['row'], baseVersion: null };
    });
    if (touched)
      await db
        .updateTable('sync_batch')
        .set({ changes: JSON.stringify(changes) })
        .where('sequence', '=', batch.sequence)
        .execute();
  }
}

/** Drops queued changes of the rows (a client handed over: what was not pushed is no longer hers to send). */
export async function dropQueued(db: Kysely<Database>, keys: RowKeys): Promise<void> {
  for (const [table, list] of chunks(keys))
    await db.deleteFrom('sync_outbox').where('table_name', '=', table).where('row_key', 'in', list).execute();
}
