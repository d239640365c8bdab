import type { Kysely, Transaction } from 'kysely';
import { newId } from '../ids';
import type { Database } from '../schema';
import { recorded, updated } from '../tracked';

export interface HandoverRequest {
  clientIds: readonly string[];
  toCaseworkerId: string;
  date: string;
  note: string | null;
}

/**
 * Moves clients to another caseworker and records one handover per client that
 * actually changes hands. Households go along: one family, one worker.
 * Returns how many clients moved.
 */
export async function handOver(
  db: Transaction<Database>,
  request: HandoverRequest,
  at: string,
  by: string | null,
): Promise<number> {
  if (request.clientIds.length === 0) return 0;
  const chosen = await db
    .selectFrom('client')
    .select(['id', 'household_id'])
    .where('id', 'in', request.clientIds)
    .where('deleted_at', 'is', null)
    .execute();
  const householdIds = [...new Set(chosen.map((c) => c.household_id).filter((h): h is string => h !== null))];
  const members =
    householdIds.length > 0
      ? await db
          .selectFrom('client')
          .select(['id'])
          .where('household_id', 'in', householdIds)
          .where('status', '=', 'active')
          .where('deleted_at', 'is', null)
          .execute()
      : [];
  const ids = [...new Set([...chosen.map((c) => c.id), ...members.map((m) => m.id)])];

  let moved = 0;
  // Chunks keep each statement well under SQLite's bound-parameter limit.
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const moving = await db
      .selectFrom('client')
      .select(['id', 'caseworker_id'])
      .where('id', 'in', chunk)
      .where((eb) => eb.or([eb('caseworker_id', 'is', null), eb('caseworker_id', '!=', request.toCaseworkerId)]))
      .execute();
    if (moving.length === 0) continue;
    await db
      .insertInto('handover')
      .values(
        moving.map((c) => ({
          id: newId(),
          client_id: c.id,
          from_caseworker_id: c.caseworker_id,
          to_caseworker_id: request.toCaseworkerId,
          handed_over_on: request.date,
          note: request.note,
          ...recorded(at, by),
        })),
      )
      .execute();
    await db
      .updateTable('client')
      .set({ caseworker_id: request.toCaseworkerId, ...updated(at, by) })
      .where(
        'id',
        'in',
        moving.map((c) => c.id),
      )
      .execute();
    moved += moving.length;
  }
  if (householdIds.length > 0) {
    await db
      .updateTable('household')
      .set({ caseworker_id: request.toCaseworkerId, ...updated(at, by) })
      .where('id', 'in', householdIds)
      .execute();
  }
  return moved;
}

export async function activeClientIdsOf(db: Kysely<Database>, caseworkerId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('client')
    .select('id')
    .where('caseworker_id', '=', caseworkerId)
    .where('status', '=', 'active')
    .where('deleted_at', 'is', null)
    .execute();
  return rows.map((r) => r.id);
}
