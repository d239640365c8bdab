import type { Kysely } from 'kysely';
import type { Database } from '../schema';

/** The remembered column choices for a header signature, or undefined. */
export async function rememberedMapping(
  db: Kysely<Database>,
  signature: string,
): Promise<Record<string, number> | undefined> {
  const row = await db
    .selectFrom('import_mapping')
    .select('mapping')
    .where('signature', '=', signature)
    .executeTakeFirst();
  if (!row) return undefined;
  const parsed: unknown = JSON.parse(row.mapping);
  return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, number>) : undefined;
}

export async function rememberMapping(
  db: Kysely<Database>,
  signature: string,
  mapping: Record<string, number>,
  at: string,
): Promise<void> {
  const json = JSON.stringify(mapping);
  await db
    .insertInto('import_mapping')
    .values({ signature, mapping: json, updated_at: at })
    .onConflict((oc) => oc.column('signature').doUpdateSet({ mapping: json, updated_at: at }))
    .execute();
}

/** Every client that has a reference, with the facts an import may change. */
export async function clientsByReference(db: Kysely<Database>) {
  return db
    .selectFrom('client')
    .select([
      'id',
      'reference',
      'first_name as firstName',
      'last_name as lastName',
      'date_of_birth as dateOfBirth',
      'phone',
      'email',
      'start_date as startDate',
      'target_group_id as targetGroupId',
      'stage_id as stageId',
      'household_id as householdId',
      'caseworker_id as caseworkerId',
    ])
    .where('reference', 'is not', null)
    .where('deleted_at', 'is', null)
    .execute();
}

/** The to-dos and remarks of clients that have a reference: what an import must not add twice. */
export async function todosAndRemarksOfReferencedClients(db: Kysely<Database>) {
  const referenced = db
    .selectFrom('client')
    .select('id')
    .where('reference', 'is not', null)
    .where('deleted_at', 'is', null);
  const [todos, remarks] = await Promise.all([
    db
      .selectFrom('action')
      .select(['client_id as clientId', 'title', 'due_date as dueDate'])
      .where('client_id', 'in', referenced)
      .where('deleted_at', 'is', null)
      .execute(),
    db
      .selectFrom('note')
      .select(['client_id as clientId', 'body'])
      .where('client_id', 'in', referenced)
      .where('kind', '=', 'remark')
      .where('deleted_at', 'is', null)
      .$narrowType<{ clientId: string }>()
      .execute(),
  ]);
  return { todos, remarks };
}

/** Every live client with a reference: its id, name and whether its case is closed (a closed-cases import). */
export async function clientStatusByReference(db: Kysely<Database>) {
  return db
    .selectFrom('client')
    .select(['id', 'reference', 'first_name as firstName', 'last_name as lastName', 'status'])
    .where('reference', 'is not', null)
    .where('deleted_at', 'is', null)
    .$narrowType<{ reference: string }>()
    .execute();
}

/** Caseworker names mapped in earlier imports (by nameKey), to live, active caseworkers. */
export async function caseworkerAliases(db: Kysely<Database>): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('caseworker_alias as a')
    .innerJoin('caseworker as w', 'w.id', 'a.caseworker_id')
    .select(['a.name_key', 'a.caseworker_id'])
    .where('w.deactivated_at', 'is', null)
    .where('w.deleted_at', 'is', null)
    .execute();
  return new Map(rows.map((r) => [r.name_key, r.caseworker_id]));
}

export async function rememberAlias(db: Kysely<Database>, nameKey: string, caseworkerId: string, at: string) {
  await db
    .insertInto('caseworker_alias')
    .values({ name_key: nameKey, caseworker_id: caseworkerId, updated_at: at })
    .onConflict((oc) => oc.column('name_key').doUpdateSet({ caseworker_id: caseworkerId, updated_at: at }))
    .execute();
}
