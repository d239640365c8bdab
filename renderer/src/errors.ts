import type { TFunction } from 'i18next';
import type { FieldIssue } from '../../common/contract';
import { KoersError } from './api';

export interface ShownError {
  /** One sentence for the whole form or screen. */
  summary: string;
  /** Per field, keyed by the contract's field name. */
  fields: Record<string, string>;
}

/** `lastName` → "Last name"; a nested `indicators.2.levels` → "Levels (3)". */
function fieldLabel(t: TFunction, field: string): string {
  const parts = field.split('.');
  const name = parts.filter((p) => !/^\d+$/.test(p)).at(-1) ?? field;
  const index = parts.find((p) => /^\d+$/.test(p));
  const label = t(`fields.${name}` as 'fields.name', { defaultValue: name });
  return index === undefined ? label : `${label} (${Number(index) + 1})`;
}

/** One rejected field or spreadsheet cell as a sentence. */
export function describeIssue(t: TFunction, issue: FieldIssue): string {
  return t(`errors.rule.${issue.rule}`, { field: fieldLabel(t, issue.field), limit: issue.limit });
}

/**
 * Turns any failure into translated text; `values` supplies what the user typed.
 * `refused`: the screen marks no fields (a one-click action, an export), so a refusal
 * says in its own words what was not done and names each problem, rather than
 * pointing at marked fields that are not there.
 */
export function describeError(
  t: TFunction,
  error: unknown,
  values: Record<string, unknown> = {},
  refused?: string,
): ShownError {
  if (!(error instanceof KoersError)) return { summary: t('errors.internal'), fields: {} };
  switch (error.code) {
    case 'validation': {
      const fields: Record<string, string> = {};
      for (const issue of error.details?.issues ?? []) {
        fields[issue.field] ??= describeIssue(t, issue);
      }
      if (refused === undefined) return { summary: t('errors.validation'), fields };
      return { summary: [refused, ...Object.values(fields)].join(' '), fields };
    }
    case 'conflict': {
      const details = error.details ?? {};
      if (details.field === 'reference' && details.existing) {
        const message = t('errors.conflict.reference', {
          value: String(values.reference ?? ''),
          name: details.existing.label,
        });
        return { summary: message, fields: { reference: message } };
      }
      if (details.reason)
        return { summary: t(`errors.conflict.${details.reason}`, { count: details.count ?? 0 }), fields: {} };
      return { summary: t('errors.conflict.generic'), fields: {} };
    }
    case 'not_found':
      return { summary: t('errors.not_found'), fields: {} };
    case 'forbidden': {
      // A caseworker's bulk action that takes in a colleague's client says how many.
      const reason = error.details?.reason;
      if (reason === 'not_own_client')
        return { summary: t(`errors.conflict.${reason}`, { count: error.details?.count ?? 0 }), fields: {} };
      return { summary: t('errors.forbidden'), fields: {} };
    }
    case 'busy':
      return { summary: t('errors.busy'), fields: {} };
    case 'disk_full':
      return { summary: t('errors.disk_full'), fields: {} };
    case 'read_only':
      return { summary: t('errors.read_only'), fields: {} };
    default:
      return { summary: t('errors.internal'), fields: {} };
  }
}
