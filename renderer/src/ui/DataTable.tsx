import type { ReactNode } from 'react';
import './ui.css';

/** A cell that also covers the next columns ("not enough data" across four figures); their cells are not drawn. */
export class Spanning {
  constructor(
    readonly columns: number,
    readonly content: ReactNode,
  ) {}
}

/** One column: its heading and how a row fills its cell. */
export interface Column<Row> {
  /** Unique in the table. */
  key: string;
  header: ReactNode;
  cell(row: Row): ReactNode | Spanning;
  /** Figures: right-aligned, in tabular digits. */
  numeric?: boolean;
  className?: string;
}

/** Every table has a name: a label, a heading it is labelled by, or its own caption. */
type Name = { label: string } | { labelledBy: string } | { caption: ReactNode };

/**
 * A table of rows: column headings, the first cell of a row naming it for screen readers
 * (th scope=row), optional footer rows (totals) and a message instead of an empty table.
 */
export function DataTable<Row>(
  props: Name & {
    /** Conditional columns may be left out with `false`. */
    columns: ReadonlyArray<Column<Row> | false>;
    rows: readonly Row[];
    rowKey(row: Row): string | number;
    /** Shown instead of the table when there are no rows; without it an empty table is drawn. */
    empty?: string;
    footer?: readonly Row[];
    /** False when no column names the row (a log where every cell is equal). */
    rowHeaders?: boolean;
    rowClassName?(row: Row): string | undefined;
    className?: string;
  },
) {
  const { rows, rowKey, empty, footer, rowHeaders = true, rowClassName, className } = props;
  const columns = props.columns.filter((column): column is Column<Row> => column !== false);
  if (empty !== undefined && rows.length === 0) return <p className="empty">{empty}</p>;
  const name =
    'label' in props
      ? { 'aria-label': props.label }
      : 'labelledBy' in props
        ? { 'aria-labelledby': props.labelledBy }
        : {};
  const row = (item: Row) => {
    const cells: ReactNode[] = [];
    let covered = 0; // columns still covered by a Spanning cell to their left
    columns.forEach((column, i) => {
      if (covered > 0) {
        covered--;
        return;
      }
      const filled = column.cell(item);
      const span = filled instanceof Spanning ? filled.columns : 1;
      covered = span - 1;
      const Cell = i === 0 && rowHeaders ? 'th' : 'td';
      cells.push(
        <Cell
          key={column.key}
          scope={Cell === 'th' ? 'row' : undefined}
          className={[column.numeric && 'number-cell', column.className].filter(Boolean).join(' ') || undefined}
          colSpan={span > 1 ? span : undefined}
        >
          {filled instanceof Spanning ? filled.content : filled}
        </Cell>,
      );
    });
    return (
      <tr key={rowKey(item)} className={rowClassName?.(item)}>
        {cells}
      </tr>
    );
  };
  return (
    <table className={['data-table', className].filter(Boolean).join(' ')} {...name}>
      {'caption' in props && <caption>{props.caption}</caption>}
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.key} scope="col" className={column.numeric ? 'number-cell' : undefined}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{rows.map(row)}</tbody>
      {footer && footer.length > 0 && <tfoot>{footer.map(row)}</tfoot>}
    </table>
  );
}

/** A row's action: a short word on the button, and the whole "Rename Wajong" for screen readers. */
export function RowAction({
  children,
  label,
  onClick,
  disabled,
}: {
  children: ReactNode;
  /** The accessible name, naming the row: many rows have a button with the same word. */
  label: string;
  onClick(): void;
  disabled?: boolean;
}) {
  return (
    <button type="button" className="link-button" aria-label={label} onClick={onClick} disabled={disabled}>
      {children}
    </button>
  );
}
