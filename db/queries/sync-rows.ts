import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { SyncedRow } from '../../common/sync/protocol';
import { SYNCED_TABLES, type SyncedTable, type SyncedTableName } from '../../common/sync/tables';
import type { Database } from '../schema';

/**
 * Synced rows read and written by table name and key, for the push and the pull. Table and column
 * names come from the shared list (common/sync/tables.ts) and the database's own table_info, never
 * from what the server sent; values are bound.
 */

const TABLES = new Map<string, SyncedTable>(SYNCED_TABLES.map((t) => [t.name, t]));

export function syncedTable(name: string): SyncedTable {
  const table = TABLES.get(name);
  if (!table) throw new Error(`Unknown synced table ${name}`);
  return table;
}

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

/** The row as it is now, or undefined when it is gone. */
export async function readRow(
  db: Kysely<Database>,
  table: SyncedTableName,
  key: SyncedRow,
): Promise<SyncedRow | undefined> {
  const { rows } =
    await sql<SyncedRow>`SELECT * FROM ${sql.table(table)} WHERE ${whereKey(syncedTable(table), key)}`.execute(db);
  return rows[0];
}

/** Inserts the row, or replaces the one with its key. */
export async function writeRow(db: Kysely<Database>, table: SyncedTableName, row: SyncedRow): Promise<void> {
  const spec = syncedTable(table);
  const columns = await columnsOf(db, table);
  const rest = columns.filter((c) => !spec.key.includes(c));
  const update =
    rest.length === 0
      ? sql`DO NOTHING`
      : sql`DO UPDATE SET ${sql.join(rest.map((c) => sql`${sql.ref(c)} = excluded.${sql.ref(c)}`))}`;
  await sql`INSERT INTO ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))})
    VALUES (${sql.join(columns.map((c) => row[c] ?? null))})
    ON CONFLICT (${sql.join(spec.key.map((c) => sql.ref(c)))}) ${update}`.execute(db);
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
