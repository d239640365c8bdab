import { z } from 'zod';
import type { Envelope } from './envelope';
import {
  email,
  id,
  languageTag,
  localDate,
  optionalDate,
  optionalId,
  optionalText,
  optionalTime,
  requiredText,
  text,
} from './fields';
import { ACTION_KINDS, CATALOG_KINDS, CLIENT_STATUSES, ROLES } from '../enums';
import { LANGUAGES } from '../languages';
import { progressionSchema, teamViewInputSchema, teamViewSchema } from './charts';
import { consentInputSchema, consentSchema, expiringConsentSchema } from './consents';
import {
  paperBatchSchema,
  paperEnterSchema,
  paperFoundSchema,
  paperOpenSchema,
  paperPrintedSchema,
  paperPrintSchema,
} from './papers';
import {
  clientModeLeaveSchema,
  clientModeSaveSchema,
  clientModeSheetSchema,
  clientModeStartSchema,
  clientModeStatusSchema,
} from './client-mode';
import { caseloadViewExportSchema, caseloadViewSchema } from './caseload-view';
import { syncNoticeSchema, teamSyncStatusSchema } from './team-sync';
import { displaySchema, moveSchema, presentationStartSchema, presentationStateSchema } from './presentation';
import {
  auditCheckSchema,
  auditEntrySchema,
  auditFilterSchema,
  backupCheckSchema,
  backupRefSchema,
  backupSchema,
  backupsSchema,
  erasurePlanSchema,
  lockStatusSchema,
  pin,
  retentionRowSchema,
} from './safety';
import {
  caseloadImportInputSchema,
  caseloadPreviewSchema,
  fileTypeSchema,
  IMPORT_KINDS,
  importReportSchema,
  openedFileSchema,
  savedExportSchema,
  scoreExportInputSchema,
  scoresImportInputSchema,
  scoresPreviewSchema,
  workbookInputSchema,
  workbookPreviewSchema,
  workbookReportSchema,
} from './spreadsheets';
import {
  draftInputSchema as noteDraftInputSchema,
  draftKeySchema,
  draftSchema,
  noteCreateSchema,
  noteHitSchema,
  noteSchema,
  noteSearchSchema,
  noteUpdateSchema,
  noteVersionSchema,
  type noteKindSchema,
} from './notes';
import {
  coverageSchema,
  draftInputSchema,
  goalInputSchema,
  goalSchema,
  scoredBySchema,
  scoringFormSchema,
  scoringInput,
  scoringSchema,
  sheetDetailSchema,
  sheetSummarySchema,
  sheetVersionSchema,
  sheetTranslationSchema,
  translationInputSchema,
  starterSchema,
} from './scoring';

/**
 * The one list of everything the renderer may ask of main. Main's registry must
 * implement exactly these methods, the preload exposes exactly these names, and the
 * renderer's client is typed from them.
 */

export const languageSchema = z.enum(LANGUAGES);
export const roleSchema = z.enum(ROLES);
/** Who may call a method (see `MethodPolicy.role`). */
export type MethodRole = z.output<typeof roleSchema> | 'key_person_if_any';
export const catalogKindSchema = z.enum(CATALOG_KINDS);
export const actionKindSchema = z.enum(ACTION_KINDS);
export const clientStatusSchema = z.enum(CLIENT_STATUSES);

// ---- outputs ----

export const caseworkerSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: roleSchema,
  active: z.boolean(),
  activeClients: z.number(),
});

export const catalogItemSchema = z.object({
  id: z.string(),
  kind: catalogKindSchema,
  /** Shipped item: the renderer translates it while `name` is null. */
  defaultKey: z.string().nullable(),
  name: z.string().nullable(),
  position: z.number(),
  weight: z.number(),
  retired: z.boolean(),
  /** Target groups: rescore every so many weeks (null: no rhythm). */
  rescoreWeeks: z.number().nullable(),
  /** How many clients (or closures, for reasons) use it: an item in use can only be retired. */
  inUse: z.number(),
  /** Target groups: keep closed cases so many years (null: the default, 10). */
  retentionYears: z.number().nullable(),
});

const actionSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: actionKindSchema,
  dueDate: z.string(),
  dueTime: z.string().nullable(),
});

/** One row of the caseload overview. Names of target group and stage come from the catalog. */
export const caseloadRowSchema = z.object({
  id: z.string(),
  pseudonym: z.string(),
  reference: z.string().nullable(),
  firstName: z.string(),
  lastName: z.string(),
  caseworkerId: z.string().nullable(),
  targetGroupId: z.string().nullable(),
  stageId: z.string().nullable(),
  stageSince: z.string().nullable(),
  householdId: z.string().nullable(),
  status: clientStatusSchema,
  nextAction: actionSummarySchema.nullable(),
  overdueCount: z.number(),
  lastScoredOn: z.string().nullable(),
  /** When the next scoring is due (rhythm of the target group, else 12 weeks); null without start date or scoring. */
  scoringDueOn: z.string().nullable(),
});

export const closureSchema = z.object({
  id: z.string(),
  closedOn: z.string(),
  reasonId: z.string(),
  outcomeNote: z.string().nullable(),
  reopenedOn: z.string().nullable(),
});

export const clientSchema = z.object({
  id: z.string(),
  pseudonym: z.string(),
  reference: z.string().nullable(),
  firstName: z.string(),
  lastName: z.string(),
  dateOfBirth: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  caseworkerId: z.string().nullable(),
  targetGroupId: z.string().nullable(),
  stageId: z.string().nullable(),
  stageSince: z.string().nullable(),
  householdId: z.string().nullable(),
  startDate: z.string().nullable(),
  language: z.string().nullable(),
  status: clientStatusSchema,
  /** The open closure while the case is closed. */
  closure: closureSchema.nullable(),
  createdAt: z.string(),
});

export const actionSchema = actionSummarySchema.extend({
  clientId: z.string(),
  /** The note this to-do follows up, when it came from an agreement. */
  noteId: z.string().nullable(),
  done: z.boolean(),
  doneAt: z.string().nullable(),
});

export const agendaItemSchema = actionSchema.extend({
  client: z.object({ id: z.string(), firstName: z.string(), lastName: z.string(), pseudonym: z.string() }),
});

export const householdSchema = z.object({
  id: z.string(),
  name: z.string(),
  caseworkerId: z.string().nullable(),
  members: z.array(
    z.object({
      id: z.string(),
      firstName: z.string(),
      lastName: z.string(),
      pseudonym: z.string(),
      status: clientStatusSchema,
    }),
  ),
});

export const timelineEntrySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('created'), date: z.string(), at: z.string() }),
  z.object({
    kind: z.literal('stage'),
    date: z.string(),
    at: z.string(),
    fromStageId: z.string().nullable(),
    toStageId: z.string(),
  }),
  z.object({
    kind: z.literal('handover'),
    date: z.string(),
    at: z.string(),
    fromCaseworkerId: z.string().nullable(),
    toCaseworkerId: z.string(),
    note: z.string().nullable(),
  }),
  z.object({
    kind: z.literal('action'),
    date: z.string(),
    at: z.string(),
    actionId: z.string(),
    title: z.string(),
    actionKind: actionKindSchema,
    done: z.boolean(),
  }),
  z.object({
    kind: z.literal('closed'),
    date: z.string(),
    at: z.string(),
    reasonId: z.string(),
    outcomeNote: z.string().nullable(),
  }),
  z.object({ kind: z.literal('reopened'), date: z.string(), at: z.string() }),
  z.object({ kind: z.literal('note'), date: z.string(), at: z.string(), note: noteSchema }),
  z.object({
    kind: z.literal('scoring'),
    date: z.string(),
    at: z.string(),
    scoringId: z.string(),
    sheetName: z.string(),
    versionNumber: z.number(),
    scoredBy: scoredBySchema,
    organisation: z.string().nullable(),
    edited: z.boolean(),
    removed: z.boolean(),
  }),
]);

// ---- inputs ----

export const clientFacts = {
  firstName: requiredText(100),
  lastName: requiredText(100),
  // Empty means "no reference yet": many clients are entered before the municipal number is known.
  reference: optionalText(40),
  dateOfBirth: optionalDate,
  phone: optionalText(40),
  email,
  targetGroupId: optionalId,
  householdId: optionalId,
  startDate: optionalDate,
  /** The language the client reads best, for client mode and paper sheets; absent: left as it is. */
  language: languageTag.optional(),
};

const empty = z.strictObject({});
const byId = z.strictObject({ id });
/** The clients a bulk action works on: at least one, at most a thousand (one transaction each). */
const clientIds = z.array(id).min(1).max(1000);
const ok = z.object({ ok: z.literal(true) });

/**
 * The parts of the data a method reads or changes. After a call that changes one, main
 * emits `data.changed` with it, and every view that reads it loads again.
 */
export const DATA_SCOPES = [
  'clients',
  'households',
  'actions',
  'notes',
  /** Notes being typed, saved as the user types (one per client, household or note). */
  'drafts',
  'scorings',
  'goals',
  /** Consent records on clients. */
  'consents',
  /** Printed paper sheets and whether they were typed in. */
  'papers',
  'sheets',
  'catalog',
  'caseworkers',
  /** The team's coverage target. */
  'coverage',
] as const;
export type DataScope = (typeof DATA_SCOPES)[number];

/** What main does around every call besides parsing it: each contract entry declares all of it. */
export interface MethodPolicy {
  /** What the answer is built from (names looked up by id elsewhere are not): a view showing it loads it again when one changes. */
  readonly reads: readonly DataScope[];
  /** What a successful call changes: the dispatcher emits `data.changed` for each. */
  readonly changes: readonly DataScope[];
  /**
   * Reads or changes personal data: every call goes into the audit log. Not personal: the app's own state, lists
   * of names that are not clients' (catalog, sheets), figures without people in them.
   */
  readonly personal: boolean;
  /** Answered while Koers is locked: only what the lock screen needs. */
  readonly whileLocked: boolean;
  /**
   * Who may call it: `caseworker` is anyone, `key_person` only a key person (the team's figures, the audit log,
   * erasure and retention). `key_person_if_any` (managing caseworkers, the lists and the scoring sheets) is a key
   * person's too, but while no active caseworker of this Koers is a key person anyone may: a caseworker on her own
   * must be able to set up what she scores with. The renderer hides those screens from whoever may not use them;
   * main refuses the calls as well, so a changed or compromised page cannot reach them.
   */
  readonly role: MethodRole;
}

export interface MethodSpec extends MethodPolicy {
  readonly input: z.ZodType;
  readonly output: z.ZodType;
}

/** The team membership and its sync: the laptop's own state, never a client's data; anyone's to use. */
const teamSyncPolicy = {
  reads: [],
  changes: [],
  personal: false,
  whileLocked: false,
  role: 'caseworker',
} as const satisfies MethodPolicy;

export const contract = {
  'app.info': {
    input: empty,
    output: z.object({
      version: z.string(),
      language: languageSchema,
      /** False while the language still follows the OS locale. */
      languageChosen: z.boolean(),
      currentCaseworker: z.object({ id: z.string(), name: z.string(), role: roleSchema }).nullable(),
      /** First run is done: caseworkers exist (with none current, the user picks who they are). */
      setUp: z.boolean(),
      /** Today on this machine, `YYYY-MM-DD`: overdue and "this week" are counted from it. */
      today: z.string(),
    }),
    reads: ['caseworkers'],
    changes: [],
    personal: false,
    whileLocked: true,
    role: 'caseworker',
  },
  /** Opens the folder with the main-process log in the file manager, for support. */
  'app.openLogFolder': {
    input: empty,
    output: z.object({ folder: z.string() }),
    reads: [],
    changes: [],
    personal: false,
    whileLocked: false,
    role: 'caseworker',
  },
  'settings.setLanguage': {
    input: z.strictObject({ language: languageSchema }),
    output: z.object({ language: languageSchema }),
    reads: [],
    changes: [],
    personal: false,
    whileLocked: true,
    role: 'caseworker',
  },
  /** The caseload's filters, sort and hidden columns as last left; null: never changed. */
  'settings.caseloadView': {
    input: empty,
    output: caseloadViewSchema.nullable(),
    reads: [],
    changes: [],
    personal: false,
    whileLocked: false,
    role: 'caseworker',
  },
  'settings.setCaseloadView': {
    input: caseloadViewSchema.strict(),
    output: ok,
    reads: [],
    changes: [],
    personal: false,
    whileLocked: false,
    role: 'caseworker',
  },
  /**
   * Prints the window's page (the system's print dialog); the page's print stylesheet decides what shows.
   * Personal: what is on screen (a caseload, a client) goes on paper, so the audit log records it, as an export.
   */
  'app.print': {
    input: empty,
    output: z.object({ printed: z.boolean() }),
    reads: [],
    changes: [],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  'setup.complete': {
    input: z.strictObject({
      language: languageSchema,
      name: requiredText(100),
      role: roleSchema,
      demo: z.boolean(),
      /** Without the demo: start with the starter target groups and published starter sheets (the demo brings its own). */
      starters: z.boolean().default(false),
    }),
    output: z.object({ caseworkerId: z.string(), demoClients: z.number(), starterSheets: z.number() }),
    reads: [],
    // With the demo caseload, nearly everything.
    changes: ['caseworkers', 'catalog', 'clients', 'households', 'actions', 'notes', 'sheets', 'scorings', 'goals'],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },

  'caseworkers.list': {
    input: empty,
    output: z.array(caseworkerSchema),
    reads: ['caseworkers', 'clients'],
    changes: [],
    personal: false,
    whileLocked: false,
    role: 'caseworker',
  },
  'caseworkers.create': {
    input: z.strictObject({ name: requiredText(100), role: roleSchema }),
    output: caseworkerSchema,
    reads: [],
    changes: ['caseworkers'],
    personal: true,
    whileLocked: false,
    role: 'key_person_if_any',
  },
  'caseworkers.update': {
    input: z.strictObject({ id, name: requiredText(100), role: roleSchema }),
    output: caseworkerSchema,
    reads: [],
    changes: ['caseworkers'],
    personal: true,
    whileLocked: false,
    role: 'key_person_if_any',
  },
  'caseworkers.setActive': {
    input: z.strictObject({ id, active: z.boolean() }),
    output: caseworkerSchema,
    reads: [],
    changes: ['caseworkers'],
    personal: true,
    whileLocked: false,
    role: 'key_person_if_any',
  },
  /** Who is using Koers on this laptop now. */
  'caseworkers.switchCurrent': {
    input: byId,
    output: ok,
    reads: [],
    changes: ['caseworkers'],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  /** Someone leaves: every active client (and household) of one caseworker to another. */
  'caseworkers.handoverCaseload': {
    input: z.strictObject({ fromId: id, toId: id, date: localDate, note: optionalText(1000) }),
    output: z.object({ moved: z.number() }),
    reads: [],
    // Households go along with their members; each caseworker's count of active clients changes.
    changes: ['clients', 'households', 'caseworkers'],
    personal: true,
    whileLocked: false,
    role: 'key_person_if_any',
  },

  'catalog.list': {
    input: empty,
    output: z.array(catalogItemSchema),
    reads: ['catalog', 'clients'],
    changes: [],
    personal: false,
    whileLocked: false,
    role: 'caseworker',
  },
  'catalog.create': {
    input: z.strictObject({
      kind: catalogKindSchema,
      name: requiredText(80),
      weight: z.number().min(0).max(10).optional(),
    }),
    output: catalogItemSchema,
    reads: [],
    changes: ['catalog'],
    personal: false,
    whileLocked: false,
    role: 'key_person_if_any',
  },
  'catalog.update': {
    input: z.strictObject({
      id,
      name: requiredText(80),
      weight: z.number().min(0).max(10).optional(),
      rescoreWeeks: z.number().int().min(1).max(52).nullable().optional(),
    }),
    output: catalogItemSchema,
    reads: [],
    changes: ['catalog'],
    personal: false,
    whileLocked: false,
    role: 'key_person_if_any',
  },
  'catalog.move': {
    input: z.strictObject({ id, direction: z.enum(['up', 'down']) }),
    output: ok,
    reads: [],
    changes: ['catalog'],
    personal: false,
    whileLocked: false,
    role: 'key_person_if_any',
  },
  'catalog.setRetired': {
    input: z.strictObject({ id, retired: z.boolean() }),
    output: catalogItemSchema,
    reads: [],
    changes: ['catalog'],
    personal: false,
    whileLocked: false,
    role: 'key_person_if_any',
  },
  /** Only for an item nothing uses; one in use can be retired instead. */
  'catalog.remove': {
    input: byId,
    output: ok,
    reads: [],
    changes: ['catalog'],
    personal: false,
    whileLocked: false,
    role: 'key_person_if_any',
  },

  'clients.list': {
    input: z.strictObject({
      /** Omitted: every caseworker's clients (key persons). */
      caseworkerId: id.optional(),
      status: z.enum([...CLIENT_STATUSES, 'all']).default('active'),
      search: text(200).optional(),
      targetGroupId: id.optional(),
      stageId: id.optional(),
      overdueOnly: z.boolean().optional(),
    }),
    output: z.array(caseloadRowSchema),
    reads: ['clients', 'actions', 'scorings', 'catalog'],
    changes: [],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  'clients.get': {
    input: byId,
    output: clientSchema,
    reads: ['clients'],
    changes: [],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  'clients.create': {
    input: z.strictObject({ ...clientFacts, stageId: optionalId, caseworkerId: optionalId }),
    output: clientSchema,
    reads: [],
    changes: ['clients'],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  'clients.update': {
    input: z.strictObject({ id, ...clientFacts }),
    output: clientSchema,
    reads: [],
    changes: ['clients'],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  'clients.changeStage': {
    input: z.strictObject({ id, stageId: id, date: localDate }),
    output: clientSchema,
    reads: [],
    changes: ['clients'],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  /** Moves clients to one stage at once: all of them, or (one refused) none. Clients already in it are left as they are. */
  'clients.changeStages': {
    input: z.strictObject({ ids: clientIds, stageId: id, date: localDate }),
    output: z.object({ changed: z.number() }),
    reads: [],
    changes: ['clients'],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  /** Hands clients to another caseworker; a household member brings the whole household. */
  'clients.handover': {
    input: z.strictObject({
      ids: clientIds,
      toCaseworkerId: id,
      date: localDate,
      note: optionalText(1000),
    }),
    output: z.object({ moved: z.number() }),
    reads: [],
    changes: ['clients', 'households'], // households move with their members
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  'clients.close': {
    input: z.strictObject({ id, date: localDate, reasonId: id, outcomeNote: optionalText(2000) }),
    output: clientSchema,
    reads: [],
    changes: ['clients'],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  'clients.reopen': {
    input: z.strictObject({ id, date: localDate }),
    output: clientSchema,
    reads: [],
    changes: ['clients'],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  'clients.timeline': {
    input: byId,
    output: z.array(timelineEntrySchema),
    reads: ['clients', 'actions', 'notes', 'scorings', 'sheets'],
    changes: [],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },

  'households.list': {
    input: empty,
    output: z.array(householdSchema),
    reads: ['households', 'clients'],
    changes: [],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  'households.get': {
    input: byId,
    output: householdSchema,
    reads: ['households', 'clients'],
    changes: [],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  'households.create': {
    input: z.strictObject({ name: requiredText(100), memberIds: z.array(id).max(20).default([]) }),
    output: householdSchema,
    reads: [],
    changes: ['households', 'clients'],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  'households.rename': {
    input: z.strictObject({ id, name: requiredText(100) }),
    output: householdSchema,
    reads: [],
    changes: ['households'],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },

  'actions.list': {
    input: z.strictObject({ clientId: id }),
    output: z.array(actionSchema),
    reads: ['actions'],
    changes: [],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  /** Open to-dos up to the end of this week, overdue included, for "My day". */
  'actions.agenda': {
    input: z.strictObject({ caseworkerId: id.optional() }),
    output: z.array(agendaItemSchema),
    reads: ['actions', 'clients'],
    changes: [],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  'actions.create': {
    input: z.strictObject({
      clientId: id,
      title: requiredText(200),
      kind: actionKindSchema,
      dueDate: localDate,
      dueTime: optionalTime,
      noteId: id.optional(),
    }),
    output: actionSchema,
    reads: [],
    changes: ['actions'],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  'actions.setDone': {
    input: z.strictObject({ id, done: z.boolean() }),
    output: actionSchema,
    reads: [],
    changes: ['actions'],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  'actions.postpone': {
    input: z.strictObject({ id, dueDate: localDate }),
    output: actionSchema,
    reads: [],
    changes: ['actions'],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  /** Title, kind, date and time of a to-do, done or not. */
  'actions.update': {
    input: z.strictObject({
      id,
      title: requiredText(200),
      kind: actionKindSchema,
      dueDate: localDate,
      dueTime: optionalTime,
    }),
    output: actionSchema,
    reads: [],
    changes: ['actions'],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  /** Marks a to-do deleted (its tombstone), so `actions.restore` can undo it. */
  'actions.remove': {
    input: byId,
    output: ok,
    reads: [],
    changes: ['actions'],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  /** Undoes `actions.remove`: the to-do is back as it was. */
  'actions.restore': {
    input: byId,
    output: actionSchema,
    reads: [],
    changes: ['actions'],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },

  'sheets.list': {
    input: empty,
    output: z.array(sheetSummarySchema),
    reads: ['sheets', 'scorings'],
    changes: [],
    personal: false,
    whileLocked: false,
    role: 'caseworker',
  },
  'sheets.get': {
    input: byId,
    output: sheetDetailSchema,
    reads: ['sheets', 'scorings'],
    changes: [],
    personal: false,
    whileLocked: false,
    role: 'caseworker',
  },
  'sheets.version': {
    input: byId,
    output: sheetVersionSchema,
    reads: ['sheets'],
    changes: [],
    personal: false,
    whileLocked: false,
    role: 'caseworker',
  },
  /** A new sheet from a starter (ladder, work readiness, empty) in a language, as a draft to adapt. */
  'sheets.createFromStarter': {
    input: z.strictObject({ starter: starterSchema, language: languageSchema }),
    output: sheetDetailSchema,
    reads: [],
    changes: ['sheets'],
    personal: false,
    whileLocked: false,
    role: 'key_person_if_any',
  },
  /** A copy of a sheet's latest published version as a new sheet. */
  'sheets.copy': {
    input: z.strictObject({ id, name: requiredText(120) }),
    output: sheetDetailSchema,
    reads: [],
    changes: ['sheets'],
    personal: false,
    whileLocked: false,
    role: 'key_person_if_any',
  },
  /** Editing a published sheet starts a new draft version from it; a draft is returned as it is. */
  'sheets.edit': {
    input: byId,
    output: sheetDetailSchema,
    reads: [],
    changes: ['sheets'],
    personal: false,
    whileLocked: false,
    role: 'key_person_if_any',
  },
  /** The translations of one version, one per language. */
  'sheets.translations': {
    input: z.strictObject({ versionId: id }),
    output: z.array(sheetTranslationSchema),
    reads: ['sheets'],
    changes: [],
    personal: false,
    whileLocked: false,
    role: 'caseworker',
  },
  /** Adds the version's translation into a language, or replaces the one there is. */
  'sheets.saveTranslation': {
    input: translationInputSchema,
    output: sheetTranslationSchema,
    reads: [],
    changes: ['sheets'],
    personal: false,
    whileLocked: false,
    role: 'key_person_if_any',
  },
  'sheets.removeTranslation': {
    input: byId,
    output: ok,
    reads: [],
    changes: ['sheets'],
    personal: false,
    whileLocked: false,
    role: 'key_person_if_any',
  },
  'sheets.saveDraft': {
    input: draftInputSchema,
    output: sheetDetailSchema,
    reads: [],
    changes: ['sheets'],
    personal: false,
    whileLocked: false,
    role: 'key_person_if_any',
  },
  'sheets.publish': {
    input: byId,
    output: sheetDetailSchema,
    reads: [],
    changes: ['sheets'],
    personal: false,
    whileLocked: false,
    role: 'key_person_if_any',
  },
  'sheets.setRetired': {
    input: z.strictObject({ id, retired: z.boolean() }),
    output: sheetDetailSchema,
    reads: [],
    changes: ['sheets'],
    personal: false,
    whileLocked: false,
    role: 'key_person_if_any',
  },

  'scorings.form': {
    input: z.strictObject({ clientId: id, sheetId: id.optional() }),
    output: scoringFormSchema.nullable(),
    reads: ['clients', 'sheets', 'scorings', 'goals'],
    changes: [],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  'scorings.list': {
    input: z.strictObject({ clientId: id }),
    output: z.array(scoringSchema),
    reads: ['scorings', 'sheets'],
    changes: [],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  'scorings.create': {
    input: z.strictObject(scoringInput),
    output: scoringSchema,
    reads: [],
    changes: ['scorings'],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  'scorings.update': {
    input: z.strictObject({ id, ...scoringInput }),
    output: scoringSchema,
    reads: [],
    changes: ['scorings'],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  'scorings.remove': {
    input: byId,
    output: ok,
    reads: [],
    changes: ['scorings'],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },

  'goals.list': {
    input: z.strictObject({ clientId: id }),
    output: z.array(goalSchema),
    reads: ['goals'],
    changes: [],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  'goals.set': {
    input: goalInputSchema,
    output: goalSchema,
    reads: [],
    changes: ['goals'],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  'goals.remove': {
    input: byId,
    output: ok,
    reads: [],
    changes: ['goals'],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },

  'consents.list': {
    input: z.strictObject({ clientId: id }),
    output: z.array(consentSchema),
    reads: ['consents'],
    changes: [],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  'consents.save': {
    input: consentInputSchema,
    output: consentSchema,
    reads: [],
    changes: ['consents'],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  'consents.withdraw': {
    input: z.strictObject({ clientId: id, id, withdrawnOn: localDate }),
    output: consentSchema,
    reads: [],
    changes: ['consents'],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  /** A record made by mistake: it goes (a tombstone), and the audit log keeps that it did. */
  'consents.remove': {
    input: z.strictObject({ clientId: id, id }),
    output: ok,
    reads: [],
    changes: ['consents'],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  /** Consents of one caseworker's active clients ending within 30 days (not withdrawn), soonest first. */
  'consents.expiring': {
    input: z.strictObject({ caseworkerId: id.optional() }),
    output: z.array(expiringConsentSchema),
    reads: ['consents', 'clients'],
    changes: [],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },

  /** The caseworker turns the screen to the client, for one sheet: every other call is refused until she leaves. */
  'clientmode.start': {
    input: clientModeStartSchema,
    output: clientModeStatusSchema,
    reads: [],
    changes: [],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  'clientmode.status': {
    input: empty,
    output: clientModeStatusSchema,
    reads: [],
    changes: [],
    personal: false,
    whileLocked: false,
    role: 'caseworker',
  },
  /** The one sheet in the client's language, with their own previous self-score when chosen. */
  'clientmode.sheet': {
    input: empty,
    output: clientModeSheetSchema,
    reads: [],
    changes: [],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  /** Saves the client's answers as a self-score of today ("scored by: client"). */
  'clientmode.save': {
    input: clientModeSaveSchema,
    output: clientModeStatusSchema,
    reads: [],
    changes: ['scorings'],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  /** The caseworker takes the screen back: with her PIN, or without one the word LEAVE_WORD. */
  'clientmode.leave': {
    input: clientModeLeaveSchema,
    output: clientModeStatusSchema,
    reads: [],
    changes: [],
    personal: false,
    whileLocked: false,
    role: 'caseworker',
  },

  /** Personalised paper sheets as one A4 PDF, a page per client: those chosen, or those due within a week. */
  'papers.print': {
    input: paperPrintSchema,
    output: paperPrintedSchema,
    reads: [],
    changes: ['papers'],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  /** The pages of one print run, for the window that prints them (kept in memory while it does). */
  'papers.batch': {
    input: z.strictObject({ batchId: id }),
    output: paperBatchSchema,
    reads: [],
    changes: [],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  'papers.find': {
    input: z.strictObject({ code: z.string().min(1).max(20) }),
    output: paperFoundSchema,
    reads: ['papers'],
    changes: [],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  /** Her caseload's printed sheets not typed in yet. */
  'papers.open': {
    input: empty,
    output: z.array(paperOpenSchema),
    reads: ['papers', 'clients'],
    changes: [],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  /** A filled-in paper sheet typed in: it becomes a scoring, once. */
  'papers.enter': {
    input: paperEnterSchema,
    output: scoringSchema,
    reads: [],
    changes: ['scorings', 'papers'],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },

  'notes.get': {
    input: byId,
    output: noteSchema.extend({ versions: z.array(noteVersionSchema) }),
    reads: ['notes'],
    changes: [],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  /** Notes of a household (each member's timeline shows them too). */
  'notes.forHousehold': {
    input: byId,
    output: z.array(noteSchema),
    reads: ['notes'],
    changes: [],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  'notes.create': {
    input: noteCreateSchema,
    output: noteSchema,
    reads: [],
    changes: ['notes', 'drafts'],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  'notes.update': {
    input: noteUpdateSchema,
    output: noteSchema,
    reads: [],
    changes: ['notes', 'drafts'],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  'notes.remove': {
    input: byId,
    output: ok,
    reads: [],
    changes: ['notes'],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  'notes.search': {
    input: noteSearchSchema,
    output: z.array(noteHitSchema),
    reads: ['notes', 'clients', 'households'],
    changes: [],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },

  'drafts.get': {
    input: z.strictObject({ key: draftKeySchema }),
    output: draftSchema.nullable(),
    reads: ['drafts'],
    changes: [],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  'drafts.save': {
    input: noteDraftInputSchema,
    output: ok,
    reads: [],
    changes: ['drafts'],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  'drafts.discard': {
    input: z.strictObject({ key: draftKeySchema }),
    output: ok,
    reads: [],
    changes: ['drafts'],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },

  'charts.progression': {
    input: z.strictObject({ clientId: id }),
    output: progressionSchema,
    reads: ['scorings', 'goals', 'notes', 'sheets'],
    changes: [],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  /** Key persons: change per indicator and the team compass, for one sheet. */
  'team.view': {
    input: teamViewInputSchema,
    output: teamViewSchema,
    reads: ['scorings', 'clients', 'caseworkers', 'catalog', 'sheets'],
    changes: [],
    personal: false,
    whileLocked: false,
    role: 'key_person',
  },

  /** Saves the chart image the renderer drew (base64 PNG) where the user chooses; path null: cancelled. */
  'reports.chartPng': {
    input: z.strictObject({ clientId: id, pseudonymised: z.boolean(), png: z.base64().min(8).max(40_000_000) }),
    output: z.object({ path: z.string().nullable() }),
    reads: [],
    changes: [],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  /** A one-page progress report of one client as PDF, where the user chooses. */
  'reports.progressPdf': {
    input: z.strictObject({ clientId: id, pseudonymised: z.boolean() }),
    output: z.object({ path: z.string().nullable() }),
    reads: [],
    changes: [],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },

  /** Asks for a spreadsheet and reads it (off main's event loop); null: cancelled. */
  'imports.open': {
    input: z.strictObject({ kind: z.enum(IMPORT_KINDS) }),
    output: openedFileSchema.nullable(),
    reads: [],
    changes: [],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  /** Checks every row against the mapping without writing anything. */
  'imports.caseloadPreview': {
    input: caseloadImportInputSchema,
    output: caseloadPreviewSchema,
    reads: ['clients', 'catalog'],
    changes: [],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  /** Imports the caseload in one transaction: all rows or, when any row has an error, none. */
  'imports.caseloadRun': {
    input: caseloadImportInputSchema.extend({ mapping: caseloadImportInputSchema.shape.mapping.unwrap() }),
    output: importReportSchema,
    reads: [],
    changes: ['clients', 'catalog', 'caseworkers', 'actions', 'notes'],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  /** Every worksheet of the file with what Koers recognises in it, and the preview of each one to import. */
  'imports.workbookPreview': {
    input: workbookInputSchema,
    output: workbookPreviewSchema,
    reads: ['clients', 'catalog', 'caseworkers', 'scorings', 'sheets'],
    changes: [],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  /** The chosen worksheets in one transaction (caseload first, then closed cases, then scorings), with one report. */
  'imports.workbookRun': {
    input: workbookInputSchema.extend({ parts: workbookInputSchema.shape.parts.unwrap() }),
    output: workbookReportSchema,
    reads: [],
    changes: ['clients', 'catalog', 'caseworkers', 'actions', 'notes', 'scorings'],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  /** Takes a workbook import of this session back whole, in one transaction; refused once its rows were changed. */
  'imports.undo': {
    input: z.strictObject({ importId: id }),
    output: z.object({ undone: z.literal(true) }),
    reads: [],
    changes: ['clients', 'catalog', 'caseworkers', 'actions', 'notes', 'scorings'],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  /** The report of a workbook import of this session as a spreadsheet: the summary and every row's result. */
  'imports.saveReport': {
    input: z.strictObject({ importId: id, fileType: fileTypeSchema }),
    output: savedExportSchema,
    reads: [],
    changes: [],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  'imports.scoresPreview': {
    input: scoresImportInputSchema,
    output: scoresPreviewSchema,
    reads: ['clients', 'scorings', 'sheets'],
    changes: [],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  'imports.scoresRun': {
    input: scoresImportInputSchema.extend({ mapping: scoresImportInputSchema.shape.mapping.unwrap() }),
    output: importReportSchema,
    reads: [],
    changes: ['scorings'],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  /** A scoring sheet definition in Koers's layout becomes a new sheet (a draft). */
  'imports.sheet': {
    input: z.strictObject({ token: z.string().min(1).max(64) }),
    output: z.object({ sheetId: z.string(), indicators: z.number().int() }),
    reads: [],
    changes: ['sheets'],
    personal: true,
    whileLocked: false,
    role: 'key_person_if_any',
  },

  /** Scorings, long (one row per score) or wide (one row per scoring; needs a sheet). */
  'exports.scores': {
    input: scoreExportInputSchema,
    output: savedExportSchema,
    reads: [],
    changes: [],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  'exports.caseload': {
    input: z.strictObject({
      fileType: fileTypeSchema,
      status: z.enum([...CLIENT_STATUSES, 'all']).default('active'),
      pseudonymised: z.boolean(),
    }),
    output: savedExportSchema,
    reads: [],
    changes: [],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  /** The caseload as shown on screen: its rows in their order, its visible columns in theirs. */
  'exports.caseloadView': {
    input: caseloadViewExportSchema,
    output: savedExportSchema,
    reads: [],
    changes: [],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  /** Cases closed in a quarter (or a whole year), with reason: the quarterly report. */
  'exports.closedCases': {
    input: z.strictObject({
      fileType: fileTypeSchema,
      year: z.number().int().min(2000).max(2100),
      quarter: z.number().int().min(1).max(4).optional(),
      pseudonymised: z.boolean(),
    }),
    output: savedExportSchema,
    reads: [],
    changes: [],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  /** A sheet version in the layout `imports.sheet` reads back. */
  'exports.sheet': {
    input: z.strictObject({ versionId: id }),
    output: savedExportSchema,
    reads: [],
    changes: [],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },

  /** Backups: the folder, the database's place, and the backups there, newest first. */
  'backups.list': {
    input: empty,
    output: backupsSchema,
    reads: [],
    changes: [],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  'backups.create': {
    input: empty,
    output: backupSchema,
    reads: [],
    changes: [],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  /** Checks a backup (a private copy, in a worker): what it holds, for the restore question, or why it cannot be restored. */
  'backups.inspect': {
    input: backupRefSchema,
    output: backupCheckSchema,
    reads: [],
    changes: [],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  /** Checks the backup; then backs the current data up and puts the backup's data in its place. A refused backup changes nothing (conflict `backup_<problem>`). */
  'backups.restore': {
    input: backupRefSchema,
    output: z.object({ safetyBackup: backupSchema }),
    reads: [],
    // Everything; `data.restored` reloads every screen of the main window as well.
    changes: DATA_SCOPES,
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  /** Asks for a folder (e.g. a network drive; Koers only copies files there); null: cancelled. */
  'backups.chooseFolder': {
    input: empty,
    output: backupsSchema.nullable(),
    reads: [],
    changes: [],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  'backups.resetFolder': {
    input: empty,
    output: backupsSchema,
    reads: [],
    changes: [],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },

  /** Key persons: the audit log, newest first. */
  'audit.list': {
    input: auditFilterSchema,
    output: z.array(auditEntrySchema),
    // The log grows with every call: its page loads it again when the filter changes.
    reads: [],
    changes: [],
    personal: true,
    whileLocked: false,
    role: 'key_person',
  },
  /** Recomputes the hash chain: reports any edited or removed entry. */
  'audit.check': {
    input: empty,
    output: auditCheckSchema,
    reads: [],
    changes: [],
    personal: true,
    whileLocked: false,
    role: 'key_person',
  },

  /** Everything Koers holds about one client, and the audit entries about them, in one file. */
  'privacy.exportClient': {
    input: z.strictObject({ clientId: id }),
    output: z.object({ path: z.string().nullable() }),
    reads: [],
    changes: [],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  /** What erasure does to the client's household, shown before it is confirmed. */
  'privacy.erasurePlan': {
    input: z.strictObject({ clientId: id }),
    output: erasurePlanSchema,
    reads: ['clients', 'households', 'notes'],
    changes: [],
    personal: true,
    whileLocked: false,
    role: 'key_person',
  },
  /**
   * Erases a client completely (the pseudonym typed as confirmation); only the audit record that it happened remains.
   * A conflict `erase_pending`: erased in the database, but another program kept the log from being emptied yet.
   */
  'privacy.eraseClient': {
    input: z.strictObject({ clientId: id, confirm: z.string().max(40) }),
    output: ok,
    reads: [],
    changes: ['clients', 'households', 'actions', 'notes', 'drafts', 'scorings', 'goals', 'consents'],
    personal: true,
    whileLocked: false,
    role: 'key_person',
  },
  /** Closed cases past their retention period, for review. */
  'privacy.retention': {
    input: empty,
    output: z.array(retentionRowSchema),
    reads: ['clients', 'catalog'],
    changes: [],
    personal: true,
    whileLocked: false,
    role: 'key_person',
  },
  'privacy.setRetention': {
    input: z.strictObject({ targetGroupId: id, years: z.number().int().min(1).max(100).nullable() }),
    output: ok,
    reads: [],
    changes: ['catalog'],
    personal: true,
    whileLocked: false,
    role: 'key_person',
  },
  'privacy.purge': {
    input: z.strictObject({ clientIds: z.array(id).min(1).max(10_000) }),
    output: z.object({ erased: z.number().int() }),
    reads: [],
    changes: ['clients', 'households', 'actions', 'notes', 'drafts', 'scorings', 'goals', 'consents'],
    personal: true,
    whileLocked: false,
    role: 'key_person',
  },

  'lock.status': {
    input: empty,
    output: lockStatusSchema,
    reads: [],
    changes: [],
    // Asked at every start; the unlock itself is logged.
    personal: false,
    whileLocked: true,
    role: 'caseworker',
  },
  'lock.setPin': {
    input: z.strictObject({ pin, currentPin: z.string().max(12).optional() }),
    output: lockStatusSchema,
    reads: [],
    changes: [],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  'lock.setMinutes': {
    input: z.strictObject({ minutes: z.number().int().min(1).max(240) }),
    output: lockStatusSchema,
    reads: [],
    changes: [],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  'lock.lock': {
    input: empty,
    output: lockStatusSchema,
    reads: [],
    changes: [],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  'lock.unlock': {
    input: z.strictObject({ pin: z.string().max(12) }),
    output: lockStatusSchema,
    reads: [],
    changes: [],
    personal: true,
    whileLocked: true,
    role: 'caseworker',
  },

  /** The connected displays: a second one is offered for the meeting presentation. */
  'presentation.displays': {
    input: empty,
    output: z.array(displaySchema),
    reads: [],
    changes: [],
    personal: false,
    whileLocked: false,
    role: 'caseworker',
  },
  'presentation.start': {
    input: presentationStartSchema,
    output: presentationStateSchema,
    reads: [],
    changes: [],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  /** The presentation on another display, if one is running. */
  'presentation.current': {
    input: empty,
    output: presentationStateSchema.nullable(),
    reads: [],
    changes: [],
    personal: false,
    whileLocked: false,
    role: 'caseworker',
  },
  'presentation.step': {
    input: z.strictObject({ move: moveSchema }),
    output: presentationStateSchema,
    reads: [],
    changes: [],
    personal: false,
    whileLocked: false,
    role: 'caseworker',
  },
  'presentation.stop': {
    input: empty,
    output: ok,
    reads: [],
    changes: [],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },

  /** The meeting list: ids of the clients put forward for the next team meeting, in the order they were added. */
  'meeting.list': {
    input: z.strictObject({ caseworkerId: id.optional() }),
    output: z.array(z.string()),
    reads: ['clients'],
    changes: [],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  'meeting.add': {
    input: z.strictObject({ ids: clientIds }),
    output: z.object({ added: z.number() }),
    reads: [],
    changes: ['clients'],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  'meeting.remove': {
    input: z.strictObject({ ids: clientIds }),
    output: z.object({ removed: z.number() }),
    reads: [],
    changes: ['clients'],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },

  'coverage.get': {
    input: empty,
    output: coverageSchema,
    reads: ['scorings', 'clients', 'caseworkers', 'catalog', 'coverage'],
    changes: [],
    personal: false,
    whileLocked: false,
    role: 'caseworker',
  },
  'coverage.setTarget': {
    input: z.strictObject({ share: z.number().min(0).max(1), dueOn: localDate }),
    output: coverageSchema,
    reads: [],
    changes: ['coverage'],
    personal: false,
    whileLocked: false,
    role: 'key_person',
  },
  'sync.status': {
    input: empty,
    output: teamSyncStatusSchema,
    ...teamSyncPolicy,
  },
  /** Signs in through the system browser, then takes in the team's data: answers when done or refused. */
  'sync.join': {
    input: z.strictObject({ serverUrl: z.string().trim().min(1).max(2_048) }),
    output: teamSyncStatusSchema,
    ...teamSyncPolicy,
  },
  /** Sends the laptop's clients and takes in the team's, as the waiting join's preview said. */
  'sync.confirmJoin': {
    input: z.strictObject({ confirm: z.literal(true) }),
    output: teamSyncStatusSchema,
    ...teamSyncPolicy,
  },
  /** Drops the waiting join: nothing was sent, the laptop stays alone. */
  'sync.cancelJoin': {
    input: empty,
    output: teamSyncStatusSchema,
    ...teamSyncPolicy,
  },
  /** Signs in again (after signing out, or when the sign-in expired). */
  'sync.signIn': {
    input: empty,
    output: teamSyncStatusSchema,
    ...teamSyncPolicy,
  },
  /** Stops waiting for the browser: the pending join or sign-in answers 'cancelled'. */
  'sync.cancelSignIn': {
    input: empty,
    output: ok,
    ...teamSyncPolicy,
  },
  /** Forgets the sign-in; the data stays and changes wait until the next sign-in. */
  'sync.signOut': {
    input: empty,
    output: teamSyncStatusSchema,
    ...teamSyncPolicy,
  },
  /** Removes the team's data from this laptop and forgets the team (asked first in the window). */
  'sync.leave': {
    input: z.strictObject({ confirm: z.literal(true) }),
    output: teamSyncStatusSchema,
    ...teamSyncPolicy,
  },
  /** The conflicts and refusals waiting for her choice, with both versions. */
  'sync.notices': {
    input: empty,
    output: z.array(syncNoticeSchema),
    reads: ['clients', 'households', 'actions', 'goals', 'catalog', 'caseworkers', 'sheets'],
    changes: [],
    // Both versions of a client's row are shown.
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  /** Decides one: `mine` writes her version again (pushed as a new change), `theirs` keeps the team's. */
  'sync.resolve': {
    input: z.strictObject({ id: z.string().min(1).max(512), keep: z.enum(['mine', 'theirs']) }),
    output: ok,
    reads: [],
    changes: ['clients', 'households', 'actions', 'goals', 'catalog', 'caseworkers', 'sheets'],
    personal: true,
    whileLocked: false,
    role: 'caseworker',
  },
  /** Synchronises now (the user asked, or the network is back). */
  'sync.now': {
    input: empty,
    output: ok,
    ...teamSyncPolicy,
  },
} as const satisfies Record<string, MethodSpec>;

/** Events main pushes to the renderer, with their payloads. */
export const events = {
  /** Something in this part of the data changed: views showing it reload. */
  'data.changed': z.object({ scope: z.enum(DATA_SCOPES) }),
  'settings.changed': z.object({ language: languageSchema }),
  /** The presentation on another display moved, started (state) or ended (null). */
  'presentation.changed': z.object({ state: presentationStateSchema.nullable() }),
  /** A display was connected or disconnected. */
  'displays.changed': z.object({}),
  /** Koers locked (idle, OS lock, suspend) or was unlocked. */
  'lock.changed': z.object({ locked: z.boolean() }),
  /** Client mode began or ended: the window shows only the client's sheet, or the app again. */
  'clientmode.changed': z.object({ active: z.boolean() }),
  /** A backup was restored: every screen reloads. */
  'data.restored': z.object({}),
  /** The team sync's status changed (syncing, synchronised, offline, signed out). */
  'sync.status': teamSyncStatusSchema,
} as const satisfies Record<string, z.ZodType>;

export type Contract = typeof contract;
export type Method = keyof Contract;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

/** What the renderer passes in (before defaults and transforms). */
export type Input<M extends Method> = z.input<Contract[M]['input']>;
/** What a handler receives (after parsing). */
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type Output<M extends Method> = z.output<Contract[M]['output']>;

export type Client = z.output<typeof clientSchema>;
export type CaseloadRow = z.output<typeof caseloadRowSchema>;
export type CatalogItem = z.output<typeof catalogItemSchema>;
export type Caseworker = z.output<typeof caseworkerSchema>;
export type Action = z.output<typeof actionSchema>;
export type AgendaItem = z.output<typeof agendaItemSchema>;
export type Household = z.output<typeof householdSchema>;
export type TimelineEntry = z.output<typeof timelineEntrySchema>;
export type CatalogKind = z.output<typeof catalogKindSchema>;
export type ActionKind = z.output<typeof actionKindSchema>;
export type Role = z.output<typeof roleSchema>;
export type SheetSummary = z.output<typeof sheetSummarySchema>;
export type SheetDetail = z.output<typeof sheetDetailSchema>;
export type SheetVersion = z.output<typeof sheetVersionSchema>;
export type SheetTranslation = z.output<typeof sheetTranslationSchema>;
export type Scoring = z.output<typeof scoringSchema>;
export type ScoringForm = z.output<typeof scoringFormSchema>;
export type Goal = z.output<typeof goalSchema>;
export type Consent = z.output<typeof consentSchema>;
export type ExpiringConsent = z.output<typeof expiringConsentSchema>;
export type Coverage = z.output<typeof coverageSchema>;
export type Note = z.output<typeof noteSchema>;
export type Progression = z.output<typeof progressionSchema>;
export type TeamView = z.output<typeof teamViewSchema>;
export type NoteKind = z.output<typeof noteKindSchema>;
export type NoteHit = z.output<typeof noteHitSchema>;
export type { ConflictColumn, ConflictValue, JoinEntry, JoinPreview, SyncNotice, TeamSyncStatus } from './team-sync';

/** `window.koers`: one function per method, each resolving to an envelope, plus `on` for events. */
export type Api = { [M in Method]: (input: Input<M>) => Promise<Envelope<Output<M>>> } & {
  on<E extends EventName>(event: E, callback: (payload: EventPayload<E>) => void): () => void;
};

/** A handler for every method: main's registry must satisfy this exactly. */
export type Handlers<Ctx> = { [M in Method]: (ctx: Ctx, input: ParsedInput<M>) => Promise<Output<M>> };

/** Handlers of one domain, e.g. `clients` → `clients.list`, `clients.create`. */
export type DomainHandlers<Ctx, D extends string> = {
  [M in Method as M extends `${D}.${string}` ? M : never]: Handlers<Ctx>[M];
};

/** Fails to compile when T has keys that are not methods of the contract. */
export type NoExtraMethods<T> = Exclude<keyof T, Method> extends never ? T : never;

export const METHODS = Object.keys(contract) as Method[];

/** The scopes a view showing `method`'s answer reloads on: its contract's `reads`. */
export function scopesOf(method: Method): readonly DataScope[] {
  return contract[method].reads;
}
export const EVENTS = Object.keys(events) as EventName[];

export type { Envelope, ErrorCode, ErrorDetails, FieldIssue, RpcError } from './envelope';
export { ERROR_CODES, FIELD_RULES } from './envelope';
