import type { Kysely } from 'kysely';
import { newId } from '../ids';
import type { Database } from '../schema';

export interface GoalView {
  id: string;
  indicatorKey: string;
  target: number;
  targetDate: string | null;
}

export async function listGoals(db: Kysely<Database>, clientId: string): Promise<GoalView[]> {
  return db
    .selectFrom('goal')
    .select(['id', 'indicator_key as indicatorKey', 'target', 'target_date as targetDate'])
    .where('client_id', '=', clientId)
    .where('deleted_at', 'is', null)
    .execute();
}

/** One goal per client and indicator: setting it again replaces the old one (which stays as a tombstone). */
export async function setGoal(
  db: Kysely<Database>,
  goal: { clientId: string; indicatorKey: string; target: number; targetDate: string | null },
  at: string,
  by: string | null,
): Promise<string> {
  await db
    .updateTable('goal')
    .set({ deleted_at: at, updated_at: at, updated_by: by })
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
      created_at: at,
      updated_at: at,
      updated_by: by,
      deleted_at: null,
    })
    .execute();
  return id;
}

export async function removeGoal(db: Kysely<Database>, id: string, at: string, by: string | null): Promise<boolean> {
  const result = await db
    .updateTable('goal')
    .set({ deleted_at: at, updated_at: at, updated_by: by })
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
