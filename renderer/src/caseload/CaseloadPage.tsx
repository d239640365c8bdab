import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input } from '../../../common/contract';
import { ClientFormDialog } from '../client/ClientFormDialog';
import { formatNumber, formatPercent } from '../format';
import { useSession } from '../session';
import { CheckboxField, SelectField, TextField } from '../ui/fields';
import { Loading } from '../ui/Loading';
import { remote } from '../query';
import {
  COLUMNS,
  type ColumnId,
  isDueForScoring,
  NAME_COLUMN,
  type RowContext,
  SELECT_COLUMN,
  type SortDirection,
  sortRows,
  summarize,
} from './columns';
import { BulkActions } from './BulkActions';
import { CaseloadTable } from './CaseloadTable';
import { useNewSelection } from './selection';
import { Page } from '../ui/Page';

type Status = 'active' | 'closed' | 'all';

/** Home screen: who is next, what is overdue, where each client stands. */
export function CaseloadPage() {
  const { t } = useTranslation();
  const session = useSession();
  const me = session.info.currentCaseworker?.id;
  const [scope, setScope] = useState<string>(me ?? 'all');
  const [status, setStatus] = useState<Status>('active');
  const [targetGroupId, setTargetGroupId] = useState('');
  const [stageId, setStageId] = useState('');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [dueOnly, setDueOnly] = useState(false);
  const [pseudonyms, setPseudonyms] = useState(false);
  const [search, setSearch] = useState('');
  const deferredSearch = useDeferredValue(search.trim());
  const [sort, setSort] = useState<{ column: ColumnId; direction: SortDirection }>({
    column: 'name',
    direction: 'ascending',
  });
  const [creating, setCreating] = useState(false);
  const titleId = useId();
  const searchBox = useRef<HTMLDivElement>(null);
  const selection = useNewSelection();

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
  const columns = [SELECT_COLUMN, ...COLUMNS.filter((c) => c.id !== 'caseworker' || scope === 'all')];
  // "Due for scoring" is a view on rows already loaded: the due date comes with each row.
  const rows = useMemo(
    () => (dueOnly ? caseload.data?.filter((r) => isDueForScoring(r, session.info.today)) : caseload.data),
    [caseload.data, dueOnly, session.info.today],
  );
  const column = columns.find((c) => c.id === sort.column) ?? NAME_COLUMN;
  // Sorting is only recomputed when the data or the sort changes, not on every render.
  const sorted = useMemo(
    () => (rows ? sortRows(rows, column, sort.direction, ctx, session.language) : []),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [rows, column, sort.direction, pseudonyms, session],
  );
  const summary = useMemo(() => summarize(rows ?? [], session.stageWeight, session.info.today), [rows, session]);

  const toggleSort = (id: ColumnId) =>
    setSort((s) => ({
      column: id,
      direction: s.column === id && s.direction === 'ascending' ? 'descending' : 'ascending',
    }));
  const option = (id: string) => ({ value: id, label: session.labelOf(id) });
  const filtered = Boolean(deferredSearch || targetGroupId || stageId || overdueOnly || dueOnly);

  return (
    <Page
      className="caseload"
      title={t('caseload.title')}
      titleId={titleId}
      actions={
        <button type="button" onClick={() => setCreating(true)}>
          {t('caseload.newClient')}
        </button>
      }
    >
      <div className="filters">
        {session.isKeyPerson && (
          <SelectField
            label={t('caseload.scope')}
            name="scope"
            value={scope}
            onChange={setScope}
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
          onChange={(v) => setStatus(v as Status)}
          options={(['active', 'closed', 'all'] as const).map((s) => ({
            value: s,
            label: t(`caseload.statuses.${s}`),
          }))}
        />
        <SelectField
          label={t('caseload.targetGroup')}
          name="targetGroup"
          value={targetGroupId}
          onChange={setTargetGroupId}
          empty={t('caseload.any')}
          options={session.items('target_group').map((i) => option(i.id))}
        />
        <SelectField
          label={t('caseload.stage')}
          name="stage"
          value={stageId}
          onChange={setStageId}
          empty={t('caseload.any')}
          options={session.items('stage').map((i) => option(i.id))}
        />
        <div ref={searchBox} className="search-field">
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
            onChange={setOverdueOnly}
          />
          <CheckboxField label={t('caseload.dueOnly')} name="dueOnly" checked={dueOnly} onChange={setDueOnly} />
          <CheckboxField
            label={t('caseload.pseudonyms')}
            name="pseudonyms"
            checked={pseudonyms}
            onChange={setPseudonyms}
          />
        </div>
      </div>

      <ul className="summary-strip" aria-label={t('caseload.summary.label')}>
        <li>{t('caseload.summary.clients', { count: summary.clients })}</li>
        <li>
          {t('caseload.summary.workload', { value: formatNumber(summary.weightedWorkload, session.language, 1) })}
        </li>
        <li className={summary.overdue > 0 ? 'has-overdue' : undefined}>
          {t('caseload.summary.overdue', { count: summary.overdue })}
        </li>
        {summary.coverage !== null && (
          <li>{t('caseload.summary.coverage', { value: formatPercent(summary.coverage, session.language) })}</li>
        )}
      </ul>

      {(rows === undefined || caseload.isError) && <Loading of={caseload} />}
      {rows && rows.length === 0 && (
        <p className="empty">{filtered ? t('caseload.empty') : t('caseload.emptyCaseload')}</p>
      )}
      {rows && rows.length > 0 && (
        <>
          <p className="hint">{t('notes.caseloadShortcutHint')}</p>
          <BulkActions rows={sorted} selection={selection} />
          <CaseloadTable
            rows={sorted}
            columns={columns}
            ctx={ctx}
            sort={sort}
            onSort={toggleSort}
            labelledBy={titleId}
            selection={selection}
          />
        </>
      )}

      {creating && <ClientFormDialog onClose={() => setCreating(false)} />}
    </Page>
  );
}
