import { useTranslation } from 'react-i18next';
import type { CaseloadColumnId } from '../../../common/contract/caseload-view';
import { useMutate } from '../query';
import type { ActionState } from '../ui/useAction';

/**
 * "Export to Excel" and "Export as CSV": the caseload as shown — these rows in this order, the columns shown
 * in theirs. Main reads the rows again by id; what it saved (or why not) is said in `outcome`'s status line.
 */
export function CaseloadExport({
  columns,
  clientIds,
  pseudonyms,
  outcome,
}: {
  columns: readonly CaseloadColumnId[];
  clientIds(): string[];
  pseudonyms: boolean;
  outcome: ActionState;
}) {
  const { t } = useTranslation();
  const exporting = useMutate('exports.caseloadView');
  return (['xlsx', 'csv'] as const).map((fileType) => (
    <button
      key={fileType}
      type="button"
      className="secondary"
      disabled={exporting.isPending}
      onClick={() =>
        void outcome.perform(async () => {
          const { path, rows } = await exporting.mutateAsync({
            fileType,
            columns: [...columns],
            clientIds: clientIds(),
            pseudonyms,
          });
          return path ? t('caseload.exported', { count: rows, path }) : t('caseload.notExported');
        })
      }
    >
      {t(`caseload.export.${fileType}`)}
    </button>
  ));
}
