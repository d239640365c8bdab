import { type Kysely, sql } from 'kysely';

/**
 * Pseudonyms (K-0001…) let exports and team meetings show a client without a name.
 * Existing clients get one in creation order, and the counter continues from there.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sequence')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema.alterTable('client').addColumn('pseudonym', 'text').execute();
  await sql`
    UPDATE client SET pseudonym = 'K-' || printf('%04d', (
      SELECT count(*) FROM client AS earlier
      WHERE earlier.created_at < client.created_at
         OR (earlier.created_at = client.created_at AND earlier.id <= client.id)
    ))
  `.execute(db);
  await sql`
    INSERT INTO sequence (name, value) VALUES ('client_pseudonym', (SELECT count(*) FROM client))
  `.execute(db);
  await db.schema.createIndex('client_pseudonym_unique').on('client').column('pseudonym').unique().execute();
}
