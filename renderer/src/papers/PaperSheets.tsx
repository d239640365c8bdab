import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../common/contract';
import { type Language, textDirection } from '../../../common/languages';
import { clientModeTexts, type ClientModeTexts } from '../client-mode/texts';
import { formatDate } from '../format';
import { remote } from '../query';
import './paper.css';

type Paper = Output<'papers.batch'>['papers'][number];

/** Tells whoever prints this page (Electron's hidden window, or a test) that it is complete. */
function markReady(state: 'true' | 'failed') {
  document.documentElement.dataset.ready = state;
}

/**
 * One A4 page per client for the home visit: the sheet in the client's language, the previous level
 * and the goal marked, boxes to tick, room for comments, the name or pseudonym, and the code that
 * names client, version and date for the quick entry afterwards. Printed to PDF by a hidden window.
 */
export function PaperSheets({ batchId }: { batchId: string }) {
  const { i18n } = useTranslation();
  const query = useQuery(remote('papers.batch', { batchId }));
  const koersLanguage: Language = i18n.language === 'nl' || i18n.language === 'da' ? i18n.language : 'en';

  useEffect(() => {
    document.documentElement.classList.add('paper-page');
    return () => document.documentElement.classList.remove('paper-page');
  }, []);
  useEffect(() => {
    if (query.isError) markReady('failed');
    else if (query.data) markReady('true');
  }, [query.isError, query.data]);

  if (!query.data) return null;
  return (
    <>
      {query.data.papers.map((paper) => (
        <PaperSheet key={paper.code} paper={paper} koersLanguage={koersLanguage} />
      ))}
    </>
  );
}

function PaperSheet({ paper, koersLanguage }: { paper: Paper; koersLanguage: Language }) {
  const { language, texts } = clientModeTexts(paper.clientLanguage, koersLanguage);
  const words: ClientModeTexts['paper'] = texts.paper;
  const dateLanguage: Language = language === 'nl' || language === 'da' ? language : koersLanguage;
  const content = { lang: paper.textLanguage ?? language, dir: paper.direction };
  return (
    <article className="paper-sheet" lang={language} dir={textDirection(language)}>
      <header className="paper-header">
        <div>
          <h1 {...content}>{paper.sheetName}</h1>
          <p>
            {words.for}: <strong>{paper.who}</strong> · {words.date}: {formatDate(paper.printedOn, dateLanguage)}
          </p>
        </div>
        <p className="paper-code">
          {words.code}
          <strong dir="ltr">{paper.code}</strong>
        </p>
      </header>
      <p className="paper-instructions">{words.instructions}</p>
      {paper.indicators.map((indicator) => (
        <section
          key={indicator.name}
          className="paper-indicator"
          lang={indicator.textLanguage ?? language}
          dir={indicator.direction}
        >
          <h2>{indicator.name}</h2>
          {indicator.description && <p className="paper-description">{indicator.description}</p>}
          <table>
            <tbody>
              {indicator.levels.map((level) => (
                <tr key={level.value}>
                  <td className="paper-box" aria-hidden="true">
                    ☐
                  </td>
                  <th scope="row">{level.value}</th>
                  <td>
                    <strong>{level.label}</strong>
                    {level.description && <span className="paper-level-description"> — {level.description}</span>}
                  </td>
                  <td className="paper-marks" lang={language} dir={textDirection(language)}>
                    {[
                      level.value === indicator.previous ? `◀ ${words.previous}` : null,
                      level.value === indicator.goal ? `★ ${words.goal}` : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="paper-comments" lang={language} dir={textDirection(language)}>
            {words.comments}:
          </p>
        </section>
      ))}
      <footer className="paper-footer">
        <p>
          {words.filledInBy}: ☐ {words.client} ☐ {words.caseworker} ☐ {words.together}
        </p>
        <p className="paper-hint">{words.page}</p>
      </footer>
    </article>
  );
}
