import type { Kysely, Transaction } from 'kysely';
import type { Goal } from '../../common/contract';
import { newId } from '../ids';
import type { Database } from '../schema';
import { removed, tracked } from '../tracked';

export async function listGoals(db: Kysely<Database>, clientId: string): Promise<Goal[]> {
  return db
    .selectFrom('goal')
    .select(['id', 'indicator_key as indicatorKey', 'target', 'target_date as targetDate'])
    .where('client_id', '=', clientId)
    .where('deleted_at', 'is', null)
    .execute();
}

/** One goal per client and indicator: setting it again replaces the old one (which stays as a tombstone). */
export async function setGoal(
  db: Transaction<Database>,
  goal: { clientId: string; indicatorKey: string; target: number; targetDate: string | null },
  at: string,
  by: string | null,
): Promise<string> {
  await db
    .updateTable('goal')
    .set(removed(at, by))
    .where('client_id', '=', goal.clientId)
    .where('indicator_key', '=', goal.indicatorKey)
    .where('deleted_at', 'is', null)
    .execute();
  const id = newId();
  await db
    .insertInto('goal')
    .values({
      id,
      client_id: goal.clientId,
      indicator_key: goal.indicatorKey,
      target: goal.target,
      target_date: goal.targetDate,
      ...tracked(at, by),
    })
    .execute();
  return id;
}

export async function removeGoal(db: Kysely<Database>, id: string, at: string, by: string | null): Promise<boolean> {
  const result = await db
    .updateTable('goal')
    .set(removed(at, by))
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
