import { type Compilable, type Kysely, type RawBuilder, sql } from 'kysely';
import type { SyncedRow } from '../../common/sync/protocol';
import { type SyncedTable, type SyncedTableName, syncedTable } from '../../common/sync/tables';
import { preparedQuery } from '../prepared';
import type { Database } from '../schema';

/**
 * Synced rows read and written by table name and key, for the push and the pull. Table and column
 * names come from the shared list (common/sync/tables.ts) and the database's own table_info, never
 * from what the server sent; values are bound.
 */

/** The key of a row as the outbox triggers write it (SQLite's json_object: the key columns in order). */
export function keyText(table: SyncedTableName, row: SyncedRow): string {
  return JSON.stringify(Object.fromEntries(syncedTable(table).key.map((c) => [c, row[c] ?? null])));
}

export function parseKey(text: string): SyncedRow {
  return JSON.parse(text) as SyncedRow;
}

function whereKey(table: SyncedTable, key: SyncedRow): RawBuilder<unknown> {
  return sql.join(
    table.key.map((c) => sql`${sql.ref(c)} = ${key[c] ?? null}`),
    sql` AND `,
  );
}

/** Every database Koers opens is migrated to the same schema: the columns are read once per table. */
const columnCache = new Map<string, readonly string[]>();

/** The table's columns in this database (the migrations define them; the server has the same). */
export async function columnsOf(db: Kysely<Database>, table: SyncedTableName): Promise<readonly string[]> {
  const cached = columnCache.get(table);
  if (cached) return cached;
  const { rows } = await sql<{ name: string }>`SELECT name FROM pragma_table_info(${table})`.execute(db);
  const names = rows.map((r) => r.name);
  columnCache.set(table, names);
  return names;
}

type Values = Record<string, string | number | null>;

/** A raw statement as preparedQuery takes it (a query builder compiles by itself; raw SQL needs the connection). */
export function compilable<R>(db: Kysely<Database>, raw: RawBuilder<R>): Compilable<R> {
  return { compile: () => raw.compile(db) };
}

const selectRow = preparedQuery((db, shape: { table: SyncedTableName }, v: Values) => {
  const spec = syncedTable(shape.table);
  return compilable(
    db,
    sql<SyncedRow>`SELECT * FROM ${sql.table(shape.table)} WHERE ${sql.join(
      spec.key.map((c) => sql`${sql.ref(c)} = ${v[c]}`),
      sql` AND `,
    )}`,
  );
});

/** The row as it is now, or undefined when it is gone. */
export async function readRow(
  db: Kysely<Database>,
  table: SyncedTableName,
  key: SyncedRow,
): Promise<SyncedRow | undefined> {
  const values = Object.fromEntries(syncedTable(table).key.map((c) => [c, key[c] ?? null]));
  return (await selectRow(db, { table }, values))[0];
}

const upsertRows = preparedQuery(
  (db, shape: { table: SyncedTableName; columns: readonly string[]; n: number }, v: Values) => {
    const spec = syncedTable(shape.table);
    const rest = shape.columns.filter((c) => !spec.key.includes(c));
    const update =
      rest.length === 0
        ? sql`DO NOTHING`
        : sql`DO UPDATE SET ${sql.join(rest.map((c) => sql`${sql.ref(c)} = excluded.${sql.ref(c)}`))}`;
    const tuples = Array.from(
      { length: shape.n },
      (_, j) => sql`(${sql.join(shape.columns.map((c) => v[`${c}_${j}`]))})`,
    );
    return compilable(
      db,
      sql`INSERT INTO ${sql.table(shape.table)} (${sql.join(shape.columns.map((c) => sql.ref(c)))})
        VALUES ${sql.join(tuples)}
        ON CONFLICT (${sql.join(spec.key.map((c) => sql.ref(c)))}) ${update}`,
    );
  },
);

/** Rows per statement: fewer statements to run, still far under SQLite's limit of bound values. */
const WRITE_ROWS = 50;

/**
 * Inserts rows of one table, or replaces those with their keys, in order, a few per statement
 * (built and compiled once per table and count).
 */
export async function writeRows(
  db: Kysely<Database>,
  table: SyncedTableName,
  rows: readonly SyncedRow[],
): Promise<void> {
  const columns = await columnsOf(db, table);
  for (let i = 0; i < rows.length; i += WRITE_ROWS) {
    const part = rows.slice(i, i + WRITE_ROWS);
    const values: Values = {};
    part.forEach((row, j) => {
      for (const c of columns) values[`${c}_${j}`] = row[c] ?? null;
    });
    await upsertRows(db, { table, columns, n: part.length }, values);
  }
}

export async function deleteRow(db: Kysely<Database>, table: SyncedTableName, key: SyncedRow): Promise<void> {
  await sql`DELETE FROM ${sql.table(table)} WHERE ${whereKey(syncedTable(table), key)}`.execute(db);
}

/** Two versions of a row hold the same values (column order and absent-versus-null aside). */
export function sameRow(a: SyncedRow, b: SyncedRow): boolean {
  const columns = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const c of columns) if ((a[c] ?? null) !== (b[c] ?? null)) return false;
  return true;
}
