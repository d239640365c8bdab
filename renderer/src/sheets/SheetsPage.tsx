import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input, SheetSummary } from '../../../common/contract';
import { formatNumber } from '../format';
import { href, navigate } from '../router';
import { useSession } from '../session';
import { ErrorSummary, SelectField, TextField } from '../ui/fields';
import { FormDialog } from '../ui/FormDialog';
import { useSave } from '../ui/useSave';
import { Loading } from '../ui/Loading';
import { remote } from '../query';
import { Page } from '../ui/Page';
import { DataTable, RowAction } from '../ui/DataTable';
import './sheets.css';
import { ManagingAlone } from '../keyperson/KeyPerson';

export { SheetPage } from './SheetPage';

type Starter = Input<'sheets.createFromStarter'>['starter'];
const STARTERS: readonly Starter[] = ['ladder', 'work_readiness', 'empty'];

/** Key persons: every scoring sheet, a new one from a starter, and copies. */
export function SheetsPage() {
  const { t } = useTranslation();
  const sheets = useQuery(remote('sheets.list', {}));
  const [copying, setCopying] = useState<SheetSummary | null>(null);
  return (
    <Page className="sheets-page" title={t('nav.sheets')} intro={t('sheets.list.intro')}>
      <ManagingAlone />
      <div className="panel table-panel">
        {!sheets.data ? <Loading of={sheets} /> : <SheetTable sheets={sheets.data} onCopy={setCopying} />}
        <NewSheetForm />
      </div>
      {copying && <CopyDialog sheet={copying} onClose={() => setCopying(null)} />}
    </Page>
  );
}

function SheetTable({ sheets, onCopy }: { sheets: readonly SheetSummary[]; onCopy(sheet: SheetSummary): void }) {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <DataTable
      className="sheet-table"
      label={t('sheets.list.label')}
      empty={t('sheets.list.empty')}
      columns={[
        {
          key: 'sheet',
          header: t('sheets.list.sheet'),
          cell: (sheet) => (
            <>
              <a href={href({ page: 'sheet', id: sheet.id })}>{sheet.name}</a>
              {sheet.retired && <span className="badge">{t('sheets.list.retired')}</span>}
            </>
          ),
        },
        { key: 'version', header: t('sheets.list.version'), cell: (sheet) => <VersionCell sheet={sheet} /> },
        {
          key: 'targetGroups',
          header: t('sheets.list.targetGroups'),
          cell: (sheet) =>
            sheet.targetGroupIds.length === 0 ? (
              <span className="muted">{t('sheets.list.noTargetGroups')}</span>
            ) : (
              sheet.targetGroupIds.map((id) => session.labelOf(id)).join(', ')
            ),
        },
        {
          key: 'scorings',
          header: t('sheets.list.scorings'),
          numeric: true,
          cell: (sheet) => formatNumber(sheet.scorings, session.language),
        },
        {
          key: 'actions',
          header: t('sheets.list.actions'),
          cell: (sheet) => (
            <RowAction label={t('sheets.list.copyLabel', { name: sheet.name })} onClick={() => onCopy(sheet)}>
              {t('sheets.list.copy')}
            </RowAction>
          ),
        },
      ]}
      rows={sheets}
      rowKey={(sheet) => sheet.id}
      rowClassName={(sheet) => (sheet.retired ? 'is-inactive' : undefined)}
    />
  );
}

function VersionCell({ sheet }: { sheet: SheetSummary }) {
  const { t } = useTranslation();
  if (sheet.publishedNumber === null) return <span className="badge draft-badge">{t('sheets.list.draftOnly')}</span>;
  return (
    <>
      {t('sheets.list.published', { number: sheet.publishedNumber })}
      {sheet.draftVersionId && (
        <span className="hint draft-pending">
          {t('sheets.list.draftPending', { number: sheet.publishedNumber + 1 })}
        </span>
      )}
    </>
  );
}

/** Starters are filled in in the language Koers speaks now; the sheet opens as a draft to adapt. */
function NewSheetForm() {
  const { t } = useTranslation();
  const session = useSession();
  const titleId = useId();
  const [starter, setStarter] = useState<Starter>('ladder');
  const save = useSave('sheets.createFromStarter');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const created = await save.run({ starter, language: session.language });
    if (created) navigate({ page: 'sheet', id: created.id });
  };
  return (
    <form className="new-sheet-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={titleId}>
      <h2 id={titleId}>{t('sheets.create.title')}</h2>
      <div className="new-sheet-fields">
        <SelectField
          label={t('sheets.create.starter')}
          name="starter"
          value={starter}
          onChange={(value) => setStarter(STARTERS.find((s) => s === value) ?? starter)}
          options={STARTERS.map((s) => ({ value: s, label: t(`sheets.create.starters.${s}`) }))}
          hint={t('sheets.create.hint')}
          className="starter-field"
        />
        <button type="submit" disabled={save.saving}>
          {t('sheets.create.submit')}
        </button>
      </div>
      <ErrorSummary message={save.error?.summary} />
    </form>
  );
}

function CopyDialog({ sheet, onClose }: { sheet: SheetSummary; onClose(): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(() => t('sheets.copy.defaultName', { name: sheet.name }));
  const save = useSave('sheets.copy');
  const submit = async () => {
    const copy = await save.run({ id: sheet.id, name });
    if (copy) navigate({ page: 'sheet', id: copy.id });
  };
  return (
    <FormDialog
      title={t('sheets.copy.title', { name: sheet.name })}
      submitLabel={t('sheets.copy.submit')}
      save={save}
      onClose={onClose}
      onSubmit={submit}
    >
      <TextField
        {...save.field('name')}
        value={name}
        onChange={setName}
        hint={t('sheets.copy.hint', { name: sheet.name })}
        autoFocus
      />
    </FormDialog>
  );
}
