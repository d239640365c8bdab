import type { Kysely } from 'kysely';

/** The app's 0012 makes colleagues' clients read-only on a key person's laptop, as the policies here do already: nothing to do, the name keeps the lists in step. */
export async function up(_db: Kysely<unknown>): Promise<void> {}
