import { z } from 'zod';
import { ACTION_KINDS, CATALOG_KINDS, CLIENT_STATUSES, ROLES, SYNC_NOTICE_KINDS, SYNC_PROBLEMS } from '../enums';
import { REJECTION_REASONS, syncedTableName } from '../sync/protocol';

/** One line of what a join with data on the laptop does: a caseworker, list item, sheet or sheet version. */
export const joinEntrySchema = z.object({
  kind: z.enum(['caseworker', ...CATALOG_KINDS, 'sheet', 'sheet_version']),
  /** Its name here (null: a shipped list item, named by `defaultKey`; a caseworker line: nobody's clients). */
  name: z.string().nullable(),
  defaultKey: z.string().nullable(),
  /** A sheet version's number (on the team, when it is added). */
  number: z.number().int().nullable(),
  /** Matched: the team's name for it, or (a shipped item the team has not renamed) its key. */
  teamName: z.string().nullable(),
  teamDefaultKey: z.string().nullable(),
  /** Clients, scorings or other rows that use it. */
  count: z.number().int().nonnegative(),
});
export type JoinEntry = z.output<typeof joinEntrySchema>;

/**
 * A join waiting for her yes: the laptop holds clients, so before anything is sent she sees what
 * goes up, what the team's lists replace, what is added, dropped, or missing on the team.
 */
export const joinPreviewSchema = z.object({
  teamName: z.string(),
  role: z.enum(ROLES),
  clients: z.number().int().nonnegative(),
  households: z.number().int().nonnegative(),
  /** The laptop's lists and sheets that are the team's already: the team's win. */
  matched: z.array(joinEntrySchema),
  /** A key person's lists and sheets the team does not have: they become the team's. */
  added: z.array(joinEntrySchema),
  /** Not on the team and used by nothing here: removed from this laptop. */
  dropped: z.array(joinEntrySchema),
  /** Used by her clients but not on the team: the join waits until the key person adds them. */
  missing: z.array(joinEntrySchema),
  /** Clients of other caseworkers on this laptop: they become hers (to hand over afterwards). */
  reassigned: z.array(joinEntrySchema),
});
export type JoinPreview = z.output<typeof joinPreviewSchema>;

/** The laptop's membership of a team and its background sync, for Settings › Team and the status line. */
export const teamSyncStatusSchema = z.object({
  /** A join signed in and waiting for her yes (the laptop has clients of its own). */
  joining: joinPreviewSchema.nullable(),
  /** Null while Koers works alone. */
  team: z.object({ serverUrl: z.string(), teamName: z.string(), role: z.enum(ROLES) }).nullable(),
  /** A sign-in is kept, so the sync can run without the browser. */
  signedIn: z.boolean(),
  /** What keeps it from synchronising now. */
  problem: z.enum(SYNC_PROBLEMS).nullable(),
  syncing: z.boolean(),
  /** When the copy last took in everything the server had (ISO). */
  syncedAt: z.string().nullable(),
  /** Changes made here not yet on the server. */
  waiting: z.number().int().nonnegative(),
  /** When it tries again after a failure (ISO). */
  retryAt: z.string().nullable(),
  /** Conflicts and refusals waiting for the caseworker's choice. */
  notices: z.number().int().nonnegative(),
});
export type TeamSyncStatus = z.output<typeof teamSyncStatusSchema>;

/** The columns a conflict shows side by side, each with a label in the window. */
export const CONFLICT_COLUMNS = [
  'reference',
  'firstName',
  'lastName',
  'pseudonym',
  'caseworkerId',
  'dateOfBirth',
  'phone',
  'email',
  'targetGroupId',
  'stageId',
  'stageSince',
  'householdId',
  'startDate',
  'status',
  'meetingListedAt',
  'name',
  'title',
  'kind',
  'dueDate',
  'dueTime',
  'doneAt',
  'indicatorKey',
  'target',
  'targetDate',
  'closedOn',
  'reasonId',
  'outcomeNote',
  'reopenedOn',
  'reopenedBy',
  'role',
  'deactivatedAt',
  'position',
  'weight',
  'retiredAt',
  'rescoreWeeks',
  'retentionYears',
  'description',
  'publishedAt',
  'key',
  'scaleMin',
  'scaleMax',
  'label',
  'sheetId',
  'deletedAt',
] as const;
export type ConflictColumn = (typeof CONFLICT_COLUMNS)[number];

/** A value as the window shows it: text, a date, or something it names itself (a caseworker, a list item, a code). */
export const conflictValueSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('text'), value: z.string() }),
    z.object({ kind: z.literal('date'), value: z.string() }),
    z.object({ kind: z.literal('dateTime'), value: z.string() }),
    z.object({ kind: z.literal('caseworker'), value: z.string() }),
    z.object({ kind: z.literal('catalog'), value: z.string() }),
    z.object({ kind: z.literal('actionKind'), value: z.enum(ACTION_KINDS) }),
    z.object({ kind: z.literal('role'), value: z.enum(ROLES) }),
    z.object({ kind: z.literal('status'), value: z.enum(CLIENT_STATUSES) }),
  ])
  .nullable();
export type ConflictValue = z.output<typeof conflictValueSchema>;

/** One entry of the conflicts inbox: a change of hers the server kept as a conflict, or refused. */
export const syncNoticeSchema = z.object({
  id: z.string(),
  kind: z.enum(SYNC_NOTICE_KINDS),
  table: syncedTableName,
  /** Refusals: why. */
  reason: z.enum(REJECTION_REASONS).nullable(),
  at: z.string(),
  /** The client it is about, when it is about one (a link to the client page). */
  clientId: z.string().nullable(),
  /** What it is: the client's, household's, caseworker's, sheet's or indicator's name. */
  about: z.string().nullable(),
  /** A list item it is (its name is the window's to translate). */
  catalogId: z.string().nullable(),
  /** The row is on this laptop: her version can be written back over it. */
  rowHere: z.boolean(),
  /** Conflicts: the fields where her version and the team's differ. */
  fields: z.array(
    z.object({ column: z.enum(CONFLICT_COLUMNS), mine: conflictValueSchema, theirs: conflictValueSchema }),
  ),
});
export type SyncNotice = z.output<typeof syncNoticeSchema>;
