import type { Kysely } from 'kysely';

/** The column choices of an import, remembered per set of headers: the next file like it maps itself. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('import_mapping')
    .addColumn('signature', 'text', (c) => c.primaryKey())
    // JSON: field → column index.
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
