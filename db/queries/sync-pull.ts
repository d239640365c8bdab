import { type Kysely, sql, type Transaction } from 'kysely';
import type { Cookie, PullAnswer, SyncedRow } from '../../common/sync/protocol';
import type { SyncedTableName } from '../../common/sync/tables';
import type { Database } from '../schema';
import { withoutCapture } from './outbox';
import { eraseClientRows, eraseNotes } from './privacy';
import { clientRowKeys, dropQueued, forgetRows } from './sync-forget';
import { deleteRow, keyText, parseKey, readRow, sameRow, writeRow } from './sync-rows';

/**
 * The pull side of the laptop's copy. A pull's pages wait in `sync_inbox` until the last one is
 * in: rows come oldest version first, so a note may arrive a page before the client it belongs
 * to. Then they are applied in small transactions, parents first, with capture off (they are the
 * server's already), each one atomic, so the window keeps answering between them and a pull
 * killed halfway goes on where it was.
 */

type Page = Extract<PullAnswer, { kind: 'changes' }>;

/** Parents before children, so each row applied finds what it refers to (a to-do may refer to a note). */
const APPLY_ORDER: readonly SyncedTableName[] = [
  'caseworker',
  'catalog_item',
  'coverage_target',
  'sheet',
  'sheet_version',
  'sheet_target_group',
  'indicator',
  'indicator_level',
  'household',
  'client',
  'stage_change',
  'handover',
  'closure',
  'goal',
  'scoring',
  'score',
  'note',
  'note_version',
  'action',
];

const clientOf = (table: SyncedTableName, row: SyncedRow): string | null => {
  const value = table === 'client' ? row.id : row.client_id;
  return typeof value === 'string' ? value : null;
};

/**
 * Keeps one page: its rows (a newer version of a row replaces an older one waiting), erasures
 * and revoked clients (which take the client's waiting rows with them), the server's notices,
 * and the cookie to ask the next page from — all in one transaction.
 */
export async function stagePage(db: Kysely<Database>, page: Page): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const { table, row, version } of page.rows)
      await trx
        .insertInto('sync_inbox')
        .values({
          table_name: table,
          row_key: keyText(table, row),
          op: 'put',
          row: JSON.stringify(row),
          version,
          client_id: clientOf(table, row),
        })
        .onConflict((oc) =>
          oc
            .columns(['table_name', 'row_key'])
            .doUpdateSet((eb) => ({
              op: eb.ref('excluded.op'),
              row: eb.ref('excluded.row'),
              version: eb.ref('excluded.version'),
              client_id: eb.ref('excluded.client_id'),
            }))
            .where(sql<boolean>`NOT (sync_inbox.op = 'put' AND sync_inbox.version > excluded.version)`),
        )
        .execute();
    for (const { table, key } of page.erased)
      await stage(trx, table, keyText(table, key), 'erase', clientOf(table, key));
    for (const clientId of page.revoked) {
      await trx.deleteFrom('sync_inbox').where('client_id', '=', clientId).execute();
      await stage(trx, 'client', keyText('client', { id: clientId }), 'revoke', clientId);
    }
    for (const conflict of page.conflicts)
      await trx
        .insertInto('sync_notice')
        .values({
          id: `server:${conflict.id}`,
          kind: 'conflict',
          table_name: conflict.table,
          row_key: keyText(conflict.table, conflict.pushed),
          pushed: JSON.stringify(conflict.pushed),
          reason: null,
          at: conflict.at,
          resolved_at: null,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    for (const rejection of page.rejections) {
      const key = keyText(rejection.table, rejection.key);
      await trx
        .insertInto('sync_notice')
        .values({
          id: `server:${rejection.id}`,
          kind: 'rejection',
          table_name: rejection.table,
          row_key: key,
          pushed: null,
          reason: rejection.reason,
          at: rejection.at,
          resolved_at: null,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      // Refused: the server's row stays as it was and will not come back as the echo of this push.
      await trx
        .updateTable('sync_seen')
        .set({ pushed: null })
        .where('table_name', '=', rejection.table)
        .where('row_key', '=', key)
        .execute();
    }
    await trx
      .updateTable('sync_state')
      .set({ pending_cookie: JSON.stringify(page.cookie) })
      .execute();
  });
}

async function stage(
  trx: Transaction<Database>,
  table: SyncedTableName,
  key: string,
  op: 'erase' | 'revoke',
  clientId: string | null,
): Promise<void> {
  await trx
    .insertInto('sync_inbox')
    .values({ table_name: table, row_key: key, op, row: null, version: null, client_id: clientId })
    .onConflict((oc) => oc.columns(['table_name', 'row_key']).doUpdateSet({ op, row: null, version: null }))
    .execute();
}

export interface Applied {
  rows: number;
  /** Clients or rows were erased: the caller rewrites the full-text index and empties the log. */
  erased: boolean;
  /** Local changes the server's newer row replaced, kept as conflicts for the caseworker. */
  conflicts: number;
}

/**
 * Applies at most `limit` waiting changes in one transaction: revoked clients first, then
 * erasures (children before parents), then rows (parents first). Returns what it did; 0 rows
 * when the inbox is empty.
 */
export async function applyStaged(db: Kysely<Database>, limit: number, now: string): Promise<Applied> {
  return db.transaction().execute(async (trx) => {
    // A row and what refers to it may land in different transactions of one pull; within one the
    // order does not matter.
    await sql`PRAGMA defer_foreign_keys = ON`.execute(trx);
    const rank = sql<number>`CASE table_name ${sql.join(
      APPLY_ORDER.map((t, i) => sql`WHEN ${t} THEN ${i}`),
      sql` `,
    )} END`;
    const next = await trx
      .selectFrom('sync_inbox')
      .selectAll()
      .orderBy(sql`CASE op WHEN 'revoke' THEN 0 WHEN 'erase' THEN 1 ELSE 2 END`)
      .orderBy(sql`CASE op WHEN 'put' THEN ${rank} ELSE -${rank} END`)
      .orderBy('version')
      .limit(limit)
      .execute();
    const applied: Applied = { rows: next.length, erased: false, conflicts: 0 };
    await withoutCapture(trx, async () => {
      for (const item of next) {
        const table = item.table_name as SyncedTableName;
        if (item.op === 'put') {
          if (
            await applyRow(trx, table, item.row_key, JSON.parse(item.row ?? '{}') as SyncedRow, item.version ?? 0, now)
          )
            applied.conflicts += 1;
        } else {
          await eraseLocally(trx, table, parseKey(item.row_key), item.op);
          applied.erased = true;
        }
        await trx
          .deleteFrom('sync_inbox')
          .where('table_name', '=', item.table_name)
          .where('row_key', '=', item.row_key)
          .execute();
      }
    });
    return applied;
  });
}

/**
 * One row from the server. Three cases, by what this laptop holds of it:
 * - the echo of its own last push: only the version is new (a later local edit stays queued);
 * - a local change not yet pushed: the server's newer row wins here, and the local one is kept as
 *   a conflict for the caseworker to choose from (nothing is silently dropped);
 * - otherwise the server's row replaces the local one.
 * Returns true for a conflict.
 */
async function applyRow(
  trx: Transaction<Database>,
  table: SyncedTableName,
  key: string,
  row: SyncedRow,
  version: number,
  now: string,
): Promise<boolean> {
  const seen = await trx
    .selectFrom('sync_seen')
    .select('pushed')
    .where('table_name', '=', table)
    .where('row_key', '=', key)
    .executeTakeFirst();
  const queued = await trx
    .selectFrom('sync_outbox')
    .select('seq')
    .where('table_name', '=', table)
    .where('row_key', '=', key)
    .executeTakeFirst();
  const echo = seen?.pushed ? sameRow(JSON.parse(seen.pushed) as SyncedRow, row) : false;
  let conflict = false;
  if (!echo && queued) {
    const mine = await readRow(trx, table, parseKey(key));
    if (mine && !sameRow(mine, row)) {
      await trx
        .insertInto('sync_notice')
        .values({
          id: `local:${table}:${key}:${version}`,
          kind: 'conflict',
          table_name: table,
          row_key: key,
          pushed: JSON.stringify(mine),
          reason: null,
          at: now,
          resolved_at: null,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      conflict = true;
    }
    await trx.deleteFrom('sync_outbox').where('seq', '=', queued.seq).execute();
  }
  if (!(echo && queued)) {
    // An unchanged row is left alone: no rewrite of its pages or its words in the index.
    const current = await readRow(trx, table, parseKey(key));
    if (!current || !sameRow(current, row)) await writeRow(trx, table, row);
  }
  await trx
    .insertInto('sync_seen')
    .values({ table_name: table, row_key: key, version, pushed: null })
    .onConflict((oc) => oc.columns(['table_name', 'row_key']).doUpdateSet({ version, pushed: null }))
    .execute();
  return conflict;
}

/**
 * A row erased on the server, or a client this laptop may no longer hold (handed over): gone here
 * too, with everything that hangs on it, as a local erasure does (db/queries/privacy.ts). What was
 * queued or seen of it goes as well.
 */
async function eraseLocally(
  trx: Transaction<Database>,
  table: SyncedTableName,
  key: SyncedRow,
  op: 'erase' | 'revoke',
): Promise<void> {
  const id = typeof key.id === 'string' ? key.id : null;
  if (table === 'client' && id) {
    await dropQueued(trx, await clientRowKeys(trx, id));
    await eraseClientRows(trx, id);
  } else if (table === 'note' && id) {
    await eraseNotes(trx, [id]);
  } else if (table === 'household' && id) {
    const notes = await trx.selectFrom('note').select('id').where('household_id', '=', id).execute();
    await eraseNotes(
      trx,
      notes.map((n) => n.id),
    );
    await trx.updateTable('client').set({ household_id: null }).where('household_id', '=', id).execute();
    await deleteRow(trx, table, key);
  } else if (op === 'erase') {
    await deleteRow(trx, table, key);
  }
  const keys = new Map([[table, [keyText(table, key)]]]);
  await dropQueued(trx, keys);
  await forgetRows(trx, keys);
}

/** Every page is in and applied: the copy now stands at the pending cookie. */
export async function finishPull(db: Kysely<Database>, syncedAt: string): Promise<void> {
  await db
    .updateTable('sync_state')
    .set((eb) => ({ cookie: eb.ref('pending_cookie'), pending_cookie: null, synced_at: syncedAt }))
    .where('pending_cookie', 'is not', null)
    .execute();
}

export async function stagedCount(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('sync_inbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Where to pull from: the cookie of pages waiting, else of the copy, else nothing (the first pull). */
export async function pullCookie(db: Kysely<Database>): Promise<Cookie | null> {
  const state = await db.selectFrom('sync_state').select(['cookie', 'pending_cookie']).executeTakeFirstOrThrow();
  const text = state.pending_cookie ?? state.cookie;
  return text ? (JSON.parse(text) as Cookie) : null;
}
