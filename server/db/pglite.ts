import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { INT8_OID, parseInt8 } from './connect';
import type { ServerDatabase } from './schema';

/**
 * Kysely over PGlite, PostgreSQL compiled to WebAssembly inside this process, for `team-server demo`
 * only, in memory: the demo forgets everything when it stops. PGlite has one connection (the dialect queues the
 * transactions) and runs as its superuser, so the demo switches each request's transaction to
 * koers_app (identity.ts `asUser`, option `role`). Close with `db.destroy()`.
 */
export async function openPglite(): Promise<Kysely<ServerDatabase>> {
  // bigint columns as numbers, as over `pg`.
  const pglite = await PGlite.create({ parsers: { [INT8_OID]: parseInt8 } });
  return new Kysely<ServerDatabase>({ dialect: new PGliteDialect(pglite) });
}
