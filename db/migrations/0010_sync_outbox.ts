import { type Kysely, sql } from 'kysely';
import { captureChanges } from './schema-edits';

/**
 * Change capture for team sync (issue 18): every insert, update and delete of a synced table
 * queues its row in `sync_outbox`, by a trigger, in the transaction of the write itself — so no
 * write path (handlers, imports, erasure, the retention purge, a future one) can change a row
 * without it being queued. Nothing is queued until the laptop joins a team (`sync_state.capturing`),
 * nor while a pull is being applied (`sync_state.applying`, set inside that transaction only).
 *
 * The outbox holds which row changed, not what: the push reads the row as it is then (gone: an
 * erasure). One entry per row, at the place of its first change, so parents go before children;
 * `touched` counts later changes, so a push that read an entry removes it only if it is unchanged.
 *
 * The tables and their keys are written out as they are at this version (common/sync/tables.ts
 * may grow; a later migration adds triggers for a new table).
 */
const CAPTURED: readonly (readonly [table: string, key: readonly string[]])[] = [
  ['caseworker', ['id']],
  ['catalog_item', ['id']],
  ['coverage_target', ['id']],
  ['sheet', ['id']],
  ['sheet_version', ['id']],
  ['sheet_target_group', ['target_group_id']],
  ['indicator', ['id']],
  ['indicator_level', ['indicator_id', 'value']],
  ['household', ['id']],
  ['client', ['id']],
  ['action', ['id']],
  ['goal', ['id']],
  ['stage_change', ['id']],
  ['handover', ['id']],
  ['closure', ['id']],
  ['scoring', ['id']],
  ['score', ['scoring_id', 'indicator_id']],
  ['note', ['id']],
  ['note_version', ['id']],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sync_outbox')
    .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('table_name', 'text', (c) => c.notNull())
    .addColumn('row_key', 'text', (c) => c.notNull())
    .addColumn('touched', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('sync_outbox_row', ['table_name', 'row_key'])
    .execute();
  await db.schema
    .createTable('sync_state')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('capturing', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('applying', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`INSERT INTO sync_state (id) VALUES (1)`.execute(db);

  for (const [table, key] of CAPTURED) await captureChanges(db, table, key);
}
