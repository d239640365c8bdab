import type { Kysely } from 'kysely';

/**
 * The audit log, and retention per target group.
 *
 * Who did what with which record, never the content. Append only; each entry's hash
 * covers the previous entry's hash, so an edited or removed entry breaks the chain.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_entity').on('audit_log').columns(['entity_id', 'seq']).execute();
  await db.schema.createIndex('audit_at').on('audit_log').column('at').execute();

  // How long closed cases of a target group are kept before they come up for purging (null: the default, 10 years).
  await db.schema.alterTable('catalog_item').addColumn('retention_years', 'integer').execute();
}
