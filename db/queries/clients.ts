import { type Kysely, sql } from 'kysely';
import { newId } from '../ids';
import type { ClientRow, Database } from '../schema';

const LIVE_COLUMNS = ['id', 'reference', 'first_name', 'last_name', 'pseudonym', 'caseworker_id', 'created_at'] as const;
export type ClientListRow = Pick<ClientRow, (typeof LIVE_COLUMNS)[number]>;

/** Escapes LIKE wildcards so a typed `%` or `_` matches itself. */
function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function listClients(db: Kysely<Database>, options: { search?: string } = {}): Promise<ClientListRow[]> {
  let query = db.selectFrom('client').select(LIVE_COLUMNS).where('deleted_at', 'is', null);
  if (options.search) {
    const pattern = likePattern(options.search);
    query = query.where((eb) =>
      eb.or([
        eb(sql`first_name || ' ' || last_name`, 'like', sql`${pattern} ESCAPE '\\'`),
        eb(sql`reference`, 'like', sql`${pattern} ESCAPE '\\'`),
        eb(sql`pseudonym`, 'like', sql`${pattern} ESCAPE '\\'`),
      ]),
    );
  }
  // NOCASE: lower-case "de Boer" must not sort after every capitalised name.
  return query.orderBy(sql`last_name COLLATE NOCASE`).orderBy(sql`first_name COLLATE NOCASE`).orderBy('id').execute();
}

export async function findClientByReference(db: Kysely<Database>, reference: string): Promise<ClientListRow | undefined> {
  return db.selectFrom('client').select(LIVE_COLUMNS).where('reference', '=', reference).where('deleted_at', 'is', null).executeTakeFirst();
}

/** Next value of a named counter; call inside the transaction that uses it. */
async function nextSequenceValue(db: Kysely<Database>, name: string): Promise<number> {
  const row = await db
    .insertInto('sequence')
    .values({ name, value: 1 })
    .onConflict((oc) => oc.column('name').doUpdateSet({ value: (eb) => eb('sequence.value', '+', 1) }))
    .returning('value')
    .executeTakeFirstOrThrow();
  return row.value;
}

export function formatPseudonym(n: number): string {
  return `K-${String(n).padStart(4, '0')}`;
}

export interface NewClient {
  firstName: string;
  lastName: string;
  reference: string | null;
  caseworkerId: string | null;
}

/** Inserts a client with the next pseudonym; the caller provides the transaction. */
export async function insertClient(db: Kysely<Database>, client: NewClient, at: string, by: string | null): Promise<ClientListRow> {
  const pseudonym = formatPseudonym(await nextSequenceValue(db, 'client_pseudonym'));
  return db
    .insertInto('client')
    .values({
      id: newId(),
      reference: client.reference,
      first_name: client.firstName,
      last_name: client.lastName,
      pseudonym,
      caseworker_id: client.caseworkerId,
      created_at: at,
      updated_at: at,
      updated_by: by,
      deleted_at: null,
    })
    .returning(LIVE_COLUMNS)
    .executeTakeFirstOrThrow();
}
