import type { Kysely, Transaction } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/sqlite';
import type { Scoring } from '../../common/contract';
import { newId } from '../ids';
import { parseJsonColumns } from '../json';
import type { Database, ScoredBy } from '../schema';
import { removed, tracked, updated } from '../tracked';
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
  /** The provider's organisation; null for any other rater. */
  organisation: string | null;
  caseworkerId: string | null;
  scores: readonly ScoreContent[];
}

async function writeScores(
  db: Transaction<Database>,
  scoringId: string,
  scores: readonly ScoreContent[],
): Promise<void> {
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
  db: Transaction<Database>,
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
      organisation: scoring.scoredBy === 'provider' ? scoring.organisation : null,
      caseworker_id: scoring.caseworkerId,
      ...tracked(at, by),
    })
    .execute();
  await writeScores(db, id, scoring.scores);
  return id;
}

export async function updateScoring(
  db: Transaction<Database>,
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
      organisation: scoring.scoredBy === 'provider' ? scoring.organisation : null,
      ...updated(at, by),
    })
    .where('id', '=', id)
    .execute();
  await db.deleteFrom('score').where('scoring_id', '=', id).execute();
  await writeScores(db, id, scoring.scores);
}

export async function removeScoring(db: Kysely<Database>, id: string, at: string, by: string | null): Promise<void> {
  await db.updateTable('scoring').set(removed(at, by)).where('id', '=', id).execute();
}

/** A client's scorings, newest first, each score with its indicator name and level label. */
export async function listScorings(db: Kysely<Database>, clientId: string, onlyId?: string): Promise<Scoring[]> {
  const rows = await db
    .selectFrom('scoring as s')
    .innerJoin('sheet_version as v', 'v.id', 's.version_id')
    .innerJoin('sheet as sh', 'sh.id', 'v.sheet_id')
    .select((eb) => [
      's.id',
      's.client_id as clientId',
      's.version_id as versionId',
      'v.sheet_id as sheetId',
      'sh.name as sheetName',
      'v.number as versionNumber',
      's.scored_on as date',
      's.scored_by as scoredBy',
      's.organisation',
      's.caseworker_id as caseworkerId',
      's.created_at as createdAt',
      's.updated_at as updatedAt',
      jsonArrayFrom(
        eb
          .selectFrom('score as sc')
          .innerJoin('indicator as i', 'i.id', 'sc.indicator_id')
          .leftJoin('indicator_level as l', (join) =>
            join.onRef('l.indicator_id', '=', 'sc.indicator_id').onRef('l.value', '=', 'sc.value'),
          )
          .select([
            'sc.indicator_id as indicatorId',
            'sc.indicator_key as indicatorKey',
            'i.name as indicatorName',
            'sc.value',
            'l.label',
            'sc.comment',
          ])
          .whereRef('sc.scoring_id', '=', 's.id')
          .orderBy('i.position'),
      ).as('scores'),
    ])
    .where('s.client_id', '=', clientId)
    .where('s.deleted_at', 'is', null)
    .$if(onlyId !== undefined, (q) => q.where('s.id', '=', onlyId ?? ''))
    .orderBy('s.scored_on', 'desc')
    .orderBy('s.created_at', 'desc')
    .withPlugin(parseJsonColumns('scores'))
    .execute();
  return rows.map(({ createdAt, updatedAt, ...scoring }) => ({ ...scoring, edited: updatedAt !== createdAt }));
}

export async function getScoring(db: Kysely<Database>, clientId: string, id: string): Promise<Scoring | undefined> {
  return (await listScorings(db, clientId, id))[0];
}

/** The latest scored value per indicator key of one client (scores marked "not scored" skipped), by one rater when given. */
export async function previousValues(
  db: Kysely<Database>,
  clientId: string,
  scoredBy?: ScoredBy,
): Promise<Record<string, { value: number | null; date: string }>> {
  let query = db
    .selectFrom('score as sc')
    .innerJoin('scoring as s', 's.id', 'sc.scoring_id')
    .select(['sc.indicator_key', 'sc.value', 's.scored_on'])
    .where('s.client_id', '=', clientId)
    .where('s.deleted_at', 'is', null)
    .where('sc.value', 'is not', null);
  if (scoredBy) query = query.where('s.scored_by', '=', scoredBy);
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
