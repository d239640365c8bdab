import type { ExpressionBuilder, Kysely, Transaction } from 'kysely';
import type { Note } from '../../common/contract';
import type { Draft, NoteVersion } from '../../common/contract/notes';
import { newId } from '../ids';
import type { Database, NoteKind } from '../schema';
import { removed, tracked, updated } from '../tracked';

export interface NoteContent {
  kind: NoteKind;
  notedAt: string;
  body: string;
  pinned: boolean;
}

/** A note's columns as the contract names them; `pinned` and `edited` become booleans in `toNote`. */
const COLUMNS = [
  'id',
  'client_id as clientId',
  'household_id as householdId',
  'kind',
  'noted_at as notedAt',
  'body',
  'author_id as authorId',
  'pinned',
  'created_at as createdAt',
  'updated_at as updatedAt',
] as const;
/** Edited means an earlier version exists. */
const edited = (eb: ExpressionBuilder<Database, 'note'>) =>
  eb.exists(eb.selectFrom('note_version as v').select('v.id').whereRef('v.note_id', '=', 'note.id')).as('edited');
const toNote = <R extends { pinned: number; edited: unknown }>({ pinned, edited, ...note }: R) => ({
  ...note,
  pinned: pinned === 1,
  edited: Boolean(edited),
});

export async function getNote(db: Kysely<Database>, id: string): Promise<Note | undefined> {
  const row = await db
    .selectFrom('note')
    .select(COLUMNS)
    .select(edited)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row && toNote(row);
}

/** A client's notes and those of its household, newest first. */
export async function notesForClient(
  db: Kysely<Database>,
  clientId: string,
  householdId: string | null,
): Promise<Note[]> {
  const rows = await db
    .selectFrom('note')
    .select(COLUMNS)
    .select(edited)
    .where((eb) =>
      eb.or([eb('client_id', '=', clientId), ...(householdId ? [eb('household_id', '=', householdId)] : [])]),
    )
    .where('deleted_at', 'is', null)
    .orderBy('noted_at', 'desc')
    .execute();
  return rows.map(toNote);
}

export async function notesForHousehold(db: Kysely<Database>, householdId: string): Promise<Note[]> {
  const rows = await db
    .selectFrom('note')
    .select(COLUMNS)
    .select(edited)
    .where('household_id', '=', householdId)
    .where('deleted_at', 'is', null)
    .orderBy('noted_at', 'desc')
    .execute();
  return rows.map(toNote);
}

export async function insertNote(
  db: Kysely<Database>,
  note: NoteContent & { clientId: string | null; householdId: string | null },
  at: string,
  by: string | null,
): Promise<string> {
  const id = newId();
  await db
    .insertInto('note')
    .values({
      id,
      client_id: note.clientId,
      household_id: note.householdId,
      kind: note.kind,
      noted_at: note.notedAt,
      body: note.body,
      author_id: by,
      pinned: note.pinned ? 1 : 0,
      ...tracked(at, by),
    })
    .execute();
  return id;
}

/** Keeps the note as it was in note_version, then writes the new content. */
export async function updateNote(
  db: Transaction<Database>,
  id: string,
  note: NoteContent,
  at: string,
  by: string | null,
): Promise<void> {
  const old = await db
    .selectFrom('note')
    .select(['kind', 'noted_at', 'body', 'pinned', 'updated_at', 'updated_by'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('note_version')
    .values({
      id: newId(),
      note_id: id,
      kind: old.kind,
      noted_at: old.noted_at,
      body: old.body,
      pinned: old.pinned,
      written_at: old.updated_at,
      written_by: old.updated_by,
    })
    .execute();
  await db
    .updateTable('note')
    .set({
      kind: note.kind,
      noted_at: note.notedAt,
      body: note.body,
      pinned: note.pinned ? 1 : 0,
      ...updated(at, by),
    })
    .where('id', '=', id)
    .execute();
}

export async function removeNote(db: Kysely<Database>, id: string, at: string, by: string | null): Promise<void> {
  await db.updateTable('note').set(removed(at, by)).where('id', '=', id).execute();
}

/** Earlier versions of a note, newest first: what it said, who wrote it and when. */
export async function noteVersions(db: Kysely<Database>, noteId: string): Promise<NoteVersion[]> {
  const rows = await db
    .selectFrom('note_version')
    .select(['kind', 'noted_at as notedAt', 'body', 'pinned', 'written_at as writtenAt', 'written_by as writtenBy'])
    .where('note_id', '=', noteId)
    .orderBy('written_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(({ pinned, ...version }) => ({ ...version, pinned: pinned === 1 }));
}

export async function getDraft(db: Kysely<Database>, key: string): Promise<Draft | undefined> {
  return db
    .selectFrom('note_draft')
    .select(['key', 'kind', 'noted_at as notedAt', 'body', 'updated_at as updatedAt'])
    .where('key', '=', key)
    .executeTakeFirst();
}

export async function saveDraft(db: Kysely<Database>, draft: Omit<Draft, 'updatedAt'>, at: string): Promise<void> {
  await db
    .insertInto('note_draft')
    .values({ key: draft.key, kind: draft.kind, noted_at: draft.notedAt, body: draft.body, updated_at: at })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({ kind: draft.kind, noted_at: draft.notedAt, body: draft.body, updated_at: at }),
    )
    .execute();
}

export async function discardDraft(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('note_draft').where('key', '=', key).execute();
}
