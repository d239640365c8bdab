import { type Kysely, sql } from 'kysely';

/**
 * As the app's 0001, plus `team_id` and `row_version` on every synced table. Foreign keys
 * are deferred to commit: a pushed batch may name a row before the row that it refers to.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE caseworker (
      id text PRIMARY KEY,
      name text NOT NULL,
      created_at text NOT NULL,
      updated_at text NOT NULL,
      updated_by text,
      deleted_at text,
      team_id uuid NOT NULL REFERENCES team,
      row_version bigint NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX caseworker_pull ON caseworker (team_id, row_version)`.execute(db);

  await sql`
    CREATE TABLE client (
      id text PRIMARY KEY,
      reference text,
      first_name text NOT NULL,
      last_name text NOT NULL,
      caseworker_id text REFERENCES caseworker DEFERRABLE INITIALLY DEFERRED,
      created_at text NOT NULL,
      updated_at text NOT NULL,
      updated_by text,
      deleted_at text,
      team_id uuid NOT NULL REFERENCES team,
      row_version bigint NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX client_pull ON client (team_id, row_version)`.execute(db);
  // The app's rule, per team: a reference number is unique among a team's live clients.
  await sql`CREATE UNIQUE INDEX client_reference_unique ON client (team_id, reference) WHERE deleted_at IS NULL`.execute(
    db,
  );
  await sql`CREATE INDEX client_caseworker ON client (caseworker_id)`.execute(db);
}
