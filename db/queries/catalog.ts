import type { Kysely, Transaction } from 'kysely';
import type { CatalogItem } from '../../common/contract';
import { newId } from '../ids';
import type { CatalogKind, Database } from '../schema';
import { tracked, updated } from '../tracked';

/** Every live item of every kind with its use count: small lists, one query. */
export async function listCatalog(db: Kysely<Database>): Promise<CatalogItem[]> {
  const rows = await db
    .selectFrom('catalog_item as i')
    .select((eb) => [
      'i.id',
      'i.kind',
      'i.default_key as defaultKey',
      'i.name',
      'i.position',
      'i.weight',
      'i.retired_at',
      'i.rescore_weeks as rescoreWeeks',
      'i.retention_years as retentionYears',
      eb
        .selectFrom('client as c')
        .select((e) => e.fn.countAll<number>().as('n'))
        .where((e) => e.or([e('c.target_group_id', '=', e.ref('i.id')), e('c.stage_id', '=', e.ref('i.id'))]))
        .where('c.deleted_at', 'is', null)
        .as('clients'),
      eb
        .selectFrom('closure as z')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('z.reason_id', '=', 'i.id')
        .as('closures'),
    ])
    .where('i.deleted_at', 'is', null)
    .orderBy('i.kind')
    .orderBy('i.position')
    .execute();
  return rows.map(({ retired_at, clients, closures, ...item }) => ({
    ...item,
    retired: retired_at !== null,
    inUse: Number(clients ?? 0) + Number(closures ?? 0),
  }));
}

export async function getCatalogItem(db: Kysely<Database>, id: string): Promise<CatalogItem | undefined> {
  return (await listCatalog(db)).find((item) => item.id === id);
}

/** A live item of this kind that may be chosen for something new (not retired). */
export async function isSelectable(db: Kysely<Database>, id: string, kind: CatalogKind): Promise<boolean> {
  const row = await db
    .selectFrom('catalog_item')
    .select('id')
    .where('id', '=', id)
    .where('kind', '=', kind)
    .where('retired_at', 'is', null)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

/** Appends an item to its list: reads the last position, so inside the transaction that inserts. */
export async function insertCatalogItem(
  db: Transaction<Database>,
  item: { kind: CatalogKind; name: string; weight: number },
  at: string,
  by: string | null,
): Promise<string> {
  const last = await db
    .selectFrom('catalog_item')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('kind', '=', item.kind)
    .executeTakeFirst();
  const id = newId();
  await db
    .insertInto('catalog_item')
    .values({
      id,
      kind: item.kind,
      default_key: null,
      name: item.name,
      position: Number(last?.max ?? -1) + 1,
      weight: item.weight,
      retired_at: null,
      rescore_weeks: null,
      ...tracked(at, by),
    })
    .execute();
  return id;
}

export async function updateCatalogItem(
  db: Kysely<Database>,
  id: string,
  changes: {
    name?: string;
    weight?: number;
    rescore_weeks?: number | null;
    retired_at?: string | null;
    deleted_at?: string;
  },
  at: string,
  by: string | null,
): Promise<void> {
  await db
    .updateTable('catalog_item')
    .set({ ...changes, ...updated(at, by) })
    .where('id', '=', id)
    .execute();
}

/** Swaps an item with its neighbour in the list; false when it is already at that end. */
export async function moveCatalogItem(
  db: Transaction<Database>,
  id: string,
  direction: 'up' | 'down',
  at: string,
  by: string | null,
): Promise<boolean> {
  const item = await db
    .selectFrom('catalog_item')
    .select(['kind', 'position'])
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!item) return false;
  const neighbour = await db
    .selectFrom('catalog_item')
    .select(['id', 'position'])
    .where('kind', '=', item.kind)
    .where('deleted_at', 'is', null)
    .where('position', direction === 'up' ? '<' : '>', item.position)
    .orderBy('position', direction === 'up' ? 'desc' : 'asc')
    .limit(1)
    .executeTakeFirst();
  if (!neighbour) return false;
  await db
    .updateTable('catalog_item')
    .set({ position: neighbour.position, ...updated(at, by) })
    .where('id', '=', id)
    .execute();
  await db
    .updateTable('catalog_item')
    .set({ position: item.position, ...updated(at, by) })
    .where('id', '=', neighbour.id)
    .execute();
  return true;
}
