import { z } from 'zod';
import { NOTE_KINDS } from '../enums';
import { id, optionalDate, requiredText, text } from './fields';

/** Schemas of case notes, their history, drafts and search (methods are listed in ./index.ts). */

export const noteKindSchema = z.enum(NOTE_KINDS);

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/;
function isDateTime(value: string): boolean {
  if (!LOCAL_DATE_TIME.test(value)) return false;
  const date = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value.slice(0, 10);
}
/** Local date and time `YYYY-MM-DDTHH:MM` that exists. */
export const localDateTime = z.string().refine(isDateTime, { params: { rule: 'date' } });

export const noteSchema = z.object({
  id: z.string(),
  clientId: z.string().nullable(),
  householdId: z.string().nullable(),
  kind: noteKindSchema,
  notedAt: z.string(),
  body: z.string(),
  pinned: z.boolean(),
  authorId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  edited: z.boolean(),
});

export const noteVersionSchema = z.object({
  kind: noteKindSchema,
  notedAt: z.string(),
  body: z.string(),
  pinned: z.boolean(),
  writtenAt: z.string(),
  writtenBy: z.string().nullable(),
});

const noteContent = {
  kind: noteKindSchema,
  notedAt: localDateTime,
  // Notes can be long (a home visit), but not unbounded.
  body: requiredText(20_000),
  pinned: z.boolean().default(false),
};

export const noteCreateSchema = z
  .strictObject({ clientId: id.optional(), householdId: id.optional(), ...noteContent })
  .refine((n) => (n.clientId === undefined) !== (n.householdId === undefined), {
    params: { rule: 'invalid' },
    path: ['clientId'],
  });

export const noteUpdateSchema = z.strictObject({ id, ...noteContent });

/** Where a draft was typed: a new note for a client or household, or an edit of a note. */
export const draftKeySchema = z.string().regex(/^(client|household|note):[\w-]{1,64}$/);
export const draftSchema = z.object({
  key: z.string(),
  kind: noteKindSchema,
  notedAt: z.string(),
  body: z.string(),
  updatedAt: z.string(),
});
export const draftInputSchema = z.strictObject({
  key: draftKeySchema,
  kind: noteKindSchema,
  notedAt: z.string().max(20),
  body: text(20_000),
});

export const noteSearchSchema = z.strictObject({
  text: text(200),
  clientId: id.optional(),
  kind: noteKindSchema.optional(),
  from: optionalDate,
  to: optionalDate,
});

export const noteHitSchema = z.object({
  id: z.string(),
  clientId: z.string().nullable(),
  householdId: z.string().nullable(),
  ownerName: z.string(),
  kind: noteKindSchema,
  notedAt: z.string(),
  /** Text with the matched words between \u0002 and \u0003. */
  snippet: z.string(),
});

export type NoteVersion = z.output<typeof noteVersionSchema>;
export type Draft = z.output<typeof draftSchema>;
