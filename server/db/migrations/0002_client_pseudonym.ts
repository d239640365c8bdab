import { type Kysely, sql } from 'kysely';

/**
 * As the app's 0002, the pseudonym column. The app's counter table is local, and so is its
 * uniqueness: each laptop numbers its own clients, so the server does not index them unique.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE client ADD COLUMN pseudonym text`.execute(db);
}
