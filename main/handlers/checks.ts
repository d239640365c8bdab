import type { Kysely } from 'kysely';
import { isSelectable } from '../../db/queries/catalog';
import { caseworkerRole, getCaseworker } from '../../db/queries/caseworkers';
import { caseworkersOf, findClientByReference } from '../../db/queries/clients';
import type { CatalogKind, Database } from '../../db/schema';
import { getVersion, listSheets } from '../../db/queries/sheets';
import { AppError, conflict, invalidInput, notFound } from '../rpc/app-error';

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

/**
 * Clients the current caseworker may act on together (hand over, change stage, put on the meeting list): all of them
 * must exist, and a caseworker who is not a key person acts on her own caseload only, as the caseload shows it.
 * Key persons hand over and prepare meetings for the whole team.
 */
export async function checkMayActOn(db: Kysely<Database>, by: string | null, ids: readonly string[]): Promise<void> {
  const owners = await caseworkersOf(db, [...new Set(ids)]);
  if (owners.size < new Set(ids).size) throw notFound('Client');
  if (by !== null && (await caseworkerRole(db, by)) === 'key_person') return;
  const others = [...owners.values()].filter((owner) => owner !== by).length;
  if (others > 0)
    throw new AppError('forbidden', 'A caseworker acts on her own clients only', {
      reason: 'not_own_client',
      count: others,
    });
}

/** A published version of a sheet still in use: what a scoring may be made on. */
export async function checkScoringVersion(db: Kysely<Database>, versionId: string) {
  const version = await getVersion(db, versionId);
  if (!version) throw invalidInput({ field: 'versionId', rule: 'unavailable' });
  if (!version.published) throw conflict('Scorings use published versions', { reason: 'not_published' });
  const [sheet] = await listSheets(db, version.sheetId);
  if (sheet?.retired) throw conflict('This sheet is retired', { reason: 'sheet_retired' });
  return version;
}
