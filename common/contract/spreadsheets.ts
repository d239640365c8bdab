import { z } from 'zod';
import { FIELD_RULES } from './envelope';
import { id, optionalDate, optionalText } from './fields';

/** Schemas of spreadsheet imports and exports (methods are listed in ./index.ts). */

export const IMPORT_KINDS = ['caseload', 'scores', 'sheet'] as const;
export const FILE_TYPES = ['xlsx', 'csv'] as const;
export const fileTypeSchema = z.enum(FILE_TYPES);

const column = z.number().int().min(0).max(1000);
/** Field → column (0-based); a field left out is not imported. */
export const mappingSchema = z.record(z.string().max(64), column);

export const openedFileSchema = z.object({
  token: z.string(),
  fileName: z.string(),
  worksheets: z.array(z.object({ name: z.string(), rows: z.number().int(), headers: z.array(z.string()) })),
});

const rowIssueSchema = z.object({
  field: z.string(),
  rule: z.enum(FIELD_RULES),
  limit: z.number().optional(),
  value: z.string(),
});

export const importRowSchema = z.object({
  line: z.number().int(),
  action: z.enum(['create', 'update', 'unchanged', 'empty', 'error']),
  /** What identifies the row to the user: name (or client) and reference. */
  label: z.string(),
  issues: z.array(rowIssueSchema),
});

const countsSchema = z.object({
  create: z.number().int(),
  update: z.number().int(),
  unchanged: z.number().int(),
  empty: z.number().int(),
  error: z.number().int(),
});

export const caseloadImportInputSchema = z.strictObject({
  token: z.string().min(1).max(64),
  worksheet: z.string().max(200),
  /** Omitted: the remembered mapping for these headers, or the suggestion from their names. */
  mapping: mappingSchema.optional(),
  createTargetGroups: z.boolean().default(false),
  createStages: z.boolean().default(false),
  /** Caseworker names Koers does not know, mapped to the colleague each stands for. */
  caseworkers: z
    .array(z.strictObject({ name: z.string().max(200), caseworkerId: id }))
    .max(1000)
    .default([]),
  /** The other unknown caseworker names become new caseworkers (key persons, or anyone while there is none). */
  createCaseworkers: z.boolean().default(false),
});

/** The fields of a caseload sheet (the columns an import can map). */
export const CASELOAD_FIELDS = [
  'reference',
  'fullName',
  'firstName',
  'lastName',
  'dateOfBirth',
  'phone',
  'email',
  'targetGroup',
  'stage',
  'caseworker',
  'startDate',
  'nextAction',
  'nextActionDate',
  'nextActionTime',
  'remark',
] as const;

/** The fields of a closed-cases (placed in work) sheet. */
export const CLOSURE_FIELDS = ['reference', 'closedOn', 'outcome', 'reason'] as const;

/** Names in a caseload sheet that Koers does not know yet (each once, as first written). */
const unknownNamesSchema = z.object({
  targetGroups: z.array(z.string()),
  stages: z.array(z.string()),
  caseworkers: z.array(z.string()),
});
/** To-dos (next actions) and remarks the import adds. */
const addsSchema = z.object({ todos: z.number().int(), remarks: z.number().int() });

/** One worksheet's preview: its columns and what each row would become. */
const worksheetPreviewSchema = z.object({
  headers: z.array(z.string()),
  mapping: mappingSchema,
  /** The mapping came from an earlier import of a file with these headers. */
  remembered: z.boolean(),
  counts: countsSchema,
  /** The first rows, then every row with an error (at most a few hundred in all). */
  rows: z.array(importRowSchema),
});

export const caseloadPreviewSchema = worksheetPreviewSchema.extend({
  adds: addsSchema,
  /** Whether this user may create caseworkers, target groups and stages (a key person, or anyone while there is none). */
  mayCreate: z.boolean(),
  unknown: unknownNamesSchema,
});

export const importReportSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  skipped: z.array(z.object({ line: z.number().int(), reason: z.enum(['empty', 'already_scored']) })),
  createdTargetGroups: z.array(z.string()),
  createdStages: z.array(z.string()),
  createdCaseworkers: z.array(z.string()),
  todosAdded: z.number().int(),
  remarksAdded: z.number().int(),
});

/** What a worksheet of a workbook can be imported as. */
export const WORKSHEET_KINDS = ['caseload', 'scores', 'closures'] as const;
const worksheetName = z.string().max(200);

/**
 * A provider's spreadsheet: the organisation whose scorings these are. Rows without a rater, and
 * provider rows without an organisation of their own, are scored by it.
 */
const providerOrganisation = optionalText(120);

export const workbookPartSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('caseload'), worksheet: worksheetName, mapping: mappingSchema.optional() }),
  z.strictObject({
    kind: z.literal('scores'),
    worksheet: worksheetName,
    versionId: id,
    mapping: mappingSchema.optional(),
    organisation: providerOrganisation,
  }),
  z.strictObject({
    kind: z.literal('closures'),
    worksheet: worksheetName,
    mapping: mappingSchema.optional(),
    /** The reason for rows without one; absent: "work". */
    reasonId: id.optional(),
  }),
]);

/** A whole workbook: the worksheets to import and as what, and the caseload's choices (as for one caseload sheet). */
export const workbookInputSchema = caseloadImportInputSchema.omit({ worksheet: true, mapping: true }).extend({
  /** Omitted: every worksheet Koers recognises, as it recognised it. */
  parts: z.array(workbookPartSchema).max(50).optional(),
});

const partHeadSchema = z.object({
  worksheet: z.string(),
  kind: z.enum(WORKSHEET_KINDS),
});

export const workbookPreviewSchema = z.object({
  /** Every worksheet, with what Koers recognises in it (null: nothing it can import). */
  worksheets: z.array(
    z.object({
      name: z.string(),
      rows: z.number().int(),
      recognised: z.enum(WORKSHEET_KINDS).nullable(),
      versionId: z.string().nullable(),
    }),
  ),
  parts: z.array(
    worksheetPreviewSchema.extend({
      ...partHeadSchema.shape,
      versionId: z.string().nullable(),
      reasonId: z.string().nullable(),
    }),
  ),
  adds: addsSchema,
  mayCreate: z.boolean(),
  unknown: unknownNamesSchema,
});

/** One report for the whole workbook, kept for the session: it can be saved, and the import undone. */
export const workbookReportSchema = z.object({
  importId: z.string(),
  fileName: z.string(),
  parts: z.array(
    partHeadSchema.extend({
      created: z.number().int(),
      updated: z.number().int(),
      unchanged: z.number().int(),
      skipped: z.number().int(),
    }),
  ),
  createdTargetGroups: z.array(z.string()),
  createdStages: z.array(z.string()),
  createdCaseworkers: z.array(z.string()),
  todosAdded: z.number().int(),
  remarksAdded: z.number().int(),
});

export const scoresImportInputSchema = z.strictObject({
  token: z.string().min(1).max(64),
  worksheet: z.string().max(200),
  versionId: id,
  /** `reference`, `date`, `scoredBy`, `organisation` and one entry per indicator key. */
  mapping: mappingSchema.optional(),
  organisation: providerOrganisation,
});

export const scoresPreviewSchema = worksheetPreviewSchema;

export const scoreExportInputSchema = z.strictObject({
  format: z.enum(['long', 'wide']),
  fileType: fileTypeSchema,
  caseworkerId: id.optional(),
  targetGroupId: id.optional(),
  sheetId: id.optional(),
  from: optionalDate,
  to: optionalDate,
  pseudonymised: z.boolean(),
});

export const savedExportSchema = z.object({ path: z.string().nullable(), rows: z.number().int() });
