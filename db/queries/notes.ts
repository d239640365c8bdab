import type { ExpressionBuilder, Kysely } from 'kysely';
import { newId } from '../ids';
import type { Database, NoteKind } from '../schema';

export interface NoteContent {
  kind: NoteKind;
  notedAt: string;
  body: string;
  pinned: boolean;
}

export interface NoteView extends NoteContent {
  id: string;
  clientId: string | null;
  householdId: string | null;
  authorId: string | null;
  createdAt: string;
  updatedAt: string;
  edited: boolean;
}

const COLUMNS = [
  'id',
  'client_id',
  'household_id',
  'kind',
  'noted_at',
  'body',
  'author_id',
  'pinned',
  'created_at',
  'updated_at',
] as const;
/** Edited means an earlier version exists. */
const edited = (eb: ExpressionBuilder<Database, 'note'>) =>
  eb.exists(eb.selectFrom('note_version as v').select('v.id').whereRef('v.note_id', '=', 'note.id')).as('edited');
type Row = {
  id: string;
  client_id: string | null;
  household_id: string | null;
  kind: NoteKind;
  noted_at: string;
  body: string;
  author_id: string | null;
  pinned: number;
  created_at: string;
  updated_at: string;
  edited: unknown;
};
const toView = (r: Row): NoteView => ({
  id: r.id,
  clientId: r.client_id,
  householdId: r.household_id,
  kind: r.kind,
  notedAt: r.noted_at,
  body: r.body,
  pinned: r.pinned === 1,
  authorId: r.author_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  edited: Boolean(r.edited),
});

export async function getNote(db: Kysely<Database>, id: string): Promise<NoteView | undefined> {
  const row = await db
    .selectFrom('note')
    .select(COLUMNS)
    .select(edited)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row ? toView(row) : undefined;
}

/** A client's notes and those of its household, newest first. */
export async function notesForClient(
  db: Kysely<Database>,
  clientId: string,
  householdId: string | null,
): Promise<NoteView[]> {
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
  return rows.map(toView);
}

export async function notesForHousehold(db: Kysely<Database>, householdId: string): Promise<NoteView[]> {
  const rows = await db
    .selectFrom('note')
    .select(COLUMNS)
    .select(edited)
    .where('household_id', '=', householdId)
    .where('deleted_at', 'is', null)
    .orderBy('noted_at', 'desc')
    .execute();
  return rows.map(toView);
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
      created_at: at,
      updated_at: at,
      updated_by: by,
      deleted_at: null,
    })
    .execute();
  return id;
}

/** Keeps the note as it was in note_version, then writes the new content. */
export async function updateNote(
  db: Kysely<Database>,
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
      updated_at: at,
      updated_by: by,
    })
    .where('id', '=', id)
    .execute();
}

export async function removeNote(db: Kysely<Database>, id: string, at: string, by: string | null): Promise<void> {
  await db.updateTable('note').set({ deleted_at: at, updated_at: at, updated_by: by }).where('id', '=', id).execute();
}

export interface NoteVersionView {
  kind: NoteKind;
  notedAt: string;
  body: string;
  pinned: boolean;
  writtenAt: string;
  writtenBy: string | null;
}

/** Earlier versions of a note, newest first: what it said, who wrote it and when. */
export async function noteVersions(db: Kysely<Database>, noteId: string): Promise<NoteVersionView[]> {
  const rows = await db
    .selectFrom('note_version')
    .selectAll()
    .where('note_id', '=', noteId)
    .orderBy('written_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({
    kind: r.kind,
    notedAt: r.noted_at,
    body: r.body,
    pinned: r.pinned === 1,
    writtenAt: r.written_at,
    writtenBy: r.written_by,
  }));
}

export interface DraftView {
  key: string;
  kind: NoteKind;
  notedAt: string;
  body: string;
  updatedAt: string;
}

export async function getDraft(db: Kysely<Database>, key: string): Promise<DraftView | undefined> {
  const row = await db.selectFrom('note_draft').selectAll().where('key', '=', key).executeTakeFirst();
  return row
    ? { key: row.key, kind: row.kind, notedAt: row.noted_at, body: row.body, updatedAt: row.updated_at }
    : undefined;
}

export async function saveDraft(db: Kysely<Database>, draft: Omit<DraftView, 'updatedAt'>, at: string): Promise<void> {
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
