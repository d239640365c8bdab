import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../errors';
import { ErrorSummary, SelectField } from '../ui/fields';
import { Loading } from '../ui/Loading';
import { remote, useMutate } from '../query';
import {
  ChooseFile,
  CountsLine,
  FileHeader,
  MappingFields,
  type OpenedFile,
  PreviewTable,
  usePreview,
  WorksheetChoice,
} from './ImportParts';

/** Past scorings: file → worksheet → sheet → columns (reference, date, who, one per indicator) → preview → import. */
export function ScoresImport() {
  const { t } = useTranslation();
  const importScores = useMutate('imports.scoresRun');
  const sheets = useQuery(remote('sheets.list', {}));
  const published = (sheets.data ?? []).filter((s) => s.publishedVersionId !== null);
  const [file, setFile] = useState<OpenedFile | null>(null);
  const [worksheet, setWorksheet] = useState('');
  const [versionId, setVersionId] = useState('');
  const [mapping, setMapping] = useState<Record<string, number> | undefined>(undefined);
  const [report, setReport] = useState('');

  const { preview, error } = usePreview(
    'imports.scoresPreview',
    file && worksheet && versionId
      ? { token: file.token, worksheet, versionId, ...(mapping ? { mapping } : {}) }
      : null,
  );

  const opened = (next: OpenedFile) => {
    setFile(next);
    setWorksheet(next.worksheets.find((w) => w.rows > 0)?.name ?? next.worksheets[0]?.name ?? '');
    setMapping(undefined);
    setReport('');
  };
  const busy = importScores.isPending;
  const run = async () => {
    if (!file || !preview) return;
    const done = await importScores
      .mutateAsync({ token: file.token, worksheet, versionId, mapping: preview.mapping })
      .catch(() => undefined);
    if (!done) return;
    setReport(t('spreadsheets.import.doneScores', { created: done.created, skipped: done.skipped.length }));
    setFile(null);
  };
  const runError = importScores.error ? describeError(t, importScores.error).summary : undefined;

  if (sheets.data && published.length === 0) return <p className="hint">{t('spreadsheets.import.noSheets')}</p>;
  return (
    <div className="import-flow">
      {report && (
        <p className="saved" role="status">
          {report}
        </p>
      )}
      {!file ? (
        <ChooseFile kind="scores" onOpened={opened} />
      ) : (
        <>
          <FileHeader fileName={file.fileName} onAgain={() => setFile(null)} />
          {file.worksheets.length > 1 && (
            <WorksheetChoice
              file={file}
              value={worksheet}
              onChange={(name) => {
                setWorksheet(name);
                setMapping(undefined);
              }}
            />
          )}
          <SelectField
            label={t('spreadsheets.import.version')}
            name="versionId"
            value={versionId}
            onChange={(id) => {
              setVersionId(id);
              setMapping(undefined);
            }}
            empty={t('spreadsheets.import.chooseVersion')}
            options={published.map((s) => ({ value: s.publishedVersionId ?? '', label: s.name }))}
          />
          <Loading of={sheets} quiet />
          {preview && versionId && (
            <>
              <fieldset className="mapping">
                <legend>{t('spreadsheets.import.columns')}</legend>
                <p className="hint">
                  {preview.remembered ? t('spreadsheets.import.remembered') : t('spreadsheets.import.columnsHint')}
                </p>
                <ScoreColumns
                  versionId={versionId}
                  headers={preview.headers}
                  mapping={preview.mapping}
                  onChange={setMapping}
                />
              </fieldset>
              <h4>{t('spreadsheets.import.preview')}</h4>
              <CountsLine counts={preview.counts} />
              <PreviewTable rows={preview.rows} />
              {preview.counts.error > 0 ? (
                <p className="hint">{t('spreadsheets.import.blocked')}</p>
              ) : (
                preview.counts.create === 0 && <p className="hint">{t('spreadsheets.import.nothing')}</p>
              )}
              <button
                type="button"
                onClick={() => void run()}
                disabled={busy || preview.counts.error > 0 || preview.counts.create === 0}
                aria-busy={busy}
              >
                {busy
                  ? t('spreadsheets.import.importing')
                  : t('spreadsheets.import.run', { count: preview.counts.create })}
              </button>
            </>
          )}
          <ErrorSummary message={runError ?? error} />
        </>
      )}
    </div>
  );
}

/** The fixed columns and one per indicator of the chosen version (loaded once one is chosen). */
function ScoreColumns({
  versionId,
  headers,
  mapping,
  onChange,
}: {
  versionId: string;
  headers: readonly string[];
  mapping: Record<string, number>;
  onChange(mapping: Record<string, number>): void;
}) {
  const { t } = useTranslation();
  const version = useQuery(remote('sheets.version', { id: versionId }));
  const fields = [
    { key: 'reference', label: t('fields.reference') },
    { key: 'date', label: t('fields.date') },
    { key: 'scoredBy', label: t('fields.scoredBy') },
    ...(version.data?.indicators ?? []).map((i) => ({ key: i.key, label: i.name })),
  ];
  return (
    <>
      <MappingFields fields={fields} headers={headers} mapping={mapping} onChange={onChange} />
      <Loading of={version} quiet />
    </>
  );
}

/** A sheet definition: choosing the file imports it as a new draft sheet. */
export function SheetImport() {
  const { t } = useTranslation();
  const importSheet = useMutate('imports.sheet');
  const [done, setDone] = useState<{ sheetId: string; indicators: number } | null>(null);
  const [error, setError] = useState<string>();
  const opened = async (file: OpenedFile) => {
    try {
      setDone(await importSheet.mutateAsync({ token: file.token }));
      setError(undefined);
    } catch (failure) {
      const shown = describeError(t, failure);
      setError([shown.summary, ...Object.values(shown.fields)].join(' '));
    }
  };
  return (
    <div className="import-flow">
      <ChooseFile kind="sheet" onOpened={(file) => void opened(file)} />
      {done && (
        <p className="saved" role="status">
          {t('spreadsheets.import.sheetDone', { count: done.indicators })}{' '}
          <a href={`#/sheets/${encodeURIComponent(done.sheetId)}`}>{t('spreadsheets.import.openSheet')}</a>
        </p>
      )}
      <ErrorSummary message={error} />
    </div>
  );
}
