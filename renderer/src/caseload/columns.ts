import type { CaseloadRow } from '../../../common/contract';
import type { CaseloadColumnId, CaseloadSortKey } from '../../../common/contract/caseload-view';
import { weeksBetween } from '../../../common/dates';
import { nameSortKey } from './collation';

/** What a column needs to know besides the row: names from the catalog, today. */
export interface RowContext {
  today: string;
  labelOf(id: string | null): string;
  caseworkerName(id: string | null): string;
  stageWeight(id: string | null): number;
  pseudonyms: boolean;
}

export type ColumnId = CaseloadColumnId | 'select';

export interface Column<Id extends ColumnId = ColumnId> {
  id: Id;
  /** Narrowest the column gets, in rem; the header's words and the status texts may ask for more. */
  min: number;
  /** Share of the room left over (CSS `fr`); 0: the column keeps its width. */
  grow: number;
  /** The value sorted on; text sorts by the user's language, numbers numerically. */
  sortValue(row: CaseloadRow, ctx: RowContext): string | number | null;
}

export const NAME_COLUMN: Column<CaseloadColumnId> = {
  id: 'name',
  min: 6.5,
  grow: 1.6,
  // Surname first, its tussenvoegsel last: "van den Berg" sorts under B and is shown whole.
  sortValue: (r, c) => (c.pseudonyms ? r.pseudonym : nameSortKey(r.lastName, r.firstName)),
};

/** The tick boxes for bulk actions, before the others; nothing to sort on. */
export const SELECT_COLUMN: Column = { id: 'select', min: 2.25, grow: 0, sortValue: () => null };

/** The caseload's columns, in order. */
export const COLUMNS: ReadonlyArray<Column<CaseloadColumnId>> = [
  NAME_COLUMN,
  { id: 'reference', min: 7.5, grow: 0, sortValue: (r) => r.reference },
  { id: 'targetGroup', min: 5, grow: 1, sortValue: (r, c) => c.labelOf(r.targetGroupId) || null },
  { id: 'stage', min: 5, grow: 1, sortValue: (r, c) => c.labelOf(r.stageId) || null },
  { id: 'weeks', min: 4, grow: 0, sortValue: (r, c) => (r.stageSince ? weeksBetween(r.stageSince, c.today) : null) },
  { id: 'next', min: 5.5, grow: 1.4, sortValue: (r) => r.nextAction?.title ?? null },
  { id: 'due', min: 5, grow: 0, sortValue: (r) => r.nextAction?.dueDate ?? null },
  { id: 'overdue', min: 5, grow: 0, sortValue: (r) => r.overdueCount },
  { id: 'lastScored', min: 5, grow: 0, sortValue: (r) => r.lastScoredOn },
  { id: 'scoringDue', min: 6, grow: 0, sortValue: (r) => r.scoringDueOn },
  { id: 'weight', min: 4, grow: 0, sortValue: (r, c) => c.stageWeight(r.stageId) },
  { id: 'caseworker', min: 8, grow: 1, sortValue: (r, c) => c.caseworkerName(r.caseworkerId) || null },
];

export type SortDirection = CaseloadSortKey['direction'];

/**
 * Sorts a copy by one or more keys, the first deciding first; empty values go last in both directions,
 * ties keep the server's order. Each row's values are computed once per sort, not once per comparison.
 */
export function sortRows(
  rows: readonly CaseloadRow[],
  keys: ReadonlyArray<{ column: Column; direction: SortDirection }>,
  ctx: RowContext,
  locale: string,
): CaseloadRow[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const signs = keys.map((k) => (k.direction === 'ascending' ? 1 : -1));
  const keyed = rows.map((row, index) => ({ row, index, values: keys.map((k) => k.column.sortValue(row, ctx)) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < signs.length; i++) {
      const x = a.values[i] ?? null;
      const y = b.values[i] ?? null;
      if (x === y) continue;
      if (x === null || y === null) return x === null ? 1 : -1;
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
      if (order !== 0) return (signs[i] ?? 1) * order;
    }
    return a.index - b.index;
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
