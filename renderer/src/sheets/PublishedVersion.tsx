import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SheetVersion } from '../../../common/contract';
import { formatDate } from '../format';
import { useSession } from '../session';

/** A published version, read-only: what caseworkers score on. */
export function PublishedVersion({ version, autoFocus }: { version: SheetVersion; autoFocus: boolean }) {
  const { t } = useTranslation();
  const session = useSession();
  const titleId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);

  // After publishing, the editor that held the focus is gone: continue from here.
  useEffect(() => {
    if (autoFocus) headingRef.current?.focus();
  }, [autoFocus]);

  return (
    <section className="panel published-version" aria-labelledby={titleId}>
      <h2 id={titleId} ref={headingRef} tabIndex={-1}>
        {t('sheets.sheet.publishedTitle', {
          number: version.number,
          date: version.publishedAt ? formatDate(version.publishedAt, session.language) : '',
        })}
      </h2>
      <p className="hint">{t('sheets.sheet.readOnly')}</p>
      <ol className="indicator-list">
        {version.indicators.map((indicator) => (
          <li key={indicator.id} className="indicator-view">
            <h3>{indicator.name}</h3>
            {indicator.description && <p>{indicator.description}</p>}
            <p className="hint">{t('sheets.sheet.scale', { min: indicator.scaleMin, max: indicator.scaleMax })}</p>
            <LevelTableFrame name={indicator.name}>
              {indicator.levels.map((level) => (
                <tr key={level.value}>
                  <th scope="row" className="level-value">
                    {level.value}
                  </th>
                  <td className="level-label">{level.label}</td>
                  <td>{level.description}</td>
                </tr>
              ))}
            </LevelTableFrame>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The levels of one indicator as a table: value, label, description (shared by the editor). */
export function LevelTableFrame({ name, children }: { name: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <table className="level-table">
      <caption className="visually-hidden">{t('sheets.sheet.levelsOf', { name })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('sheets.editor.levelValue')}</th>
          <th scope="col">{t('sheets.editor.levelLabel')}</th>
          <th scope="col">{t('sheets.editor.levelDescription')}</th>
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
