import type { Kysely } from 'kysely';
import { newId } from '../ids';
import type { Database, ScoredBy } from '../schema';
import { DEFAULT_RESCORE_WEEKS } from '../../common/rhythm';
import { plusDays } from '../../common/dates';

export interface ScoreContent {
  indicatorId: string;
  indicatorKey: string;
  value: number | null;
  comment: string | null;
}

export interface ScoringContent {
  clientId: string;
  versionId: string;
  date: string;
  scoredBy: ScoredBy;
  caseworkerId: string | null;
  scores: readonly ScoreContent[];
}

export interface ScoringView {
  id: string;
  clientId: string;
  versionId: string;
  sheetId: string;
  sheetName: string;
  versionNumber: number;
  date: string;
  scoredBy: ScoredBy;
  caseworkerId: string | null;
  edited: boolean;
  scores: Array<{
    indicatorId: string;
    indicatorKey: string;
    indicatorName: string;
    value: number | null;
    label: string | null;
    comment: string | null;
  }>;
}

async function writeScores(db: Kysely<Database>, scoringId: string, scores: readonly ScoreContent[]): Promise<void> {
  if (scores.length === 0) return;
  await db
    .insertInto('score')
    .values(
      scores.map((s) => ({
        scoring_id: scoringId,
        indicator_id: s.indicatorId,
        indicator_key: s.indicatorKey,
        value: s.value,
        comment: s.comment,
      })),
    )
    .execute();
}

export async function insertScoring(
  db: Kysely<Database>,
  scoring: ScoringContent,
  at: string,
  by: string | null,
): Promise<string> {
  const id = newId();
  await db
    .insertInto('scoring')
    .values({
      id,
      client_id: scoring.clientId,
      version_id: scoring.versionId,
      scored_on: scoring.date,
      scored_by: scoring.scoredBy,
      caseworker_id: scoring.caseworkerId,
      created_at: at,
      updated_at: at,
      updated_by: by,
      deleted_at: null,
    })
    .execute();
  await writeScores(db, id, scoring.scores);
  return id;
}

export async function updateScoring(
  db: Kysely<Database>,
  id: string,
  scoring: ScoringContent,
  at: string,
  by: string | null,
): Promise<void> {
  await db
    .updateTable('scoring')
    .set({
      version_id: scoring.versionId,
      scored_on: scoring.date,
      scored_by: scoring.scoredBy,
      updated_at: at,
      updated_by: by,
    })
    .where('id', '=', id)
    .execute();
  await db.deleteFrom('score').where('scoring_id', '=', id).execute();
  await writeScores(db, id, scoring.scores);
}

export async function removeScoring(db: Kysely<Database>, id: string, at: string, by: string | null): Promise<void> {
  await db
    .updateTable('scoring')
    .set({ deleted_at: at, updated_at: at, updated_by: by })
    .where('id', '=', id)
    .execute();
}

/** A client's scorings, newest first, each score with its indicator name and level label. */
export async function listScorings(db: Kysely<Database>, clientId: string, onlyId?: string): Promise<ScoringView[]> {
  let query = db
    .selectFrom('scoring as s')
    .innerJoin('sheet_version as v', 'v.id', 's.version_id')
    .innerJoin('sheet as sh', 'sh.id', 'v.sheet_id')
    .select([
      's.id',
      's.client_id',
      's.version_id',
      'v.sheet_id',
      'sh.name',
      'v.number',
      's.scored_on',
      's.scored_by',
      's.caseworker_id',
      's.created_at',
      's.updated_at',
    ])
    .where('s.client_id', '=', clientId)
    .where('s.deleted_at', 'is', null);
  if (onlyId) query = query.where('s.id', '=', onlyId);
  const scorings = await query.orderBy('s.scored_on', 'desc').orderBy('s.created_at', 'desc').execute();
  if (scorings.length === 0) return [];
  const scores = await db
    .selectFrom('score as sc')
    .innerJoin('indicator as i', 'i.id', 'sc.indicator_id')
    .leftJoin('indicator_level as l', (join) =>
      join.onRef('l.indicator_id', '=', 'sc.indicator_id').onRef('l.value', '=', 'sc.value'),
    )
    .select([
      'sc.scoring_id',
      'sc.indicator_id',
      'sc.indicator_key',
      'i.name',
      'i.position',
      'sc.value',
      'l.label',
      'sc.comment',
    ])
    .where(
      'sc.scoring_id',
      'in',
      scorings.map((s) => s.id),
    )
    .orderBy('i.position')
    .execute();
  return scorings.map((s) => ({
    id: s.id,
    clientId: s.client_id,
    versionId: s.version_id,
    sheetId: s.sheet_id,
    sheetName: s.name,
    versionNumber: s.number,
    date: s.scored_on,
    scoredBy: s.scored_by,
    caseworkerId: s.caseworker_id,
    edited: s.updated_at !== s.created_at,
    scores: scores
      .filter((sc) => sc.scoring_id === s.id)
      .map((sc) => ({
        indicatorId: sc.indicator_id,
        indicatorKey: sc.indicator_key,
        indicatorName: sc.name,
        value: sc.value,
        label: sc.label,
        comment: sc.comment,
      })),
  }));
}

/** The latest scored value per indicator key of one client (scores marked "not scored" skipped). */
export async function previousValues(
  db: Kysely<Database>,
  clientId: string,
  exceptScoringId?: string,
): Promise<Record<string, { value: number | null; date: string }>> {
  let query = db
    .selectFrom('score as sc')
    .innerJoin('scoring as s', 's.id', 'sc.scoring_id')
    .select(['sc.indicator_key', 'sc.value', 's.scored_on'])
    .where('s.client_id', '=', clientId)
    .where('s.deleted_at', 'is', null)
    .where('sc.value', 'is not', null);
  if (exceptScoringId) query = query.where('s.id', '!=', exceptScoringId);
  const rows = await query.orderBy('s.scored_on').orderBy('s.created_at').execute();
  const latest: Record<string, { value: number | null; date: string }> = {};
  for (const row of rows) latest[row.indicator_key] = { value: row.value, date: row.scored_on };
  return latest;
}

/**
 * The latest score per client per indicator key, for many clients at once (charts,
 * team view). One pass over the score table in date order; the last write wins.
 */
export async function latestScores(
  db: Kysely<Database>,
): Promise<Map<string, Map<string, { value: number; date: string }>>> {
  const rows = await db
    .selectFrom('score as sc')
    .innerJoin('scoring as s', 's.id', 'sc.scoring_id')
    .select(['s.client_id', 'sc.indicator_key', 'sc.value', 's.scored_on'])
    .where('s.deleted_at', 'is', null)
    .where('sc.value', 'is not', null)
    .orderBy('s.scored_on')
    .execute();
  const result = new Map<string, Map<string, { value: number; date: string }>>();
  for (const row of rows) {
    if (row.value === null) continue;
    let client = result.get(row.client_id);
    if (!client) result.set(row.client_id, (client = new Map()));
    client.set(row.indicator_key, { value: row.value, date: row.scored_on });
  }
  return result;
}

export interface CoverageRow {
  caseworkerId: string;
  active: number;
  scoredInInterval: number;
  share: number | null;
}

/**
 * Coverage: of each caseworker's active clients, the share whose last scoring lies
 * within their target group's rhythm (counted back from today, today included).
 */
export async function coverageByCaseworker(
  db: Kysely<Database>,
  today: string,
  caseworkerIds?: readonly string[],
): Promise<CoverageRow[]> {
  if (caseworkerIds?.length === 0) return [];
  let clients = db
    .selectFrom('client as c')
    .innerJoin('caseworker as w', 'w.id', 'c.caseworker_id')
    .leftJoin('catalog_item as tg', 'tg.id', 'c.target_group_id')
    .select((eb) => [
      'c.caseworker_id',
      'tg.rescore_weeks',
      eb
        .selectFrom('scoring as s')
        .select((e) => e.fn.max('s.scored_on').as('d'))
        .whereRef('s.client_id', '=', 'c.id')
        .where('s.deleted_at', 'is', null)
        .as('last'),
    ])
    .where('c.status', '=', 'active')
    .where('c.deleted_at', 'is', null)
    .where('w.deactivated_at', 'is', null);
  let team = db
    .selectFrom('caseworker')
    .select('id')
    .where('deactivated_at', 'is', null)
    .where('deleted_at', 'is', null);
  if (caseworkerIds) {
    clients = clients.where('c.caseworker_id', 'in', caseworkerIds);
    team = team.where('id', 'in', caseworkerIds);
  }
  const [rows, workers] = await Promise.all([clients.execute(), team.orderBy('name').execute()]);
  const byWorker = new Map<string, { active: number; scored: number }>();
  for (const w of workers) byWorker.set(w.id, { active: 0, scored: 0 });
  for (const row of rows) {
    const entry = byWorker.get(row.caseworker_id ?? '');
    if (!entry) continue;
    entry.active += 1;
    const last = row.last ?? null;
    if (last !== null && last <= today && plusDays(last, (row.rescore_weeks ?? DEFAULT_RESCORE_WEEKS) * 7) > today)
      entry.scored += 1;
  }
  return [...byWorker].map(([caseworkerId, { active, scored }]) => ({
    caseworkerId,
    active,
    scoredInInterval: scored,
    share: active === 0 ? null : scored / active,
  }));
}
