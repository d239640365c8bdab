import type { Kysely } from 'kysely';
import { newId } from '../ids';
import type { ClientStatus, Database } from '../schema';

export interface HouseholdView {
  id: string;
  name: string;
  caseworkerId: string | null;
  members: Array<{ id: string; firstName: string; lastName: string; pseudonym: string; status: ClientStatus }>;
}

export async function listHouseholds(db: Kysely<Database>, ids?: readonly string[]): Promise<HouseholdView[]> {
  let query = db
    .selectFrom('household')
    .select(['id', 'name', 'caseworker_id as caseworkerId'])
    .where('deleted_at', 'is', null);
  if (ids) {
    if (ids.length === 0) return [];
    query = query.where('id', 'in', ids);
  }
  const households = await query.orderBy('name').execute();
  if (households.length === 0) return [];
  const members = await db
    .selectFrom('client')
    .select(['id', 'household_id', 'first_name as firstName', 'last_name as lastName', 'pseudonym', 'status'])
    .where(
      'household_id',
      'in',
      households.map((h) => h.id),
    )
    .where('deleted_at', 'is', null)
    .orderBy('first_name')
    .execute();
  return households.map((h) => ({
    ...h,
    members: members.filter((m) => m.household_id === h.id).map(({ household_id: _h, ...m }) => m),
  }));
}

export async function insertHousehold(
  db: Kysely<Database>,
  household: { name: string; caseworkerId: string | null },
  at: string,
  by: string | null,
): Promise<string> {
  const id = newId();
  await db
    .insertInto('household')
    .values({
      id,
      name: household.name,
      caseworker_id: household.caseworkerId,
      created_at: at,
      updated_at: at,
      updated_by: by,
      deleted_at: null,
    })
    .execute();
  return id;
}

export async function renameHousehold(
  db: Kysely<Database>,
  id: string,
  name: string,
  at: string,
  by: string | null,
): Promise<void> {
  await db.updateTable('household').set({ name, updated_at: at, updated_by: by }).where('id', '=', id).execute();
}

export async function addHouseholdMembers(
  db: Kysely<Database>,
  householdId: string,
  clientIds: readonly string[],
  at: string,
  by: string | null,
): Promise<void> {
  if (clientIds.length === 0) return;
  await db
    .updateTable('client')
    .set({ household_id: householdId, updated_at: at, updated_by: by })
    .where('id', 'in', clientIds)
    .execute();
}
