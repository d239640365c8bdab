import { type Kysely, sql } from 'kysely';

/** As the app's 0004: scoring sheets and their versions, scorings, scores, goals, coverage targets. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE sheet (
      id text PRIMARY KEY,
      name text NOT NULL,
      description text,
      retired_at text,
      created_at text NOT NULL,
      updated_at text NOT NULL,
      updated_by text,
      deleted_at text,
      team_id uuid NOT NULL REFERENCES team,
      row_version bigint NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX sheet_pull ON sheet (team_id, row_version)`.execute(db);

  await sql`
    CREATE TABLE sheet_target_group (
      target_group_id text PRIMARY KEY REFERENCES catalog_item DEFERRABLE INITIALLY DEFERRED,
      sheet_id text NOT NULL REFERENCES sheet DEFERRABLE INITIALLY DEFERRED,
      team_id uuid NOT NULL REFERENCES team,
      row_version bigint NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX sheet_target_group_pull ON sheet_target_group (team_id, row_version)`.execute(db);

  await sql`
    CREATE TABLE sheet_version (
      id text PRIMARY KEY,
      sheet_id text NOT NULL REFERENCES sheet DEFERRABLE INITIALLY DEFERRED,
      number integer NOT NULL,
      published_at text,
      created_at text NOT NULL,
      created_by text,
      team_id uuid NOT NULL REFERENCES team,
      row_version bigint NOT NULL,
      CONSTRAINT sheet_version_number UNIQUE (sheet_id, number)
    )`.execute(db);
  await sql`CREATE INDEX sheet_version_pull ON sheet_version (team_id, row_version)`.execute(db);

  await sql`
    CREATE TABLE indicator (
      id text PRIMARY KEY,
      version_id text NOT NULL REFERENCES sheet_version DEFERRABLE INITIALLY DEFERRED,
      key text NOT NULL,
      position integer NOT NULL,
      name text NOT NULL,
      description text,
      scale_min integer NOT NULL,
      scale_max integer NOT NULL,
      team_id uuid NOT NULL REFERENCES team,
      row_version bigint NOT NULL,
      CONSTRAINT indicator_key_per_version UNIQUE (version_id, key),
      CONSTRAINT indicator_scale CHECK (scale_min < scale_max)
    )`.execute(db);
  await sql`CREATE INDEX indicator_pull ON indicator (team_id, row_version)`.execute(db);

  await sql`
    CREATE TABLE indicator_level (
      indicator_id text NOT NULL REFERENCES indicator DEFERRABLE INITIALLY DEFERRED,
      value integer NOT NULL,
      label text NOT NULL,
      description text,
      team_id uuid NOT NULL REFERENCES team,
      row_version bigint NOT NULL,
      CONSTRAINT indicator_level_pk PRIMARY KEY (indicator_id, value)
    )`.execute(db);
  await sql`CREATE INDEX indicator_level_pull ON indicator_level (team_id, row_version)`.execute(db);

  await sql`
    CREATE TABLE scoring (
      id text PRIMARY KEY,
      client_id text NOT NULL REFERENCES client DEFERRABLE INITIALLY DEFERRED,
      version_id text NOT NULL REFERENCES sheet_version DEFERRABLE INITIALLY DEFERRED,
      scored_on text NOT NULL,
      scored_by text NOT NULL CHECK (scored_by IN ('caseworker', 'client', 'together')),
      caseworker_id text REFERENCES caseworker DEFERRABLE INITIALLY DEFERRED,
      created_at text NOT NULL,
      updated_at text NOT NULL,
      updated_by text,
      deleted_at text,
      team_id uuid NOT NULL REFERENCES team,
      row_version bigint NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX scoring_pull ON scoring (team_id, row_version)`.execute(db);
  await sql`CREATE INDEX scoring_client ON scoring (client_id, scored_on)`.execute(db);

  await sql`
    CREATE TABLE score (
      scoring_id text NOT NULL REFERENCES scoring DEFERRABLE INITIALLY DEFERRED,
      indicator_id text NOT NULL REFERENCES indicator DEFERRABLE INITIALLY DEFERRED,
      indicator_key text NOT NULL,
      value integer,
      comment text,
      team_id uuid NOT NULL REFERENCES team,
      row_version bigint NOT NULL,
      CONSTRAINT score_pk PRIMARY KEY (scoring_id, indicator_id)
    )`.execute(db);
  await sql`CREATE INDEX score_pull ON score (team_id, row_version)`.execute(db);

  await sql`
    CREATE TABLE goal (
      id text PRIMARY KEY,
      client_id text NOT NULL REFERENCES client DEFERRABLE INITIALLY DEFERRED,
      indicator_key text NOT NULL,
      target integer NOT NULL,
      target_date text,
      created_at text NOT NULL,
      updated_at text NOT NULL,
      updated_by text,
      deleted_at text,
      team_id uuid NOT NULL REFERENCES team,
      row_version bigint NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX goal_pull ON goal (team_id, row_version)`.execute(db);
  await sql`CREATE UNIQUE INDEX goal_client_indicator ON goal (client_id, indicator_key) WHERE deleted_at IS NULL`.execute(
    db,
  );

  await sql`ALTER TABLE catalog_item ADD COLUMN rescore_weeks integer`.execute(db);

  await sql`
    CREATE TABLE coverage_target (
      id text PRIMARY KEY,
      share double precision NOT NULL,
      due_on text NOT NULL,
      created_at text NOT NULL,
      created_by text,
      team_id uuid NOT NULL REFERENCES team,
      row_version bigint NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX coverage_target_pull ON coverage_target (team_id, row_version)`.execute(db);
}
