import { type Kysely, sql } from 'kysely';
import { captureChanges, colleaguesRowsReadOnly, widenCheck } from './schema-edits';

/**
 * The client's own voice (issue 19), part one.
 *
 * 1. More raters: a scoring may be made by an external provider (a re-integration company, a Danish
 *    "anden aktør", a job coach), whose organisation it names. The `scored_by` CHECK list is widened
 *    in place (every stored row stays valid); `organisation` is set for providers only.
 * 2. Consent records per client: for what, on which legal basis, how given, when, until when,
 *    withdrawn when. A client's row like any other: synced, read-only on a colleague's client
 *    on a key person's copy, erased with the client.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await widenCheck(db, 'scoring', `'client', 'together')`, `'client', 'together', 'provider')`);
  await sql`ALTER TABLE scoring ADD COLUMN organisation TEXT`.execute(db);

  await sql`CREATE TABLE consent (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES client (id),
    purpose TEXT NOT NULL,
    legal_basis TEXT NOT NULL CHECK (legal_basis IN ('consent', 'contract', 'legal_obligation', 'vital_interests', 'public_task', 'legitimate_interests')),
    given_as TEXT NOT NULL CHECK (given_as IN ('verbal', 'written', 'digital')),
    given_on TEXT NOT NULL,
    valid_until TEXT,
    withdrawn_on TEXT,
    remark TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT,
    deleted_at TEXT
  )`.execute(db);
  await sql`CREATE INDEX consent_client ON consent (client_id)`.execute(db);
  await captureChanges(db, 'consent', ['id']);
  await colleaguesRowsReadOnly(db, 'consent');
}
