import type { Kysely } from 'kysely';

/**
 * The meeting list: clients put forward for the next team meeting, from the caseload
 * or the meeting page. A mark on the client (when it was put on the list), so it
 * travels, is exported and is erased with the client.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('client').addColumn('meeting_listed_at', 'text').execute();
}
