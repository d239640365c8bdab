import type { Kysely } from 'kysely';
import { newId } from '../ids';
import type { ActionKind, Database } from '../schema';

export interface ActionView {
  id: string;
  clientId: string;
  title: string;
  kind: ActionKind;
  dueDate: string;
  dueTime: string | null;
  done: boolean;
  doneAt: string | null;
  noteId: string | null;
}

const COLUMNS = [
  'a.id',
  'a.client_id',
  'a.title',
  'a.kind',
  'a.due_date',
  'a.due_time',
  'a.done_at',
  'a.note_id',
] as const;
type Row = {
  id: string;
  client_id: string;
  title: string;
  kind: ActionKind;
  due_date: string;
  due_time: string | null;
  done_at: string | null;
  note_id: string | null;
};
const toView = (r: Row): ActionView => ({
  id: r.id,
  clientId: r.client_id,
  title: r.title,
  kind: r.kind,
  dueDate: r.due_date,
  dueTime: r.due_time,
  done: r.done_at !== null,
  doneAt: r.done_at,
  noteId: r.note_id,
});

/** A client's to-dos: open ones first in due order, then done ones, latest first. */
export async function listActions(db: Kysely<Database>, clientId: string): Promise<ActionView[]> {
  const rows = await db
    .selectFrom('action as a')
    .select(COLUMNS)
    .where('a.client_id', '=', clientId)
    .where('a.deleted_at', 'is', null)
    .execute();
  const views = rows.map(toView);
  const open = views
    .filter((a) => !a.done)
    .sort((x, y) => `${x.dueDate} ${x.dueTime ?? ''}`.localeCompare(`${y.dueDate} ${y.dueTime ?? ''}`));
  const done = views.filter((a) => a.done).sort((x, y) => (y.doneAt ?? '').localeCompare(x.doneAt ?? ''));
  return [...open, ...done];
}

export async function getAction(db: Kysely<Database>, id: string): Promise<ActionView | undefined> {
  const row = await db
    .selectFrom('action as a')
    .select(COLUMNS)
    .where('a.id', '=', id)
    .where('a.deleted_at', 'is', null)
    .executeTakeFirst();
  return row ? toView(row) : undefined;
}

export interface AgendaView extends ActionView {
  client: { id: string; firstName: string; lastName: string; pseudonym: string };
}

/** Open to-dos due on or before `until` (overdue included) of active clients, in due order. */
export async function agenda(
  db: Kysely<Database>,
  options: { until: string; caseworkerId?: string },
): Promise<AgendaView[]> {
  let query = db
    .selectFrom('action as a')
    .innerJoin('client as c', 'c.id', 'a.client_id')
    .select(COLUMNS)
    .select(['c.first_name', 'c.last_name', 'c.pseudonym'])
    .where('a.done_at', 'is', null)
    .where('a.deleted_at', 'is', null)
    .where('a.due_date', '<=', options.until)
    .where('c.status', '=', 'active')
    .where('c.deleted_at', 'is', null);
  if (options.caseworkerId) query = query.where('c.caseworker_id', '=', options.caseworkerId);
  const rows = await query.orderBy('a.due_date').orderBy('a.due_time').orderBy('c.last_name').execute();
  return rows.map((r) => ({
    ...toView(r),
    client: { id: r.client_id, firstName: r.first_name, lastName: r.last_name, pseudonym: r.pseudonym },
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
      created_at: at,
      updated_at: at,
      updated_by: by,
      deleted_at: null,
    })
    .execute();
  return id;
}

export async function updateAction(
  db: Kysely<Database>,
  id: string,
  changes: { done_at?: string | null; due_date?: string },
  at: string,
  by: string | null,
): Promise<void> {
  await db
    .updateTable('action')
    .set({ ...changes, updated_at: at, updated_by: by })
    .where('id', '=', id)
    .execute();
}
