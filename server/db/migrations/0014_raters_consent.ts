import { type Kysely, sql } from 'kysely';

/** As the app's 0014: a scoring may be an external provider's (with its organisation); consent records per client. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE scoring DROP CONSTRAINT scoring_scored_by_check`.execute(db);
  await sql`ALTER TABLE scoring ADD CONSTRAINT scoring_scored_by_check
    CHECK (scored_by IN ('caseworker', 'client', 'together', 'provider'))`.execute(db);
  await sql`ALTER TABLE scoring ADD COLUMN organisation text`.execute(db);

  await sql`
    CREATE TABLE consent (
      id text PRIMARY KEY,
      client_id text NOT NULL REFERENCES client DEFERRABLE INITIALLY DEFERRED,
      purpose text NOT NULL,
      legal_basis text NOT NULL CHECK (legal_basis IN ('consent', 'contract', 'legal_obligation', 'vital_interests', 'public_task', 'legitimate_interests')),
      given_as text NOT NULL CHECK (given_as IN ('verbal', 'written', 'digital')),
      given_on text NOT NULL,
      valid_until text,
      withdrawn_on text,
      remark text,
      created_at text NOT NULL,
      updated_at text NOT NULL,
      updated_by text,
      deleted_at text,
      team_id uuid NOT NULL REFERENCES team,
      row_version bigint NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX consent_pull ON consent (team_id, row_version)`.execute(db);
  await sql`CREATE INDEX consent_client ON consent (client_id)`.execute(db);
}
