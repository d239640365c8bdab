import type { Kysely } from 'kysely';

/** The app's 0008 names the laptop's database file: nothing to do here, the name keeps the lists in step. */
export async function up(_db: Kysely<unknown>): Promise<void> {}
