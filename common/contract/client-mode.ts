import { z } from 'zod';
import { id } from './fields';

/**
 * Client mode (issue 19, Must have 1): the caseworker turns the laptop (or a second screen) to the
 * client, who scores themselves on one sheet. Main holds the mode; while it is on, every other
 * call is refused, so the page can show nothing but that sheet. Methods are listed in ./index.ts.
 */

/** What the caseworker types to leave client mode when she has no PIN: not pressed by accident. */
export const LEAVE_WORD = 'KOERS';

export const clientModeStartSchema = z.strictObject({
  clientId: id,
  versionId: id,
  /** Show the client their own previous self-score on each indicator. */
  showPrevious: z.boolean(),
});

export const clientModeStatusSchema = z.object({
  active: z.boolean(),
  /** Leaving asks for the PIN; without one, for the word LEAVE_WORD. */
  hasPin: z.boolean(),
  /** The client the mode is for (null when off): the audit log names them. */
  clientId: z.string().nullable(),
});

export const clientModeSheetSchema = z.object({
  clientId: z.string(),
  /** The client's own first name, for the greeting: nothing else about anyone. */
  firstName: z.string(),
  sheetName: z.string(),
  /** The language the client reads best (null: not known). */
  clientLanguage: z.string().nullable(),
  /** The language the sheet's texts are in: a translation's, or null for the original. */
  textLanguage: z.string().nullable(),
  direction: z.enum(['ltr', 'rtl']),
  indicators: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      description: z.string().nullable(),
      levels: z.array(z.object({ value: z.number().int(), label: z.string(), description: z.string().nullable() })),
      /** The client's own previous self-score, when the caseworker chose to show it. */
      previous: z.number().int().nullable(),
      /** This indicator's texts: translated (in that language and its direction), or the original (null, ltr). */
      textLanguage: z.string().nullable(),
      direction: z.enum(['ltr', 'rtl']),
    }),
  ),
  /** Saved already in this session: the end screen shows. */
  saved: z.boolean(),
});

export const clientModeSaveSchema = z.strictObject({
  scores: z.array(z.strictObject({ indicatorId: id, value: z.number().int().nullable() })).max(40),
});

export const clientModeLeaveSchema = z.strictObject({
  pin: z.string().max(64).optional(),
  confirm: z.string().max(40).optional(),
});
