import { type Kysely, sql } from 'kysely';
import { captureChanges, colleaguesRowsReadOnly } from './schema-edits';

/**
 * The client's own voice (issue 19), part three: personalised paper sheets for home visits.
 * Each printed sheet has a short code (`paper_sheet.code`) that names the client, the sheet
 * version and the date, so a filled-in sheet is typed in afterwards by its code; `scoring_id` is
 * the scoring it became. A client's row like any other: synced, read-only on a colleague's client,
 * erased with the client. Codes are random and checked when made; no unique index, which would
 * refuse a team pull of a colleague's row.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE paper_sheet (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL,
    client_id TEXT NOT NULL REFERENCES client (id),
    version_id TEXT NOT NULL REFERENCES sheet_version (id),
    printed_on TEXT NOT NULL,
    scoring_id TEXT REFERENCES scoring (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT,
    deleted_at TEXT
  )`.execute(db);
  await sql`CREATE INDEX paper_sheet_code ON paper_sheet (code)`.execute(db);
  await sql`CREATE INDEX paper_sheet_client ON paper_sheet (client_id)`.execute(db);
  await captureChanges(db, 'paper_sheet', ['id']);
  await colleaguesRowsReadOnly(db, 'paper_sheet');
}
