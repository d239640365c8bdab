import { type Kysely, sql } from 'kysely';

/** As the app's 0015: the client's language; translations of sheet versions (the team's, as sheets are). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE client ADD COLUMN language text`.execute(db);
  await sql`
    CREATE TABLE sheet_translation (
      id text PRIMARY KEY,
      version_id text NOT NULL REFERENCES sheet_version DEFERRABLE INITIALLY DEFERRED,
      language text NOT NULL,
      texts text NOT NULL,
      created_at text NOT NULL,
      updated_at text NOT NULL,
      updated_by text,
      deleted_at text,
      team_id uuid NOT NULL REFERENCES team,
      row_version bigint NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX sheet_translation_pull ON sheet_translation (team_id, row_version)`.execute(db);
}
