import type { Kysely } from 'kysely';
import type { TimelineEntry } from '../../common/contract';
import type { Database } from '../schema';
import { notesForClient } from './notes';

/**
 * Everything that happened to a client, newest first. Later features (notes,
 * scorings) add their own entry kinds here.
 */
export async function clientTimeline(db: Kysely<Database>, clientId: string): Promise<TimelineEntry[]> {
  const [client, stages, handovers, actions, closures, scorings] = await Promise.all([
    db
      .selectFrom('client')
      .select(['created_at', 'start_date', 'household_id'])
      .where('id', '=', clientId)
      .executeTakeFirst(),
    db
      .selectFrom('stage_change')
      .select(['changed_on as date', 'created_at as at', 'from_stage_id as fromStageId', 'to_stage_id as toStageId'])
      .where('client_id', '=', clientId)
      .execute(),
    db
      .selectFrom('handover')
      .select([
        'handed_over_on as date',
        'created_at as at',
        'from_caseworker_id as fromCaseworkerId',
        'to_caseworker_id as toCaseworkerId',
        'note',
      ])
      .where('client_id', '=', clientId)
      .execute(),
    db
      .selectFrom('action')
      .select(['id as actionId', 'title', 'kind as actionKind', 'due_date', 'done_at', 'created_at'])
      .where('client_id', '=', clientId)
      .where('deleted_at', 'is', null)
      .execute(),
    db
      .selectFrom('closure')
      .select([
        'closed_on as date',
        'created_at as at',
        'reason_id as reasonId',
        'outcome_note as outcomeNote',
        'reopened_on',
      ])
      .where('client_id', '=', clientId)
      .execute(),
    // Removed scorings stay on the timeline as a record that they were removed.
    db
      .selectFrom('scoring as s')
      .innerJoin('sheet_version as v', 'v.id', 's.version_id')
      .innerJoin('sheet as sh', 'sh.id', 'v.sheet_id')
      .select([
        's.id as scoringId',
        's.scored_on as date',
        's.created_at as at',
        'sh.name as sheetName',
        'v.number as versionNumber',
        's.scored_by as scoredBy',
        's.organisation',
        's.updated_at',
        's.deleted_at',
      ])
      .where('s.client_id', '=', clientId)
      .execute(),
  ]);
  if (!client) return [];
  // Household notes show on every member's timeline.
  const notes = await notesForClient(db, clientId, client.household_id);
  const entries: TimelineEntry[] = [
    { kind: 'created', date: client.created_at.slice(0, 10), at: client.created_at },
    ...stages.map((s) => ({ kind: 'stage' as const, ...s })),
    ...handovers.map((h) => ({ kind: 'handover' as const, ...h })),
    // A to-do sits on the timeline at its due date, or when it was done.
    ...actions.map(({ due_date, done_at, created_at, ...a }) => ({
      kind: 'action' as const,
      date: done_at ? done_at.slice(0, 10) : due_date,
      at: done_at ?? created_at,
      ...a,
      done: done_at !== null,
    })),
    ...closures.map(({ reopened_on: _, ...z }) => ({ kind: 'closed' as const, ...z })),
    // Within a day: by the time noted, then by when it was written (same minute: newest first).
    ...notes.map((note) => ({
      kind: 'note' as const,
      date: note.notedAt.slice(0, 10),
      at: `${note.notedAt}|${note.createdAt}`,
      note,
    })),
    ...scorings.map(({ updated_at, deleted_at, ...z }) => ({
      kind: 'scoring' as const,
      ...z,
      edited: deleted_at === null && updated_at !== z.at,
      removed: deleted_at !== null,
    })),
    ...closures.flatMap((z) =>
      z.reopened_on ? [{ kind: 'reopened' as const, date: z.reopened_on, at: z.reopened_on }] : [],
    ),
  ];
  return entries.sort((x, y) => y.date.localeCompare(x.date) || y.at.localeCompare(x.at));
}
