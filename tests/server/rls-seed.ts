import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { SYNCED_TABLES, type SyncedTableName } from '../../common/sync/tables';
import type { ServerDatabase } from '../../server/db/schema';

/**
 * Two teams of made-up people and everything they keep, for the row-level security tests.
 * Every row says whose it is (`owner`: the caseworker of its client or household; null for
 * the team's lists, people and sheets) and whether it is part of a draft sheet version, so
 * the tests can say independently of the policies what each person may see and change.
 */

export type TeamName = 'A' | 'B';

export interface SeedRow {
  table: SyncedTableName;
  values: Record<string, unknown>;
  team: TeamName;
  owner: string | null;
  draft: boolean;
}

export interface Person {
  subject: string;
  caseworker: string;
  team: TeamName;
  role: 'caseworker' | 'key_person';
}

export const PEOPLE = {
  caseworkerA: { subject: 'cw-a', caseworker: 'cwA', team: 'A', role: 'caseworker' },
  colleagueA: { subject: 'cw-a2', caseworker: 'cwA2', team: 'A', role: 'caseworker' },
  keyPersonA: { subject: 'kp-a', caseworker: 'kpA', team: 'A', role: 'key_person' },
  caseworkerB: { subject: 'cw-b', caseworker: 'cwB', team: 'B', role: 'caseworker' },
  keyPersonB: { subject: 'kp-b', caseworker: 'kpB', team: 'B', role: 'key_person' },
} as const satisfies Record<string, Person>;

const NOW = '2025-03-01T09:00:00.000Z';
const TRACKED = { created_at: NOW, updated_at: NOW, updated_by: null, deleted_at: null };

/** Rows a row refers to. */
export interface Refs {
  caseworker: string;
  client: string;
  household: string;
  scoring: string;
  note: string;
  sheet: string;
  version: string;
  indicator: string;
  catalogItem: string;
}

let counter = 0;
/** Numbers that must differ (sheet version numbers, level values). */
const next = () => ++counter;

/** A valid row of each synced table named `id` (or keyed by it), referring to `r`. */
export const ROW: Record<SyncedTableName, (id: string, r: Refs) => Record<string, unknown>> = {
  caseworker: (id) => ({ id, name: id, role: 'caseworker', ...TRACKED }),
  catalog_item: (id) => ({ id, kind: 'stage', position: 1, ...TRACKED }),
  coverage_target: (id) => ({ id, share: 0.8, due_on: '2025-12-31', created_at: NOW }),
  sheet: (id) => ({ id, name: id, ...TRACKED }),
  sheet_version: (id, r) => ({ id, sheet_id: r.sheet, number: next(), published_at: NOW, created_at: NOW }),
  sheet_target_group: (id, r) => ({ target_group_id: id, sheet_id: r.sheet }),
  indicator: (id, r) => ({ id, version_id: r.version, key: id, position: 1, name: id, scale_min: 1, scale_max: 5 }),
  indicator_level: (id, r) => ({ indicator_id: r.indicator, value: next(), label: id }),
  sheet_translation: (id, r) => ({ id, version_id: r.version, language: 'ar', texts: '{"indicators":[]}', ...TRACKED }),
  household: (id, r) => ({ id, name: id, caseworker_id: r.caseworker, ...TRACKED }),
  client: (id, r) => ({
    id,
    first_name: 'Sam',
    last_name: id,
    pseudonym: id,
    caseworker_id: r.caseworker,
    household_id: r.household,
    ...TRACKED,
  }),
  action: (id, r) => ({ id, client_id: r.client, title: id, kind: 'task', due_date: '2025-04-01', ...TRACKED }),
  goal: (id, r) => ({ id, client_id: r.client, indicator_key: id, target: 4, ...TRACKED }),
  paper_sheet: (id, r) => ({
    id,
    code: id,
    client_id: r.client,
    version_id: r.version,
    printed_on: '2025-03-01',
    scoring_id: null,
    ...TRACKED,
  }),
  consent: (id, r) => ({
    id,
    client_id: r.client,
    purpose: id,
    legal_basis: 'consent',
    given_as: 'written',
    given_on: '2025-03-01',
    ...TRACKED,
  }),
  stage_change: (id, r) => ({
    id,
    client_id: r.client,
    to_stage_id: r.catalogItem,
    changed_on: '2025-03-01',
    created_at: NOW,
  }),
  handover: (id, r) => ({
    id,
    client_id: r.client,
    to_caseworker_id: r.caseworker,
    handed_over_on: '2025-03-01',
    created_at: NOW,
  }),
  closure: (id, r) => ({ id, client_id: r.client, closed_on: '2025-03-01', reason_id: r.catalogItem, created_at: NOW }),
  scoring: (id, r) => ({
    id,
    client_id: r.client,
    version_id: r.version,
    scored_on: '2025-03-01',
    scored_by: 'caseworker',
    caseworker_id: r.caseworker,
    ...TRACKED,
  }),
  score: (id, r) => ({ scoring_id: r.scoring, indicator_id: id, indicator_key: id, value: 3 }),
  note: (id, r) => ({
    id,
    client_id: r.client,
    kind: 'conversation',
    noted_at: '2025-03-01T10:00',
    body: `private words ${id}`,
    author_id: r.caseworker,
    ...TRACKED,
  }),
  note_version: (id, r) => ({
    id,
    note_id: r.note,
    kind: 'conversation',
    noted_at: '2025-03-01T10:00',
    body: 'earlier words',
    pinned: 0,
    written_at: NOW,
  }),
};

/** The refs of the rows a caseworker's seeded client hangs on. */
export function refsOf(team: TeamName, caseworker: string): Refs {
  return {
    caseworker,
    client: `${caseworker}-client`,
    household: `${caseworker}-household`,
    scoring: `${caseworker}-scoring`,
    note: `${caseworker}-note`,
    sheet: `${team}-sheet`,
    version: `${team}-version-published`,
    indicator: `${team}-indicator-published`,
    catalogItem: `${team}-stage`,
  };
}

function teamRows(team: TeamName, people: readonly Person[]): SeedRow[] {
  const rows: SeedRow[] = [];
  const add = (table: SyncedTableName, values: Record<string, unknown>, owner: string | null, draft = false) =>
    rows.push({ table, values, team, owner, draft });
  const shared = refsOf(team, '');
  for (const person of people)
    add('caseworker', { ...ROW.caseworker(person.caseworker, shared), role: person.role }, null);
  add('catalog_item', { ...ROW.catalog_item(`${team}-target-group`, shared), kind: 'target_group' }, null);
  add('catalog_item', ROW.catalog_item(`${team}-stage`, shared), null);
  add('catalog_item', { ...ROW.catalog_item(`${team}-reason`, shared), kind: 'closure_reason' }, null);
  add('coverage_target', ROW.coverage_target(`${team}-coverage`, shared), null);
  add('sheet', ROW.sheet(shared.sheet, shared), null);
  add('sheet_target_group', ROW.sheet_target_group(`${team}-target-group`, shared), null);
  add('sheet_version', ROW.sheet_version(shared.version, shared), null);
  add('sheet_version', { ...ROW.sheet_version(`${team}-version-draft`, shared), published_at: null }, null, true);
  add('indicator', ROW.indicator(shared.indicator, shared), null);
  const draft = { ...shared, version: `${team}-version-draft`, indicator: `${team}-indicator-draft` };
  add('indicator', ROW.indicator(draft.indicator, draft), null, true);
  add('indicator_level', ROW.indicator_level(`${team}-level`, shared), null);
  add('indicator_level', ROW.indicator_level(`${team}-level-draft`, draft), null, true);

  for (const person of people.filter((p) => p.role === 'caseworker')) {
    const cw = person.caseworker;
    const r = refsOf(team, cw);
    add('household', ROW.household(r.household, r), cw);
    add('client', ROW.client(r.client, r), cw);
    add('action', ROW.action(`${cw}-action`, r), cw);
    add('goal', ROW.goal(`${cw}-goal`, r), cw);
    add('stage_change', ROW.stage_change(`${cw}-stage-change`, r), cw);
    add('handover', ROW.handover(`${cw}-handover`, r), cw);
    add('closure', { ...ROW.closure(`${cw}-closure`, r), reason_id: `${team}-reason` }, cw);
    add('scoring', ROW.scoring(r.scoring, r), cw);
    add('score', ROW.score(r.indicator, r), cw);
    add('note', ROW.note(r.note, r), cw);
    add('note_version', ROW.note_version(`${cw}-note-version`, r), cw);
    // A note on the household, and its earlier version.
    const onHousehold = { ...r, note: `${cw}-household-note` };
    add('note', { ...ROW.note(onHousehold.note, r), client_id: null, household_id: r.household }, cw);
    add('note_version', ROW.note_version(`${cw}-household-note-version`, onHousehold), cw);
  }
  return rows;
}

/** The key of a row as a string, in the order of the shared list's key columns. */
export function keyOf(table: SyncedTableName, values: Record<string, unknown>): string {
  const key = SYNCED_TABLES.find((t) => t.name === table)?.key ?? [];
  return JSON.stringify(key.map((column) => values[column]));
}

/** Inserts `values` into `table` with hand-built SQL (bound values, identifiers from our lists). */
export async function insertRow(
  db: Kysely<ServerDatabase>,
  table: SyncedTableName,
  values: Record<string, unknown>,
): Promise<void> {
  const columns = Object.keys(values);
  await sql`INSERT INTO ${sql.table(table)} (${sql.join(columns.map((c) => sql.id(c)))})
    VALUES (${sql.join(columns.map((c) => values[c]))})`.execute(db);
}

export interface Seed {
  teams: Record<TeamName, string>;
  rows: SeedRow[];
}

/** Seeds both teams as the owner, in one transaction (foreign keys are checked at commit). */
export async function seedTeams(owner: Kysely<ServerDatabase>): Promise<Seed> {
  const teams: Record<TeamName, string> = { A: randomUUID(), B: randomUUID() };
  const people: Person[] = Object.values(PEOPLE);
  const rows = [
    ...teamRows(
      'A',
      people.filter((p) => p.team === 'A'),
    ),
    ...teamRows(
      'B',
      people.filter((p) => p.team === 'B'),
    ),
  ];
  await owner.transaction().execute(async (trx) => {
    for (const team of ['A', 'B'] as const)
      await trx
        .insertInto('team')
        .values({ id: teams[team], name: `Team ${team}` })
        .execute();
    for (const p of people)
      await trx
        .insertInto('account')
        .values({ subject: p.subject, caseworker_id: p.caseworker, team_id: teams[p.team], role: p.role })
        .execute();
    for (const row of rows)
      await insertRow(trx, row.table, { ...row.values, team_id: teams[row.team], row_version: 1 });
  });
  return { teams, rows };
}
