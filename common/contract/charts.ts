import { z } from 'zod';
import { id, optionalDate } from './fields';
import { scoredBySchema } from './scoring';
import { CHART_RATERS } from '../enums';

/** Schemas of progression charts and the team view (methods are listed in ./index.ts). */

export const chartIndicatorSchema = z.object({
  key: z.string(),
  /** Name and levels as in the newest version that has this indicator. */
  name: z.string(),
  sheetName: z.string(),
  scaleMin: z.number().int(),
  scaleMax: z.number().int(),
  levels: z.array(z.object({ value: z.number().int(), label: z.string() })),
});

export const progressionSchema = z.object({
  indicators: z.array(chartIndicatorSchema),
  /**
   * One series per indicator and rater type: the caseworker (joint scores are hers too: made with
   * the client, they carry her line on), the client, an external provider.
   */
  series: z.array(
    z.object({
      key: z.string(),
      by: z.enum(CHART_RATERS),
      points: z.array(
        z.object({
          date: z.string(),
          /** Null: scored that day, but not this indicator; the line leaves a gap. */
          value: z.number().int().nullable(),
          versionNumber: z.number().int(),
          scoredBy: scoredBySchema,
          /** The provider's organisation, on a provider's point. */
          organisation: z.string().nullable(),
        }),
      ),
    }),
  ),
  goals: z.array(z.object({ key: z.string(), target: z.number().int(), targetDate: z.string().nullable() })),
  milestones: z.array(z.object({ date: z.string(), title: z.string() })),
  /** First, previous and latest caseworker scoring, per indicator key (null: not scored). */
  radar: z.object({
    first: z.object({ date: z.string(), values: z.record(z.string(), z.number().nullable()) }).nullable(),
    previous: z.object({ date: z.string(), values: z.record(z.string(), z.number().nullable()) }).nullable(),
    latest: z.object({ date: z.string(), values: z.record(z.string(), z.number().nullable()) }).nullable(),
  }),
  /** A ladder-type sheet (one indicator): shown as a step chart. */
  ladder: z.boolean(),
});

export const teamViewInputSchema = z.strictObject({
  sheetId: id,
  targetGroupId: id.optional(),
  caseworkerId: id.optional(),
  from: optionalDate,
  to: optionalDate,
});

export const teamViewSchema = z.object({
  indicators: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      /** Clients with at least two caseworker scorings of this indicator in the period. */
      clients: z.number().int(),
      averageChange: z.number().nullable(),
      improved: z.number().int(),
      same: z.number().int(),
      declined: z.number().int(),
    }),
  ),
  compass: z.array(
    z.object({
      caseworkerId: z.string(),
      caseload: z.number().int(),
      weightedWorkload: z.number(),
      coverage: z.number().nullable(),
      /** Mean over clients of their mean change across indicators; null without data. */
      averageProgression: z.number().nullable(),
    }),
  ),
});
