import type { Kysely } from 'kysely';
import { isSelectable } from '../../db/queries/catalog';
import { getCaseworker } from '../../db/queries/caseworkers';
import { findClientByReference } from '../../db/queries/clients';
import type { CatalogKind, Database } from '../../db/schema';
import { conflict, invalidInput } from '../rpc/app-error';

/** Checks that inputs which passed the schema also fit the data; each failure names its field. */

export async function checkCatalogChoice(
  db: Kysely<Database>,
  id: string | null,
  kind: CatalogKind,
  field: string,
): Promise<void> {
  if (id !== null && !(await isSelectable(db, id, kind))) throw invalidInput({ field, rule: 'unavailable' });
}

export async function checkActiveCaseworker(db: Kysely<Database>, id: string | null, field: string): Promise<void> {
  if (id === null) return;
  const caseworker = await getCaseworker(db, id);
  if (!caseworker) throw invalidInput({ field, rule: 'unavailable' });
  if (!caseworker.active) throw invalidInput({ field, rule: 'inactive' });
}

export async function checkHousehold(db: Kysely<Database>, id: string | null, field: string): Promise<void> {
  if (id === null) return;
  const row = await db
    .selectFrom('household')
    .select('id')
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw invalidInput({ field, rule: 'unavailable' });
}

export function checkNotFuture(date: string | null, today: string, field: string): void {
  if (date !== null && date > today) throw invalidInput({ field, rule: 'future_date' });
}

/** A reference number belongs to one live client; the conflict names who has it. */
export async function checkReferenceFree(
  db: Kysely<Database>,
  reference: string | null,
  exceptClientId?: string,
): Promise<void> {
  if (!reference) return;
  const holder = await findClientByReference(db, reference);
  if (holder && holder.id !== exceptClientId) {
    throw conflict('Reference number already in use', {
      field: 'reference',
      existing: { id: holder.id, label: `${holder.firstName} ${holder.lastName}` },
    });
  }
}
