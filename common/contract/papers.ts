import { z } from 'zod';
import { id, localDate } from './fields';
import { sheetVersionSchema } from './scoring';

/** Schemas of personalised paper sheets and their quick entry (methods are listed in ./index.ts). */

export const paperPrintSchema = z.strictObject({
  /** The clients to print for; absent: her caseload's active clients due for scoring within a week. */
  clientIds: z.array(id).min(1).max(500).optional(),
  /** The pseudonym on the sheet instead of the name. */
  pseudonymised: z.boolean(),
});

export const paperPrintedSchema = z.object({
  /** Null: nothing printed (the save dialog was cancelled, or no client had a sheet). */
  path: z.string().nullable(),
  /** How many sheets the print has (printed when `path` is set). */
  sheets: z.number().int(),
  /** Clients left out: their target group has no published default sheet. */
  withoutSheet: z.number().int(),
  /** The clients on the sheets (the audit log names each). */
  clientIds: z.array(z.string()),
});

/** One printed sheet as the page lays it out, in the client's language where there is a translation. */
export const paperViewSchema = z.object({
  code: z.string(),
  /** The name, or the pseudonym. */
  who: z.string(),
  printedOn: z.string(),
  sheetName: z.string(),
  versionNumber: z.number().int(),
  clientLanguage: z.string().nullable(),
  textLanguage: z.string().nullable(),
  direction: z.enum(['ltr', 'rtl']),
  indicators: z.array(
    z.object({
      name: z.string(),
      description: z.string().nullable(),
      levels: z.array(z.object({ value: z.number().int(), label: z.string(), description: z.string().nullable() })),
      previous: z.number().int().nullable(),
      goal: z.number().int().nullable(),
      /** This indicator's texts: translated (in that language and its direction), or the original (null, ltr). */
      textLanguage: z.string().nullable(),
      direction: z.enum(['ltr', 'rtl']),
    }),
  ),
});

export const paperBatchSchema = z.object({ papers: z.array(paperViewSchema) });

/** A printed sheet found by its code, for the quick entry: the version in the caseworker's language. */
export const paperFoundSchema = z.object({
  code: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  pseudonym: z.string(),
  printedOn: z.string(),
  /** When it was typed in already: the date of that scoring. */
  enteredOn: z.string().nullable(),
  version: sheetVersionSchema,
});

/** Printed sheets not typed in yet, to pick one by client instead of by code. */
export const paperOpenSchema = z.object({
  code: z.string(),
  clientName: z.string(),
  pseudonym: z.string(),
  printedOn: z.string(),
  sheetName: z.string(),
});

export const paperEnterSchema = z.strictObject({
  code: z.string().min(1).max(20),
  scoredBy: z.enum(['caseworker', 'client', 'together']),
  date: localDate,
  /** One per indicator of the version, in its order; null: not scored. */
  values: z.array(z.number().int().min(0).max(20).nullable()).max(40),
});
