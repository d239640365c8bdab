import { type Kysely, sql, type Transaction } from 'kysely';
import type { PullAnswer } from '../../common/sync/protocol';
import { SYNCED_TABLES, type SyncedTableName, syncedTable } from '../../common/sync/tables';
import type { Database } from '../schema';
import type { Definitions, JoinMapping, LocalUse } from './sync-join-plan';
import { withoutCapture } from './outbox';
import { APPLY_ORDER, takeTeamRows } from './sync-pull';
import { columnsOf } from './sync-rows';
import { linkTeam, type TeamLink } from './sync-state';

/**
 * Joining a team with clients on the laptop: what the laptop holds (for the plan), and the join
 * itself in one transaction — the team's lists in, the laptop's own renamed to them or removed,
 * every client made hers, and everything of the laptop's queued for the first push. A join cut
 * short changes nothing.
 */

type TeamRows = Extract<PullAnswer, { kind: 'changes' }>['rows'];

/** The team's lists, people and sheets as a pull brought them, for the plan. */
export function definitionsOfRows(rows: TeamRows): Definitions {
  const of = (table: SyncedTableName) => rows.filter((r) => r.table === table).map((r) => r.row);
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  const number = (value: unknown) => (typeof value === 'number' ? value : 0);
  const indicators = of('indicator');
  return {
    caseworkers: of('caseworker').map((r) => ({
      id: String(r.id),
      name: text(r.name) ?? '',
      deleted: r.deleted_at !== null && r.deleted_at !== undefined,
    })),
    catalog: of('catalog_item').flatMap((r) =>
      r.kind === 'target_group' || r.kind === 'stage' || r.kind === 'closure_reason'
        ? [
            {
              id: String(r.id),
              kind: r.kind,
              defaultKey: text(r.default_key),
              name: text(r.name),
              deleted: r.deleted_at !== null && r.deleted_at !== undefined,
            },
          ]
        : [],
    ),
    sheets: of('sheet').map((r) => ({
      id: String(r.id),
      name: text(r.name) ?? '',
      deleted: r.deleted_at !== null && r.deleted_at !== undefined,
    })),
    versions: of('sheet_version').map((v) => ({
      id: String(v.id),
      sheetId: String(v.sheet_id),
      number: number(v.number),
      published: v.published_at !== null && v.published_at !== undefined,
      indicators: indicators
        .filter((i) => i.version_id === v.id)
        .sort((a, b) => number(a.position) - number(b.position))
        .map((i) => ({
          id: String(i.id),
          key: text(i.key) ?? '',
          scaleMin: number(i.scale_min),
          scaleMax: number(i.scale_max),
        })),
    })),
    sheetOfTargetGroup: new Map(
      of('sheet_target_group').map((r) => [String(r.target_group_id), String(r.sheet_id)] as const),
    ),
    coverageTargets: of('coverage_target').length,
  };
}

/** The laptop's own lists, people and sheets, and what its clients use of them. */
export async function localDefinitions(db: Kysely<Database>): Promise<{ definitions: Definitions; use: LocalUse }> {
  const caseworkers = await db.selectFrom('caseworker').select(['id', 'name', 'deleted_at']).orderBy('name').execute();
  const catalog = await db
    .selectFrom('catalog_item')
    .select(['id', 'kind', 'default_key', 'name', 'deleted_at'])
    .orderBy('kind')
    .orderBy('position')
    .execute();
  const sheets = await db.selectFrom('sheet').select(['id', 'name', 'deleted_at']).orderBy('name').execute();
  const versions = await db.selectFrom('sheet_version').select(['id', 'sheet_id', 'number', 'published_at']).execute();
  const indicators = await db
    .selectFrom('indicator')
    .select(['id', 'version_id', 'key', 'scale_min', 'scale_max'])
    .orderBy('position')
    .execute();
  const sheetOfTargetGroup = await db
    .selectFrom('sheet_target_group')
    .select(['target_group_id', 'sheet_id'])
    .execute();
  const coverage = await db
    .selectFrom('coverage_target')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();

  const { rows: catalogUse } = await sql<{ id: string; n: number }>`
    SELECT id, count(*) AS n FROM (
      SELECT target_group_id AS id FROM client WHERE target_group_id IS NOT NULL
      UNION ALL SELECT stage_id FROM client WHERE stage_id IS NOT NULL
      UNION ALL SELECT from_stage_id FROM stage_change WHERE from_stage_id IS NOT NULL
      UNION ALL SELECT to_stage_id FROM stage_change
      UNION ALL SELECT reason_id FROM closure)
    GROUP BY id`.execute(db);
  const versionUse = await db
    .selectFrom('scoring')
    .select(['version_id', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('version_id')
    .execute();
  const clientsOf = await db
    .selectFrom('client')
    .select(['caseworker_id', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('caseworker_id')
    .execute();
  const households = await db
    .selectFrom('household')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();

  return {
    definitions: {
      caseworkers: caseworkers.map((c) => ({ id: c.id, name: c.name, deleted: c.deleted_at !== null })),
      catalog: catalog.map((c) => ({
        id: c.id,
        kind: c.kind,
        defaultKey: c.default_key,
        name: c.name,
        deleted: c.deleted_at !== null,
      })),
      sheets: sheets.map((s) => ({ id: s.id, name: s.name, deleted: s.deleted_at !== null })),
      versions: versions.map((v) => ({
        id: v.id,
        sheetId: v.sheet_id,
        number: v.number,
        published: v.published_at !== null,
        indicators: indicators
          .filter((i) => i.version_id === v.id)
          .map((i) => ({ id: i.id, key: i.key, scaleMin: i.scale_min, scaleMax: i.scale_max })),
      })),
      sheetOfTargetGroup: new Map(sheetOfTargetGroup.map((r) => [r.target_group_id, r.sheet_id] as const)),
      coverageTargets: Number(coverage.n),
    },
    use: {
      catalog: new Map(catalogUse.map((r) => [r.id, Number(r.n)] as const)),
      versions: new Map(versionUse.map((r) => [r.version_id, Number(r.n)] as const)),
      clientsOf: new Map(clientsOf.map((r) => [r.caseworker_id, Number(r.n)] as const)),
      clients: clientsOf.reduce((n, r) => n + Number(r.n), 0),
      households: Number(households.n),
    },
  };
}

/** Columns that name a caseworker (who has, wrote, scored, changed it); `caseworker_id` of clients and households is set apart. */
const CASEWORKER_COLUMNS = [
  'caseworker_id',
  'from_caseworker_id',
  'to_caseworker_id',
  'author_id',
  'updated_by',
  'created_by',
  'reopened_by',
  'written_by',
];

/** Where each kind of definition is referred to. */
const REFERENCES = {
  catalog: [
    ['client', 'target_group_id'],
    ['client', 'stage_id'],
    ['stage_change', 'from_stage_id'],
    ['stage_change', 'to_stage_id'],
    ['closure', 'reason_id'],
    ['sheet_target_group', 'target_group_id'],
  ],
  sheets: [
    ['sheet_version', 'sheet_id'],
    ['sheet_target_group', 'sheet_id'],
  ],
  versions: [
    ['scoring', 'version_id'],
    ['paper_sheet', 'version_id'],
    ['indicator', 'version_id'],
  ],
  indicators: [
    ['score', 'indicator_id'],
    ['indicator_level', 'indicator_id'],
  ],
} as const satisfies Record<string, readonly (readonly [SyncedTableName, string])[]>;

async function remap(
  trx: Transaction<Database>,
  table: SyncedTableName,
  column: string,
  map: ReadonlyMap<string, string>,
): Promise<void> {
  for (const [from, to] of map)
    if (from !== to)
      await sql`UPDATE ${sql.table(table)} SET ${sql.ref(column)} = ${to} WHERE ${sql.ref(column)} = ${from}`.execute(
        trx,
      );
}

/** Removes the laptop's definitions the team's replace (or that go), children first. */
async function dropReplaced(trx: Transaction<Database>, mapping: JoinMapping): Promise<void> {
  const { added } = mapping;
  const keep = (ids: ReadonlySet<string>) => [...ids];
  await trx
    .deleteFrom('sheet_target_group')
    .where('target_group_id', 'not in', ['', ...keep(added.sheetTargetGroups)])
    .execute();
  const keptVersions = ['', ...keep(added.versions)];
  await trx
    .deleteFrom('indicator_level')
    .where('indicator_id', 'in', (eb) =>
      eb.selectFrom('indicator').select('id').where('version_id', 'not in', keptVersions),
    )
    .execute();
  await trx.deleteFrom('indicator').where('version_id', 'not in', keptVersions).execute();
  // The team's versions come with the team's translations: the laptop's of a version it replaces go.
  await trx.deleteFrom('sheet_translation').where('version_id', 'not in', keptVersions).execute();
  await trx.deleteFrom('sheet_version').where('id', 'not in', keptVersions).execute();
  await trx
    .deleteFrom('sheet')
    .where('id', 'not in', ['', ...keep(added.sheets)])
    .execute();
  if (!added.coverageTargets) await trx.deleteFrom('coverage_target').execute();
  await trx
    .deleteFrom('catalog_item')
    .where('id', 'not in', ['', ...keep(added.catalog)])
    .execute();
  await trx
    .deleteFrom('caseworker')
    .where('id', 'not in', ['', ...keep(added.caseworkers)])
    .execute();
}

/** Queues every row of the laptop's (none the team sent), parents first, as capture would have. */
async function queueAll(trx: Transaction<Database>): Promise<void> {
  // Parents first, as a pull applies them: the server checks each batch's references at its end.
  for (const table of APPLY_ORDER) {
    const { key } = syncedTable(table);
    await sql`INSERT INTO sync_outbox (table_name, row_key)
      SELECT ${table}, k FROM (
        SELECT json_object(${sql.join(key.flatMap((c) => [sql.lit(c), sql.ref(c)]))}) AS k
        FROM ${sql.table(table)} ORDER BY rowid)
      WHERE k NOT IN (SELECT row_key FROM sync_seen WHERE table_name = ${table})
      ON CONFLICT (table_name, row_key) DO NOTHING`.execute(trx);
  }
}

/**
 * The join itself, in one transaction: foreign keys are checked at its end, so a reference the
 * plan missed rolls everything back instead of leaving a half-joined laptop.
 */
export async function joinWithData(
  db: Kysely<Database>,
  join: { mapping: JoinMapping; teamRows: TeamRows; link: TeamLink },
): Promise<void> {
  const { mapping } = join;
  await db.transaction().execute(async (trx) => {
    await sql`PRAGMA defer_foreign_keys = ON`.execute(trx);
    await withoutCapture(trx, async () => {
      await dropReplaced(trx, mapping);
      for (const [name, references] of Object.entries(REFERENCES) as [
        keyof typeof REFERENCES,
        (typeof REFERENCES)[keyof typeof REFERENCES],
      ][])
        for (const [table, column] of references) await remap(trx, table, column, mapping[name]);
      for (const table of SYNCED_TABLES.map((t) => t.name)) {
        const columns = await columnsOf(trx, table);
        for (const column of CASEWORKER_COLUMNS)
          if (columns.includes(column)) await remap(trx, table, column, mapping.caseworkers);
      }
      // Only the caseworker's own clients can go up: every one here is hers now.
      await trx.updateTable('client').set({ caseworker_id: mapping.me }).execute();
      await trx.updateTable('household').set({ caseworker_id: mapping.me }).execute();
      // Out of the way first: (sheet, number) is unique at once, and her own numbers may be the new ones.
      for (const [version] of mapping.renumber)
        await trx
          .updateTable('sheet_version')
          .set((eb) => ({ number: eb.neg(eb.ref('number')) }))
          .where('id', '=', version)
          .execute();
      for (const [version, number] of mapping.renumber)
        await trx.updateTable('sheet_version').set({ number }).where('id', '=', version).execute();
      await takeTeamRows(trx, join.teamRows);
    });
    await linkTeam(trx, join.link);
    await queueAll(trx);
  });
}
