import { z } from 'zod';
import { SCORED_BY } from '../enums';
import { id, languageTag, localDate, optionalDate, optionalText, requiredText } from './fields';

/** Schemas of scoring sheets, scorings, goals and coverage (methods are listed in ./index.ts). */

export const scoredBySchema = z.enum(SCORED_BY);

const levelSchema = z.object({ value: z.number().int(), label: z.string(), description: z.string().nullable() });

export const indicatorSchema = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  scaleMin: z.number().int(),
  scaleMax: z.number().int(),
  levels: z.array(levelSchema),
});

export const sheetVersionSchema = z.object({
  id: z.string(),
  sheetId: z.string(),
  sheetName: z.string(),
  number: z.number().int(),
  published: z.boolean(),
  publishedAt: z.string().nullable(),
  indicators: z.array(indicatorSchema),
});

export const sheetSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  retired: z.boolean(),
  targetGroupIds: z.array(z.string()),
  /** Latest published version number, or null before the first publication. */
  publishedNumber: z.number().int().nullable(),
  publishedVersionId: z.string().nullable(),
  draftVersionId: z.string().nullable(),
  scorings: z.number().int(),
});

export const sheetDetailSchema = sheetSummarySchema.extend({
  draft: sheetVersionSchema.nullable(),
  published: sheetVersionSchema.nullable(),
});

/** The editable content of a draft: everything is replaced at once. */
export const draftInputSchema = z.strictObject({
  sheetId: id,
  name: requiredText(120),
  description: optionalText(1000),
  targetGroupIds: z.array(id).max(50).default([]),
  indicators: z
    .array(
      z.strictObject({
        /** Keep the key of an indicator carried over from an earlier version; omit for a new one. */
        key: id.optional(),
        name: requiredText(120),
        description: optionalText(500),
        scaleMin: z.number().int().min(0).max(20),
        scaleMax: z.number().int().min(1).max(20),
        levels: z
          .array(
            z.strictObject({
              value: z.number().int().min(0).max(20),
              label: requiredText(80),
              description: optionalText(1000),
            }),
          )
          .max(21),
      }),
    )
    .max(40),
});

export const starterSchema = z.enum(['ladder', 'work_readiness', 'empty']);

export const scoreInputSchema = z.strictObject({
  indicatorId: id,
  /** null: not scored. */
  value: z.number().int().nullable(),
  comment: optionalText(1000),
});

export const scoringSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  versionId: z.string(),
  sheetId: z.string(),
  sheetName: z.string(),
  versionNumber: z.number().int(),
  date: z.string(),
  scoredBy: scoredBySchema,
  /** The external provider's organisation (scoredBy `provider`), else null. */
  organisation: z.string().nullable(),
  caseworkerId: z.string().nullable(),
  edited: z.boolean(),
  scores: z.array(
    z.object({
      indicatorId: z.string(),
      indicatorKey: z.string(),
      indicatorName: z.string(),
      value: z.number().int().nullable(),
      label: z.string().nullable(),
      comment: z.string().nullable(),
    }),
  ),
});

export const goalSchema = z.object({
  id: z.string(),
  indicatorKey: z.string(),
  target: z.number().int(),
  targetDate: z.string().nullable(),
});

/** What the scoring screen needs: the version to score on, previous values, goals. */
export const scoringFormSchema = z.object({
  version: sheetVersionSchema,
  /** Latest earlier value per indicator key, with its date. */
  previous: z.record(z.string(), z.object({ value: z.number().int().nullable(), date: z.string() })),
  goals: z.array(goalSchema),
});

export const coverageSchema = z.object({
  today: z.string(),
  target: z.object({ share: z.number(), dueOn: z.string() }).nullable(),
  caseworkers: z.array(
    z.object({
      caseworkerId: z.string(),
      active: z.number().int(),
      scoredInInterval: z.number().int(),
      /** null when the caseload is empty. */
      share: z.number().nullable(),
    }),
  ),
});

export const scoringInput = {
  clientId: id,
  versionId: id,
  date: localDate,
  scoredBy: scoredBySchema,
  /** Required for an external provider; ignored for any other rater. */
  organisation: optionalText(120),
  scores: z.array(scoreInputSchema).max(40),
};

export const goalInputSchema = z.strictObject({
  clientId: id,
  indicatorKey: id,
  target: z.number().int().min(0).max(20),
  targetDate: optionalDate,
});

/**
 * A sheet version's texts in another language, per indicator key and level value. A text left
 * out (null) shows the original: a translation may be partial.
 */
const translatedIndicatorsInput = z
  .array(
    z.strictObject({
      key: id,
      name: optionalText(120),
      description: optionalText(500),
      levels: z
        .array(
          z.strictObject({
            value: z.number().int().min(0).max(20),
            label: optionalText(80),
            description: optionalText(1000),
          }),
        )
        .max(21),
    }),
  )
  .max(40);

export const translationInputSchema = z.strictObject({
  versionId: id,
  /** Any language (BCP 47): the client's, not only the three Koers speaks. */
  language: languageTag.refine((v) => v !== null, { params: { rule: 'required' } }),
  indicators: translatedIndicatorsInput,
});

export const sheetTranslationSchema = z.object({
  id: z.string(),
  versionId: z.string(),
  language: z.string(),
  direction: z.enum(['ltr', 'rtl']),
  indicators: z.array(
    z.object({
      key: z.string(),
      name: z.string().nullable(),
      description: z.string().nullable(),
      levels: z.array(
        z.object({ value: z.number().int(), label: z.string().nullable(), description: z.string().nullable() }),
      ),
    }),
  ),
  updatedAt: z.string(),
});
