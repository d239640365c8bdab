import type { Kysely } from 'kysely';
import type { ActionKind, Database, ScoredBy } from '../schema';
import { type NoteView, notesForClient } from './notes';

export type TimelineEntryView =
  | { kind: 'created'; date: string; at: string }
  | { kind: 'stage'; date: string; at: string; fromStageId: string | null; toStageId: string }
  | {
      kind: 'handover';
      date: string;
      at: string;
      fromCaseworkerId: string | null;
      toCaseworkerId: string;
      note: string | null;
    }
  | { kind: 'action'; date: string; at: string; actionId: string; title: string; actionKind: ActionKind; done: boolean }
  | { kind: 'closed'; date: string; at: string; reasonId: string; outcomeNote: string | null }
  | { kind: 'reopened'; date: string; at: string }
  | { kind: 'note'; date: string; at: string; note: NoteView }
  | {
      kind: 'scoring';
      date: string;
      at: string;
      scoringId: string;
      sheetName: string;
      versionNumber: number;
      scoredBy: ScoredBy;
      edited: boolean;
      removed: boolean;
    };

/**
 * Everything that happened to a client, newest first. Later features (notes,
 * scorings) add their own entry kinds here.
 */
export async function clientTimeline(db: Kysely<Database>, clientId: string): Promise<TimelineEntryView[]> {
  const [client, stages, handovers, actions, closures, scorings] = await Promise.all([
    db
      .selectFrom('client')
      .select(['created_at', 'start_date', 'household_id'])
      .where('id', '=', clientId)
      .executeTakeFirst(),
    db
      .selectFrom('stage_change')
      .select(['changed_on', 'created_at', 'from_stage_id', 'to_stage_id'])
      .where('client_id', '=', clientId)
      .execute(),
    db
      .selectFrom('handover')
      .select(['handed_over_on', 'created_at', 'from_caseworker_id', 'to_caseworker_id', 'note'])
      .where('client_id', '=', clientId)
      .execute(),
    db
      .selectFrom('action')
      .select(['id', 'title', 'kind', 'due_date', 'done_at', 'created_at'])
      .where('client_id', '=', clientId)
      .where('deleted_at', 'is', null)
      .execute(),
    db
      .selectFrom('closure')
      .select(['closed_on', 'reason_id', 'outcome_note', 'reopened_on', 'created_at'])
      .where('client_id', '=', clientId)
      .execute(),
    // Removed scorings stay on the timeline as a record that they were removed.
    db
      .selectFrom('scoring as s')
      .innerJoin('sheet_version as v', 'v.id', 's.version_id')
      .innerJoin('sheet as sh', 'sh.id', 'v.sheet_id')
      .select([
        's.id',
        's.scored_on',
        's.scored_by',
        's.created_at',
        's.updated_at',
        's.deleted_at',
        'sh.name',
        'v.number',
      ])
      .where('s.client_id', '=', clientId)
      .execute(),
  ]);
  if (!client) return [];
  // Household notes show on every member's timeline.
  const notes = await notesForClient(db, clientId, client.household_id);
  const entries: TimelineEntryView[] = [
    { kind: 'created', date: client.created_at.slice(0, 10), at: client.created_at },
    ...stages.map((s) => ({
      kind: 'stage' as const,
      date: s.changed_on,
      at: s.created_at,
      fromStageId: s.from_stage_id,
      toStageId: s.to_stage_id,
    })),
    ...handovers.map((h) => ({
      kind: 'handover' as const,
      date: h.handed_over_on,
      at: h.created_at,
      fromCaseworkerId: h.from_caseworker_id,
      toCaseworkerId: h.to_caseworker_id,
      note: h.note,
    })),
    // A to-do sits on the timeline at its due date, or when it was done.
    ...actions.map((a) => ({
      kind: 'action' as const,
      date: a.done_at ? a.done_at.slice(0, 10) : a.due_date,
      at: a.done_at ?? a.created_at,
      actionId: a.id,
      title: a.title,
      actionKind: a.kind,
      done: a.done_at !== null,
    })),
    ...closures.map((z) => ({
      kind: 'closed' as const,
      date: z.closed_on,
      at: z.created_at,
      reasonId: z.reason_id,
      outcomeNote: z.outcome_note,
    })),
    // Within a day: by the time noted, then by when it was written (same minute: newest first).
    ...notes.map((note) => ({
      kind: 'note' as const,
      date: note.notedAt.slice(0, 10),
      at: `${note.notedAt}|${note.createdAt}`,
      note,
    })),
    ...scorings.map((z) => ({
      kind: 'scoring' as const,
      date: z.scored_on,
      at: z.created_at,
      scoringId: z.id,
      sheetName: z.name,
      versionNumber: z.number,
      scoredBy: z.scored_by,
      edited: z.deleted_at === null && z.updated_at !== z.created_at,
      removed: z.deleted_at !== null,
    })),
    ...closures.flatMap((z) =>
      z.reopened_on ? [{ kind: 'reopened' as const, date: z.reopened_on, at: z.reopened_on }] : [],
    ),
  ];
  return entries.sort((x, y) => y.date.localeCompare(x.date) || y.at.localeCompare(x.at));
}
