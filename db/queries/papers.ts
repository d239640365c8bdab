import type { Kysely } from 'kysely';
import { newId } from '../ids';
import type { Database } from '../schema';
import { tracked, updated } from '../tracked';

/** Crockford's base 32: no I, L, O or U, so a code read off paper is not mistaken. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A new code of 7 characters, written `ABC-DEFG`: 34 billion of them. */
export function newPaperCode(random: (n: number) => Uint8Array): string {
  const chars = [...random(7)].map((byte) => ALPHABET[byte % 32]);
  return `${chars.slice(0, 3).join('')}-${chars.slice(3).join('')}`;
}

/** A code as typed: any case, spaces or dashes, O for 0 and I or L for 1 (as Crockford's alphabet allows). */
export function normalisePaperCode(typed: string): string {
  const plain = typed
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return plain.length === 7 ? `${plain.slice(0, 3)}-${plain.slice(3)}` : plain;
}

export async function codeInUse(db: Kysely<Database>, code: string): Promise<boolean> {
  return (await db.selectFrom('paper_sheet').select('id').where('code', '=', code).executeTakeFirst()) !== undefined;
}

export async function insertPaper(
  db: Kysely<Database>,
  paper: { code: string; clientId: string; versionId: string; printedOn: string },
  at: string,
  by: string | null,
): Promise<string> {
  const id = newId();
  await db
    .insertInto('paper_sheet')
    .values({
      id,
      code: paper.code,
      client_id: paper.clientId,
      version_id: paper.versionId,
      printed_on: paper.printedOn,
      scoring_id: null,
      ...tracked(at, by),
    })
    .execute();
  return id;
}

const paperColumns = [
  'p.id',
  'p.code',
  'p.client_id as clientId',
  'p.version_id as versionId',
  'p.printed_on as printedOn',
  'p.scoring_id as scoringId',
  'c.first_name as firstName',
  'c.last_name as lastName',
  'c.pseudonym',
  'c.language',
] as const;

/** Printed sheets by id, in that order, with their client. */
export async function papersById(db: Kysely<Database>, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('paper_sheet as p')
    .innerJoin('client as c', 'c.id', 'p.client_id')
    .select(paperColumns)
    .where('p.id', 'in', ids)
    .where('p.deleted_at', 'is', null)
    .where('c.deleted_at', 'is', null)
    .execute();
  return ids.flatMap((id) => rows.filter((r) => r.id === id));
}

/** The printed sheet with this code, with its client and, once typed in, the scoring's date. */
export async function paperByCode(db: Kysely<Database>, code: string) {
  return db
    .selectFrom('paper_sheet as p')
    .innerJoin('client as c', 'c.id', 'p.client_id')
    .leftJoin('scoring as s', (join) => join.onRef('s.id', '=', 'p.scoring_id').on('s.deleted_at', 'is', null))
    .select([...paperColumns, 's.scored_on as enteredOn'])
    .where('p.code', '=', code)
    .where('p.deleted_at', 'is', null)
    .where('c.deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Printed sheets of one caseworker's active clients not typed in yet, oldest first. */
export async function openPapers(db: Kysely<Database>, caseworkerId: string | null) {
  return db
    .selectFrom('paper_sheet as p')
    .innerJoin('client as c', 'c.id', 'p.client_id')
    .innerJoin('sheet_version as v', 'v.id', 'p.version_id')
    .innerJoin('sheet as sh', 'sh.id', 'v.sheet_id')
    .leftJoin('scoring as s', (join) => join.onRef('s.id', '=', 'p.scoring_id').on('s.deleted_at', 'is', null))
    .select([
      'p.code',
      'c.first_name as firstName',
      'c.last_name as lastName',
      'c.pseudonym',
      'p.printed_on as printedOn',
      'sh.name as sheetName',
    ])
    .where('s.id', 'is', null)
    .where('p.deleted_at', 'is', null)
    .where('c.deleted_at', 'is', null)
    .where('c.status', '=', 'active')
    .$if(caseworkerId !== null, (q) => q.where('c.caseworker_id', '=', caseworkerId ?? ''))
    .orderBy('p.printed_on')
    .orderBy('c.last_name')
    .execute();
}

export async function markEntered(
  db: Kysely<Database>,
  code: string,
  scoringId: string,
  at: string,
  by: string | null,
) {
  await db
    .updateTable('paper_sheet')
    .set({ scoring_id: scoringId, ...updated(at, by) })
    .where('code', '=', code)
    .where('deleted_at', 'is', null)
    .execute();
}

export async function deletePapers(db: Kysely<Database>, ids: readonly string[]) {
  if (ids.length > 0) await db.deleteFrom('paper_sheet').where('id', 'in', ids).execute();
}
