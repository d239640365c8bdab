import type { Kysely } from 'kysely';
import type { Database } from '../schema';

/**
 * Everything Koers holds about one client, table by table (rows as stored), for a
 * subject access request.
 */
export async function clientRecords(db: Kysely<Database>, clientId: string) {
  const notes = await db.selectFrom('note').selectAll().where('client_id', '=', clientId).execute();
  const noteIds = notes.map((n) => n.id);
  const scorings = await db.selectFrom('scoring').selectAll().where('client_id', '=', clientId).execute();
  const scoringIds = scorings.map((s) => s.id);
  return {
    client: await db.selectFrom('client').selectAll().where('id', '=', clientId).execute(),
    stageChanges: await db.selectFrom('stage_change').selectAll().where('client_id', '=', clientId).execute(),
    handovers: await db.selectFrom('handover').selectAll().where('client_id', '=', clientId).execute(),
    closures: await db.selectFrom('closure').selectAll().where('client_id', '=', clientId).execute(),
    actions: await db.selectFrom('action').selectAll().where('client_id', '=', clientId).execute(),
    notes,
    noteVersions: noteIds.length > 0 ? await db.selectFrom('note_version').selectAll().where('note_id', 'in', noteIds).execute() : [],
    noteDrafts: await db.selectFrom('note_draft').selectAll().where('key', '=', `client:${clientId}`).execute(),
    scorings,
    scores: scoringIds.length > 0 ? await db.selectFrom('score').selectAll().where('scoring_id', 'in', scoringIds).execute() : [],
    goals: await db.selectFrom('goal').selectAll().where('client_id', '=', clientId).execute(),
  };
}

/**
 * Deletes every row about a client (call inside a transaction with secure_delete on).
 * The note triggers take the notes out of the full-text index as they go.
 */
export async function eraseClientRows(db: Kysely<Database>, clientId: string): Promise<void> {
  const noteIds = (await db.selectFrom('note').select('id').where('client_id', '=', clientId).execute()).map((n) => n.id);
  const scorings = db.selectFrom('scoring').select('id').where('client_id', '=', clientId);
  if (noteIds.length > 0) await db.deleteFrom('note_version').where('note_id', 'in', noteIds).execute();
  await db.deleteFrom('note_draft').where('key', 'in', [`client:${clientId}`, ...noteIds.map((id) => `note:${id}`)]).execute();
  await db.deleteFrom('action').where('client_id', '=', clientId).execute();
  await db.deleteFrom('note').where('client_id', '=', clientId).execute();
  await db.deleteFrom('score').where('scoring_id', 'in', scorings).execute();
  await db.deleteFrom('scoring').where('client_id', '=', clientId).execute();
  await db.deleteFrom('goal').where('client_id', '=', clientId).execute();
  await db.deleteFrom('stage_change').where('client_id', '=', clientId).execute();
  await db.deleteFrom('handover').where('client_id', '=', clientId).execute();
  await db.deleteFrom('closure').where('client_id', '=', clientId).execute();
  await db.deleteFrom('client').where('id', '=', clientId).execute();
}

/** Closed clients (still closed) whose closure is older than their target group's retention. */
export async function closedBefore(db: Kysely<Database>) {
  return db
    .selectFrom('client as c')
    .innerJoin('closure as z', (join) => join.onRef('z.client_id', '=', 'c.id').on('z.reopened_on', 'is', null))
    .leftJoin('catalog_item as g', 'g.id', 'c.target_group_id')
    .select(['c.id', 'c.pseudonym', 'c.first_name as firstName', 'c.last_name as lastName', 'c.target_group_id as targetGroupId', 'z.closed_on as closedOn', 'g.retention_years as retentionYears'])
    .where('c.status', '=', 'closed')
    .where('c.deleted_at', 'is', null)
    .orderBy('z.closed_on')
    .execute();
}
