import { useVirtualizer } from '@tanstack/react-virtual';
import {
  type KeyboardEvent,
  type MouseEvent,
  type Ref,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseloadRow } from '../../../common/contract';
import { formatDate, formatNumber } from '../format';
import { weeksBetween } from '../../../common/dates';
import { NoteEditor } from '../notes/NoteEditor';
import { navigate } from '../router';
import { useSession } from '../session';
import type { CaseloadColumnId, CaseloadSortKey } from '../../../common/contract/caseload-view';
import { useColumnTracks } from './column-widths';
import type { Column, ColumnId, RowContext } from './columns';
import { SelectBox } from './SelectBox';
import { type Selection, useSelected } from './selection';

const ROW_HEIGHT = 36;

/** What the page asks of the table: the search box's ArrowDown focuses a row. */
export interface CaseloadTableHandle {
  focusRow(index: number): void;
}

interface Props {
  rows: readonly CaseloadRow[];
  columns: readonly Column[];
  ctx: RowContext;
  sort: readonly CaseloadSortKey[];
  /** `add`: Shift+click, a second sort key. */
  onSort(column: CaseloadColumnId, add: boolean): void;
  labelledBy: string;
  /** The rows ticked for a bulk action (the `select` column). */
  selection: Selection;
  /** Where the list was when the user left it: scrolled this far, this client's row active. */
  restore: { scrollTop: number; activeId: string | null };
  /** Told as the user scrolls and moves, so the way back can restore it. */
  onMove(place: { scrollTop: number; activeId: string | null }): void;
  ref?: Ref<CaseloadTableHandle>;
}

/**
 * The caseload as an ARIA grid. Only the rows in view are in the DOM, so 20,000
 * clients scroll as smoothly as 50. One row is in the tab order; arrow keys,
 * Page Up/Down, Home and End move it, Enter opens the client, N writes a quick note,
 * Space ticks it (Shift+Space or Shift-click: the range from the last one ticked).
 */
export function CaseloadTable({
  rows,
  columns,
  ctx,
  sort,
  onSort,
  labelledBy,
  selection,
  restore,
  onMove,
  ref,
}: Props) {
  const { t } = useTranslation();
  const selected = useSelected(selection);
  const select = (row: CaseloadRow, range: boolean) =>
    range ? selection.extendTo(row.id, rows) : selection.toggle(row.id);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(() =>
    Math.max(
      0,
      rows.findIndex((r) => r.id === restore.activeId),
    ),
  );
  const [noteFor, setNoteFor] = useState<CaseloadRow | null>(null);
  const [status, setStatus] = useState('');
  const activeIndex = Math.min(active, Math.max(rows.length - 1, 0));
  // The virtualizer's functions change every render; nothing here relies on memoizing them.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialOffset: restore.scrollTop,
  });
  const tracks = useColumnTracks(columns);
  const template = { gridTemplateColumns: tracks.template, minWidth: tracks.minWidth };
  // The row last focused (by keyboard or mouse): the way back lands on it.
  const [focusedId, setFocusedId] = useState(restore.activeId);
  // For `npm run bench` (ui.caseload.*): when the rows on screen are the new ones, at the next frame.
  useEffect(() => {
    const frame = requestAnimationFrame(() => performance.mark('koers:caseload-rendered', { detail: rows.length }));
    return () => cancelAnimationFrame(frame);
  }, [rows]);
  // A row on screen takes the focus at once, so the next key pressed (a held arrow key) starts from it;
  // one the virtualizer has yet to render (after a scroll, or as the table appears) is looked for a few frames.
  const focusRendered = (index: number) => {
    const focusRow = (framesLeft: number) => {
      const row = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`);
      if (row) row.focus({ preventScroll: true });
      else if (framesLeft > 0) requestAnimationFrame(() => focusRow(framesLeft - 1));
    };
    focusRow(30);
  };
  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
    focusRendered(next);
  };
  useImperativeHandle(ref, () => ({ focusRow: moveTo }));
  // Back from a client: the list scrolled as it was, the row that was active focused again.
  useLayoutEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = restore.scrollTop;
    if (restore.activeId && rows[active]?.id === restore.activeId) focusRendered(active);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, as the table appears
  }, []);

  // The rows change under the focused row (a search answer, a handover, a colleague's change): the focus
  // follows the same client to where the row is now; when the client has left the list, it stays in the
  // list at the same place rather than falling out of the page.
  const inGrid = useRef(false);
  useLayoutEffect(() => {
    if (!focusedId || rows.length === 0) return;
    const found = rows.findIndex((r) => r.id === focusedId);
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (lost && inGrid.current) moveTo(found >= 0 ? found : Math.min(active, rows.length - 1));
    else if (found >= 0 && found !== active) setActive(found);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the rows change
  }, [rows]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>, index: number) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: rows.length - 1,
    };
    const target = moves[event.key];
    const row = rows[index];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
    } else if (event.key === 'Enter' && row) {
      event.preventDefault();
      navigate({ page: 'client', id: row.id });
    } else if (event.key === ' ' && row && event.target === event.currentTarget) {
      event.preventDefault();
      select(row, event.shiftKey);
    } else if (event.key.toLowerCase() === 'n' && !event.ctrlKey && !event.metaKey && !event.altKey && row) {
      event.preventDefault();
      setNoteFor(row);
    }
  };

  return (
    <>
      <div
        role="grid"
        className="caseload-grid"
        aria-labelledby={labelledBy}
        aria-rowcount={rows.length + 1}
        aria-colcount={columns.length}
        aria-multiselectable="true"
      >
        <div role="rowgroup">
          <div role="row" aria-rowindex={1} className="grid-row grid-head" style={template}>
            {columns.map((column, i) => {
              const label = t(`caseload.columns.${column.id}`);
              if (column.id === 'select')
                return (
                  <div key={column.id} role="columnheader" aria-colindex={i + 1} className="grid-cell">
                    <SelectAll rows={rows} selected={selected} selection={selection} />
                  </div>
                );
              const id = column.id;
              const at = sort.findIndex((key) => key.column === id);
              const key = sort[at];
              return (
                <div
                  key={column.id}
                  role="columnheader"
                  aria-colindex={i + 1}
                  aria-sort={key ? key.direction : 'none'}
                  className={`grid-cell head-${column.id}`}
                >
                  <button
                    type="button"
                    className="sort-button"
                    onClick={(e: MouseEvent) => onSort(id, e.shiftKey)}
                    title={t('caseload.sortBy', { column: label })}
                  >
                    <span className="sort-label">{label}</span>
                    {key && (
                      <span className="sort-mark">
                        <span aria-hidden="true">{key.direction === 'ascending' ? '▲' : '▼'}</span>
                        {/* With two keys, which one decides first: 1 and 2 beside the arrows, in words for screen readers. */}
                        {sort.length > 1 && (
                          <>
                            <span aria-hidden="true">{at + 1}</span>
                            <span className="visually-hidden">{t('caseload.sortOrder', { order: at + 1 })}</span>
                          </>
                        )}
                      </span>
                    )}
                  </button>
                </div>
              );
            })}
          </div>
        </div>
        <div
          role="rowgroup"
          ref={scrollRef}
          className="grid-body"
          style={{ minWidth: tracks.minWidth }}
          onScroll={(e) => onMove({ scrollTop: e.currentTarget.scrollTop, activeId: focusedId })}
        >
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index];
              if (!row) return null;
              return (
                <div
                  key={row.id}
                  role="row"
                  data-index={item.index}
                  aria-rowindex={item.index + 2}
                  tabIndex={item.index === activeIndex ? 0 : -1}
                  aria-selected={selected.has(row.id)}
                  className={`grid-row${row.overdueCount > 0 ? ' has-overdue' : ''}`}
                  style={{
                    ...template,
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    right: 0,
                    height: ROW_HEIGHT,
                    transform: `translateY(${item.start}px)`,
                  }}
                  onKeyDown={(e) => onKeyDown(e, item.index)}
                  onFocus={() => {
                    inGrid.current = true;
                    setActive(item.index);
                    setFocusedId(row.id);
                    onMove({ scrollTop: scrollRef.current?.scrollTop ?? 0, activeId: row.id });
                  }}
                  onBlur={(e) => {
                    // Focus taken elsewhere on purpose; a row that moved blurs with no target.
                    if (e.relatedTarget && !scrollRef.current?.contains(e.relatedTarget)) inGrid.current = false;
                  }}
                  onMouseDown={(e) => e.shiftKey && e.preventDefault()}
                  onClick={(e) => (e.shiftKey ? select(row, true) : navigate({ page: 'client', id: row.id }))}
                >
                  {columns.map((column, i) => (
                    <div
                      key={column.id}
                      role="gridcell"
                      aria-colindex={i + 1}
                      className={`grid-cell cell-${column.id}`}
                    >
                      {column.id === 'select' ? (
                        <SelectBox
                          checked={selected.has(row.id)}
                          label={t('caseload.selectRow', {
                            name: ctx.pseudonyms ? row.pseudonym : `${row.firstName} ${row.lastName}`,
                          })}
                          onSelect={(range) => select(row, range)}
                        />
                      ) : (
                        <Cell column={column.id} row={row} ctx={ctx} />
                      )}
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        </div>
      </div>
      <p role="status" className="visually-hidden">
        {status}
      </p>
      {noteFor && (
        <NoteEditor
          target={{ kind: 'client', clientId: noteFor.id, name: `${noteFor.firstName} ${noteFor.lastName}` }}
          onClose={() => setNoteFor(null)}
          onSaved={() => {
            setNoteFor(null);
            setStatus(t('notes.saved'));
          }}
        />
      )}
    </>
  );
}

/** One cell's content, on screen and on paper. */
export function Cell({ column, row, ctx }: { column: ColumnId; row: CaseloadRow; ctx: RowContext }) {
  const { t } = useTranslation();
  const { language } = useSession();
  switch (column) {
    case 'select':
      return null;
    case 'name':
      return (
        <>
          <span className="client-name">{ctx.pseudonyms ? row.pseudonym : `${row.lastName}, ${row.firstName}`}</span>
          {row.status === 'closed' && <span className="badge">{t('caseload.closed')}</span>}
        </>
      );
    case 'reference':
      return <span className="mono">{row.reference ?? ''}</span>;
    case 'targetGroup':
      return <>{ctx.labelOf(row.targetGroupId)}</>;
    case 'stage':
      return <>{ctx.labelOf(row.stageId)}</>;
    case 'weeks':
      return (
        <span className="number">
          {row.stageSince ? formatNumber(weeksBetween(row.stageSince, ctx.today), language) : ''}
        </span>
      );
    case 'next':
      return <>{row.nextAction?.title ?? ''}</>;
    case 'due':
      return <>{row.nextAction ? formatDate(row.nextAction.dueDate, language) : ''}</>;
    case 'overdue':
      // Text, not only colour: the count says what the red means.
      return row.overdueCount > 0 ? (
        <span className="overdue-marker">{t('caseload.overdueMarker', { count: row.overdueCount })}</span>
      ) : null;
    case 'lastScored':
      return (
        <>
          {row.lastScoredOn ? (
            formatDate(row.lastScoredOn, language)
          ) : (
            <span className="muted">{t('caseload.neverScored')}</span>
          )}
        </>
      );
    case 'scoringDue':
      if (!row.scoringDueOn || row.status !== 'active') return null;
      // Words as well as colour: "due" says what the marker means.
      return row.scoringDueOn <= ctx.today ? (
        <span className="due-marker">{t('caseload.scoringDueNow')}</span>
      ) : (
        <>{formatDate(row.scoringDueOn, language)}</>
      );
    case 'weight':
      return <span className="number">{formatNumber(ctx.stageWeight(row.stageId), language, 2)}</span>;
    case 'caseworker':
      return <>{ctx.caseworkerName(row.caseworkerId)}</>;
  }
}

/** The header's box: ticks every row the filters show, or unticks them when all are ticked. */
function SelectAll({
  rows,
  selected,
  selection,
}: {
  rows: readonly CaseloadRow[];
  selected: ReadonlySet<string>;
  selection: Selection;
}) {
  const { t } = useTranslation();
  const shown = rows.reduce((n, row) => n + (selected.has(row.id) ? 1 : 0), 0);
  const all = shown === rows.length && rows.length > 0;
  return (
    <SelectBox
      checked={all}
      mixed={shown > 0 && !all}
      inTabOrder
      label={t('caseload.selectAll', { count: rows.length })}
      onSelect={() =>
        selection.setAll(
          rows.map((row) => row.id),
          !all,
        )
      }
    />
  );
}
