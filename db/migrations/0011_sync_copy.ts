import { type Kysely, sql } from 'kysely';

/**
 * The laptop's side of team sync (issue 18), beside the outbox of 0010:
 * - `sync_state` learns which team on which server this database is a copy of, as which
 *   caseworker, from which device, and where the copy stands (the pull's cookie);
 * - `sync_seen`: the server's version of each row as last pulled, sent back as a push's base
 *   version so the server can tell an edit of the current row from one of an older copy;
 * - `sync_batch`: numbered push batches, written before they are sent, so a batch sent but not
 *   answered goes again with the same number (the server applies each number once);
 * - `sync_inbox`: a pull's pages, kept until all of them are in and applied in parent-first order;
 * - `sync_notice`: changes the server refused or kept as a conflict, for the caseworker to decide.
 *
 * And a pull may write published sheet versions: the triggers that keep them unchanged (0004)
 * let the server's rows through while a pull is applied: what the server holds is the team's.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const state = db.schema.alterTable('sync_state');
  for (const column of ['server_url', 'team_id', 'team_name', 'caseworker_id', 'role', 'device_id', 'cookie'])
    await state.addColumn(column, 'text').execute();
  // The cookie of pages in the inbox not yet applied: the next page is asked from here.
  await state.addColumn('pending_cookie', 'text').execute();
  await state.addColumn('next_sequence', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await state.addColumn('synced_at', 'text').execute();

  await db.schema
    .createTable('sync_seen')
    .addColumn('table_name', 'text', (c) => c.notNull())
    .addColumn('row_key', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    // What this laptop pushed of the row, until the pull brings it back: see db/queries/sync-copy.ts.
    .addColumn('pushed', 'text')
    .addPrimaryKeyConstraint('sync_seen_key', ['table_name', 'row_key'])
    .modifyEnd(sql`WITHOUT ROWID`)
    .execute();

  await db.schema
    .createTable('sync_batch')
    .addColumn('sequence', 'integer', (c) => c.primaryKey())
    .addColumn('changes', 'text', (c) => c.notNull())
    // The outbox entries (seq, touched) the batch was built from, settled when it is applied.
    .addColumn('taken', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sync_inbox')
    .addColumn('table_name', 'text', (c) => c.notNull())
    .addColumn('row_key', 'text', (c) => c.notNull())
    // 'put' (row and version set) or 'erase' (the key only); revoked clients are 'revoke' on table client.
    .addColumn('op', 'text', (c) => c.notNull())
    .addColumn('row', 'text')
    .addColumn('version', 'integer')
    .addColumn('client_id', 'text')
    // The order to apply in: revoked clients, then erasures (children first), then rows (parents first).
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('sync_inbox_key', ['table_name', 'row_key'])
    .execute();
  await db.schema.createIndex('sync_inbox_client').on('sync_inbox').column('client_id').execute();
  await db.schema.createIndex('sync_inbox_order').on('sync_inbox').columns(['rank', 'version']).execute();

  await db.schema
    .createTable('sync_notice')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('conflict', 'rejection')`))
    .addColumn('table_name', 'text', (c) => c.notNull())
    .addColumn('row_key', 'text', (c) => c.notNull())
    .addColumn('pushed', 'text')
    .addColumn('reason', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .execute();

  const published = (versionId: string) =>
    `(SELECT published_at FROM sheet_version WHERE id = ${versionId}) IS NOT NULL`;
  const ofIndicator = (id: string) => published(`(SELECT version_id FROM indicator WHERE id = ${id})`);
  const frozen = [
    ['indicator_frozen_insert', 'INSERT', 'indicator', published('NEW.version_id')],
    ['indicator_frozen_update', 'UPDATE', 'indicator', published('OLD.version_id')],
    ['indicator_frozen_delete', 'DELETE', 'indicator', published('OLD.version_id')],
    ['level_frozen_insert', 'INSERT', 'indicator_level', ofIndicator('NEW.indicator_id')],
    ['level_frozen_update', 'UPDATE', 'indicator_level', ofIndicator('OLD.indicator_id')],
    ['level_frozen_delete', 'DELETE', 'indicator_level', ofIndicator('OLD.indicator_id')],
    ['version_frozen_update', 'UPDATE', 'sheet_version', 'OLD.published_at IS NOT NULL'],
    ['version_frozen_delete', 'DELETE', 'sheet_version', 'OLD.published_at IS NOT NULL'],
  ] as const;
  for (const [name, event, table, when] of frozen) {
    // DDL cannot take bound parameters; every part here is a constant of this file.
    await sql.raw(`DROP TRIGGER IF EXISTS ${name}`).execute(db);
    await sql
      .raw(
        `CREATE TRIGGER ${name} BEFORE ${event} ON ${table}
         WHEN ${when} AND NOT (SELECT applying FROM sync_state)
         BEGIN SELECT RAISE(ABORT, 'published sheet versions are immutable'); END`,
      )
      .execute(db);
  }
}
