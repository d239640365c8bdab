import type { Kysely } from 'kysely';
import type { Action, AgendaItem } from '../../common/contract';
import { newId } from '../ids';
import type { ActionKind, Database } from '../schema';
import { removed, tracked, updated } from '../tracked';

/** An action's columns as the contract names them; `done` is derived from `doneAt`. */
const COLUMNS = [
  'a.id',
  'a.client_id as clientId',
  'a.title',
  'a.kind',
  'a.due_date as dueDate',
  'a.due_time as dueTime',
  'a.done_at as doneAt',
  'a.note_id as noteId',
] as const;
const withDone = <R extends { doneAt: string | null }>(r: R) => ({ ...r, done: r.doneAt !== null });

/** A client's to-dos: open ones first in due order, then done ones, latest first. */
export async function listActions(db: Kysely<Database>, clientId: string): Promise<Action[]> {
  const rows = await db
    .selectFrom('action as a')
    .select(COLUMNS)
    .where('a.client_id', '=', clientId)
    .where('a.deleted_at', 'is', null)
    .execute();
  const views = rows.map(withDone);
  const open = views
    .filter((a) => !a.done)
    .sort((x, y) => `${x.dueDate} ${x.dueTime ?? ''}`.localeCompare(`${y.dueDate} ${y.dueTime ?? ''}`));
  const done = views.filter((a) => a.done).sort((x, y) => (y.doneAt ?? '').localeCompare(x.doneAt ?? ''));
  return [...open, ...done];
}

export async function getAction(db: Kysely<Database>, id: string): Promise<Action | undefined> {
  const row = await db
    .selectFrom('action as a')
    .select(COLUMNS)
    .where('a.id', '=', id)
    .where('a.deleted_at', 'is', null)
    .executeTakeFirst();
  return row && withDone(row);
}

/** A to-do that was deleted (has its tombstone), of a client that still exists. */
export async function getRemovedAction(db: Kysely<Database>, id: string): Promise<Action | undefined> {
  const row = await db
    .selectFrom('action as a')
    .innerJoin('client as c', 'c.id', 'a.client_id')
    .select(COLUMNS)
    .where('a.id', '=', id)
    .where('a.deleted_at', 'is not', null)
    .where('c.deleted_at', 'is', null)
    .executeTakeFirst();
  return row && withDone(row);
}

/** Open to-dos due on or before `until` (overdue included) of active clients, in due order. */
export async function agenda(
  db: Kysely<Database>,
  options: { until: string; caseworkerId?: string },
): Promise<AgendaItem[]> {
  let query = db
    .selectFrom('action as a')
    .innerJoin('client as c', 'c.id', 'a.client_id')
    .select(COLUMNS)
    .select(['c.first_name as firstName', 'c.last_name as lastName', 'c.pseudonym'])
    .where('a.done_at', 'is', null)
    .where('a.deleted_at', 'is', null)
    .where('a.due_date', '<=', options.until)
    .where('c.status', '=', 'active')
    .where('c.deleted_at', 'is', null);
  if (options.caseworkerId) query = query.where('c.caseworker_id', '=', options.caseworkerId);
  const rows = await query.orderBy('a.due_date').orderBy('a.due_time').orderBy('c.last_name').execute();
  return rows.map(({ firstName, lastName, pseudonym, ...action }) => ({
    ...withDone(action),
    client: { id: action.clientId, firstName, lastName, pseudonym },
  }));
}

export async function insertAction(
  db: Kysely<Database>,
  action: {
    clientId: string;
    title: string;
    kind: ActionKind;
    dueDate: string;
    dueTime: string | null;
    noteId?: string;
  },
  at: string,
  by: string | null,
): Promise<string> {
  const id = newId();
  await db
    .insertInto('action')
    .values({
      id,
      client_id: action.clientId,
      title: action.title,
      kind: action.kind,
      due_date: action.dueDate,
      due_time: action.dueTime,
      done_at: null,
      note_id: action.noteId ?? null,
      ...tracked(at, by),
    })
    .execute();
  return id;
}

export async function updateAction(
  db: Kysely<Database>,
  id: string,
  changes: { done_at?: string | null; due_date?: string; title?: string; kind?: ActionKind; due_time?: string | null },
  at: string,
  by: string | null,
): Promise<void> {
  await db
    .updateTable('action')
    .set({ ...changes, ...updated(at, by) })
    .where('id', '=', id)
    .execute();
}

/** Deletes a to-do by its tombstone: every list leaves it out, and `restoreAction` brings it back. */
export async function removeAction(db: Kysely<Database>, id: string, at: string, by: string | null): Promise<void> {
  await db.updateTable('action').set(removed(at, by)).where('id', '=', id).execute();
}

export async function restoreAction(db: Kysely<Database>, id: string, at: string, by: string | null): Promise<void> {
  await db
    .updateTable('action')
    .set({ deleted_at: null, ...updated(at, by) })
    .where('id', '=', id)
    .execute();
}
