import { type Kysely, sql } from 'kysely';

/** As the app's 0016: printed paper sheets with their codes, per client. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE paper_sheet (
      id text PRIMARY KEY,
      code text NOT NULL,
      client_id text NOT NULL REFERENCES client DEFERRABLE INITIALLY DEFERRED,
      version_id text NOT NULL REFERENCES sheet_version DEFERRABLE INITIALLY DEFERRED,
      printed_on text NOT NULL,
      scoring_id text REFERENCES scoring DEFERRABLE INITIALLY DEFERRED,
      created_at text NOT NULL,
      updated_at text NOT NULL,
      updated_by text,
      deleted_at text,
      team_id uuid NOT NULL REFERENCES team,
      row_version bigint NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX paper_sheet_pull ON paper_sheet (team_id, row_version)`.execute(db);
  await sql`CREATE INDEX paper_sheet_client ON paper_sheet (client_id)`.execute(db);
}
