import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CaseloadRow } from '../../../common/contract';
import { foldName } from '../../../common/fold';
import type { Display, PresentationState } from '../../../common/contract/presentation';
import { describeError } from '../errors';
import { formatDate } from '../format';
import { useSession } from '../session';
import { CheckboxField, ErrorSummary, SelectField, TextField } from '../ui/fields';
import { Loading } from '../ui/Loading';
import { remote, useMutate } from '../query';
import { Presentation, usePresenterKeys } from './Presentation';
import { usePresenterControls, usePresentationState } from './usePresentationState';
import './presentation.css';
import { Page } from '../ui/Page';
import { DataAsOf } from '../sync/DataAsOf';

/** The team meeting: pick clients from the caseload, then present them one by one. */
export function MeetingPage() {
  const { t } = useTranslation();
  const startPresentation = useMutate('presentation.start');
  const addToList = useMutate('meeting.add');
  const removeFromList = useMutate('meeting.remove');
  const session = useSession();
  const titleId = useId();
  // Key persons lead the meeting for the whole team; a caseworker brings their own caseload.
  const caseworkerId = session.isKeyPerson ? undefined : session.info.currentCaseworker?.id;
  const rows = useQuery(remote('clients.list', { status: 'active', ...(caseworkerId ? { caseworkerId } : {}) }));
  // The meeting list is kept in main (the caseload puts clients on it); once ticked here, this page's own
  // choices show at once and are written through.
  const listed = useQuery(remote('meeting.list', {}));
  const [edited, setEdited] = useState<ReadonlySet<string> | null>(null);
  const selected = useMemo(() => edited ?? new Set(listed.data ?? []), [edited, listed.data]);
  const [caseworkerFilter, setCaseworkerFilter] = useState('');
  const [search, setSearch] = useState('');
  const [showNames, setShowNames] = useState(false);
  const [status, setStatus] = useState('');
  const [presenting, setPresenting] = useState<readonly CaseloadRow[] | null>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  // Asked again whenever a display is plugged in or out (followMain).
  const connected = useQuery(remote('presentation.displays', {}));
  const displays = connected.data ?? [];
  const presentation = usePresentationState();
  const elsewhere = presentation.data;
  // However a presentation elsewhere ends (here, or Esc in the room), focus returns to the list.
  const wasElsewhere = useRef(false);
  useEffect(() => {
    if (elsewhere) wasElsewhere.current = true;
    else if (elsewhere === null && wasElsewhere.current) {
      wasElsewhere.current = false;
      startRef.current?.focus();
    }
  }, [elsewhere]);

  // A key person leading the meeting can take one caseworker's clients at a time.
  const inScope = useMemo(
    () => (rows.data ?? []).filter((row) => !caseworkerFilter || row.caseworkerId === caseworkerFilter),
    [rows.data, caseworkerFilter],
  );
  const visible = useMemo(() => {
    const needle = foldName(search.trim());
    return inScope.filter(
      (row) => !needle || foldName(`${row.firstName} ${row.lastName} ${row.pseudonym}`).includes(needle),
    );
  }, [inScope, search]);

  const leave = useCallback(() => {
    setPresenting(null);
    // After the list is back on screen.
    requestAnimationFrame(() => startRef.current?.focus());
  }, []);

  if (presenting) return <Presentation clients={presenting} showNames={showNames} onLeave={leave} />;
  if (elsewhere) return <PresenterView state={elsewhere} rows={rows.data ?? []} displays={displays} />;

  /** Ticks and unticks here at once, and on the kept meeting list. */
  const change = (add: readonly string[], remove: readonly string[]) => {
    const next = new Set(selected);
    add.forEach((id) => next.add(id));
    remove.forEach((id) => next.delete(id));
    setEdited(next);
    // Refused: the page shows the kept list again, and why.
    const refused = (error: unknown) => {
      setEdited(null);
      setStatus(describeError(t, error).summary);
    };
    if (add.length > 0) addToList.mutateAsync({ ids: [...add] }).catch(refused);
    if (remove.length > 0) removeFromList.mutateAsync({ ids: [...remove] }).catch(refused);
  };
  const toggle = (id: string, on: boolean) => {
    setStatus('');
    change(on ? [id] : [], on ? [] : [id]);
  };
  const selectDue = () => {
    const due = inScope.filter(
      (row) => row.status === 'active' && row.scoringDueOn !== null && row.scoringDueOn <= session.info.today,
    );
    const dueIds = new Set(due.map((row) => row.id));
    change(
      [...dueIds].filter((id) => !selected.has(id)),
      inScope.filter((row) => selected.has(row.id) && !dueIds.has(row.id)).map((row) => row.id),
    );
    setStatus(
      due.length === 0 ? t('presentation.list.noneDue') : t('presentation.list.dueSelected', { count: due.length }),
    );
  };
  const chosen = inScope.filter((row) => selected.has(row.id));
  const start = (display?: Display) => {
    if (chosen.length === 0) {
      setStatus(t('presentation.nothingSelected'));
      return;
    }
    setStatus('');
    if (!display) setPresenting(chosen);
    else
      startPresentation
        .mutateAsync({ clientIds: chosen.map((row) => row.id), showNames, displayId: display.id })
        .catch((error: unknown) => setStatus(describeError(t, error).summary));
  };
  // Another screen is offered as soon as one is connected: a projector, a meeting-room TV.
  const others = displays.filter((d) => !d.current);

  return (
    <Page className="meeting-page" title={t('nav.meeting')} intro={t('presentation.intro')}>
      <DataAsOf />
      {!rows.data ? (
        <Loading of={rows} />
      ) : (
        <div className="panel">
          <h2>{t('presentation.list.title')}</h2>
          <p className="hint">{t('presentation.list.kept')}</p>
          <div className="meeting-toolbar">
            {session.isKeyPerson && (
              <SelectField
                label={t('presentation.list.caseworker')}
                name="caseworker"
                value={caseworkerFilter}
                onChange={setCaseworkerFilter}
                empty={t('presentation.list.allCaseworkers')}
                options={session.caseworkers.map((w) => ({ value: w.id, label: w.name }))}
              />
            )}
            <TextField
              className="search-field"
              label={t('presentation.list.search')}
              name="search"
              type="search"
              value={search}
              onChange={setSearch}
            />
            <div className="meeting-buttons">
              <button type="button" onClick={selectDue} aria-describedby={`${titleId}-due`}>
                {t('presentation.list.selectDue')}
              </button>
              <button
                type="button"
                className="link-button"
                onClick={() =>
                  change(
                    [],
                    chosen.map((row) => row.id),
                  )
                }
                disabled={chosen.length === 0}
              >
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
                        {t('presentation.list.due')} {formatDate(row.scoringDueOn, session.language)}
                      </span>
                    )}
                  </label>
                </li>
              ))}
            </ul>
          )}
          <p className="count">{t('presentation.list.selected', { count: chosen.length })}</p>
          <CheckboxField
            label={t('presentation.showNames')}
            name="showNames"
            checked={showNames}
            onChange={setShowNames}
            hint={t('presentation.showNamesHint')}
          />
          <div className="meeting-start">
            <button type="button" ref={startRef} onClick={() => start()}>
              {others.length > 0 ? t('presentation.startHere') : t('presentation.start')}
            </button>
            {others.map((display, n) => (
              <button key={display.id} type="button" onClick={() => start(display)}>
                {t('presentation.startOn', { display: displayName(t, display, n) })}
              </button>
            ))}
          </div>
          {others.length > 0 && <p className="hint">{t('presentation.secondDisplayHint')}</p>}
          {/* Without them Koers still presents here; that the others are unknown is said. */}
          <Loading of={connected} quiet />
          <Loading of={presentation} quiet />
          <p role="status" className="saved">
            {status}
          </p>
        </div>
      )}
    </Page>
  );
}

/** "Projector (1920 × 1080)", or "Display 2 (…)" when the OS gives no name. */
function displayName(t: TFunction, display: Display, n: number): string {
  const size = `${display.width} × ${display.height}`;
  return display.label
    ? t('presentation.display', { label: display.label, size })
    : t('presentation.displayNumber', { number: n + 2, size });
}

/**
 * The laptop while the room's screen shows the presentation: the meeting list with
 * the client on screen marked, and the same keys and buttons to step or stop.
 */
function PresenterView({
  state,
  rows,
  displays,
}: {
  state: PresentationState;
  rows: readonly CaseloadRow[];
  displays: readonly Display[];
}) {
  const { t } = useTranslation();
  const byId = new Map(rows.map((row) => [row.id, row]));
  const others = displays.filter((d) => !d.current);
  const display = others.find((d) => d.id === state.displayId);
  const { move, stop, error } = usePresenterControls();
  usePresenterKeys(move, stop);
  const last = state.clientIds.length - 1;

  return (
    <Page className="meeting-page presenter-view" title={t('nav.meeting')}>
      <div className="panel">
        <h2>
          {display
            ? t('presentation.presentingOn', { display: displayName(t, display, others.indexOf(display)) })
            : t('presentation.presentingElsewhere')}
        </h2>
        <p className="hint">{t('presentation.keys')}</p>
        <ol className="presenter-list">
          {state.clientIds.map((id, n) => {
            const row = byId.get(id);
            return (
              <li key={id} aria-current={n === state.index ? 'step' : undefined}>
                <span className="meeting-name">{row ? `${row.firstName} ${row.lastName}` : ''}</span>{' '}
                <span className="pseudonym">{row?.pseudonym}</span>
                {n === state.index && <span className="badge">{t('presentation.onScreen')}</span>}
              </li>
            );
          })}
        </ol>
        <p className="count" aria-live="polite">
          {t('presentation.position', { current: state.index + 1, total: state.clientIds.length })}
        </p>
        <div className="meeting-start">
          <button type="button" onClick={() => move('previous')} disabled={state.index === 0}>
            {t('presentation.previous')}
          </button>
          <button type="button" onClick={() => move('next')} disabled={state.index >= last}>
            {t('presentation.next')}
          </button>
          <button type="button" className="secondary" onClick={stop}>
            {t('presentation.stop')}
          </button>
        </div>
        <ErrorSummary message={error} />
      </div>
    </Page>
  );
}
