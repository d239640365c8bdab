import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scoring } from '../../../common/contract';
import { formatDate } from '../format';
import { useSession } from '../session';
import { DataTable } from '../ui/DataTable';
import { type Comparison as Period, type ComparisonRow, comparisonRows, levelText } from './logic';
import { useRaterName } from './rater';

type Score = Scoring['scores'][number] | undefined;

/**
 * Scorings of one period by different raters side by side (self-score, caseworker, together,
 * providers): each rater's own levels, never averaged; a difference is spelled out, not only coloured.
 */
export function Comparison({ period }: { period: Period }) {
  const { t } = useTranslation();
  const { language } = useSession();
  const raterName = useRaterName();
  const titleId = useId();
  const { scorings } = period;
  const [first, second] = scorings;
  const column = (scoring: Scoring) =>
    t('scoring.otherScore', { by: raterName(scoring), date: formatDate(scoring.date, language) });
  const scoreText = (score: Score) =>
    score?.value != null ? levelText(score.value, score.label) : t('scoring.notScored');
  const differenceText = (difference: ComparisonRow['difference']) => {
    switch (difference.kind) {
      case 'none':
        return '—';
      case 'same':
        return t('scoring.same');
      case 'delta':
        return t('scoring.delta', { diff: difference.diff > 0 ? `+${difference.diff}` : `−${-difference.diff}` });
      case 'range':
        return t('scoring.range', { min: difference.min, max: difference.max });
    }
  };
  return (
    <section className="scoring-comparison" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('scoring.compareTitle')}</h3>
      <DataTable<ComparisonRow>
        caption={t('scoring.compareCaption', {
          raters: scorings.map(column).join(', '),
          first: first ? raterName(first) : '',
          second: second ? raterName(second) : '',
        })}
        columns={[
          { key: 'indicator', header: t('scoring.indicator'), cell: (row) => row.name },
          ...scorings.map((scoring, n) => ({
            key: scoring.id,
            header: column(scoring),
            cell: (row: ComparisonRow) => scoreText(row.scores[n]),
          })),
          {
            key: 'diff',
            header: t('scoring.difference'),
            className: 'diff',
            cell: (row) =>
              row.difference.kind === 'delta' || row.difference.kind === 'range' ? (
                <strong>{differenceText(row.difference)}</strong>
              ) : (
                differenceText(row.difference)
              ),
          },
        ]}
        rows={comparisonRows(period)}
        rowKey={(row) => row.key}
        rowClassName={(row) =>
          row.difference.kind === 'delta' || row.difference.kind === 'range' ? 'differs' : undefined
        }
      />
    </section>
  );
}
