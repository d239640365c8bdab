import { type Kysely, sql } from 'kysely';
import { SYNCED_TABLES, type SyncedTableName } from '../../common/sync/tables';

/** Columns the server adds to every synced table; a laptop never sends or receives them. */
export const SERVER_COLUMNS = ['team_id', 'row_version'] as const;

export type TableColumns = ReadonlyMap<SyncedTableName, readonly string[]>;

/**
 * The app's columns of each synced table as the database has them, read once at start: pushed rows
 * are checked against them (a column the server does not know is refused, never guessed at).
 */
export async function readTableColumns<DB>(db: Kysely<DB>): Promise<TableColumns> {
  const { rows } = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = current_schema() and table_name in (${sql.join(SYNCED_TABLES.map((t) => t.name))})
    order by table_name, ordinal_position`.execute(db);
  const columns = new Map<SyncedTableName, string[]>();
  for (const table of SYNCED_TABLES) columns.set(table.name, []);
  for (const row of rows) {
    if ((SERVER_COLUMNS as readonly string[]).includes(row.column_name)) continue;
    columns.get(row.table_name as SyncedTableName)?.push(row.column_name);
  }
  for (const [name, list] of columns) if (list.length === 0) throw new Error(`The synced table ${name} is missing.`);
  return columns;
}
