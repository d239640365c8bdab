import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema';
import { clientRowKeys, forgetRows } from './sync-forget';

const noteDraftKeys = (noteIds: readonly string[]) => noteIds.map((id) => `note:${id}`);

/**
 * Everything Koers holds about one client, table by table (rows as stored), for a
 * subject access request. Notes written on the client's household show on their
 * timeline, so they are part of it too (with the household and its drafts).
 */
export async function clientRecords(db: Kysely<Database>, clientId: string) {
  const client = await db.selectFrom('client').selectAll().where('id', '=', clientId).execute();
  const householdId = client[0]?.household_id ?? null;
  const notes = await db.selectFrom('note').selectAll().where('client_id', '=', clientId).execute();
  const householdNotes = householdId
    ? await db.selectFrom('note').selectAll().where('household_id', '=', householdId).execute()
    : [];
  const versionsOf = async (noteIds: string[]) =>
    noteIds.length > 0 ? db.selectFrom('note_version').selectAll().where('note_id', 'in', noteIds).execute() : [];
  const draftKeys = [
    `client:${clientId}`,
    ...noteDraftKeys(notes.map((n) => n.id)),
    ...(householdId ? [`household:${householdId}`] : []),
    ...noteDraftKeys(householdNotes.map((n) => n.id)),
  ];
  const scorings = await db.selectFrom('scoring').selectAll().where('client_id', '=', clientId).execute();
  const scoringIds = scorings.map((s) => s.id);
  return {
    client,
    stageChanges: await db.selectFrom('stage_change').selectAll().where('client_id', '=', clientId).execute(),
    handovers: await db.selectFrom('handover').selectAll().where('client_id', '=', clientId).execute(),
    closures: await db.selectFrom('closure').selectAll().where('client_id', '=', clientId).execute(),
    actions: await db.selectFrom('action').selectAll().where('client_id', '=', clientId).execute(),
    notes,
    noteVersions: await versionsOf(notes.map((n) => n.id)),
    noteDrafts: await db.selectFrom('note_draft').selectAll().where('key', 'in', draftKeys).execute(),
    household: householdId ? await db.selectFrom('household').selectAll().where('id', '=', householdId).execute() : [],
    householdNotes,
    householdNoteVersions: await versionsOf(householdNotes.map((n) => n.id)),
    scorings,
    scores:
      scoringIds.length > 0
        ? await db.selectFrom('score').selectAll().where('scoring_id', 'in', scoringIds).execute()
        : [],
    goals: await db.selectFrom('goal').selectAll().where('client_id', '=', clientId).execute(),
    consents: await db.selectFrom('consent').selectAll().where('client_id', '=', clientId).execute(),
    paperSheets: await db.selectFrom('paper_sheet').selectAll().where('client_id', '=', clientId).execute(),
  };
}

/** Clients of a household other than this one (any status: each still needs the household's notes). */
async function otherMembers(db: Kysely<Database>, householdId: string, clientId: string): Promise<number> {
  const row = await db
    .selectFrom('client')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('household_id', '=', householdId)
    .where('id', '<>', clientId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * What erasing a client does to their household. The household's notes are about every
 * member: while others remain they stay (erasing them would erase the others' records
 * too); when the client is the only member, the household, its name and its notes are
 * theirs alone and go with them.
 */
export async function householdOnErasure(db: Kysely<Database>, clientId: string) {
  const household = await db
    .selectFrom('client as c')
    .innerJoin('household as h', 'h.id', 'c.household_id')
    .select(['h.id', 'h.name'])
    .where('c.id', '=', clientId)
    .executeTakeFirst();
  if (!household) return null;
  const others = await otherMembers(db, household.id, clientId);
  const notes = await db
    .selectFrom('note')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('household_id', '=', household.id)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { name: household.name, otherMembers: others, notes: Number(notes.n), erased: others === 0 };
}

/**
 * Deletes notes with their earlier versions and drafts. A to-do that followed from one
 * of them (it may belong to another client) keeps its own text and loses the link.
 * The note triggers take the notes out of the full-text index as they go.
 */
export async function eraseNotes(db: Transaction<Database>, noteIds: readonly string[]): Promise<void> {
  if (noteIds.length === 0) return;
  await db.updateTable('action').set({ note_id: null }).where('note_id', 'in', noteIds).execute();
  await db.deleteFrom('note_version').where('note_id', 'in', noteIds).execute();
  await db.deleteFrom('note_draft').where('key', 'in', noteDraftKeys(noteIds)).execute();
  await db.deleteFrom('note').where('id', 'in', noteIds).execute();
}

/**
 * Deletes every row about a client, and their household when no
 * other member is left (see `householdOnErasure`). Deleted content is overwritten
 * (secure_delete, db/connection.ts), and so is what team sync kept of them
 * (db/queries/sync-forget.ts); the caller also rewrites the full-text index and
 * empties the write-ahead log.
 */
export async function eraseClientRows(db: Transaction<Database>, clientId: string): Promise<void> {
  await forgetRows(db, await clientRowKeys(db, clientId));
  const householdId =
    (await db.selectFrom('client').select('household_id').where('id', '=', clientId).executeTakeFirst())
      ?.household_id ?? null;
  const scorings = db.selectFrom('scoring').select('id').where('client_id', '=', clientId);
  await db.deleteFrom('action').where('client_id', '=', clientId).execute();
  await eraseNotes(
    db,
    (await db.selectFrom('note').select('id').where('client_id', '=', clientId).execute()).map((n) => n.id),
  );
  await db.deleteFrom('note_draft').where('key', '=', `client:${clientId}`).execute();
  // A printed sheet points at the scoring it became: it goes first.
  await db.deleteFrom('paper_sheet').where('client_id', '=', clientId).execute();
  await db.deleteFrom('score').where('scoring_id', 'in', scorings).execute();
  await db.deleteFrom('scoring').where('client_id', '=', clientId).execute();
  await db.deleteFrom('goal').where('client_id', '=', clientId).execute();
  await db.deleteFrom('consent').where('client_id', '=', clientId).execute();
  await db.deleteFrom('stage_change').where('client_id', '=', clientId).execute();
  await db.deleteFrom('handover').where('client_id', '=', clientId).execute();
  await db.deleteFrom('closure').where('client_id', '=', clientId).execute();
  await db.deleteFrom('client').where('id', '=', clientId).execute();
  if (householdId && (await otherMembers(db, householdId, clientId)) === 0) {
    await eraseNotes(
      db,
      (await db.selectFrom('note').select('id').where('household_id', '=', householdId).execute()).map((n) => n.id),
    );
    await db.deleteFrom('note_draft').where('key', '=', `household:${householdId}`).execute();
    await db.deleteFrom('household').where('id', '=', householdId).execute();
  }
}

/** Closed clients (still closed) whose closure is older than their target group's retention. */
export async function closedBefore(db: Kysely<Database>) {
  return db
    .selectFrom('client as c')
    .innerJoin('closure as z', (join) => join.onRef('z.client_id', '=', 'c.id').on('z.reopened_on', 'is', null))
    .leftJoin('catalog_item as g', 'g.id', 'c.target_group_id')
    .select([
      'c.id as clientId',
      'c.pseudonym',
      'c.first_name as firstName',
      'c.last_name as lastName',
      'c.target_group_id as targetGroupId',
      'z.closed_on as closedOn',
      'g.retention_years as retentionYears',
    ])
    .where('c.status', '=', 'closed')
    .where('c.deleted_at', 'is', null)
    .orderBy('z.closed_on')
    .execute();
}
