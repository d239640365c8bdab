import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scoring } from '../../../common/contract';
import { formatDate } from '../format';
import { href, navigate } from '../router';
import { useSession } from '../session';
import { Loading } from '../ui/Loading';
import { remote } from '../query';
import { Comparison } from './Comparison';
import { Goals } from './Goals';
import { findComparison, levelText } from './logic';
import { useRaterName } from './rater';
import './scoring.css';

/** Older scorings wait behind a button: a long history should not push the timeline away. */
const SHOWN_AT_FIRST = 5;

/** The client page's scoring section: score now, the raters of the latest period side by side, the history, goals. */
export function ScoringHistory({ clientId, readOnly = false }: { clientId: string; readOnly?: boolean }) {
  const { t } = useTranslation();
  const titleId = useId();
  // Sheets too: a renamed sheet shows its new name.
  const query = useQuery(remote('scorings.list', { clientId }));
  const scorings = query.data;
  const period = scorings ? findComparison(scorings) : null;

  return (
    <section className="panel scoring-history" aria-labelledby={titleId}>
      <div className="panel-heading">
        <h2 id={titleId}>{t('scoring.history')}</h2>
        {!readOnly && (
          <button type="button" onClick={() => navigate({ page: 'score', clientId })}>
            {t('scoring.scoreNow')}
          </button>
        )}
      </div>
      <div className="scoring-columns">
        <div>
          {period && <Comparison period={period} />}
          {scorings ? <ScoringList scorings={scorings} /> : <Loading of={query} />}
        </div>
        <Goals clientId={clientId} latest={scorings?.[0]} readOnly={readOnly} />
      </div>
    </section>
  );
}

function ScoringList({ scorings }: { scorings: readonly Scoring[] }) {
  const { t } = useTranslation();
  const [showAll, setShowAll] = useState(false);
  if (scorings.length === 0) return <p className="muted">{t('scoring.noScorings')}</p>;
  return (
    <>
      <ol className="scoring-list">
        {(showAll ? scorings : scorings.slice(0, SHOWN_AT_FIRST)).map((scoring) => (
          <ScoringEntry key={scoring.id} scoring={scoring} />
        ))}
      </ol>
      {!showAll && scorings.length > SHOWN_AT_FIRST && (
        <button type="button" className="link-button" onClick={() => setShowAll(true)}>
          {t('scoring.showAll', { total: scorings.length })}
        </button>
      )}
    </>
  );
}

function ScoringEntry({ scoring }: { scoring: Scoring }) {
  const { t } = useTranslation();
  const { language, mayManage } = useSession();
  const raterName = useRaterName();
  const date = formatDate(scoring.date, language);
  const sheet = t('scoring.sheetVersion', { sheet: scoring.sheetName, number: scoring.versionNumber });
  return (
    <li className="scoring-entry">
      <div className="scoring-entry-head">
        <h3>
          <time dateTime={scoring.date}>{date}</time> ·{' '}
          {/* Whoever keeps the sheets can open the one scored on (an imported one too). */}
          {mayManage ? <a href={href({ page: 'sheet', id: scoring.sheetId })}>{sheet}</a> : sheet}
        </h3>
        <span className="scoring-by">
          {raterName(scoring)}
          {scoring.edited && ` ${t('scoring.edited')}`}
        </span>
        <a
          href={href({ page: 'score', clientId: scoring.clientId, scoringId: scoring.id })}
          aria-label={t('scoring.editLabel', { date })}
        >
          {t('scoring.edit')}
        </a>
      </div>
      <dl className="scores">
        {scoring.scores.map((score) => (
          <div key={score.indicatorId}>
            <dt>{score.indicatorName}</dt>
            <dd>
              {score.value === null ? (
                <span className="muted">{t('scoring.notScored')}</span>
              ) : (
                levelText(score.value, score.label)
              )}
              {score.comment && <span className="score-comment">{score.comment}</span>}
            </dd>
          </div>
        ))}
      </dl>
    </li>
  );
}
