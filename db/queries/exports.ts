import type { Compilable, Kysely } from 'kysely';
import type { Database, ScoredBy } from '../schema';
import { nextOpenActionId } from './clients';

/** Rows fetched per step of a stream (see db/connection.ts). */
const STREAM_CHUNK = 500;

/**
 * A select query's rows in chunks, straight from the executor: an export of 200,000
 * rows awaits a few hundred chunks instead of every row. The query holds the
 * connection until the last chunk has been read.
 */
function chunks<R>(db: Kysely<Database>, query: Compilable<R>): AsyncIterable<R[]> {
  return {
    async *[Symbol.asyncIterator]() {
      for await (const result of db.getExecutor().stream(query.compile(), STREAM_CHUNK)) yield result.rows;
    },
  };
}

export interface ScoreFilter {
  caseworkerId?: string;
  targetGroupId?: string;
  sheetId?: string;
  from?: string | null;
  to?: string | null;
}

export interface ScoreExportRow {
  scoringId: string;
  reference: string | null;
  pseudonym: string;
  targetGroupId: string | null;
  caseworkerId: string | null;
  sheetName: string;
  versionNumber: number;
  indicatorKey: string;
  indicatorName: string;
  date: string;
  scoredBy: ScoredBy;
  organisation: string | null;
  value: number | null;
  label: string | null;
  comment: string | null;
}

/**
 * Every score of live scorings of live clients that matches the filter, streamed
 * (a few hundred thousand rows never sit in memory together), in client, date,
 * scoring and indicator order: a wide export groups consecutive rows by scoring.
 */
export function streamScores(db: Kysely<Database>, filter: ScoreFilter): AsyncIterable<ScoreExportRow[]> {
  let query = db
    .selectFrom('score as sc')
    .innerJoin('scoring as s', 's.id', 'sc.scoring_id')
    .innerJoin('client as c', 'c.id', 's.client_id')
    .innerJoin('sheet_version as v', 'v.id', 's.version_id')
    .innerJoin('sheet as sh', 'sh.id', 'v.sheet_id')
    .innerJoin('indicator as i', 'i.id', 'sc.indicator_id')
    .leftJoin('indicator_level as l', (join) =>
      join.onRef('l.indicator_id', '=', 'i.id').onRef('l.value', '=', 'sc.value'),
    )
    .select([
      's.id as scoringId',
      'c.reference',
      'c.pseudonym',
      'c.target_group_id as targetGroupId',
      'c.caseworker_id as caseworkerId',
      'sh.name as sheetName',
      'v.number as versionNumber',
      'sc.indicator_key as indicatorKey',
      'i.name as indicatorName',
      's.scored_on as date',
      's.scored_by as scoredBy',
      's.organisation',
      'sc.value',
      'l.label',
      'sc.comment',
    ])
    .where('s.deleted_at', 'is', null)
    .where('c.deleted_at', 'is', null)
    // An indicator left empty in a scoring is no score.
    .where('sc.value', 'is not', null);
  if (filter.caseworkerId) query = query.where('c.caseworker_id', '=', filter.caseworkerId);
  if (filter.targetGroupId) query = query.where('c.target_group_id', '=', filter.targetGroupId);
  if (filter.sheetId) query = query.where('v.sheet_id', '=', filter.sheetId);
  if (filter.from) query = query.where('s.scored_on', '>=', filter.from);
  if (filter.to) query = query.where('s.scored_on', '<=', filter.to);
  return chunks(db, query.orderBy('c.pseudonym').orderBy('s.scored_on').orderBy('s.id').orderBy('i.position'));
}

/**
 * The caseload as a caseworker keeps it in Excel: the client's facts, the next open to-do with its
 * date and time, and the latest remark, so a sheet imported and exported again reads as before.
 */
export function streamCaseload(db: Kysely<Database>, status: 'active' | 'closed' | 'all') {
  let query = db
    .selectFrom('client as c')
    .leftJoin('action as na', (join) => join.on((eb) => eb('na.id', '=', nextOpenActionId(db, 'c.id'))))
    .select((eb) => [
      'c.reference',
      'c.pseudonym',
      'c.first_name as firstName',
      'c.last_name as lastName',
      'c.date_of_birth as dateOfBirth',
      'c.phone',
      'c.email',
      'c.target_group_id as targetGroupId',
      'c.stage_id as stageId',
      'c.stage_since as stageSince',
      'c.caseworker_id as caseworkerId',
      'c.start_date as startDate',
      'c.status',
      'na.title as nextAction',
      'na.due_date as nextActionDate',
      'na.due_time as nextActionTime',
      eb
        .selectFrom('note as n')
        .select('n.body')
        .whereRef('n.client_id', '=', 'c.id')
        .where('n.kind', '=', 'remark')
        .where('n.deleted_at', 'is', null)
        .orderBy('n.noted_at', 'desc')
        .orderBy('n.id', 'desc')
        .limit(1)
        .as('remark'),
    ])
    .where('c.deleted_at', 'is', null);
  if (status !== 'all') query = query.where('c.status', '=', status);
  return chunks(db, query.orderBy('c.pseudonym'));
}

/** Closures in a period that were not undone by a reopening. */
export function streamClosures(db: Kysely<Database>, from: string, to: string) {
  return chunks(
    db,
    db
      .selectFrom('closure as z')
      .innerJoin('client as c', 'c.id', 'z.client_id')
      .select([
        'c.reference',
        'c.pseudonym',
        'c.first_name as firstName',
        'c.last_name as lastName',
        'c.target_group_id as targetGroupId',
        'c.caseworker_id as caseworkerId',
        'c.start_date as startDate',
        'z.closed_on as closedOn',
        'z.reason_id as reasonId',
      ])
      .where('z.closed_on', '>=', from)
      .where('z.closed_on', '<=', to)
      .where('z.reopened_on', 'is', null)
      .where('c.deleted_at', 'is', null)
      .orderBy('z.closed_on')
      .orderBy('c.pseudonym'),
  );
}

type StreamRow<S> = S extends AsyncIterable<Array<infer R>> ? R : never;
export type CaseloadExportRow = StreamRow<ReturnType<typeof streamCaseload>>;
export type ClosureExportRow = StreamRow<ReturnType<typeof streamClosures>>;
