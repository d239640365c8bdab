import { type Kysely, sql } from 'kysely';
import { captureChanges, colleaguesAssignmentOnly } from './schema-edits';

/**
 * The client's own voice (issue 19), part two: sheets in the client's language.
 *
 * 1. `client.language`: the language the client reads best (a BCP 47 code such as `ar`, `tr`,
 *    `pl`), for client mode and the paper sheet. The trigger that keeps a colleague's client
 *    read-only on a key person's copy (0012) lists the client's columns, so it is made again.
 * 2. `sheet_translation`: a key person's translation of one sheet version's indicator names,
 *    level labels and descriptions into one language, as JSON (`texts`). Published versions stay
 *    immutable; their translations may be added and corrected. One per version and language
 *    (kept so by the handler: a unique index would refuse a team pull of a colleague's row).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE client ADD COLUMN language TEXT`.execute(db);
  await sql`DROP TRIGGER colleagues_client_update`.execute(db);
  await colleaguesAssignmentOnly(db, 'client');

  await sql`CREATE TABLE sheet_translation (
    id TEXT PRIMARY KEY,
    version_id TEXT NOT NULL REFERENCES sheet_version (id),
    language TEXT NOT NULL,
    texts TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT,
    deleted_at TEXT
  )`.execute(db);
  await sql`CREATE INDEX sheet_translation_version ON sheet_translation (version_id, language)`.execute(db);
  await captureChanges(db, 'sheet_translation', ['id']);
}
