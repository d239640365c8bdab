import { z } from 'zod';
import { canonicalLanguage } from '../languages';

/** Reusable input fields. Every rule here maps to a translated message (see FieldIssue). */

export const text = (max: number) => z.string().trim().max(max);
export const requiredText = (max: number) => text(max).min(1);
/** Optional free text: empty or missing both mean "none" (null). */
export const optionalText = (max: number) =>
  text(max)
    .nullish()
    .transform((v) => (v ? v : null));

export const id = z.string().min(1).max(64);
/** An optional reference: a form's empty choice ('') means none. */
export const optionalId = z
  .union([id, z.literal('')])
  .nullish()
  .transform((v) => (v ? v : null));

function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || year > 2100) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A calendar date `YYYY-MM-DD` that exists (no 30 February), between 1900 and 2100. */
export const localDate = z.string().refine(isCalendarDate, { params: { rule: 'date' } });
export const optionalDate = z
  .string()
  .refine((v) => v === '' || isCalendarDate(v), { params: { rule: 'date' } })
  .nullish()
  .transform((v) => (v ? v : null));

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
export const optionalTime = z
  .string()
  .refine((v) => v === '' || TIME.test(v), { params: { rule: 'time' } })
  .nullish()
  .transform((v) => (v ? v : null));

// Deliberately loose: one @ with something on both sides and a dot in the domain.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const email = text(200)
  .refine((v) => v === '' || EMAIL.test(v), { params: { rule: 'email' } })
  .nullish()
  .transform((v) => (v ? v : null));

/** A language tag (BCP 47), canonical (`AR` → `ar`); empty or null: none. Any language, not only Koers's own. */
export const languageTag = z
  .string()
  .max(35)
  .refine((v) => v === '' || canonicalLanguage(v) !== null, { params: { rule: 'invalid' } })
  .nullish()
  .transform((v) => (v ? canonicalLanguage(v) : null));
