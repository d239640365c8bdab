import type { Kysely } from 'kysely';

/** The app's 0010 adds its outbox and change capture, which stay on the laptop: nothing to do here, the name keeps the lists in step. */
export async function up(_db: Kysely<unknown>): Promise<void> {}
