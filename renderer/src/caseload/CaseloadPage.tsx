import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  type KeyboardEvent as ReactKeyboardEvent,
  useCallback,
  useDeferredValue,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { Input } from '../../../common/contract';
import type { CaseloadColumnId, CaseloadView } from '../../../common/contract/caseload-view';
import { ClientFormDialog } from '../client/ClientFormDialog';
import { formatNumber, formatPercent } from '../format';
import { useSession } from '../session';
import { CheckboxField, SelectField, TextField } from '../ui/fields';
import { Loading } from '../ui/Loading';
import { remote, useMutate } from '../query';
import { COLUMNS, isDueForScoring, type RowContext, SELECT_COLUMN, sortRows, summarize } from './columns';
import { CaseloadExport } from './CaseloadExport';
import { CaseloadPrint } from './CaseloadPrint';
import { CaseloadTable, type CaseloadTableHandle } from './CaseloadTable';
import { ColumnChooser } from './ColumnChooser';
import {
  DEFAULT_VIEW,
  FRESH_VISIT,
  leaveCaseload,
  leftCaseload,
  nextSort,
  shownColumns,
  sortColumns,
  type Visit,
} from './view-state';
import { BulkActions } from './BulkActions';
import { useNewSelection } from './selection';
import { Page } from '../ui/Page';
import { PrintButton } from '../ui/PrintButton';
import { usePrinting } from '../ui/print';
import { StatusLine } from '../ui/StatusLine';
import { useAction } from '../ui/useAction';
import './caseload.css';

type Status = CaseloadView['status'];

/** Home screen: who is next, what is overdue, where each client stands — as the user left it. */
export function CaseloadPage() {
  const left = leftCaseload();
  // Fetched with the session's lists at start (session.tsx), so the first visit waits for nothing more.
  const saved = useQuery({ ...remote('settings.caseloadView', {}), enabled: !left });
  if (left) return <Caseload initial={left} />;
  if (saved.data === undefined) return <Loading of={saved} />;
  return <Caseload initial={{ view: saved.data ?? DEFAULT_VIEW, visit: FRESH_VISIT }} />;
}

function Caseload({ initial }: { initial: { view: CaseloadView; visit: Visit } }) {
  const { t } = useTranslation();
  const session = useSession();
  const me = session.info.currentCaseworker?.id;
  const [view, setView] = useState<CaseloadView>(initial.view);
  const [pseudonyms, setPseudonyms] = useState(initial.visit.pseudonyms);
  const [search, setSearch] = useState(initial.visit.search);
  const deferredSearch = useDeferredValue(search.trim());
  const [creating, setCreating] = useState(false);
  const titleId = useId();
  const searchBox = useRef<HTMLDivElement>(null);
  const selection = useNewSelection();
  const table = useRef<CaseloadTableHandle>(null);
  const { status, overdueOnly, dueOnly } = view;
  // A list item chosen before that has been removed since filters nothing.
  const known = (id: string | null) => (id && session.catalog.some((item) => item.id === id) ? id : null);
  const targetGroupId = known(view.targetGroupId);
  const stageId = known(view.stageId);
  const change = (part: Partial<CaseloadView>) => setView((v) => ({ ...v, ...part }));
  // A caseworker chosen before who is no longer in the list (or "mine" without a current caseworker).
  const scope =
    view.scope === 'mine' || view.scope === me
      ? (me ?? 'all')
      : view.scope === 'all' || session.caseworkers.some((w) => w.id === view.scope)
        ? view.scope
        : (me ?? 'all');

  // Filters, sort and columns survive a restart; each change is saved as it is made.
  const saveView = useMutate('settings.setCaseloadView');
  const firstView = useRef(view);
  useEffect(() => {
    if (view !== firstView.current) saveView.mutate(view);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- saved when the view changes, not when the mutation does
  }, [view]);
  // Search, pseudonyms and scroll position are kept for the way back from a client.
  const place = useRef({ scrollTop: initial.visit.scrollTop, activeId: initial.visit.activeId });
  useEffect(() => () => leaveCaseload(view, { ...place.current, search, pseudonyms }), [view, search, pseudonyms]);

  const input: Input<'clients.list'> = {
    status,
    ...(scope !== 'all' ? { caseworkerId: scope } : {}),
    ...(deferredSearch ? { search: deferredSearch } : {}),
    ...(targetGroupId ? { targetGroupId } : {}),
    ...(stageId ? { stageId } : {}),
    ...(overdueOnly ? { overdueOnly } : {}),
  };
  // Search as you type: the rows stay on screen until the next answer replaces them.
  const caseload = useQuery({ ...remote('clients.list', input), placeholderData: keepPreviousData });

  // "/" focuses the search from anywhere on the page, as in mail and chat apps.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (event.key !== '/' || target.closest('input, textarea, select, dialog')) return;
      event.preventDefault();
      searchBox.current?.querySelector('input')?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const ctx: RowContext = {
    today: session.info.today,
    labelOf: session.labelOf,
    caseworkerName: session.caseworkerName,
    stageWeight: session.stageWeight,
    pseudonyms,
  };
  const columns = useMemo(() => shownColumns(view.hidden, scope === 'all'), [view.hidden, scope]);
  // The tick boxes for bulk actions come first on screen; print and export carry the columns shown.
  const gridColumns = useMemo(() => [SELECT_COLUMN, ...columns], [columns]);
  // "Due for scoring" is a view on rows already loaded: the due date comes with each row.
  const rows = useMemo(
    () => (dueOnly ? caseload.data?.filter((r) => isDueForScoring(r, session.info.today)) : caseload.data),
    [caseload.data, dueOnly, session.info.today],
  );
  const keys = useMemo(() => sortColumns(view.sort, columns), [view.sort, columns]);
  // Sorting is only recomputed when the data or the sort changes, not on every render.
  const sorted = useMemo(
    () => (rows ? sortRows(rows, keys, ctx, session.language) : []),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [rows, keys, pseudonyms, session],
  );
  const summary = useMemo(() => summarize(rows ?? [], session.stageWeight, session.info.today), [rows, session]);

  const toggleSort = (id: CaseloadColumnId, add: boolean) =>
    setView((v) => ({ ...v, sort: nextSort(v.sort, id, add) }));
  const option = (id: string) => ({ value: id, label: session.labelOf(id) });
  const filtered = Boolean(deferredSearch || targetGroupId || stageId || overdueOnly || dueOnly);
  const onMove = useCallback((now: { scrollTop: number; activeId: string | null }) => {
    place.current = now;
  }, []);
  const exported = useAction();
  const bulkDone = useAction();
  const bulkDoneLine = useRef<HTMLDivElement>(null);
  const printing = usePrinting();
  const filterWords = [
    ...(scope !== me ? [scope === 'all' ? t('caseload.all') : session.caseworkerName(scope)] : []),
    ...(status !== 'active' ? [t(`caseload.statuses.${status}`)] : []),
    ...(targetGroupId ? [session.labelOf(targetGroupId)] : []),
    ...(stageId ? [session.labelOf(stageId)] : []),
    ...(deferredSearch ? [`“${deferredSearch}”`] : []),
    ...(overdueOnly ? [t('caseload.overdueOnly')] : []),
    ...(dueOnly ? [t('caseload.dueOnly')] : []),
  ];
  const figures = (
    <ul className="summary-strip" aria-label={t('caseload.summary.label')}>
      <li>{t('caseload.summary.clients', { count: summary.clients })}</li>
      <li>{t('caseload.summary.workload', { value: formatNumber(summary.weightedWorkload, session.language, 1) })}</li>
      <li className={summary.overdue > 0 ? 'has-overdue' : undefined}>
        {t('caseload.summary.overdue', { count: summary.overdue })}
      </li>
      {summary.coverage !== null && (
        <li>{t('caseload.summary.coverage', { value: formatPercent(summary.coverage, session.language) })}</li>
      )}
    </ul>
  );
  // From the search box, ArrowDown goes into the results (Enter there opens the client).
  const onSearchKey = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowDown' || sorted.length === 0) return;
    event.preventDefault();
    table.current?.focusRow(0);
  };

  return (
    <Page
      className="caseload"
      title={t('caseload.title')}
      titleId={titleId}
      actions={
        <div className="caseload-tools">
          {rows && rows.length > 0 && (
            <>
              <ColumnChooser
                choices={COLUMNS.filter((c) => c.id !== 'name' && (c.id !== 'caseworker' || scope === 'all')).map(
                  (c) => c.id,
                )}
                hidden={view.hidden}
                onChange={(hidden) => change({ hidden })}
              />
              <PrintButton />
              <CaseloadExport
                columns={columns.map((c) => c.id)}
                clientIds={() => sorted.map((r) => r.id)}
                pseudonyms={pseudonyms}
                outcome={exported}
              />
            </>
          )}
          <button type="button" onClick={() => setCreating(true)}>
            {t('caseload.newClient')}
          </button>
        </div>
      }
    >
      <div className="filters">
        {session.isKeyPerson && (
          <SelectField
            label={t('caseload.scope')}
            name="scope"
            value={scope}
            onChange={(v) => change({ scope: v === me ? 'mine' : v })}
            options={[
              ...(me ? [{ value: me, label: t('caseload.mine') }] : []),
              { value: 'all', label: t('caseload.all') },
              ...session.caseworkers.filter((w) => w.id !== me).map((w) => ({ value: w.id, label: w.name })),
            ]}
          />
        )}
        <SelectField
          label={t('caseload.status')}
          name="status"
          value={status}
          onChange={(v) => change({ status: v as Status })}
          options={(['active', 'closed', 'all'] as const).map((s) => ({
            value: s,
            label: t(`caseload.statuses.${s}`),
          }))}
        />
        <SelectField
          label={t('caseload.targetGroup')}
          name="targetGroup"
          value={targetGroupId ?? ''}
          onChange={(v) => change({ targetGroupId: v || null })}
          empty={t('caseload.any')}
          options={session.items('target_group').map((i) => option(i.id))}
        />
        <SelectField
          label={t('caseload.stage')}
          name="stage"
          value={stageId ?? ''}
          onChange={(v) => change({ stageId: v || null })}
          empty={t('caseload.any')}
          options={session.items('stage').map((i) => option(i.id))}
        />
        <div ref={searchBox} className="search-field" onKeyDown={onSearchKey}>
          <TextField
            label={t('caseload.search')}
            name="search"
            type="search"
            value={search}
            onChange={setSearch}
            hint={t('caseload.searchHint')}
          />
        </div>
        <div className="filter-checks">
          <CheckboxField
            label={t('caseload.overdueOnly')}
            name="overdueOnly"
            checked={overdueOnly}
            onChange={(v) => change({ overdueOnly: v })}
          />
          <CheckboxField
            label={t('caseload.dueOnly')}
            name="dueOnly"
            checked={dueOnly}
            onChange={(v) => change({ dueOnly: v })}
          />
          <CheckboxField
            label={t('caseload.pseudonyms')}
            name="pseudonyms"
            checked={pseudonyms}
            onChange={setPseudonyms}
          />
        </div>
      </div>

      {/* The figures, and in their place the actions on the ticked rows. */}
      {rows && rows.length > 0 ? (
        <BulkActions rows={sorted} selection={selection} idle={figures} outcome={bulkDone} outcomeLine={bulkDoneLine} />
      ) : (
        figures
      )}
      {(rows === undefined || caseload.isError) && <Loading of={caseload} />}
      {rows && rows.length === 0 && (
        <p className="empty">{filtered ? t('caseload.empty') : t('caseload.emptyCaseload')}</p>
      )}
      {rows && rows.length > 0 && (
        <>
          <CaseloadTable
            ref={table}
            rows={sorted}
            columns={gridColumns}
            ctx={ctx}
            sort={view.sort}
            onSort={toggleSort}
            labelledBy={titleId}
            selection={selection}
            restore={initial.visit}
            onMove={onMove}
          />
          <div className="caseload-foot">
            <p className="hint">
              {t('notes.caseloadShortcutHint')} {t('caseload.bulk.none')}
            </p>
            <div className="bulk-outcome" ref={bulkDoneLine}>
              <StatusLine of={bulkDone} />
            </div>
            <StatusLine of={exported} />
          </div>
          {printing && <CaseloadPrint rows={sorted} columns={columns} ctx={ctx} filters={filterWords} />}
        </>
      )}

      {creating && <ClientFormDialog onClose={() => setCreating(false)} />}
    </Page>
  );
}
