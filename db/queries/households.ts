import type { Kysely } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/sqlite';
import type { Household } from '../../common/contract';
import { newId } from '../ids';
import { parseJsonColumns } from '../json';
import type { Database } from '../schema';
import { tracked, updated } from '../tracked';

export async function listHouseholds(db: Kysely<Database>, ids?: readonly string[]): Promise<Household[]> {
  if (ids?.length === 0) return [];
  return db
    .selectFrom('household as h')
    .select((eb) => [
      'h.id',
      'h.name',
      'h.caseworker_id as caseworkerId',
      jsonArrayFrom(
        eb
          .selectFrom('client as c')
          .select(['c.id', 'c.first_name as firstName', 'c.last_name as lastName', 'c.pseudonym', 'c.status'])
          .whereRef('c.household_id', '=', 'h.id')
          .where('c.deleted_at', 'is', null)
          .orderBy('c.first_name'),
      ).as('members'),
    ])
    .where('h.deleted_at', 'is', null)
    .$if(ids !== undefined, (q) => q.where('h.id', 'in', ids ?? []))
    .orderBy('h.name')
    .withPlugin(parseJsonColumns('members'))
    .execute();
}

export async function getHousehold(db: Kysely<Database>, id: string): Promise<Household | undefined> {
  return (await listHouseholds(db, [id]))[0];
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
      ...tracked(at, by),
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
  await db
    .updateTable('household')
    .set({ name, ...updated(at, by) })
    .where('id', '=', id)
    .execute();
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
    .set({ household_id: householdId, ...updated(at, by) })
    .where('id', 'in', clientIds)
    .execute();
}
