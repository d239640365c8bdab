import { type Kysely, sql, type Transaction } from 'kysely';
import type { Cookie, PullAnswer, SyncedRow } from '../../common/sync/protocol';
import { clientOf, type SyncedTableName } from '../../common/sync/tables';
import type { Database } from '../schema';
import { formatPseudonym } from './clients';
import { withoutCapture } from './outbox';
import { eraseClientRows, eraseNotes } from './privacy';
import { clientRowKeys, dropQueued, forgetRows } from './sync-forget';
import { preparedQuery } from '../prepared';
import { compilable, deleteRow, keyText, parseKey, readRow, sameRow, writeRows } from './sync-rows';

/**
 * The pull side of the laptop's copy. A pull's pages wait in `sync_inbox` until the last one is
 * in: rows come oldest version first, so a note may arrive a page before the client it belongs
 * to. Then they are applied in small transactions, parents first, with capture off (they are the
 * server's already), each one atomic, so the window keeps answering between them and a pull
 * killed halfway goes on where it was.
 */

type Page = Extract<PullAnswer, { kind: 'changes' }>;

/** Parents before children, so each row applied finds what it refers to (a to-do may refer to a note). */
export const APPLY_ORDER: readonly SyncedTableName[] = [
  'caseworker',
  'catalog_item',
  'coverage_target',
  'sheet',
  'sheet_version',
  'sheet_target_group',
  'indicator',
  'indicator_level',
  'sheet_translation',
  'household',
  'client',
  'stage_change',
  'handover',
  'closure',
  'goal',
  'consent',
  'scoring',
  'score',
  'paper_sheet',
  'note',
  'note_version',
  'action',
];

/** Where a waiting change goes in the order of applying: revoked clients, erasures children first, rows parents first. */
function rankOf(op: 'put' | 'erase' | 'revoke', table: SyncedTableName): number {
  const position = APPLY_ORDER.indexOf(table);
  if (op === 'revoke') return 0;
  if (op === 'erase') return 1 + (APPLY_ORDER.length - 1 - position);
  return 1 + APPLY_ORDER.length + position;
}

/** Rows per statement when a page is kept: 6 values each, well under SQLite's limit of bound values. */
const STAGE_ROWS = 100;

/** A newer version of a row replaces an older one waiting; a row never replaces a waiting erasure. */
const stageRows = preparedQuery((db, shape: { n: number }, v: Record<string, string | number | null>) =>
  compilable(
    db,
    sql`INSERT INTO sync_inbox (table_name, row_key, op, row, version, client_id, rank)
      VALUES ${sql.join(
        Array.from(
          { length: shape.n },
          (_, j) =>
            sql`(${v[`t${j}`]}, ${v[`k${j}`]}, 'put', ${v[`r${j}`]}, ${v[`v${j}`]}, ${v[`c${j}`]}, ${v[`o${j}`]})`,
        ),
      )}
      ON CONFLICT (table_name, row_key) DO UPDATE SET op = excluded.op, row = excluded.row, version = excluded.version,
        client_id = excluded.client_id, rank = excluded.rank
      WHERE sync_inbox.op = 'revoke' OR (sync_inbox.op = 'put' AND sync_inbox.version <= excluded.version)`,
  ),
);

/**
 * Keeps rows of a page (a newer version of a row replaces an older one waiting), in one
 * transaction. A page's rows may take several: kept again after a crash, they are the same rows.
 */
export async function keepRows(db: Kysely<Database>, rows: Page['rows']): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += STAGE_ROWS) {
      const part = rows.slice(i, i + STAGE_ROWS);
      await stageRows(
        trx,
        { n: part.length },
        Object.fromEntries(
          part.flatMap(({ table, row, version }, j) => [
            [`t${j}`, table],
            [`k${j}`, keyText(table, row)],
            [`r${j}`, JSON.stringify(row)],
            [`v${j}`, version],
            [`c${j}`, clientOf({ table, row })],
            [`o${j}`, rankOf('put', table)],
          ]),
        ),
      );
    }
  });
}

/**
 * Ends a page whose rows are kept: its erasures and revoked clients (which take the client's
 * waiting rows with them), the server's notices, and the cookie to ask the next page from — in
 * one transaction.
 */
export async function keepPageEnd(db: Kysely<Database>, page: Omit<Page, 'rows'>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const { table, key } of page.erased)
      await stage(trx, table, keyText(table, key), 'erase', clientOf({ table, row: key }));
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
    .values({
      table_name: table,
      row_key: key,
      op,
      row: null,
      version: null,
      client_id: clientId,
      rank: rankOf(op, table),
    })
    .onConflict((oc) =>
      oc.columns(['table_name', 'row_key']).doUpdateSet({ op, row: null, version: null, rank: rankOf(op, table) }),
    )
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
    const next = await nextWaiting(trx, null, { limit });
    const applied: Applied = { rows: next.length, erased: false, conflicts: 0 };
    const seen: [SyncedTableName, string, number][] = [];
    // Rows to write, gathered per table: the chunk comes ordered by table, so parents still go first.
    let writing: { table: SyncedTableName; rows: SyncedRow[] } | null = null;
    const flush = async () => {
      if (writing?.table === 'client') await makeRoomForPseudonyms(trx, writing.rows);
      if (writing) await writeRows(trx, writing.table, writing.rows);
      if (writing?.table === 'client') await countPastPseudonyms(trx);
      writing = null;
    };
    await withoutCapture(trx, async () => {
      for (const item of next) {
        const table = item.table_name as SyncedTableName;
        if (item.op === 'put') {
          const outcome = await applyRow(trx, table, item, now);
          if (outcome.conflict) applied.conflicts += 1;
          if (outcome.write) {
            if (writing?.table !== table) await flush();
            (writing ??= { table, rows: [] }).rows.push(outcome.write);
          }
          seen.push([table, item.row_key, item.version ?? 0]);
        } else {
          await flush();
          await eraseLocally(trx, table, parseKey(item.row_key), item.op);
          applied.erased = true;
        }
      }
      await flush();
    });
    await recordSeen(trx, seen);
    await dropWaiting(trx, null, { limit });
    return applied;
  });
}

/**
 * Writes rows the server sent straight in, parents first, and records their versions: a join with
 * data takes the team's lists this way inside its own transaction (the caller turns capture off).
 * The next pull finds them seen and unchanged.
 */
export async function takeTeamRows(trx: Transaction<Database>, rows: Page['rows']): Promise<void> {
  for (const table of APPLY_ORDER) {
    const mine = rows.filter((r) => r.table === table);
    if (mine.length === 0) continue;
    await writeRows(
      trx,
      table,
      mine.map((r) => r.row),
    );
    await recordSeen(
      trx,
      mine.map(({ row, version }) => [table, keyText(table, row), version]),
    );
  }
}

/** The next waiting changes in the order of applying, with what this laptop holds of each. */
const nextWaiting = preparedQuery((db, _shape: null, v: { limit: number }) =>
  db
    .selectFrom('sync_inbox as i')
    .leftJoin('sync_seen as s', (join) =>
      join.onRef('s.table_name', '=', 'i.table_name').onRef('s.row_key', '=', 'i.row_key'),
    )
    .leftJoin('sync_outbox as o', (join) =>
      join.onRef('o.table_name', '=', 'i.table_name').onRef('o.row_key', '=', 'i.row_key'),
    )
    .select([
      'i.table_name',
      'i.row_key',
      'i.op',
      'i.row',
      'i.version',
      's.version as seen',
      's.pushed',
      'o.seq as queued',
    ])
    .orderBy('i.rank')
    .orderBy('i.version')
    .limit(v.limit),
);

const dropWaiting = preparedQuery((db, _shape: null, v: { limit: number }) =>
  db
    .deleteFrom('sync_inbox')
    .where(
      sql.ref('rowid'),
      'in',
      db.selectFrom('sync_inbox').select(sql.ref('rowid').as('r')).orderBy('rank').orderBy('version').limit(v.limit),
    ),
);

/** Rows per statement when versions are recorded: 3 values each. */
const SEEN_ROWS = 150;

const markSeen = preparedQuery((db, shape: { n: number }, v: Record<string, string | number | null>) =>
  compilable(
    db,
    sql`INSERT INTO sync_seen (table_name, row_key, version, pushed)
      VALUES ${sql.join(Array.from({ length: shape.n }, (_, j) => sql`(${v[`t${j}`]}, ${v[`k${j}`]}, ${v[`v${j}`]}, NULL)`))}
      ON CONFLICT (table_name, row_key) DO UPDATE SET version = excluded.version, pushed = NULL`,
  ),
);

/** The versions this laptop now holds of these rows, a few per statement. */
async function recordSeen(
  trx: Transaction<Database>,
  seen: readonly (readonly [SyncedTableName, string, number])[],
): Promise<void> {
  for (let i = 0; i < seen.length; i += SEEN_ROWS) {
    const part = seen.slice(i, i + SEEN_ROWS);
    await markSeen(
      trx,
      { n: part.length },
      Object.fromEntries(
        part.flatMap(([table, key, version], j) => [
          [`t${j}`, table],
          [`k${j}`, key],
          [`v${j}`, version],
        ]),
      ),
    );
  }
}

interface Waiting {
  row_key: string;
  row: string | null;
  version: number | null;
  seen: number | null;
  pushed: string | null;
  queued: number | null;
}

/**
 * One row from the server. Three cases, by what this laptop holds of it:
 * - the echo of its own last push: only the version is new (a later local edit stays queued);
 * - a local change not yet pushed: the server's newer row wins here, and the local one is kept as
 *   a conflict for the caseworker to choose from (nothing is silently dropped);
 * - otherwise the server's row replaces the local one.
 * Returns whether it was a conflict, and the row to write (none: this laptop has it already).
 */
async function applyRow(
  trx: Transaction<Database>,
  table: SyncedTableName,
  item: Waiting,
  now: string,
): Promise<{ conflict: boolean; write: SyncedRow | null }> {
  const row = JSON.parse(item.row ?? '{}') as SyncedRow;
  const key = item.row_key;
  // The server may give a new client another pseudonym (two laptops numbered it alike): still the echo.
  const echo = item.pushed
    ? sameRow(withoutPseudonym(table, JSON.parse(item.pushed) as SyncedRow), withoutPseudonym(table, row))
    : false;
  // A row never seen nor changed here is new to this laptop (a first pull): nothing to compare.
  const current = item.seen !== null || item.queued !== null ? await readRow(trx, table, parseKey(key)) : undefined;
  let conflict = false;
  if (!echo && item.queued !== null) {
    if (current && !sameRow(current, row)) {
      await trx
        .insertInto('sync_notice')
        .values({
          id: `local:${table}:${key}:${item.version ?? 0}`,
          kind: 'conflict',
          table_name: table,
          row_key: key,
          pushed: JSON.stringify(current),
          reason: null,
          at: now,
          resolved_at: null,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      conflict = true;
    }
    await trx.deleteFrom('sync_outbox').where('seq', '=', item.queued).execute();
  }
  // An unchanged row is left alone: no rewrite of its pages or its words in the index.
  const write = !(echo && item.queued !== null) && !(current && sameRow(current, row));
  return { conflict, write: write ? row : null };
}

function withoutPseudonym(table: SyncedTableName, row: SyncedRow): SyncedRow {
  if (table !== 'client') return row;
  const { pseudonym: _given, ...rest } = row;
  return rest;
}

/**
 * Pseudonyms are unique here as in the team. A client of this laptop holding a pseudonym the
 * server gave another (a colleague numbered hers first) takes the next free number here, and is
 * queued so the server learns it (it gives the team's own if that one is taken too).
 */
async function makeRoomForPseudonyms(trx: Transaction<Database>, rows: readonly SyncedRow[]): Promise<void> {
  for (const row of rows) {
    if (typeof row.pseudonym !== 'string' || typeof row.id !== 'string') continue;
    const holder = await trx
      .selectFrom('client')
      .select('id')
      .where('pseudonym', '=', row.pseudonym)
      .where('id', '<>', row.id)
      .executeTakeFirst();
    if (!holder) continue;
    const counted = await trx
      .selectFrom('sequence')
      .select('value')
      .where('name', '=', 'client_pseudonym')
      .executeTakeFirst();
    const taken = new Set(rows.map((r) => r.pseudonym));
    let number = Math.max(counted?.value ?? 0, await highestPseudonym(trx)) + 1;
    while (taken.has(formatPseudonym(number))) number += 1;
    await trx
      .updateTable('client')
      .set({ pseudonym: formatPseudonym(number) })
      .where('id', '=', holder.id)
      .execute();
    await trx
      .insertInto('sequence')
      .values({ name: 'client_pseudonym', value: number })
      .onConflict((oc) => oc.column('name').doUpdateSet({ value: number }))
      .execute();
    // Capture is off while a pull is applied: this change is this laptop's own, so it is queued by hand.
    await trx
      .insertInto('sync_outbox')
      .values({ table_name: 'client', row_key: keyText('client', { id: holder.id }) })
      .onConflict((oc) =>
        oc.columns(['table_name', 'row_key']).doUpdateSet((eb) => ({ touched: eb('touched', '+', 1) })),
      )
      .execute();
  }
}

/** The highest number among the pseudonyms here (K-0042 → 42). */
async function highestPseudonym(trx: Transaction<Database>): Promise<number> {
  const { rows } = await sql<{ n: number | null }>`SELECT max(CAST(substr(pseudonym, 3) AS INTEGER)) AS n FROM client
    WHERE pseudonym GLOB 'K-[0-9]*'`.execute(trx);
  return Number(rows[0]?.n ?? 0);
}

/** New clients here are numbered after every pseudonym the team's pull brought. */
async function countPastPseudonyms(trx: Transaction<Database>): Promise<void> {
  const highest = await highestPseudonym(trx);
  await trx
    .insertInto('sequence')
    .values({ name: 'client_pseudonym', value: highest })
    .onConflict((oc) => oc.column('name').doUpdateSet({ value: sql<number>`max(sequence.value, excluded.value)` }))
    .execute();
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
