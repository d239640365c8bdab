import type { TFunction } from 'i18next';
import type { Input, SheetDetail, SheetVersion } from '../../../common/contract';
import { KoersError } from '../api';

/** The draft editor's state: texts as typed, turned into `sheets.saveDraft` input only on save. */

export interface LevelText {
  label: string;
  description: string;
}

export interface IndicatorDraft {
  /** Identifies the row while it moves; not sent. */
  uid: string;
  /** Carried over from earlier versions so progression spans them; absent for a new indicator. */
  key?: string;
  name: string;
  description: string;
  /** As typed: an empty box must reach the server as invalid, not as 0. */
  scaleMin: string;
  scaleMax: string;
  /** Texts per level value. Values the scale no longer covers keep their text, so narrowing and widening again loses nothing. */
  levels: Partial<Record<number, LevelText>>;
}

export interface SheetDraft {
  name: string;
  description: string;
  targetGroupIds: string[];
  indicators: IndicatorDraft[];
}

/** Level values offered for a scale: none until both ends are whole numbers, never beyond what the contract allows (0–20). */
export function levelValues(indicator: Pick<IndicatorDraft, 'scaleMin' | 'scaleMax'>): number[] {
  const min = toInteger(indicator.scaleMin);
  const max = toInteger(indicator.scaleMax);
  if (!Number.isInteger(min) || !Number.isInteger(max)) return [];
  const low = Math.max(min, 0);
  const high = Math.min(max, 20);
  return Array.from({ length: Math.max(0, high - low + 1) }, (_, i) => low + i);
}

const toInteger = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

export function draftFrom(sheet: SheetDetail, version: SheetVersion): SheetDraft {
  return {
    name: sheet.name,
    description: sheet.description ?? '',
    targetGroupIds: sheet.targetGroupIds,
    indicators: version.indicators.map((indicator) => ({
      uid: indicator.id,
      key: indicator.key,
      name: indicator.name,
      description: indicator.description ?? '',
      scaleMin: String(indicator.scaleMin),
      scaleMax: String(indicator.scaleMax),
      levels: Object.fromEntries(
        indicator.levels.map((level) => [level.value, { label: level.label, description: level.description ?? '' }]),
      ),
    })),
  };
}

export function newIndicator(): IndicatorDraft {
  return { uid: crypto.randomUUID(), name: '', description: '', scaleMin: '1', scaleMax: '5', levels: {} };
}

export function toInput(sheetId: string, draft: SheetDraft): Input<'sheets.saveDraft'> {
  return {
    sheetId,
    name: draft.name,
    description: draft.description,
    targetGroupIds: draft.targetGroupIds,
    indicators: draft.indicators.map((indicator) => ({
      ...(indicator.key ? { key: indicator.key } : {}),
      name: indicator.name,
      description: indicator.description,
      scaleMin: toInteger(indicator.scaleMin),
      scaleMax: toInteger(indicator.scaleMax),
      levels: levelValues(indicator).map((value) => ({
        value,
        label: indicator.levels[value]?.label ?? '',
        description: indicator.levels[value]?.description ?? '',
      })),
    })),
  };
}

/** What would be saved, as one string: the draft has unsaved changes while this differs from the last save. */
export const fingerprint = (draft: SheetDraft) => JSON.stringify(toInput('', draft));

/** New indicators get their key on the first save; later saves must send it back. */
export function adoptKeys(draft: SheetDraft, sent: SheetDraft, saved: SheetVersion | null): SheetDraft {
  const keys = new Map(sent.indicators.map((indicator, i) => [indicator.uid, saved?.indicators[i]?.key]));
  return {
    ...draft,
    indicators: draft.indicators.map((indicator) => ({ ...indicator, key: keys.get(indicator.uid) ?? indicator.key })),
  };
}

export function moveIndicator(
  indicators: readonly IndicatorDraft[],
  uid: string,
  direction: 'up' | 'down',
): IndicatorDraft[] {
  const from = indicators.findIndex((i) => i.uid === uid);
  const to = direction === 'up' ? from - 1 : from + 1;
  const moving = indicators[from];
  const other = indicators[to];
  if (!moving || !other) return [...indicators];
  const next = [...indicators];
  next[to] = moving;
  next[from] = other;
  return next;
}

/**
 * Field errors of a failed save, keyed by where the editor shows them: `name`, `form`,
 * `targetGroupIds`, `UID.scaleMax`, `UID.levels`, `UID.VALUE.label`. The server
 * names fields by position (`indicators.2.levels.0.label`); positions are turned
 * into the indicator and level value they meant when the draft was sent, so the
 * message stays with its field while the user moves things around.
 */
export function draftErrors(t: TFunction, failure: unknown, sent: SheetDraft): Record<string, string> {
  if (!(failure instanceof KoersError) || failure.code !== 'validation') return {};
  const errors: Record<string, string> = {};
  for (const issue of failure.details?.issues ?? []) {
    const place = placeOf(t, issue.field, sent);
    errors[place.key] ??= t(`errors.rule.${issue.rule}`, { field: place.label, limit: issue.limit });
  }
  return errors;
}

function placeOf(t: TFunction, field: string, sent: SheetDraft): { key: string; label: string } {
  const [first, position, part, levelIndex, levelPart] = field.split('.');
  if (first === 'name') return { key: 'name', label: t('sheets.editor.sheetName') };
  if (first === 'description') return { key: 'description', label: t('sheets.editor.sheetDescription') };
  if (first === 'targetGroupIds') return { key: 'targetGroupIds', label: t('sheets.editor.targetGroups') };
  if (first !== 'indicators') return { key: 'form', label: field };
  const indicator = position === undefined ? undefined : sent.indicators[Number(position)];
  if (!indicator) return { key: 'indicators', label: t('fields.indicators') };
  switch (part) {
    case 'levels': {
      const value = levelIndex === undefined ? undefined : levelValues(indicator)[Number(levelIndex)];
      if (value === undefined) return { key: `${indicator.uid}.levels`, label: t('sheets.editor.levels') };
      return levelPart === 'description'
        ? { key: `${indicator.uid}.${value}.description`, label: t('sheets.editor.levelDescriptionOf', { value }) }
        : { key: `${indicator.uid}.${value}.label`, label: t('sheets.editor.levelLabelOf', { value }) };
    }
    case 'scaleMin':
      return { key: `${indicator.uid}.scaleMin`, label: t('sheets.editor.scaleMin') };
    case 'scaleMax':
      return { key: `${indicator.uid}.scaleMax`, label: t('sheets.editor.scaleMax') };
    case 'description':
      return { key: `${indicator.uid}.description`, label: t('sheets.editor.indicatorDescription') };
    default:
      return { key: `${indicator.uid}.name`, label: t('sheets.editor.indicatorName') };
  }
}
