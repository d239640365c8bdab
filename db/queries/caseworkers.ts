import type { Kysely } from 'kysely';
import { newId } from '../ids';
import type { Database, Role } from '../schema';

export interface CaseworkerView {
  id: string;
  name: string;
  role: Role;
  active: boolean;
  activeClients: number;
}

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
        .as('active_clients'),
    ])
    .where('w.deleted_at', 'is', null);
}

type CaseworkerRow = {
  id: string;
  name: string;
  role: Role;
  deactivated_at: string | null;
  active_clients: number | null;
};
const toView = (r: CaseworkerRow): CaseworkerView => ({
  id: r.id,
  name: r.name,
  role: r.role,
  active: r.deactivated_at === null,
  activeClients: Number(r.active_clients ?? 0),
});

export async function listCaseworkers(db: Kysely<Database>): Promise<CaseworkerView[]> {
  const rows = await caseworkerQuery(db).orderBy('w.name').execute();
  return rows.map(toView);
}

export async function getCaseworker(db: Kysely<Database>, id: string): Promise<CaseworkerView | undefined> {
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
      created_at: at,
      updated_at: at,
      updated_by: by,
      deleted_at: null,
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
    .set({ ...changes, updated_at: at, updated_by: by })
    .where('id', '=', id)
    .execute();
}
