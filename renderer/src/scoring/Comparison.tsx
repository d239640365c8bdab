import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scoring } from '../../../common/contract';
import { formatDate } from '../format';
import { useSession } from '../session';
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
      <table>
        <caption>
          {t('scoring.compareCaption', {
            self: selfDate,
            other: `${otherDate} (${t(`scoring.by.${other.scoredBy}`)})`,
          })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('scoring.indicator')}</th>
            <th scope="col">{t('scoring.selfScore', { date: selfDate })}</th>
            <th scope="col">{t('scoring.otherScore', { by: t(`scoring.by.${other.scoredBy}`), date: otherDate })}</th>
            <th scope="col">{t('scoring.difference')}</th>
          </tr>
        </thead>
        <tbody>
          {comparisonRows(pair).map((row) => (
            <tr key={row.key} className={row.diff ? 'differs' : undefined}>
              <th scope="row">{row.name}</th>
              <td>{scoreText(row.self)}</td>
              <td>{scoreText(row.other)}</td>
              <td className="diff">{row.diff ? <strong>{diffText(row.diff)}</strong> : diffText(row.diff)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
