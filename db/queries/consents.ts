import type { Kysely } from 'kysely';
import type { Consent, ExpiringConsent } from '../../common/contract';
import { newId } from '../ids';
import type { ConsentForm, Database, LegalBasis } from '../schema';
import { removed, tracked, updated } from '../tracked';

export interface ConsentContent {
  clientId: string;
  purpose: string;
  legalBasis: LegalBasis;
  givenAs: ConsentForm;
  givenOn: string;
  validUntil: string | null;
  remark: string | null;
}

const columns = [
  'id',
  'client_id as clientId',
  'purpose',
  'legal_basis as legalBasis',
  'given_as as givenAs',
  'given_on as givenOn',
  'valid_until as validUntil',
  'withdrawn_on as withdrawnOn',
  'remark',
  'updated_at as updatedAt',
] as const;

/** A client's consents (not removed), the newest given first. */
export async function listConsents(db: Kysely<Database>, clientId: string): Promise<Consent[]> {
  return db
    .selectFrom('consent')
    .select(columns)
    .where('client_id', '=', clientId)
    .where('deleted_at', 'is', null)
    .orderBy('given_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

/** One consent of this client, not removed. */
export async function getConsent(db: Kysely<Database>, clientId: string, id: string): Promise<Consent | undefined> {
  return db
    .selectFrom('consent')
    .select(columns)
    .where('id', '=', id)
    .where('client_id', '=', clientId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

const row = (consent: ConsentContent) => ({
  purpose: consent.purpose,
  legal_basis: consent.legalBasis,
  given_as: consent.givenAs,
  given_on: consent.givenOn,
  valid_until: consent.validUntil,
  remark: consent.remark,
});

export async function insertConsent(
  db: Kysely<Database>,
  consent: ConsentContent,
  at: string,
  by: string | null,
): Promise<string> {
  const id = newId();
  await db
    .insertInto('consent')
    .values({ id, client_id: consent.clientId, ...row(consent), withdrawn_on: null, ...tracked(at, by) })
    .execute();
  return id;
}

export async function updateConsent(
  db: Kysely<Database>,
  id: string,
  consent: ConsentContent,
  at: string,
  by: string | null,
): Promise<void> {
  await db
    .updateTable('consent')
    .set({ ...row(consent), ...updated(at, by) })
    .where('id', '=', id)
    .execute();
}

export async function withdrawConsent(
  db: Kysely<Database>,
  id: string,
  withdrawnOn: string,
  at: string,
  by: string | null,
): Promise<void> {
  await db
    .updateTable('consent')
    .set({ withdrawn_on: withdrawnOn, ...updated(at, by) })
    .where('id', '=', id)
    .execute();
}

export async function removeConsent(db: Kysely<Database>, id: string, at: string, by: string | null): Promise<void> {
  await db.updateTable('consent').set(removed(at, by)).where('id', '=', id).execute();
}

/**
 * Consents that end between `from` and `until` (both included), not withdrawn, of active clients
 * (of one caseworker when given), soonest first.
 */
export async function expiringConsents(
  db: Kysely<Database>,
  filter: { from: string; until: string; caseworkerId?: string },
): Promise<ExpiringConsent[]> {
  const rows = await db
    .selectFrom('consent as k')
    .innerJoin('client as c', 'c.id', 'k.client_id')
    .select([
      'k.id',
      'k.client_id as clientId',
      'k.purpose',
      'k.legal_basis as legalBasis',
      'k.given_as as givenAs',
      'k.given_on as givenOn',
      'k.valid_until as validUntil',
      'k.withdrawn_on as withdrawnOn',
      'k.remark',
      'k.updated_at as updatedAt',
      'c.first_name as firstName',
      'c.last_name as lastName',
      'c.pseudonym',
    ])
    .where('k.deleted_at', 'is', null)
    .where('k.withdrawn_on', 'is', null)
    .where('k.valid_until', '>=', filter.from)
    .where('k.valid_until', '<=', filter.until)
    .where('c.deleted_at', 'is', null)
    .where('c.status', '=', 'active')
    .$if(filter.caseworkerId !== undefined, (q) => q.where('c.caseworker_id', '=', filter.caseworkerId ?? ''))
    .orderBy('k.valid_until')
    .orderBy('c.last_name')
    .execute();
  return rows.map(({ firstName, lastName, pseudonym, ...consent }) => ({
    ...consent,
    client: { id: consent.clientId, firstName, lastName, pseudonym },
  }));
}
