import { type Kysely, sql } from 'kysely';

/** As the app's 0007: retention per target group. The app's local audit log stays on the laptop (the server has audit_event). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE catalog_item ADD COLUMN retention_years integer`.execute(db);
}
