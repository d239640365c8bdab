import { type Kysely, sql, type Transaction } from 'kysely';
import { syncedTable, type SyncedTableName } from '../../common/sync/tables';
import type { Database } from '../schema';
import { withoutCapture } from './outbox';
import { eraseClientRows } from './privacy';
import { keyText } from './sync-rows';

/**
 * Joining and leaving a team, on the laptop's database: what a join replaces and what leaving
 * removes. Team sync's own tables are emptied with the link; personal data goes the way an
 * erasure does (secure_delete; the caller rewrites the note index and empties the log).
 */

/** Team-wide rows, children before parents: the order they can be deleted in. */
const TEAM_TABLES: readonly SyncedTableName[] = [
  'sheet_translation',
  'indicator_level',
  'indicator',
  'sheet_target_group',
  'sheet_version',
  'sheet',
  'coverage_target',
  'catalog_item',
  'caseworker',
];

/** Clients or households on this laptop: what a join must not drop. */
export async function hasCaseData(db: Kysely<Database>): Promise<boolean> {
  const client = await db.selectFrom('client').select('id').limit(1).executeTakeFirst();
  const household = await db.selectFrom('household').select('id').limit(1).executeTakeFirst();
  return Boolean(client ?? household);
}

/** Which of the team-wide rows go: those the team sent (`sync_seen`), those made here alone, or all. */
type Definitions = 'pulled' | 'local' | 'all';

async function deleteDefinitions(trx: Transaction<Database>, which: Definitions): Promise<number> {
  await sql`PRAGMA defer_foreign_keys = ON`.execute(trx);
  let deleted = 0;
  for (const table of TEAM_TABLES) {
    if (which === 'all') {
      deleted += Number((await trx.deleteFrom(table).executeTakeFirst()).numDeletedRows);
      continue;
    }
    const { key } = syncedTable(table);
    const seen = new Set(
      (await trx.selectFrom('sync_seen').select('row_key').where('table_name', '=', table).execute()).map(
        (r) => r.row_key,
      ),
    );
    const rows = (
      await sql<
        Record<string, string | number>
      >`SELECT ${sql.join(key.map((k) => sql.ref(k)))} FROM ${sql.table(table)}`.execute(trx)
    ).rows;
    for (const row of rows) {
      if (seen.has(keyText(table, row)) !== (which === 'pulled')) continue;
      await sql`DELETE FROM ${sql.table(table)} WHERE ${sql.join(
        key.map((k) => sql`${sql.ref(k)} = ${row[k]}`),
        sql` AND `,
      )}`.execute(trx);
      deleted += 1;
    }
  }
  return deleted;
}

/**
 * After a join's first pull: drops the lists, sheets and caseworkers this laptop had made on its
 * own (the team's came with the pull), without queueing them. Nothing refers to them: a laptop
 * joins without clients.
 */
export async function dropLocalDefinitions(db: Kysely<Database>): Promise<number> {
  return db.transaction().execute((trx) => withoutCapture(trx, () => deleteDefinitions(trx, 'local')));
}

/** Clients erased per transaction while leaving: the window answers in between. */
const CLIENTS_PER_TRANSACTION = 100;

/**
 * Leaving the team (`all`), or undoing a join whose first pull failed (`pulled`: the laptop's own
 * lists stay): every client with everything about them, the team's lists, sheets and caseworkers,
 * and all that sync kept (queue, seen versions, inbox, conflicts), then the link itself. Clients
 * go in batches (each atomic); the link goes last, so a leave cut short is finished by leaving again.
 */
export async function removeTeamData(
  db: Kysely<Database>,
  which: Exclude<Definitions, 'local'>,
  between: () => Promise<void>,
): Promise<void> {
  for (;;) {
    const ids = (await db.selectFrom('client').select('id').limit(CLIENTS_PER_TRANSACTION).execute()).map((c) => c.id);
    if (ids.length === 0) break;
    await db.transaction().execute((trx) =>
      withoutCapture(trx, async () => {
        for (const id of ids) await eraseClientRows(trx, id);
      }),
    );
    await between();
  }
  await db.transaction().execute((trx) =>
    withoutCapture(trx, async () => {
      // Households without members and their notes (erased clients took theirs along).
      await trx.updateTable('action').set({ note_id: null }).execute();
      await trx.deleteFrom('note_version').execute();
      await trx.deleteFrom('note').execute();
      await trx.deleteFrom('note_draft').execute();
      await trx.deleteFrom('household').execute();
      await deleteDefinitions(trx, which);
      await unlink(trx);
    }),
  );
}

/** Forgets the team: no link, nothing queued or kept for it, capture off. */
async function unlink(trx: Transaction<Database>): Promise<void> {
  await trx.deleteFrom('sync_outbox').execute();
  await trx.deleteFrom('sync_seen').execute();
  await trx.deleteFrom('sync_batch').execute();
  await trx.deleteFrom('sync_inbox').execute();
  await trx.deleteFrom('sync_notice').execute();
  await trx
    .updateTable('sync_state')
    .set({
      capturing: 0,
      server_url: null,
      team_id: null,
      team_name: null,
      caseworker_id: null,
      role: null,
      device_id: null,
      cookie: null,
      pending_cookie: null,
      synced_at: null,
      // A new device on the next join: its batches count from one.
      next_sequence: 1,
    })
    .execute();
}
