import { type Kysely, sql } from 'kysely';

/** As the app's 0009: the meeting-list mark on a client. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE client ADD COLUMN meeting_listed_at text`.execute(db);
}
