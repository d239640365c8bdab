import { type Kysely, sql, type Transaction } from 'kysely';
import type { ClientRow, Database } from '../schema';

/**
 * Taking an import back (issue 20). An import runs in one transaction in which nothing else writes,
 * and SQLite gives each new row a rowid above the table's highest: so the rows with a rowid above
 * the highest before it are, while its transaction is still open, exactly the rows it wrote. Their
 * ids are kept; undo deletes those rows and puts the clients it updated back as they were. It is
 * refused, changing nothing, when anything was done since to what the import wrote: a to-do ticked
 * off, a note added, a client, caseworker or list item changed, or a row elsewhere pointing at one.
 */

/** The tables an import writes, children before parents (the order undo deletes in). */
const WRITTEN = [
  'note',
  'action',
  'closure',
  'stage_change',
  'handover',
  'goal',
  'scoring',
  'client',
  'caseworker',
  'catalog_item',
] as const;
type Written = (typeof WRITTEN)[number];
/** Tables whose rows hang on a client. */
const CLIENT_ROWS = ['note', 'action', 'closure', 'stage_change', 'handover', 'goal', 'scoring'] as const;
/** Written tables whose rows carry updated_at, so a later change shows. */
const CHANGEABLE = ['client', 'action', 'note', 'scoring', 'caseworker', 'catalog_item'] as const;
/** Bound values per statement, well under SQLite's limit. */
const CHUNK = 5_000;

/** Per table, the highest rowid before an import. */
export type RowMarks = Record<Written, number>;

export async function rowMarks(db: Kysely<Database>): Promise<RowMarks> {
  const marks = {} as RowMarks;
  for (const table of WRITTEN) {
    const { rows } = await sql<{ n: number }>`SELECT coalesce(max(rowid), 0) AS n FROM ${sql.table(table)}`.execute(db);
    marks[table] = Number(rows[0]?.n ?? 0);
  }
  return marks;
}

export interface ImportRows {
  /** Per table, the ids of the rows it wrote. */
  ids: Record<Written, string[]>;
  /** When it ran: its rows carry it as updated_at until someone changes them. */
  at: string;
  /** The clients it updated or closed, as they were before (each once). */
  before: readonly ClientRow[];
}

/** The ids of the rows written since `from`: call it inside the import's transaction, at its end. */
export async function writtenSince(db: Kysely<Database>, from: RowMarks): Promise<ImportRows['ids']> {
  const ids = {} as ImportRows['ids'];
  for (const table of WRITTEN) {
    const { rows } = await sql<{ id: string }>`SELECT id FROM ${sql.table(table)} WHERE rowid > ${from[table]}`.execute(
      db,
    );
    ids[table] = rows.map((r) => r.id);
  }
  return ids;
}

const chunks = <T>(items: readonly T[]) =>
  Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

async function count(db: Kysely<Database>, query: ReturnType<typeof sql<{ n: number }>>): Promise<number> {
  return Number((await query.execute(db)).rows[0]?.n ?? 0);
}

/** How many of the import's rows, or rows of its clients, were changed or added since it ran. */
export async function changedSinceImport(db: Kysely<Database>, rows: ImportRows): Promise<number> {
  let changed = 0;
  for (const table of CHANGEABLE)
    for (const ids of chunks(rows.ids[table]))
      changed += await count(
        db,
        sql`SELECT count(*) AS n FROM ${sql.table(table)} WHERE id IN (${sql.join(ids)}) AND updated_at <> ${rows.at}`,
      );
  for (const ids of chunks(rows.ids.closure))
    changed += await count(
      db,
      sql`SELECT count(*) AS n FROM closure WHERE id IN (${sql.join(ids)}) AND reopened_on IS NOT NULL`,
    );
  for (const ids of chunks(rows.before.map((c) => c.id)))
    changed += await count(
      db,
      sql`SELECT count(*) AS n FROM client WHERE id IN (${sql.join(ids)}) AND updated_at <> ${rows.at}`,
    );
  // Rows added to its clients since (a note, a to-do, a scoring), not by the import itself.
  const clientIds = [...rows.ids.client, ...rows.before.map((c) => c.id)];
  for (const table of CLIENT_ROWS) {
    const own = new Set(rows.ids[table]);
    for (const ids of chunks(clientIds)) {
      const { rows: added } = await sql<{ id: string }>`SELECT id FROM ${sql.table(table)}
        WHERE client_id IN (${sql.join(ids)}) AND created_at >= ${rows.at}`.execute(db);
      changed += added.filter((row) => !own.has(row.id)).length;
    }
  }
  return changed;
}

/**
 * Deletes what the import wrote and restores the clients it updated. Returns how many rows elsewhere
 * still point at a deleted one (a client given to a caseworker it created, a list item used since):
 * the caller then rolls the transaction back.
 */
export async function undoImportRows(trx: Transaction<Database>, rows: ImportRows): Promise<number> {
  // Checked once at the end, below: a reference from anywhere then refuses the undo as a whole.
  await sql`PRAGMA defer_foreign_keys = ON`.execute(trx);
  for (const ids of chunks(rows.ids.scoring)) await trx.deleteFrom('score').where('scoring_id', 'in', ids).execute();
  for (const table of WRITTEN) {
    if (table === 'client')
      for (const { id, ...row } of rows.before) await trx.updateTable('client').set(row).where('id', '=', id).execute();
    for (const ids of chunks(rows.ids[table]))
      await sql`DELETE FROM ${sql.table(table)} WHERE id IN (${sql.join(ids)})`.execute(trx);
  }
  const { rows: dangling } = await sql<{ parent: string }>`PRAGMA foreign_key_check`.execute(trx);
  return dangling.filter((row) => (WRITTEN as readonly string[]).includes(row.parent)).length;
}
