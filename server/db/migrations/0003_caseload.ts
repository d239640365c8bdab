import { type Kysely, sql } from 'kysely';

/**
 * As the app's 0003: roles, the lists, households, stage history, handovers, closures and
 * to-dos. The app's shipped list items are not inserted here: lists belong to a team.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE caseworker ADD COLUMN role text NOT NULL DEFAULT 'caseworker'`.execute(db);
  await sql`ALTER TABLE caseworker ADD COLUMN deactivated_at text`.execute(db);

  await sql`
    CREATE TABLE catalog_item (
      id text PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('target_group', 'stage', 'closure_reason')),
      default_key text,
      name text,
      position integer NOT NULL,
      weight double precision NOT NULL DEFAULT 1,
      retired_at text,
      created_at text NOT NULL,
      updated_at text NOT NULL,
      updated_by text,
      deleted_at text,
      team_id uuid NOT NULL REFERENCES team,
      row_version bigint NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX catalog_item_pull ON catalog_item (team_id, row_version)`.execute(db);

  await sql`
    CREATE TABLE household (
      id text PRIMARY KEY,
      name text NOT NULL,
      caseworker_id text REFERENCES caseworker DEFERRABLE INITIALLY DEFERRED,
      created_at text NOT NULL,
      updated_at text NOT NULL,
      updated_by text,
      deleted_at text,
      team_id uuid NOT NULL REFERENCES team,
      row_version bigint NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX household_pull ON household (team_id, row_version)`.execute(db);
  await sql`CREATE INDEX household_caseworker ON household (caseworker_id)`.execute(db);

  await sql`
    ALTER TABLE client
      ADD COLUMN date_of_birth text,
      ADD COLUMN phone text,
      ADD COLUMN email text,
      ADD COLUMN target_group_id text REFERENCES catalog_item DEFERRABLE INITIALLY DEFERRED,
      ADD COLUMN stage_id text REFERENCES catalog_item DEFERRABLE INITIALLY DEFERRED,
      ADD COLUMN stage_since text,
      ADD COLUMN household_id text REFERENCES household DEFERRABLE INITIALLY DEFERRED,
      ADD COLUMN start_date text,
      ADD COLUMN status text NOT NULL DEFAULT 'active'`.execute(db);
  await sql`DROP INDEX client_caseworker`.execute(db);
  await sql`CREATE INDEX client_caseworker_status ON client (caseworker_id, status)`.execute(db);
  await sql`CREATE INDEX client_household ON client (household_id)`.execute(db);

  await sql`
    CREATE TABLE stage_change (
      id text PRIMARY KEY,
      client_id text NOT NULL REFERENCES client DEFERRABLE INITIALLY DEFERRED,
      from_stage_id text REFERENCES catalog_item DEFERRABLE INITIALLY DEFERRED,
      to_stage_id text NOT NULL REFERENCES catalog_item DEFERRABLE INITIALLY DEFERRED,
      changed_on text NOT NULL,
      created_at text NOT NULL,
      created_by text,
      team_id uuid NOT NULL REFERENCES team,
      row_version bigint NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX stage_change_pull ON stage_change (team_id, row_version)`.execute(db);
  await sql`CREATE INDEX stage_change_client ON stage_change (client_id, changed_on)`.execute(db);

  await sql`
    CREATE TABLE handover (
      id text PRIMARY KEY,
      client_id text NOT NULL REFERENCES client DEFERRABLE INITIALLY DEFERRED,
      from_caseworker_id text REFERENCES caseworker DEFERRABLE INITIALLY DEFERRED,
      to_caseworker_id text NOT NULL REFERENCES caseworker DEFERRABLE INITIALLY DEFERRED,
      handed_over_on text NOT NULL,
      note text,
      created_at text NOT NULL,
      created_by text,
      team_id uuid NOT NULL REFERENCES team,
      row_version bigint NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX handover_pull ON handover (team_id, row_version)`.execute(db);
  await sql`CREATE INDEX handover_client ON handover (client_id, handed_over_on)`.execute(db);

  await sql`
    CREATE TABLE closure (
      id text PRIMARY KEY,
      client_id text NOT NULL REFERENCES client DEFERRABLE INITIALLY DEFERRED,
      closed_on text NOT NULL,
      reason_id text NOT NULL REFERENCES catalog_item DEFERRABLE INITIALLY DEFERRED,
      outcome_note text,
      reopened_on text,
      created_at text NOT NULL,
      created_by text,
      reopened_by text,
      team_id uuid NOT NULL REFERENCES team,
      row_version bigint NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX closure_pull ON closure (team_id, row_version)`.execute(db);
  await sql`CREATE INDEX closure_client ON closure (client_id, closed_on)`.execute(db);

  await sql`
    CREATE TABLE action (
      id text PRIMARY KEY,
      client_id text NOT NULL REFERENCES client DEFERRABLE INITIALLY DEFERRED,
      title text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('task', 'appointment', 'follow_up')),
      due_date text NOT NULL,
      due_time text,
      done_at text,
      created_at text NOT NULL,
      updated_at text NOT NULL,
      updated_by text,
      deleted_at text,
      team_id uuid NOT NULL REFERENCES team,
      row_version bigint NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX action_pull ON action (team_id, row_version)`.execute(db);
  await sql`CREATE INDEX action_client ON action (client_id, due_date)`.execute(db);
}
