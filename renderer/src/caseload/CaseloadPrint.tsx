import { useTranslation } from 'react-i18next';
import type { CaseloadRow } from '../../../common/contract';
import { Cell } from './CaseloadTable';
import type { Column, RowContext } from './columns';

/**
 * The caseload on paper: every row the filters let through (the grid on screen holds only those in view),
 * with the columns shown, in their order. Rendered only while printing.
 */
export function CaseloadPrint({
  rows,
  columns,
  ctx,
  filters,
}: {
  rows: readonly CaseloadRow[];
  columns: readonly Column[];
  ctx: RowContext;
  /** The filters in effect, in words: a printout says what it lists. */
  filters: readonly string[];
}) {
  const { t } = useTranslation();
  return (
    <div className="caseload-print">
      {filters.length > 0 && <p>{t('caseload.print.filters', { filters: filters.join(' · ') })}</p>}
      <table>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.id} scope="col">
                {t(`caseload.columns.${column.id}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              {columns.map((column) =>
                column.id === 'name' ? (
                  <th key={column.id} scope="row">
                    <Cell column={column.id} row={row} ctx={ctx} />
                  </th>
                ) : (
                  <td key={column.id} className={`cell-${column.id}`}>
                    <Cell column={column.id} row={row} ctx={ctx} />
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
