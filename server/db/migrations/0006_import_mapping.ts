import type { Kysely } from 'kysely';

/** The app's 0006 adds import mappings, which stay on the laptop: nothing to do here, the name keeps the lists in step. */
export async function up(_db: Kysely<unknown>): Promise<void> {}
