/**
 * A deterministic demo caseload: for demos, screenshots and benchmarks. Same
 * database state and options → the same rows, ids included.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import { parseDay } from './dates';
import { insertInChunks } from './insert';
import { type DemoPlan, planDemo } from './plan';
import { Random } from './random';

export interface DemoOptions {
  clients: number; // 120 … 20_000
  seed?: number; // default 42
  today: string; // 'YYYY-MM-DD', all dates are relative to it; never read the clock
  language: 'nl' | 'da' | 'en'; // mix of names/target groups: nl → mostly Dutch, da → mostly Danish, en → half/half
  currentCaseworkerId?: string; // an existing caseworker row: becomes the first caseworker and gets ~120 active clients
}

export interface DemoResult {
  /** Active caseworkers carrying the demo caseload (currentCaseworkerId included; the extra deactivated one not). */
  caseworkers: number;
  clients: number;
  households: number;
  actions: number;
  closed: number;
}

const PSEUDONYM_SEQUENCE = 'client_pseudonym';
export const MIN_DEMO_CLIENTS = 1;
export const MAX_DEMO_CLIENTS = 20_000;

function checkOptions(options: DemoOptions): void {
  if (!Number.isInteger(options.clients) || options.clients < MIN_DEMO_CLIENTS || options.clients > MAX_DEMO_CLIENTS) {
    throw new RangeError(`clients must be a whole number from ${MIN_DEMO_CLIENTS} to ${MAX_DEMO_CLIENTS}, got ${options.clients}`);
  }
  if (options.seed !== undefined && !Number.isInteger(options.seed)) throw new RangeError(`seed must be a whole number, got ${options.seed}`);
}

/** Generates the demo caseload; runs in the caller's transaction, or in one of its own. */
export async function generateDemo(db: Kysely<Database>, options: DemoOptions): Promise<DemoResult> {
  checkOptions(options);
  if (db.isTransaction) return generateIn(db, options);
  return db.transaction().execute((trx) => generateIn(trx, options));
}

async function generateIn(db: Kysely<Database>, options: DemoOptions): Promise<DemoResult> {
  const today = parseDay(options.today);
  const currentCaseworkerId = options.currentCaseworkerId ?? null;
  if (currentCaseworkerId !== null) {
    const found = await db.selectFrom('caseworker').select('id').where('id', '=', currentCaseworkerId).where('deleted_at', 'is', null).executeTakeFirst();
    if (!found) throw new Error(`Caseworker ${currentCaseworkerId} does not exist`);
  }

  const catalog = await db
    .selectFrom('catalog_item')
    .select(['id', 'kind', 'default_key'])
    .where('retired_at', 'is', null)
    .where('deleted_at', 'is', null)
    // id breaks ties so the order, and so the output, never depends on SQLite's whim.
    .orderBy('position')
    .orderBy('id')
    .execute();
  const ofKind = (kind: string) => catalog.filter((item) => item.kind === kind);

  const sequence = await db.selectFrom('sequence').select('value').where('name', '=', PSEUDONYM_SEQUENCE).executeTakeFirst();
  const lastPseudonym = sequence?.value ?? Number((await db.selectFrom('client').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const references = await db.selectFrom('client').select('reference').where('reference', 'is not', null).where('deleted_at', 'is', null).execute();

  // Salted with the pseudonym counter: a second run on the same database takes a
  // different stream instead of repeating (and colliding with) the first run's ids.
  const plan = planDemo(new Random(options.seed ?? 42, lastPseudonym), {
    today,
    clients: options.clients,
    language: options.language,
    currentCaseworkerId,
    targetGroupIds: ofKind('target_group').map((item) => item.id),
    stageIds: ofKind('stage').map((item) => item.id),
    closureReasons: ofKind('closure_reason').map((item) => ({ id: item.id, key: item.default_key })),
    lastPseudonym,
    takenReferences: new Set(references.flatMap((r) => (r.reference === null ? [] : [r.reference]))),
  });
  await insertPlan(db, plan);
  return {
    caseworkers: plan.activeCaseworkers,
    clients: plan.clients.length,
    households: plan.households.length,
    actions: plan.actions.length,
    closed: plan.closures.length,
  };
}

/** Parents before children, for the foreign keys. */
async function insertPlan(db: Kysely<Database>, plan: DemoPlan): Promise<void> {
  await insertInChunks(plan.caseworkers, (rows) => db.insertInto('caseworker').values(rows).execute());
  await insertInChunks(plan.targetGroups, (rows) => db.insertInto('catalog_item').values(rows).execute());
  await insertInChunks(plan.households, (rows) => db.insertInto('household').values(rows).execute());
  await insertInChunks(plan.clients, (rows) => db.insertInto('client').values(rows).execute());
  await insertInChunks(plan.stageChanges, (rows) => db.insertInto('stage_change').values(rows).execute());
  await insertInChunks(plan.closures, (rows) => db.insertInto('closure').values(rows).execute());
  await insertInChunks(plan.actions, (rows) => db.insertInto('action').values(rows).execute());
  await db
    .insertInto('sequence')
    .values({ name: PSEUDONYM_SEQUENCE, value: plan.lastPseudonym })
    .onConflict((oc) => oc.column('name').doUpdateSet({ value: plan.lastPseudonym }))
    .execute();
}
