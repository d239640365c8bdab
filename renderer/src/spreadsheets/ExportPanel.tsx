import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session';
import { DateField } from '../ui/DateField';
import { CheckboxField, ErrorSummary, SelectField } from '../ui/fields';
import { useAction } from '../ui/useAction';
import { Loading } from '../ui/Loading';
import { remote, useMutate } from '../query';

type FileType = 'xlsx' | 'csv';

/** Runs one export, and says where it went (or that nothing was saved). */
function useExport() {
  const { t } = useTranslation();
  const action = useAction('', t('spreadsheets.export.refused'));
  const [busy, setBusy] = useState(false);
  const run = (exporting: () => Promise<{ path: string | null; rows: number }>) => {
    setBusy(true);
    void action
      .perform(async () => {
        const { path, rows } = await exporting();
        return path ? t('spreadsheets.export.saved', { count: rows, path }) : t('spreadsheets.export.cancelled');
      })
      .finally(() => setBusy(false));
  };
  return { run, busy, status: busy ? t('spreadsheets.export.working') : action.status, error: action.error };
}

function Outcome({ state }: { state: ReturnType<typeof useExport> }) {
  return (
    <>
      <ErrorSummary message={state.error} />
      <p className="saved" role="status">
        {state.status}
      </p>
    </>
  );
}

function FileTypeField({ value, onChange }: { value: FileType; onChange(value: FileType): void }) {
  const { t } = useTranslation();
  return (
    <SelectField
      label={t('spreadsheets.export.fileType')}
      name="fileType"
      value={value}
      onChange={(v) => onChange(v === 'csv' ? 'csv' : 'xlsx')}
      options={[
        { value: 'xlsx', label: t('spreadsheets.export.xlsx') },
        { value: 'csv', label: t('spreadsheets.export.csv') },
      ]}
    />
  );
}

function Pseudonymised({ checked, onChange }: { checked: boolean; onChange(on: boolean): void }) {
  const { t } = useTranslation();
  return (
    <CheckboxField
      label={t('spreadsheets.export.pseudonymised')}
      name="pseudonymised"
      checked={checked}
      onChange={onChange}
      hint={t('spreadsheets.export.pseudonymisedHint')}
    />
  );
}

function Card({ title, children }: { title: string; children: React.ReactNode }) {
  const id = useId();
  return (
    <section className="panel export-card" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}

export function ScoresExport() {
  const { t } = useTranslation();
  const scoresFile = useMutate('exports.scores');
  const session = useSession();
  const sheetList = useQuery(remote('sheets.list', {}));
  const sheets = (sheetList.data ?? []).filter((s) => s.publishedVersionId !== null);
  const state = useExport();
  const [format, setFormat] = useState<'long' | 'wide'>('long');
  const [fileType, setFileType] = useState<FileType>('xlsx');
  const [sheetId, setSheetId] = useState('');
  const [targetGroupId, setTargetGroupId] = useState('');
  const [caseworkerId, setCaseworkerId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [pseudonymised, setPseudonymised] = useState(true);
  const exportScores = () =>
    state.run(() =>
      scoresFile.mutateAsync({
        format,
        fileType,
        pseudonymised,
        from,
        to,
        ...(sheetId ? { sheetId } : {}),
        ...(targetGroupId ? { targetGroupId } : {}),
        ...(caseworkerId ? { caseworkerId } : {}),
      }),
    );
  return (
    <Card title={t('spreadsheets.export.scores')}>
      <div className="export-fields">
        <SelectField
          label={t('spreadsheets.export.format')}
          name="format"
          value={format}
          onChange={(v) => setFormat(v === 'wide' ? 'wide' : 'long')}
          options={[
            { value: 'long', label: t('spreadsheets.export.long') },
            { value: 'wide', label: t('spreadsheets.export.wide') },
          ]}
        />
        <FileTypeField value={fileType} onChange={setFileType} />
        <SelectField
          label={t('spreadsheets.export.sheet')}
          name="sheetId"
          value={sheetId}
          onChange={setSheetId}
          empty={t('spreadsheets.export.all')}
          options={sheets.map((s) => ({ value: s.id, label: s.name }))}
        />
        <SelectField
          label={t('spreadsheets.export.targetGroup')}
          name="targetGroupId"
          value={targetGroupId}
          onChange={setTargetGroupId}
          empty={t('spreadsheets.export.all')}
          options={session.items('target_group').map((item) => ({ value: item.id, label: session.label(item) }))}
        />
        <SelectField
          label={t('spreadsheets.export.caseworker')}
          name="caseworkerId"
          value={caseworkerId}
          onChange={setCaseworkerId}
          empty={t('spreadsheets.export.all')}
          options={session.caseworkers.map((w) => ({ value: w.id, label: w.name }))}
        />
        <DateField label={t('spreadsheets.export.from')} name="from" value={from} onChange={setFrom} />
        <DateField label={t('spreadsheets.export.to')} name="to" value={to} onChange={setTo} />
      </div>
      <Pseudonymised checked={pseudonymised} onChange={setPseudonymised} />
      <button type="button" onClick={exportScores} disabled={state.busy}>
        {t('spreadsheets.export.exportScores')}
      </button>
      <Outcome state={state} />
      <Loading of={sheetList} quiet />
    </Card>
  );
}

export function CaseloadExport() {
  const { t } = useTranslation();
  const exportCaseload = useMutate('exports.caseload');
  const state = useExport();
  const [fileType, setFileType] = useState<FileType>('xlsx');
  const [status, setStatus] = useState<'active' | 'closed' | 'all'>('active');
  const [pseudonymised, setPseudonymised] = useState(true);
  return (
    <Card title={t('spreadsheets.export.caseload')}>
      <div className="export-fields">
        <SelectField
          label={t('spreadsheets.export.status')}
          name="status"
          value={status}
          onChange={(v) => setStatus(v === 'closed' ? 'closed' : v === 'all' ? 'all' : 'active')}
          options={[
            { value: 'active', label: t('spreadsheets.export.active') },
            { value: 'closed', label: t('spreadsheets.export.closed') },
            { value: 'all', label: t('spreadsheets.export.allClients') },
          ]}
        />
        <FileTypeField value={fileType} onChange={setFileType} />
      </div>
      <Pseudonymised checked={pseudonymised} onChange={setPseudonymised} />
      <button
        type="button"
        onClick={() => state.run(() => exportCaseload.mutateAsync({ fileType, status, pseudonymised }))}
        disabled={state.busy}
      >
        {t('spreadsheets.export.exportCaseload')}
      </button>
      <Outcome state={state} />
    </Card>
  );
}

export function ClosedCasesExport() {
  const { t } = useTranslation();
  const exportClosed = useMutate('exports.closedCases');
  const session = useSession();
  const thisYear = Number(session.info.today.slice(0, 4));
  const state = useExport();
  const [fileType, setFileType] = useState<FileType>('xlsx');
  const [year, setYear] = useState(String(thisYear));
  const [quarter, setQuarter] = useState(String(Math.floor((Number(session.info.today.slice(5, 7)) - 1) / 3) + 1));
  const [pseudonymised, setPseudonymised] = useState(true);
  const years = Array.from({ length: 6 }, (_, i) => String(thisYear - i));
  return (
    <Card title={t('spreadsheets.export.closedCases')}>
      <div className="export-fields">
        <SelectField
          label={t('spreadsheets.export.year')}
          name="year"
          value={year}
          onChange={setYear}
          options={years.map((y) => ({ value: y, label: y }))}
        />
        <SelectField
          label={t('spreadsheets.export.quarter')}
          name="quarter"
          value={quarter}
          onChange={setQuarter}
          empty={t('spreadsheets.export.wholeYear')}
          options={[1, 2, 3, 4].map((n) => ({ value: String(n), label: t('spreadsheets.export.q', { n }) }))}
        />
        <FileTypeField value={fileType} onChange={setFileType} />
      </div>
      <Pseudonymised checked={pseudonymised} onChange={setPseudonymised} />
      <button
        type="button"
        onClick={() =>
          state.run(() =>
            exportClosed.mutateAsync({
              fileType,
              year: Number(year),
              pseudonymised,
              ...(quarter ? { quarter: Number(quarter) } : {}),
            }),
          )
        }
        disabled={state.busy}
      >
        {t('spreadsheets.export.exportClosed')}
      </button>
      <Outcome state={state} />
    </Card>
  );
}

export function SheetExport() {
  const { t } = useTranslation();
  const exportSheet = useMutate('exports.sheet');
  const sheetList = useQuery(remote('sheets.list', {}));
  const sheets = (sheetList.data ?? []).filter((s) => s.publishedVersionId !== null);
  const state = useExport();
  const [sheetId, setSheetId] = useState('');
  const versionId = sheets.find((s) => s.id === sheetId)?.publishedVersionId;
  return (
    <Card title={t('spreadsheets.export.sheetDefinition')}>
      <p className="hint">{t('spreadsheets.export.sheetDefinitionHint')}</p>
      <SelectField
        label={t('spreadsheets.export.sheet')}
        name="sheetDefinition"
        value={sheetId}
        onChange={setSheetId}
        empty={t('spreadsheets.import.chooseVersion')}
        options={sheets.map((s) => ({ value: s.id, label: s.name }))}
      />
      <button
        type="button"
        onClick={() => versionId && state.run(() => exportSheet.mutateAsync({ versionId }))}
        disabled={state.busy || !versionId}
      >
        {t('spreadsheets.export.exportSheet')}
      </button>
      <Outcome state={state} />
      <Loading of={sheetList} quiet />
    </Card>
  );
}
