import type { Kysely } from 'kysely';
import type { Database } from '../schema';

/** A UUID: it names a folder, so nothing else may pass. */
const DATABASE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isDatabaseId(value: unknown): value is string {
  return typeof value === 'string' && DATABASE_ID.test(value);
}

/** The id this database got when it was created (migration 0008); null before that migration. */
export async function readDatabaseId(db: Kysely<Database>): Promise<string | null> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', 'database_id').executeTakeFirst();
  if (!row) return null;
  if (!isDatabaseId(row.value)) throw new Error('The database id is not a UUID');
  return row.value;
}

/** Gives a database the id of the one it replaces (a restored backup stays that database). */
export async function writeDatabaseId(db: Kysely<Database>, id: string): Promise<void> {
  await db.updateTable('meta').set({ value: id }).where('key', '=', 'database_id').execute();
}
