import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scoring } from '../../../common/contract';
import { formatDate } from '../format';
import { useSession } from '../session';
import { DataTable } from '../ui/DataTable';
import { type Comparison as Pair, comparisonRows, levelText } from './logic';

type Score = Scoring['scores'][number] | undefined;

/** A self-score and a caseworker's score side by side; a difference is spelled out, not only coloured. */
export function Comparison({ pair }: { pair: Pair }) {
  const { t } = useTranslation();
  const { language } = useSession();
  const titleId = useId();
  const { self, other } = pair;
  const selfDate = formatDate(self.date, language);
  const otherDate = formatDate(other.date, language);
  const scoreText = (score: Score) =>
    score?.value != null ? levelText(score.value, score.label) : t('scoring.notScored');
  const diffText = (diff: number | null) => {
    if (diff === null) return '—';
    if (diff === 0) return t('scoring.same');
    return t('scoring.delta', { diff: diff > 0 ? `+${diff}` : `−${-diff}` });
  };
  return (
    <section className="scoring-comparison" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('scoring.compareTitle')}</h3>
      <DataTable
        caption={t('scoring.compareCaption', {
          self: selfDate,
          other: `${otherDate} (${t(`scoring.by.${other.scoredBy}`)})`,
        })}
        columns={[
          { key: 'indicator', header: t('scoring.indicator'), cell: (row) => row.name },
          { key: 'self', header: t('scoring.selfScore', { date: selfDate }), cell: (row) => scoreText(row.self) },
          {
            key: 'other',
            header: t('scoring.otherScore', { by: t(`scoring.by.${other.scoredBy}`), date: otherDate }),
            cell: (row) => scoreText(row.other),
          },
          {
            key: 'diff',
            header: t('scoring.difference'),
            className: 'diff',
            cell: (row) => (row.diff ? <strong>{diffText(row.diff)}</strong> : diffText(row.diff)),
          },
        ]}
        rows={comparisonRows(pair)}
        rowKey={(row) => row.key}
        rowClassName={(row) => (row.diff ? 'differs' : undefined)}
      />
    </section>
  );
}
