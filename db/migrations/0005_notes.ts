import { type Kysely, sql } from 'kysely';
import { SEARCH_FOLDS } from '../../common/fold';

/**
 * Case notes on a client or a household, their edit history, unsaved drafts,
 * to-dos that come from a note, and the FTS5 index that finds them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('note')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.references('client.id'))
    .addColumn('household_id', 'text', (c) => c.references('household.id'))
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .check(sql`kind IN ('conversation', 'phone_call', 'home_visit', 'agreement', 'reflection', 'milestone')`),
    )
    // Local date and time, `YYYY-MM-DDTHH:MM`.
    .addColumn('noted_at', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.references('caseworker.id'))
    .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('deleted_at', 'text')
    .addCheckConstraint('note_owner', sql`(client_id IS NULL) <> (household_id IS NULL)`)
    .execute();
  await db.schema.createIndex('note_client').on('note').columns(['client_id', 'noted_at']).execute();
  await db.schema.createIndex('note_household').on('note').columns(['household_id', 'noted_at']).execute();

  // Each edit keeps what the note was before it.
  await db.schema
    .createTable('note_version')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('note_id', 'text', (c) => c.notNull().references('note.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('noted_at', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('pinned', 'integer', (c) => c.notNull())
    .addColumn('written_at', 'text', (c) => c.notNull())
    .addColumn('written_by', 'text')
    .execute();
  await db.schema.createIndex('note_version_note').on('note_version').columns(['note_id', 'written_at']).execute();

  // What was typed and not yet saved, per place it was typed in; survives a crash.
  await db.schema
    .createTable('note_draft')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('noted_at', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .alterTable('action')
    .addColumn('note_id', 'text', (c) => c.references('note.id'))
    .execute();

  // Full-text index over live notes. unicode61 with remove_diacritics 2 folds case and
  // é ë å ü alike; letters that are not "a letter plus a mark" (ø æ œ ß ł đ) are folded
  // by hand first, the same way as the search text (db/search/notes.ts). Contentless:
  // the index holds only the folded words; the notes stay the single copy of the text.
  // detail=column: we never search phrases, and the smaller index ranks common words faster.
  await sql`CREATE VIRTUAL TABLE note_fts USING fts5(text, content='', detail='column', tokenize='unicode61 remove_diacritics 2')`.execute(
    db,
  );
  await sql`
    CREATE TRIGGER note_fts_insert AFTER INSERT ON note WHEN NEW.deleted_at IS NULL
    BEGIN INSERT INTO note_fts (rowid, text) VALUES (NEW.rowid, ${sql.raw(folded('NEW.body'))}); END
  `.execute(db);
  await sql`
    CREATE TRIGGER note_fts_update AFTER UPDATE OF body, deleted_at ON note
    BEGIN
      INSERT INTO note_fts (note_fts, rowid, text) SELECT 'delete', OLD.rowid, ${sql.raw(folded('OLD.body'))} WHERE OLD.deleted_at IS NULL;
      INSERT INTO note_fts (rowid, text) SELECT NEW.rowid, ${sql.raw(folded('NEW.body'))} WHERE NEW.deleted_at IS NULL;
    END
  `.execute(db);
  await sql`
    CREATE TRIGGER note_fts_delete AFTER DELETE ON note WHEN OLD.deleted_at IS NULL
    BEGIN INSERT INTO note_fts (note_fts, rowid, text) VALUES ('delete', OLD.rowid, ${sql.raw(folded('OLD.body'))}); END
  `.execute(db);
}

/** SQL that folds the letters unicode61 keeps apart; a constant expression of this file only. */
function folded(column: 'NEW.body' | 'OLD.body'): string {
  return SEARCH_FOLDS.reduce<string>((expr, [from, to]) => `replace(${expr}, '${from}', '${to}')`, column);
}
