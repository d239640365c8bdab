/**
 * A deterministic demo caseload: for demos, screenshots and benchmarks. Same
 * database state and options → the same rows, ids included.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import { parseDay } from './dates';
import { insertInChunks } from './insert';
import { type DemoPlan, planDemo } from './plan';
import type { ProgressionPlan, PublishedSheet, PublishedVersion, ScaleIndicator } from './progression';
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
  scorings: number;
  scores: number;
  /** Case notes, on clients and on households. */
  notes: number;
}

const PSEUDONYM_SEQUENCE = 'client_pseudonym';
export const MIN_DEMO_CLIENTS = 1;
export const MAX_DEMO_CLIENTS = 20_000;

function checkOptions(options: DemoOptions): void {
  if (!Number.isInteger(options.clients) || options.clients < MIN_DEMO_CLIENTS || options.clients > MAX_DEMO_CLIENTS) {
    throw new RangeError(
      `clients must be a whole number from ${MIN_DEMO_CLIENTS} to ${MAX_DEMO_CLIENTS}, got ${options.clients}`,
    );
  }
  if (options.seed !== undefined && !Number.isInteger(options.seed))
    throw new RangeError(`seed must be a whole number, got ${options.seed}`);
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
    const found = await db
      .selectFrom('caseworker')
      .select('id')
      .where('id', '=', currentCaseworkerId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!found) throw new Error(`Caseworker ${currentCaseworkerId} does not exist`);
  }

  const catalog = await db
    .selectFrom('catalog_item')
    .select(['id', 'kind', 'default_key', 'rescore_weeks'])
    .where('retired_at', 'is', null)
    .where('deleted_at', 'is', null)
    // id breaks ties so the order, and so the output, never depends on SQLite's whim.
    .orderBy('position')
    .orderBy('id')
    .execute();
  const ofKind = (kind: string) => catalog.filter((item) => item.kind === kind);

  const sequence = await db
    .selectFrom('sequence')
    .select('value')
    .where('name', '=', PSEUDONYM_SEQUENCE)
    .executeTakeFirst();
  const lastPseudonym =
    sequence?.value ??
    Number(
      (
        await db
          .selectFrom('client')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const references = await db
    .selectFrom('client')
    .select('reference')
    .where('reference', 'is not', null)
    .where('deleted_at', 'is', null)
    .execute();

  // Salted with the pseudonym counter: a second run on the same database takes a
  // different stream instead of repeating (and colliding with) the first run's ids.
  const plan = planDemo(new Random(options.seed ?? 42, lastPseudonym), {
    today,
    clients: options.clients,
    language: options.language,
    currentCaseworkerId,
    targetGroups: ofKind('target_group').map((item) => ({ id: item.id, rescoreWeeks: item.rescore_weeks })),
    defaultSheets: await defaultSheets(db),
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
    scorings: plan.progression.scorings.length,
    scores: plan.progression.scores.length,
    notes: plan.notes.length,
  };
}

/** Target group → the published versions of its live default sheet (groups whose sheet has none are left out). */
async function defaultSheets(db: Kysely<Database>): Promise<Map<string, PublishedSheet>> {
  const rows = await db
    .selectFrom('sheet_target_group as g')
    .innerJoin('sheet as s', 's.id', 'g.sheet_id')
    .innerJoin('sheet_version as v', 'v.sheet_id', 's.id')
    .innerJoin('indicator as i', 'i.version_id', 'v.id')
    .select([
      'g.target_group_id',
      's.id as sheet_id',
      'v.id as version_id',
      'v.published_at',
      'i.id as indicator_id',
      'i.key',
      'i.scale_min',
      'i.scale_max',
    ])
    .where('s.deleted_at', 'is', null)
    .where('s.retired_at', 'is', null)
    .where('v.published_at', 'is not', null)
    .orderBy('g.target_group_id')
    .orderBy('v.number')
    .orderBy('i.position')
    .orderBy('i.id')
    .$narrowType<{ published_at: string }>()
    .execute();
  // One object per sheet, shared by its target groups.
  const sheets = new Map<string, Array<PublishedVersion & { indicators: ScaleIndicator[] }>>();
  const groups = new Map<string, PublishedSheet>();
  for (const row of rows) {
    let versions = sheets.get(row.sheet_id);
    if (!versions) sheets.set(row.sheet_id, (versions = []));
    groups.set(row.target_group_id, versions);
    let version = versions.find((v) => v.id === row.version_id);
    if (!version)
      versions.push(
        (version = { id: row.version_id, publishedDay: parseDay(row.published_at.slice(0, 10)), indicators: [] }),
      );
    if (!version.indicators.some((i) => i.id === row.indicator_id))
      version.indicators.push({ id: row.indicator_id, key: row.key, min: row.scale_min, max: row.scale_max });
  }
  return groups;
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
  await insertProgression(db, plan.progression);
  // The FTS triggers index each note as it goes in.
  await insertInChunks(plan.notes, (rows) => db.insertInto('note').values(rows).execute());
  await db
    .insertInto('sequence')
    .values({ name: PSEUDONYM_SEQUENCE, value: plan.lastPseudonym })
    .onConflict((oc) => oc.column('name').doUpdateSet({ value: plan.lastPseudonym }))
    .execute();
}

/** Sheet content goes in while its versions are drafts: published versions are frozen by triggers. */
async function insertProgression(db: Kysely<Database>, progression: ProgressionPlan): Promise<void> {
  await insertInChunks(progression.sheets, (rows) => db.insertInto('sheet').values(rows).execute());
  await insertInChunks(progression.versions, (rows) => db.insertInto('sheet_version').values(rows).execute());
  await insertInChunks(progression.indicators, (rows) => db.insertInto('indicator').values(rows).execute());
  await insertInChunks(progression.levels, (rows) => db.insertInto('indicator_level').values(rows).execute());
  for (const { id, publishedAt } of progression.publish)
    await db.updateTable('sheet_version').set({ published_at: publishedAt }).where('id', '=', id).execute();
  await insertInChunks(progression.sheetTargetGroups, (rows) =>
    db.insertInto('sheet_target_group').values(rows).execute(),
  );
  await insertInChunks(progression.scorings, (rows) => db.insertInto('scoring').values(rows).execute());
  await insertInChunks(progression.scores, (rows) => db.insertInto('score').values(rows).execute());
  await insertInChunks(progression.goals, (rows) => db.insertInto('goal').values(rows).execute());
}
