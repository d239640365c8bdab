import { type Kysely, sql } from 'kysely';

/**
 * The server's own tables, before the app's: teams (and their version counter), the
 * accounts that map a signed-in subject to a caseworker and team, devices with their
 * last applied push, conflicts and rejections for delivery, revocations and the audit
 * log. DDL as constant SQL: PostgreSQL types and deferrable keys say exactly what we mean.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE team (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL,
      notes_visible_to_key_persons boolean NOT NULL DEFAULT false,
      -- Bumped inside each push: row versions strictly increase per team.
      row_counter bigint NOT NULL DEFAULT 0
    )`.execute(db);

  await sql`
    CREATE TABLE account (
      subject text PRIMARY KEY,
      caseworker_id text NOT NULL,
      team_id uuid NOT NULL REFERENCES team,
      role text NOT NULL CHECK (role IN ('caseworker', 'key_person')),
      created_at timestamptz NOT NULL DEFAULT now(),
      disabled_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX account_team ON account (team_id)`.execute(db);

  await sql`
    CREATE TABLE device (
      subject text NOT NULL REFERENCES account ON DELETE CASCADE,
      id text NOT NULL,
      last_sequence bigint NOT NULL DEFAULT 0,
      first_seen_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (subject, id)
    )`.execute(db);

  await sql`
    CREATE TABLE conflict (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      team_id uuid NOT NULL REFERENCES team,
      addressed_to text NOT NULL,
      table_name text NOT NULL,
      row_key jsonb NOT NULL,
      pushed jsonb NOT NULL,
      server_row_version bigint NOT NULL,
      device text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      row_version bigint NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX conflict_delivery ON conflict (team_id, addressed_to, row_version)`.execute(db);

  await sql`
    CREATE TABLE rejection (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      team_id uuid NOT NULL REFERENCES team,
      subject text NOT NULL,
      device text NOT NULL,
      sequence bigint NOT NULL,
      table_name text NOT NULL,
      row_key jsonb NOT NULL,
      reason text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      row_version bigint NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX rejection_delivery ON rejection (team_id, subject, row_version)`.execute(db);

  await sql`
    CREATE TABLE client_revocation (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      team_id uuid NOT NULL REFERENCES team,
      client_id text NOT NULL,
      from_caseworker_id text,
      to_caseworker_id text,
      to_team_id uuid NOT NULL REFERENCES team,
      row_version bigint NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX client_revocation_delivery ON client_revocation (team_id, row_version)`.execute(db);

  // A privacy erasure removes the row for real; its key (no content) stays so other laptops erase it too.
  await sql`
    CREATE TABLE erased_row (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      team_id uuid NOT NULL REFERENCES team,
      table_name text NOT NULL,
      row_key jsonb NOT NULL,
      row_version bigint NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX erased_row_delivery ON erased_row (team_id, row_version)`.execute(db);

  // Who did what, never the content.
  await sql`
    CREATE TABLE audit_event (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      subject text NOT NULL,
      caseworker_id text,
      team_id uuid NOT NULL REFERENCES team,
      device text,
      action text NOT NULL,
      client_ids text[] NOT NULL DEFAULT '{}',
      counts jsonb NOT NULL DEFAULT '{}',
      outcome text NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX audit_event_team_at ON audit_event (team_id, at)`.execute(db);
}
