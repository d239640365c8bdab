import { type Kysely, sql } from 'kysely';

/** As the app's 0005: case notes and their versions. Drafts and the search index stay on the laptop. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE note (
      id text PRIMARY KEY,
      client_id text REFERENCES client DEFERRABLE INITIALLY DEFERRED,
      household_id text REFERENCES household DEFERRABLE INITIALLY DEFERRED,
      kind text NOT NULL
        CHECK (kind IN ('conversation', 'phone_call', 'home_visit', 'agreement', 'reflection', 'milestone')),
      noted_at text NOT NULL,
      body text NOT NULL,
      author_id text REFERENCES caseworker DEFERRABLE INITIALLY DEFERRED,
      pinned integer NOT NULL DEFAULT 0,
      created_at text NOT NULL,
      updated_at text NOT NULL,
      updated_by text,
      deleted_at text,
      team_id uuid NOT NULL REFERENCES team,
      row_version bigint NOT NULL,
      CONSTRAINT note_owner CHECK ((client_id IS NULL) <> (household_id IS NULL))
    )`.execute(db);
  await sql`CREATE INDEX note_pull ON note (team_id, row_version)`.execute(db);
  await sql`CREATE INDEX note_client ON note (client_id, noted_at)`.execute(db);
  await sql`CREATE INDEX note_household ON note (household_id, noted_at)`.execute(db);

  await sql`
    CREATE TABLE note_version (
      id text PRIMARY KEY,
      note_id text NOT NULL REFERENCES note DEFERRABLE INITIALLY DEFERRED,
      kind text NOT NULL,
      noted_at text NOT NULL,
      body text NOT NULL,
      pinned integer NOT NULL,
      written_at text NOT NULL,
      written_by text,
      team_id uuid NOT NULL REFERENCES team,
      row_version bigint NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX note_version_pull ON note_version (team_id, row_version)`.execute(db);
  await sql`CREATE INDEX note_version_note ON note_version (note_id, written_at)`.execute(db);

  await sql`ALTER TABLE action ADD COLUMN note_id text REFERENCES note DEFERRABLE INITIALLY DEFERRED`.execute(db);
}
