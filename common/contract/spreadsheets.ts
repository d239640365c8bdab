import { z } from 'zod';
import { FIELD_RULES } from './envelope';
import { id, optionalDate } from './fields';

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

export const caseloadPreviewSchema = z.object({
  headers: z.array(z.string()),
  mapping: mappingSchema,
  /** The mapping came from an earlier import of a file with these headers. */
  remembered: z.boolean(),
  counts: countsSchema,
  /** The first rows, then every row with an error (at most a few hundred in all). */
  rows: z.array(importRowSchema),
  /** To-dos (next actions) and remarks the import adds. */
  adds: z.object({ todos: z.number().int(), remarks: z.number().int() }),
  /** Whether this user may create caseworkers, target groups and stages (a key person, or anyone while there is none). */
  mayCreate: z.boolean(),
  unknown: z.object({
    targetGroups: z.array(z.string()),
    stages: z.array(z.string()),
    caseworkers: z.array(z.string()),
  }),
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

export const scoresImportInputSchema = z.strictObject({
  token: z.string().min(1).max(64),
  worksheet: z.string().max(200),
  versionId: id,
  /** `reference`, `date`, `scoredBy` and one entry per indicator key. */
  mapping: mappingSchema.optional(),
});

export const scoresPreviewSchema = z.object({
  headers: z.array(z.string()),
  mapping: mappingSchema,
  remembered: z.boolean(),
  counts: countsSchema,
  rows: z.array(importRowSchema),
});

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
