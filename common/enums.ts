/**
 * The fixed vocabularies of Koers's data, each declared once: the database schema
 * (db/schema.ts), the contract's zod schemas and the renderer's choices are all
 * typed from these lists, in this order. The migrations spell the checked ones out
 * in CHECK constraints as they were written; tests/unit/enums.test.ts holds the two
 * equal.
 */

export const ROLES = ['caseworker', 'key_person'] as const;
export type Role = (typeof ROLES)[number];

/** The lists key persons manage. */
export const CATALOG_KINDS = ['target_group', 'stage', 'closure_reason'] as const;
export type CatalogKind = (typeof CATALOG_KINDS)[number];

export const CLIENT_STATUSES = ['active', 'closed'] as const;
export type ClientStatus = (typeof CLIENT_STATUSES)[number];

export const ACTION_KINDS = ['task', 'appointment', 'follow_up'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

/**
 * Who scored: the caseworker, the client (a self-score), both together, or an external provider
 * (a re-integration company, a Danish "anden aktør", a job coach: the scoring names the organisation).
 */
export const SCORED_BY = ['caseworker', 'client', 'together', 'provider'] as const;
export type ScoredBy = (typeof SCORED_BY)[number];

/** The lines of a progression chart: a joint score carries the caseworker's line on. */
export const CHART_RATERS = ['caseworker', 'client', 'provider'] as const;
export type ChartRater = (typeof CHART_RATERS)[number];

/** The chart line a scoring belongs to. */
export function chartRater(scoredBy: ScoredBy): ChartRater {
  return scoredBy === 'together' ? 'caseworker' : scoredBy;
}

/** The lawful basis of processing that a consent record rests on (GDPR art. 6(1) a–f). */
export const LEGAL_BASES = [
  'consent',
  'contract',
  'legal_obligation',
  'vital_interests',
  'public_task',
  'legitimate_interests',
] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

/** How a consent was given. */
export const CONSENT_FORMS = ['verbal', 'written', 'digital'] as const;
export type ConsentForm = (typeof CONSENT_FORMS)[number];

export const NOTE_KINDS = [
  'conversation',
  'phone_call',
  'home_visit',
  'agreement',
  'reflection',
  'milestone',
  'remark',
] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

/** What the team sync inbox holds: a change kept as a conflict, or one the server refused. */
export const SYNC_NOTICE_KINDS = ['conflict', 'rejection'] as const;
export type SyncNoticeKind = (typeof SYNC_NOTICE_KINDS)[number];

/**
 * Why the laptop cannot synchronise now (main/sync/transport.ts), as the status line tells it:
 * offline (no answer), signed-out, not-a-member, update-app (the server needs a newer Koers),
 * update-server, busy (the server refuses for a while), server (a failure or an answer not understood).
 */
export const SYNC_PROBLEMS = [
  'offline',
  'signed-out',
  'not-a-member',
  'update-app',
  'update-server',
  'busy',
  'server',
] as const;
export type SyncProblem = (typeof SYNC_PROBLEMS)[number];

/** Why joining a team stopped (main/sync/team.ts); nothing on the laptop changed. */
export const JOIN_PROBLEMS = [
  'already-joined',
  /** Her clients use lists or sheets the team does not have. */
  'missing-on-team',
  /** Nothing is waiting to be confirmed (cancelled, or Koers restarted meanwhile). */
  'no-join-waiting',
  'address',
  'offline',
  'not-a-server',
  'server-error',
  'cancelled',
  'timed-out',
  'sign-in-refused',
  'not-a-member',
  'update-app',
  'update-server',
] as const;
export type JoinProblem = (typeof JOIN_PROBLEMS)[number];
