import { z } from 'zod';
import { CLIENT_STATUSES } from '../enums';
import { id } from './fields';
import { fileTypeSchema } from './spreadsheets';

/** The caseload's columns, in the order the screen shows them. */
export const CASELOAD_COLUMNS = [
  'name',
  'reference',
  'targetGroup',
  'stage',
  'weeks',
  'next',
  'due',
  'overdue',
  'lastScored',
  'scoringDue',
  'weight',
  'caseworker',
] as const;

export const caseloadColumnSchema = z.enum(CASELOAD_COLUMNS);

export const sortKeySchema = z.object({
  column: caseloadColumnSchema,
  direction: z.enum(['ascending', 'descending']),
});

/**
 * The caseload as the user left it, kept in the settings so it survives a restart: filters,
 * up to two sort keys and the hidden columns (hidden rather than shown, so a column added later shows).
 */
export const caseloadViewSchema = z.object({
  /** `mine`, `all` or a caseworker's id (key persons). */
  scope: z.string().min(1).max(64),
  status: z.enum([...CLIENT_STATUSES, 'all']),
  targetGroupId: id.nullable(),
  stageId: id.nullable(),
  overdueOnly: z.boolean(),
  dueOnly: z.boolean(),
  sort: z.array(sortKeySchema).min(1).max(2),
  hidden: z.array(caseloadColumnSchema).max(CASELOAD_COLUMNS.length),
});

/** The caseload as shown: these clients in this order, with these columns in this order. */
export const caseloadViewExportSchema = z.strictObject({
  fileType: fileTypeSchema,
  columns: z.array(caseloadColumnSchema).min(1).max(CASELOAD_COLUMNS.length),
  clientIds: z.array(id).max(100_000),
  /** The name column shows pseudonyms, as on screen. */
  pseudonyms: z.boolean(),
});

export type CaseloadColumnId = z.output<typeof caseloadColumnSchema>;
export type CaseloadView = z.output<typeof caseloadViewSchema>;
export type CaseloadSortKey = z.output<typeof sortKeySchema>;
