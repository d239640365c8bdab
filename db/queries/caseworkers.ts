import type { InferResult, Kysely } from 'kysely';
import type { Caseworker } from '../../common/contract';
import { newId } from '../ids';
import type { Database, Role } from '../schema';
import { tracked, updated } from '../tracked';

function caseworkerQuery(db: Kysely<Database>) {
  return db
    .selectFrom('caseworker as w')
    .select((eb) => [
      'w.id',
      'w.name',
      'w.role',
      'w.deactivated_at',
      eb
        .selectFrom('client as c')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('c.caseworker_id', '=', 'w.id')
        .where('c.status', '=', 'active')
        .where('c.deleted_at', 'is', null)
        .as('activeClients'),
    ])
    .where('w.deleted_at', 'is', null);
}

const toView = ({
  deactivated_at,
  activeClients,
  ...caseworker
}: InferResult<ReturnType<typeof caseworkerQuery>>[number]): Caseworker => ({
  ...caseworker,
  active: deactivated_at === null,
  activeClients: Number(activeClients ?? 0),
});

export async function listCaseworkers(db: Kysely<Database>): Promise<Caseworker[]> {
  const rows = await caseworkerQuery(db).orderBy('w.name').execute();
  return rows.map(toView);
}

export async function getCaseworker(db: Kysely<Database>, id: string): Promise<Caseworker | undefined> {
  const row = await caseworkerQuery(db).where('w.id', '=', id).executeTakeFirst();
  return row ? toView(row) : undefined;
}

/** The role of a caseworker who has not been removed: what the role check in main asks at every call. */
export async function caseworkerRole(db: Kysely<Database>, id: string): Promise<Role | undefined> {
  const row = await db
    .selectFrom('caseworker')
    .select('role')
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row?.role;
}

/** Whether an active caseworker is a key person: without one, anyone may manage caseworkers, lists and sheets. */
export async function hasKeyPerson(db: Kysely<Database>): Promise<boolean> {
  const row = await db
    .selectFrom('caseworker')
    .select('id')
    .where('role', '=', 'key_person')
    .where('deactivated_at', 'is', null)
    .where('deleted_at', 'is', null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether this caseworker may manage caseworkers, lists and sheets: a key person, or anyone while there is none. */
export async function mayManage(db: Kysely<Database>, id: string | null): Promise<boolean> {
  const role = id ? await caseworkerRole(db, id) : undefined;
  return role === 'key_person' || (role !== undefined && !(await hasKeyPerson(db)));
}

/** Whether first run has been completed on this database (someone works here). */
export async function hasCaseworkers(db: Kysely<Database>): Promise<boolean> {
  return (await db.selectFrom('caseworker').select('id').limit(1).executeTakeFirst()) !== undefined;
}

export async function insertCaseworker(
  db: Kysely<Database>,
  caseworker: { name: string; role: Role },
  at: string,
  by: string | null,
): Promise<string> {
  const id = newId();
  await db
    .insertInto('caseworker')
    .values({
      id,
      name: caseworker.name,
      role: caseworker.role,
      deactivated_at: null,
      ...tracked(at, by),
    })
    .execute();
  return id;
}

export async function updateCaseworker(
  db: Kysely<Database>,
  id: string,
  changes: { name?: string; role?: Role; deactivated_at?: string | null },
  at: string,
  by: string | null,
): Promise<void> {
  await db
    .updateTable('caseworker')
    .set({ ...changes, ...updated(at, by) })
    .where('id', '=', id)
    .execute();
}
