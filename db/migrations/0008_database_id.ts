import { type Kysely, sql } from 'kysely';
import { newId } from '../ids';

/**
 * Facts about the database itself. `database_id` names it for good (a copy or a
 * restored backup keeps it): its backups live in a folder of that name, so
 * colleagues sharing a backup folder never see, prune or restore each other's.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
  await sql`INSERT INTO meta (key, value) VALUES ('database_id', ${newId()})`.execute(db);
}
