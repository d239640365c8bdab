import type { CaseloadColumnId, CaseloadSortKey, CaseloadView } from '../../../common/contract/caseload-view';
import { COLUMNS, NAME_COLUMN, type Column } from './columns';

/** A caseload as first shown: my active clients by name, every column. */
export const DEFAULT_VIEW: CaseloadView = {
  scope: 'mine',
  status: 'active',
  targetGroupId: null,
  stageId: null,
  overdueOnly: false,
  dueOnly: false,
  sort: [{ column: 'name', direction: 'ascending' }],
  hidden: [],
};

/** What the caseload keeps only while Koers runs: the search, pseudonyms, where the list was scrolled to. */
export interface Visit {
  search: string;
  pseudonyms: boolean;
  scrollTop: number;
  /** The row that had the keyboard focus (its client), so the way back lands on it. */
  activeId: string | null;
}

export const FRESH_VISIT: Visit = { search: '', pseudonyms: false, scrollTop: 0, activeId: null };

/**
 * The caseload as the user left it, for the way back from a client: pages unmount when another opens,
 * so this lives beside them for as long as the window does.
 */
let left: { view: CaseloadView; visit: Visit } | null = null;

export function leftCaseload(): { view: CaseloadView; visit: Visit } | null {
  return left;
}

export function leaveCaseload(view: CaseloadView, visit: Visit): void {
  left = { view, visit };
}

/**
 * A click sorts by that column alone (again: the other way round). Shift+click adds it as the second key
 * (again: turns that key round), keeping the first, as spreadsheets and mail clients do.
 */
export function nextSort(sort: readonly CaseloadSortKey[], column: CaseloadColumnId, add: boolean): CaseloadSortKey[] {
  const flip = (key: CaseloadSortKey): CaseloadSortKey => ({
    column: key.column,
    direction: key.direction === 'ascending' ? 'descending' : 'ascending',
  });
  const at = sort.findIndex((key) => key.column === column);
  if (!add) {
    const primary = sort[0];
    return [primary && primary.column === column ? flip(primary) : { column, direction: 'ascending' }];
  }
  if (at >= 0) return sort.map((key, i) => (i === at ? flip(key) : key));
  const first = sort[0] ?? { column: 'name', direction: 'ascending' };
  return [first, { column, direction: 'ascending' }];
}

/** The columns shown, in order: the name always, the caseworker only when the list spans several. */
export function shownColumns(hidden: readonly CaseloadColumnId[], everyone: boolean): Array<Column<CaseloadColumnId>> {
  return COLUMNS.filter((c) => c === NAME_COLUMN || (!hidden.includes(c.id) && (c.id !== 'caseworker' || everyone)));
}

/** The sort keys as columns; a key on a column not shown sorts no more (it would be invisible). */
export function sortColumns(
  sort: readonly CaseloadSortKey[],
  columns: readonly Column[],
): Array<{ column: Column; direction: CaseloadSortKey['direction'] }> {
  const keys = sort.flatMap((key) => {
    const column = columns.find((c) => c.id === key.column);
    return column ? [{ column, direction: key.direction }] : [];
  });
  return keys.length > 0 ? keys : [{ column: NAME_COLUMN, direction: 'ascending' }];
}
