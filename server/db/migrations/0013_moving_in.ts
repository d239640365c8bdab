import { type Kysely, sql } from 'kysely';

/** As the app's 0013: a note may be a `remark` (from a caseload sheet). The search table stays on the laptop. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE note DROP CONSTRAINT note_kind_check`.execute(db);
  await sql`ALTER TABLE note ADD CONSTRAINT note_kind_check
    CHECK (kind IN ('conversation', 'phone_call', 'home_visit', 'agreement', 'reflection', 'milestone', 'remark'))`.execute(
    db,
  );
}
