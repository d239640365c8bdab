import { useCallback, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseloadRow } from '../../../main/contract';
import { describeError } from '../errors';
import { formatDate } from '../format';
import { useSession } from '../session';
import { CheckboxField, ErrorSummary, TextField } from '../ui/fields';
import { useRemote } from '../useRemote';
import { Presentation } from './Presentation';
import './presentation.css';

/** The team meeting: pick clients from the caseload, then present them one by one. */
export function MeetingPage() {
  const { t } = useTranslation();
  const session = useSession();
  const titleId = useId();
  // Key persons lead the meeting for the whole team; a caseworker brings their own caseload.
  const caseworkerId = session.isKeyPerson ? undefined : session.info.currentCaseworker?.id;
  const rows = useRemote('clients.list', { status: 'active', ...(caseworkerId ? { caseworkerId } : {}) }, ['clients', 'scorings', 'catalog']);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [search, setSearch] = useState('');
  const [showNames, setShowNames] = useState(false);
  const [status, setStatus] = useState('');
  const [presenting, setPresenting] = useState<readonly CaseloadRow[] | null>(null);
  const startRef = useRef<HTMLButtonElement>(null);

  const visible = useMemo(() => {
    const needle = search.trim().toLocaleLowerCase();
    return (rows.data ?? []).filter((row) => !needle || `${row.firstName} ${row.lastName} ${row.pseudonym}`.toLocaleLowerCase().includes(needle));
  }, [rows.data, search]);

  const leave = useCallback(() => {
    setPresenting(null);
    // After the list is back on screen.
    requestAnimationFrame(() => startRef.current?.focus());
  }, []);

  if (presenting) return <Presentation clients={presenting} showNames={showNames} onLeave={leave} />;

  const toggle = (id: string, on: boolean) => {
    setStatus('');
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  };
  const selectDue = () => {
    const due = (rows.data ?? []).filter((row) => row.status === 'active' && row.scoringDueOn !== null && row.scoringDueOn <= session.info.today);
    setSelected(new Set(due.map((row) => row.id)));
    setStatus(due.length === 0 ? t('presentation.list.noneDue') : t('presentation.list.dueSelected', { count: due.length }));
  };
  const chosen = (rows.data ?? []).filter((row) => selected.has(row.id));
  const start = () => {
    if (chosen.length === 0) {
      setStatus(t('presentation.nothingSelected'));
      return;
    }
    setStatus('');
    setPresenting(chosen);
  };

  return (
    <section className="meeting-page" aria-labelledby={titleId}>
      <div className="page-heading">
        <h1 id={titleId}>{t('nav.meeting')}</h1>
      </div>
      <p className="hint page-intro">{t('presentation.intro')}</p>
      {!rows.data ? (
        rows.error ? <ErrorSummary message={describeError(t, rows.error).summary} /> : <p className="loading">{t('app.loading')}</p>
      ) : (
        <div className="panel">
          <h2>{t('presentation.list.title')}</h2>
          <div className="meeting-toolbar">
            <TextField className="search-field" label={t('presentation.list.search')} name="search" type="search" value={search} onChange={setSearch} />
            <div className="meeting-buttons">
              <button type="button" onClick={selectDue} aria-describedby={`${titleId}-due`}>
                {t('presentation.list.dueForDiscussion')}
              </button>
              <button type="button" className="link-button" onClick={() => setSelected(new Set())} disabled={selected.size === 0}>
                {t('presentation.list.clear')}
              </button>
            </div>
          </div>
          <p id={`${titleId}-due`} className="hint">
            {t('presentation.list.dueHint')}
          </p>
          {rows.data.length === 0 ? (
            <p className="empty">{t('presentation.list.empty')}</p>
          ) : visible.length === 0 ? (
            <p className="empty">{t('presentation.list.noMatch')}</p>
          ) : (
            <ul className="meeting-list">
              {visible.map((row) => (
                <li key={row.id}>
                  <input
                    id={`${titleId}-${row.id}`}
                    type="checkbox"
                    checked={selected.has(row.id)}
                    onChange={(e) => toggle(row.id, e.target.checked)}
                  />
                  <label htmlFor={`${titleId}-${row.id}`}>
                    <span className="meeting-name">
                      {row.firstName} {row.lastName}
                    </span>
                    <span className="pseudonym">{row.pseudonym}</span>
                    {row.scoringDueOn !== null && row.scoringDueOn <= session.info.today && (
                      <span className="badge">
                        {t('presentation.list.due')} {formatDate(row.scoringDueOn, session.language, 'short')}
                      </span>
                    )}
                  </label>
                </li>
              ))}
            </ul>
          )}
          <p className="count">{t('presentation.list.selected', { count: selected.size })}</p>
          <CheckboxField label={t('presentation.showNames')} name="showNames" checked={showNames} onChange={setShowNames} hint={t('presentation.showNamesHint')} />
          <button type="button" ref={startRef} onClick={start}>
            {t('presentation.start')}
          </button>
          <p role="status" className="saved">
            {status}
          </p>
        </div>
      )}
    </section>
  );
}
