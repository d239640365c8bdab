import { type Kysely, sql, type Transaction } from 'kysely';
import type { ClientRow, Database } from '../schema';

/**
 * Taking an import back (issue 20). An import runs in one transaction, and SQLite gives each new
 * row the next rowid, so the rows it wrote are, per table, those between the highest rowid before
 * it and the highest after it: undo deletes exactly those and puts the clients it updated back as
 * they were. Refused when anything was done since to what the import touched — a to-do ticked off,
 * a note written, a client changed — as undo would lose that work.
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
/** Rows an import writes that can be changed afterwards (they carry updated_at). */
const CHANGEABLE = ['client', 'action', 'note', 'scoring'] as const;
/** Bound values per statement, well under SQLite's limit. */
const CHUNK = 5_000;

/** Per table, the highest rowid: taken before and after an import, the two bound what it wrote. */
export type RowMarks = Record<Written, number>;

export async function rowMarks(db: Kysely<Database>): Promise<RowMarks> {
  const marks = {} as RowMarks;
  for (const table of WRITTEN)
    marks[table] = Number(
      (await sql<{ n: number }>`SELECT coalesce(max(rowid), 0) AS n FROM ${sql.table(table)}`.execute(db)).rows[0]?.n ??
        0,
    );
  return marks;
}

export interface ImportRows {
  from: RowMarks;
  to: RowMarks;
  /** When it ran: its rows carry it as updated_at until someone changes them. */
  at: string;
  /** The clients it updated or closed, as they were before. */
  before: readonly ClientRow[];
}

const inRange = ({ from, to }: ImportRows, table: Written) => sql`rowid > ${from[table]} AND rowid <= ${to[table]}`;

async function count(db: Kysely<Database>, query: ReturnType<typeof sql<{ n: number }>>): Promise<number> {
  return Number((await query.execute(db)).rows[0]?.n ?? 0);
}

/** How many of the import's rows, or rows of its clients, were changed or added since it ran. */
export async function changedSinceImport(db: Kysely<Database>, rows: ImportRows): Promise<number> {
  let changed = 0;
  for (const table of CHANGEABLE)
    changed += await count(
      db,
      sql`SELECT count(*) AS n FROM ${sql.table(table)} WHERE ${inRange(rows, table)} AND updated_at <> ${rows.at}`,
    );
  const created = await sql<{ id: string }>`SELECT id FROM client WHERE ${inRange(rows, 'client')}`.execute(db);
  const updated = rows.before.map((c) => c.id);
  changed += await count(
    db,
    sql`SELECT count(*) AS n FROM client WHERE id IN (${sql.join(updated.length > 0 ? updated : [null])})
      AND updated_at <> ${rows.at}`,
  );
  const clientIds = [...created.rows.map((c) => c.id), ...updated];
  for (let i = 0; i < clientIds.length; i += CHUNK)
    for (const table of CLIENT_ROWS)
      changed += await count(
        db,
        sql`SELECT count(*) AS n FROM ${sql.table(table)}
          WHERE client_id IN (${sql.join(clientIds.slice(i, i + CHUNK))}) AND rowid > ${rows.to[table]}`,
      );
  return changed;
}

/** Deletes what the import wrote and restores the clients it updated. */
export async function undoImportRows(trx: Transaction<Database>, rows: ImportRows): Promise<void> {
  await sql`DELETE FROM score WHERE scoring_id IN (SELECT id FROM scoring WHERE ${inRange(rows, 'scoring')})`.execute(
    trx,
  );
  for (const table of WRITTEN) {
    if (table === 'client')
      for (const { id, ...row } of rows.before) await trx.updateTable('client').set(row).where('id', '=', id).execute();
    await sql`DELETE FROM ${sql.table(table)} WHERE ${inRange(rows, table)}`.execute(trx);
  }
}
