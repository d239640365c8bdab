import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../format';
import { useSession } from '../session';
import type { Column, ColumnId } from './columns';

/** The grid's type (styles.css: `.caseload-grid` 0.95rem, its header 0.85em of that, semi-bold). */
const CELL_EM = 0.95;
const HEAD_EM = CELL_EM * 0.85;
/** A cell's padding on both sides and the header's sort mark ("▲2" and its gap), in rem. */
const PADDING_REM = 0.9 + 0.1;
const MARK_EM = 1.5;

let canvas: CanvasRenderingContext2D | null | undefined;
function textWidth(text: string, font: string): number {
  canvas ??= document.createElement('canvas').getContext('2d');
  if (!canvas) return 0;
  canvas.font = font;
  return canvas.measureText(text).width;
}

/**
 * The grid's column tracks: each column at least as wide as its header's longest word (headers wrap
 * between words, never inside one) and its status texts in this language ("◆ nu scoren", "28. sep. 25"),
 * so neither is cut off; what is left goes to the columns that grow. Measured once per language and
 * column set, not per row. Also the total of the minimum widths: narrower windows scroll sideways.
 */
export function useColumnTracks(columns: readonly Column[]): { template: string; minWidth: number } {
  const { t } = useTranslation();
  const { language, info } = useSession();
  return useMemo(() => {
    const root = getComputedStyle(document.documentElement);
    const rem = parseFloat(root.fontSize) || 16;
    const family = root.fontFamily;
    const head = `600 ${HEAD_EM * rem}px ${family}`;
    const cell = `400 ${CELL_EM * rem}px ${family}`;
    const bold = `600 ${CELL_EM * rem}px ${family}`;
    // The widest short date: a day in each month of another year (the year shows then).
    const year = Number(info.today.slice(0, 4)) - 1;
    const dates = Array.from({ length: 12 }, (_, m) =>
      formatDate(`${year}-${String(m + 1).padStart(2, '0')}-28`, language),
    );
    const widest = (texts: readonly string[], font: string) => Math.max(0, ...texts.map((x) => textWidth(x, font)));
    const statusTexts: Partial<Record<ColumnId, () => number>> = {
      due: () => widest(dates, cell),
      lastScored: () => Math.max(widest(dates, cell), widest([t('caseload.neverScored')], cell)),
      scoringDue: () => Math.max(widest(dates, cell), widest([`◆ ${t('caseload.scoringDueNow')}`], bold)),
      overdue: () => widest([`● ${t('caseload.overdueMarker', { count: 10 })}`], cell),
    };
    const widths = columns.map((column) => {
      // The tick-box column's header is a tick box, not words.
      if (column.id === 'select') return Math.ceil(column.min * rem);
      const words = t(`caseload.columns.${column.id}`).split(/\s+/);
      const header = widest(words, head) + MARK_EM * HEAD_EM * rem;
      const status = statusTexts[column.id]?.() ?? 0;
      return Math.ceil(Math.max(column.min * rem, Math.max(header, status) + PADDING_REM * rem));
    });
    return {
      template: columns
        .map((column, i) => (column.grow > 0 ? `minmax(${widths[i]}px, ${column.grow}fr)` : `${widths[i]}px`))
        .join(' '),
      minWidth: widths.reduce((sum, w) => sum + w, 0),
    };
  }, [columns, language, info.today, t]);
}
