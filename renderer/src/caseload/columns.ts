import type { CaseloadRow } from '../../../common/contract';
import { weeksBetween } from '../../../common/dates';

/** What a column needs to know besides the row: names from the catalog, today. */
export interface RowContext {
  today: string;
  labelOf(id: string | null): string;
  caseworkerName(id: string | null): string;
  stageWeight(id: string | null): number;
  pseudonyms: boolean;
}

export type ColumnId =
  | 'select'
  | 'name'
  | 'reference'
  | 'targetGroup'
  | 'stage'
  | 'weeks'
  | 'next'
  | 'due'
  | 'overdue'
  | 'lastScored'
  | 'scoringDue'
  | 'weight'
  | 'caseworker';

export interface Column {
  id: ColumnId;
  /** CSS grid track. */
  width: string;
  /** The value sorted on; text sorts by the user's language, numbers numerically. */
  sortValue(row: CaseloadRow, ctx: RowContext): string | number | null;
}

export const NAME_COLUMN: Column = {
  id: 'name',
  width: 'minmax(10rem, 1.6fr)',
  sortValue: (r, c) => (c.pseudonyms ? r.pseudonym : `${r.lastName} ${r.firstName}`),
};

/** The tick boxes for bulk actions, before the others; nothing to sort on. */
export const SELECT_COLUMN: Column = { id: 'select', width: '2.75rem', sortValue: () => null };

/** The caseload's columns, in order. */
export const COLUMNS: readonly Column[] = [
  NAME_COLUMN,
  { id: 'reference', width: '7.5rem', sortValue: (r) => r.reference },
  { id: 'targetGroup', width: 'minmax(7rem, 1fr)', sortValue: (r, c) => c.labelOf(r.targetGroupId) || null },
  { id: 'stage', width: 'minmax(7rem, 1fr)', sortValue: (r, c) => c.labelOf(r.stageId) || null },
  { id: 'weeks', width: '4.5rem', sortValue: (r, c) => (r.stageSince ? weeksBetween(r.stageSince, c.today) : null) },
  { id: 'next', width: 'minmax(8rem, 1.4fr)', sortValue: (r) => r.nextAction?.title ?? null },
  { id: 'due', width: '7.5rem', sortValue: (r) => r.nextAction?.dueDate ?? null },
  { id: 'overdue', width: '6rem', sortValue: (r) => r.overdueCount },
  { id: 'lastScored', width: '7.5rem', sortValue: (r) => r.lastScoredOn },
  { id: 'scoringDue', width: '7.5rem', sortValue: (r) => r.scoringDueOn },
  { id: 'weight', width: '4rem', sortValue: (r, c) => c.stageWeight(r.stageId) },
  { id: 'caseworker', width: 'minmax(8rem, 1fr)', sortValue: (r, c) => c.caseworkerName(r.caseworkerId) || null },
];

export type SortDirection = 'ascending' | 'descending';

/** Sorts a copy; empty values go last in both directions, ties keep the server's order. */
export function sortRows(
  rows: readonly CaseloadRow[],
  column: Column,
  direction: SortDirection,
  ctx: RowContext,
  locale: string,
): CaseloadRow[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const sign = direction === 'ascending' ? 1 : -1;
  const keyed = rows.map((row, index) => ({ row, index, value: column.sortValue(row, ctx) }));
  keyed.sort((a, b) => {
    if (a.value === null || b.value === null)
      return a.value === b.value ? a.index - b.index : a.value === null ? 1 : -1;
    const order =
      typeof a.value === 'number' && typeof b.value === 'number'
        ? a.value - b.value
        : collator.compare(String(a.value), String(b.value));
    return order === 0 ? a.index - b.index : sign * order;
  });
  return keyed.map((k) => k.row);
}

export interface CaseloadSummary {
  clients: number;
  weightedWorkload: number;
  overdue: number;
  /** Share of active clients scored within their rhythm; null for an empty caseload. */
  coverage: number | null;
}

/** Scored, and the next scoring not yet due. */
export function isCovered(row: Pick<CaseloadRow, 'lastScoredOn' | 'scoringDueOn'>, today: string): boolean {
  return row.lastScoredOn !== null && row.scoringDueOn !== null && row.scoringDueOn > today;
}

export function isDueForScoring(row: Pick<CaseloadRow, 'scoringDueOn' | 'status'>, until: string): boolean {
  return row.status === 'active' && row.scoringDueOn !== null && row.scoringDueOn <= until;
}

/** The strip above the table: active clients, their summed stage weights, overdue to-dos, coverage. */
export function summarize(
  rows: readonly CaseloadRow[],
  stageWeight: (id: string | null) => number,
  today: string,
): CaseloadSummary {
  const active = rows.filter((r) => r.status === 'active');
  return {
    clients: active.length,
    weightedWorkload: active.reduce((sum, r) => sum + stageWeight(r.stageId), 0),
    overdue: active.reduce((sum, r) => sum + r.overdueCount, 0),
    coverage: active.length === 0 ? null : active.filter((r) => isCovered(r, today)).length / active.length,
  };
}
