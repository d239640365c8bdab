import { type Kysely, sql } from 'kysely';
import { foldName } from '../../common/fold';
import type { Database } from '../schema';

/**
 * The caseload search folds case and accents in every script (migration 0013): each client's
 * searchable text folded once in JavaScript and kept in `client_search`, so one LIKE over one
 * column per client answers a keystroke. The fields are kept apart by a line break, which a
 * search box cannot hold, so a search never matches across two of them.
 */

/** Rows folded per insert statement (SQLite allows 32,766 bound values). */
const CHUNK = 500;

export function searchText(client: {
  first_name: string;
  last_name: string;
  reference: string | null;
  pseudonym: string;
}): string {
  return [
    `${client.first_name} ${client.last_name}`,
    `${client.last_name}, ${client.first_name}`,
    client.reference ?? '',
    client.pseudonym,
  ]
    .map(foldName)
    .join('\n');
}

/** A LIKE pattern for what was typed: folded like the index, `%` and `_` matching themselves. */
export function searchPattern(typed: string): string {
  return `%${foldName(typed.trim()).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Folds the clients whose search row is missing: new clients, and those whose names, reference or
 * pseudonym changed since (the triggers of 0013 drop the row and mark the table stale). Costs one
 * single-row read when nothing changed.
 */
export async function refreshClientSearch(db: Kysely<Database>): Promise<void> {
  const state = await db.selectFrom('client_search_state').select('stale').executeTakeFirst();
  if (!state?.stale) return;
  const fill = async (trx: Kysely<Database>) => {
    await trx.updateTable('client_search_state').set({ stale: 0 }).execute();
    const missing = await trx
      .selectFrom('client as c')
      .leftJoin('client_search as s', 's.client_id', 'c.id')
      .select(['c.id', 'c.first_name', 'c.last_name', 'c.reference', 'c.pseudonym'])
      .where('s.client_id', 'is', null)
      .execute();
    for (let i = 0; i < missing.length; i += CHUNK) {
      await trx
        .insertInto('client_search')
        .values(missing.slice(i, i + CHUNK).map((c) => ({ client_id: c.id, folded: searchText(c) })))
        .execute();
    }
  };
  // Inside a caller's transaction already (an import that searches), or one of its own.
  if (db.isTransaction) await fill(db);
  else await db.transaction().execute(fill);
}

/** The ids of clients whose search text holds the pattern (from searchPattern), for `c.id IN (…)`. */
export function clientsMatching(db: Kysely<Database>, pattern: string | null) {
  return db
    .selectFrom('client_search')
    .select('client_id')
    .where(sql<boolean>`folded LIKE ${pattern} ESCAPE '\\'`);
}
