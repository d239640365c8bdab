/**
 * The tables a laptop and the team server keep in step. Both sides build their sync on this
 * list: the app's outbox and pull, the server's schema, policies and push. Local-only tables
 * (drafts, import mappings, the local audit log, search index, counters) are not in it.
 *
 * `scope` says whose the rows are, which decides who may read and write them on the server:
 * - `team`: the team's lists, people and scoring sheets (key persons write, everyone reads);
 * - `client`: a client and what belongs to them (the assigned caseworker writes);
 * - `household`: a household (its caseworker writes), notes may hang on it too.
 * `appendOnly`: rows are added by id and never changed afterwards, so they never conflict.
 */
export interface SyncedTable {
  readonly name: string;
  readonly key: readonly string[];
  readonly scope: 'team' | 'client' | 'household';
  readonly appendOnly: boolean;
}

export const SYNCED_TABLES = [
  { name: 'caseworker', key: ['id'], scope: 'team', appendOnly: false },
  { name: 'catalog_item', key: ['id'], scope: 'team', appendOnly: false },
  { name: 'coverage_target', key: ['id'], scope: 'team', appendOnly: true },
  { name: 'sheet', key: ['id'], scope: 'team', appendOnly: false },
  { name: 'sheet_version', key: ['id'], scope: 'team', appendOnly: false },
  { name: 'sheet_target_group', key: ['target_group_id'], scope: 'team', appendOnly: false },
  { name: 'indicator', key: ['id'], scope: 'team', appendOnly: false },
  { name: 'indicator_level', key: ['indicator_id', 'value'], scope: 'team', appendOnly: false },
  { name: 'sheet_translation', key: ['id'], scope: 'team', appendOnly: false },
  { name: 'household', key: ['id'], scope: 'household', appendOnly: false },
  { name: 'client', key: ['id'], scope: 'client', appendOnly: false },
  { name: 'action', key: ['id'], scope: 'client', appendOnly: false },
  { name: 'goal', key: ['id'], scope: 'client', appendOnly: false },
  { name: 'consent', key: ['id'], scope: 'client', appendOnly: false },
  { name: 'stage_change', key: ['id'], scope: 'client', appendOnly: true },
  { name: 'handover', key: ['id'], scope: 'client', appendOnly: true },
  { name: 'closure', key: ['id'], scope: 'client', appendOnly: false },
  { name: 'scoring', key: ['id'], scope: 'client', appendOnly: true },
  { name: 'score', key: ['scoring_id', 'indicator_id'], scope: 'client', appendOnly: true },
  { name: 'paper_sheet', key: ['id'], scope: 'client', appendOnly: false },
  { name: 'note', key: ['id'], scope: 'client', appendOnly: true },
  { name: 'note_version', key: ['id'], scope: 'client', appendOnly: true },
] as const satisfies readonly SyncedTable[];

export type SyncedTableName = (typeof SYNCED_TABLES)[number]['name'];

const BY_NAME = new Map<string, SyncedTable>(SYNCED_TABLES.map((t) => [t.name, t]));

/** The shared list's entry for a table name; throws for a name that is not synced. */
export function syncedTable(name: string): SyncedTable {
  const table = BY_NAME.get(name);
  if (!table) throw new Error(`Unknown synced table ${name}`);
  return table;
}

/** The client a synced row belongs to, where the row says (a client's own row, or one with client_id). */
export function clientOf(change: {
  table: SyncedTableName;
  row: Readonly<Record<string, string | number | null>>;
}): string | null {
  const value = change.table === 'client' ? change.row.id : change.row.client_id;
  return typeof value === 'string' ? value : null;
}
