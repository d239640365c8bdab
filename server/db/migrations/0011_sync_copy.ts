import type { Kysely } from 'kysely';

/** The app's 0011 adds the laptop's sync state (seen versions, batches, inbox, notices): nothing to do here, the name keeps the lists in step. */
export async function up(_db: Kysely<unknown>): Promise<void> {}
