import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input, Output } from '../../../common/contract';
import { useMutate } from '../query';
import { describeError, describeIssue } from '../errors';
import { DataTable } from '../ui/DataTable';
import { ErrorSummary, SelectField } from '../ui/fields';

export type ImportKind = Input<'imports.open'>['kind'];
export type OpenedFile = NonNullable<Output<'imports.open'>>;
type Row = Output<'imports.caseloadPreview'>['rows'][number];
type Counts = Output<'imports.caseloadPreview'>['counts'];
/** Field → column (0-based). */
export type Mapping = Output<'imports.caseloadPreview'>['mapping'];

/** What a kind's column fields get from the preview, and where a change goes. */
export interface ColumnProps {
  headers: readonly string[];
  mapping: Mapping;
  onChange(mapping: Mapping): void;
}

/** A spreadsheet column as Excel names it: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** "Choose file…": main shows the dialog and reads the file; a problem with it is said here. */
export function ChooseFile({ kind, onOpened }: { kind: ImportKind; onOpened(file: OpenedFile): void }) {
  const { t } = useTranslation();
  const openFile = useMutate('imports.open');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const choose = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const file = await openFile.mutateAsync({ kind });
      if (file) onOpened(file);
    } catch (failure) {
      const shown = describeError(t, failure);
      setError(Object.values(shown.fields)[0] ?? shown.summary);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="choose-file">
      <button type="button" onClick={() => void choose()} disabled={busy} aria-busy={busy}>
        {t('spreadsheets.import.choose')}
      </button>
      {busy && <p role="status">{t('spreadsheets.import.reading')}</p>}
      <ErrorSummary message={error} />
    </div>
  );
}

export function WorksheetChoice({
  file,
  value,
  onChange,
}: {
  file: OpenedFile;
  value: string;
  onChange(name: string): void;
}) {
  const { t } = useTranslation();
  return (
    <SelectField
      label={t('spreadsheets.import.worksheet')}
      name="worksheet"
      value={value}
      onChange={onChange}
      options={file.worksheets.map((w) => ({
        value: w.name,
        label: t('spreadsheets.import.worksheetRows', { name: w.name, count: w.rows }),
      }))}
    />
  );
}

/** One select per field: which column holds it, or none. */
export function MappingFields({
  fields,
  headers,
  mapping,
  onChange,
}: ColumnProps & { fields: ReadonlyArray<{ key: string; label: string }> }) {
  const { t } = useTranslation();
  const options = headers.map((header, i) => ({
    value: String(i),
    label: t('spreadsheets.import.column', { letter: columnLetter(i), header }),
  }));
  const set = (field: string, value: string) => {
    const next = Object.fromEntries(Object.entries(mapping).filter(([key]) => key !== field));
    onChange(value === '' ? next : { ...next, [field]: Number(value) });
  };
  return (
    <div className="mapping-fields">
      {fields.map((field) => (
        <SelectField
          key={field.key}
          label={field.label}
          name={`map-${field.key}`}
          value={mapping[field.key] === undefined ? '' : String(mapping[field.key])}
          onChange={(v) => set(field.key, v)}
          empty={t('spreadsheets.import.notImported')}
          options={options}
        />
      ))}
    </div>
  );
}

export function CountsLine({ counts }: { counts: Counts }) {
  const { t } = useTranslation();
  const parts = (['create', 'update', 'unchanged', 'empty', 'error'] as const)
    .filter((k) => counts[k] > 0)
    .map((k) => t(`spreadsheets.import.counts.${k}`, { count: counts[k] }));
  return (
    <p className="import-counts" role="status">
      {parts.join(' · ')}
    </p>
  );
}

export function PreviewTable({ rows }: { rows: readonly Row[] }) {
  const { t } = useTranslation();
  // A wide preview scrolls sideways: a focusable region, so the keyboard can scroll it too.
  return (
    <div
      className="table-panel import-preview"
      role="region"
      aria-label={t('spreadsheets.import.preview')}
      tabIndex={0}
    >
      <DataTable
        caption={t('spreadsheets.import.previewCaption')}
        columns={[
          { key: 'line', header: t('spreadsheets.import.line'), cell: (row) => row.line },
          {
            key: 'result',
            header: t('spreadsheets.import.result'),
            cell: (row) => (
              <span className={`badge import-${row.action}`}>{t(`spreadsheets.import.actions.${row.action}`)}</span>
            ),
          },
          { key: 'what', header: t('spreadsheets.import.what'), cell: (row) => row.label },
          {
            key: 'problems',
            header: t('spreadsheets.import.problems'),
            cell: (row) =>
              row.issues.map((issue, n) => (
                <span key={n} className="import-issue">
                  {describeIssue(t, issue)}
                  {issue.value && <span className="import-value"> ({issue.value})</span>}
                </span>
              )),
          },
        ]}
        rows={rows}
        rowKey={(row) => row.line}
        rowClassName={(row) => (row.action === 'error' ? 'import-error' : undefined)}
      />
    </div>
  );
}

/** The chosen file's name, and a way to choose another. */
export function FileHeader({ fileName, onAgain }: { fileName: string; onAgain(): void }) {
  const { t } = useTranslation();
  return (
    <p className="import-file">
      {t('spreadsheets.import.file', { name: fileName })}{' '}
      <button type="button" className="link-button" onClick={onAgain}>
        {t('spreadsheets.import.again')}
      </button>
    </p>
  );
}
