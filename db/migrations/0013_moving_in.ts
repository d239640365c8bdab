import { type Kysely, sql } from 'kysely';
import { widenCheck } from './schema-edits';

/**
 * Moving in from Excel (issue 20).
 *
 * 1. The caseload search folds case and accents in every script (Öztürk, Østergaard, Шевченко),
 *    which SQLite's LIKE cannot: `client_search` holds each client's names, reference and
 *    pseudonym folded by Koers (common/fold.ts), one row per client, searched with one LIKE.
 *    The folding is JavaScript, which triggers may not call (trusted_schema is off), so the
 *    triggers here only drop a changed client's row and mark the table stale, whatever the write
 *    path (handlers, imports, a team pull); the search folds the missing rows before it runs
 *    (db/search/clients.ts). Starts stale: the first search fills it.
 * 2. A caseworker name a sheet writes otherwise, once mapped to a colleague, is remembered (`caseworker_alias`).
 * 3. A remark from a caseload sheet becomes a note of kind `remark`. SQLite cannot alter a CHECK
 *    constraint; widening an IN list leaves every stored row valid, so the table's definition is
 *    edited in place, as SQLite's documentation describes for such changes (the migration runner
 *    allows this edit while migrating only).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE client_search (
    client_id TEXT PRIMARY KEY REFERENCES client (id) ON DELETE CASCADE,
    folded TEXT NOT NULL
  ) WITHOUT ROWID`.execute(db);
  await sql`CREATE TABLE client_search_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    stale INTEGER NOT NULL
  )`.execute(db);
  await sql`INSERT INTO client_search_state (id, stale) VALUES (1, 1)`.execute(db);
  await sql`CREATE TRIGGER client_search_insert AFTER INSERT ON client
    BEGIN UPDATE client_search_state SET stale = 1 WHERE stale = 0; END`.execute(db);
  await sql`CREATE TRIGGER client_search_update AFTER UPDATE OF first_name, last_name, reference, pseudonym ON client
    BEGIN
      DELETE FROM client_search WHERE client_id = NEW.id;
      UPDATE client_search_state SET stale = 1 WHERE stale = 0;
    END`.execute(db);

  // A caseworker name a sheet writes otherwise ("Mette Holm" for Mette Holm-Jensen), as mapped once in an
  // import: known by that name at the next import of the same sheet. Local: the laptop's own shorthand.
  await sql`CREATE TABLE caseworker_alias (
    name_key TEXT PRIMARY KEY,
    caseworker_id TEXT NOT NULL REFERENCES caseworker (id) ON DELETE CASCADE,
    updated_at TEXT NOT NULL
  ) WITHOUT ROWID`.execute(db);

  await widenCheck(db, 'note', `'reflection', 'milestone')`, `'reflection', 'milestone', 'remark')`);
}
