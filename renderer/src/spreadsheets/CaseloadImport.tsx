import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutate } from '../query';
import { describeError } from '../errors';
import { CheckboxField, ErrorSummary } from '../ui/fields';
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

const FIELDS = [
  'reference',
  'fullName',
  'firstName',
  'lastName',
  'dateOfBirth',
  'phone',
  'email',
  'targetGroup',
  'stage',
  'caseworker',
  'startDate',
] as const;

/** Caseload sheet: file → worksheet → columns → preview → import → report. */
export function CaseloadImport() {
  const { t } = useTranslation();
  const importCaseload = useMutate('imports.caseloadRun');
  const [file, setFile] = useState<OpenedFile | null>(null);
  const [worksheet, setWorksheet] = useState('');
  const [mapping, setMapping] = useState<Record<string, number> | undefined>(undefined);
  const [createTargetGroups, setCreateTargetGroups] = useState(false);
  const [createStages, setCreateStages] = useState(false);
  const [report, setReport] = useState<string>('');

  const opened = (next: OpenedFile) => {
    setFile(next);
    setWorksheet(next.worksheets.find((w) => w.rows > 0)?.name ?? next.worksheets[0]?.name ?? '');
    setMapping(undefined);
    setReport('');
  };

  const { preview, error } = usePreview(
    'imports.caseloadPreview',
    file && worksheet
      ? { token: file.token, worksheet, createTargetGroups, createStages, ...(mapping ? { mapping } : {}) }
      : null,
  );

  const busy = importCaseload.isPending;
  const run = async () => {
    if (!file || !preview) return;
    const done = await importCaseload
      .mutateAsync({ token: file.token, worksheet, mapping: preview.mapping, createTargetGroups, createStages })
      .catch(() => undefined);
    if (!done) return;
    setReport(
      t('spreadsheets.import.done', {
        created: done.created,
        updated: done.updated,
        unchanged: done.unchanged,
        skipped: done.skipped.length,
      }),
    );
    setFile(null);
  };
  const runError = importCaseload.error ? describeError(t, importCaseload.error).summary : undefined;

  const changes = preview ? preview.counts.create + preview.counts.update : 0;
  return (
    <div className="import-flow">
      {report && (
        <p className="saved" role="status">
          {report}
        </p>
      )}
      {!file ? (
        <ChooseFile kind="caseload" onOpened={opened} />
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
          {preview && (
            <>
              <fieldset className="mapping">
                <legend>{t('spreadsheets.import.columns')}</legend>
                <p className="hint">
                  {preview.remembered ? t('spreadsheets.import.remembered') : t('spreadsheets.import.columnsHint')}
                </p>
                <MappingFields
                  fields={FIELDS.map((key) => ({ key, label: t(`fields.${key}`) }))}
                  headers={preview.headers}
                  mapping={preview.mapping}
                  onChange={setMapping}
                />
              </fieldset>
              {preview.unknown.targetGroups.length > 0 && (
                <CheckboxField
                  label={t('spreadsheets.import.createTargetGroups', {
                    names: preview.unknown.targetGroups.join(', '),
                  })}
                  name="createTargetGroups"
                  checked={createTargetGroups}
                  onChange={setCreateTargetGroups}
                />
              )}
              {preview.unknown.stages.length > 0 && (
                <CheckboxField
                  label={t('spreadsheets.import.createStages', { names: preview.unknown.stages.join(', ') })}
                  name="createStages"
                  checked={createStages}
                  onChange={setCreateStages}
                />
              )}
              {preview.unknown.caseworkers.length > 0 && (
                <p className="hint">
                  {t('spreadsheets.import.unknownCaseworkers', { names: preview.unknown.caseworkers.join(', ') })}
                </p>
              )}
              <h4>{t('spreadsheets.import.preview')}</h4>
              <CountsLine counts={preview.counts} />
              <PreviewTable rows={preview.rows} />
              {preview.counts.error > 0 ? (
                <p className="hint">{t('spreadsheets.import.blocked')}</p>
              ) : (
                changes === 0 && <p className="hint">{t('spreadsheets.import.nothing')}</p>
              )}
              <button
                type="button"
                onClick={() => void run()}
                disabled={busy || preview.counts.error > 0 || changes === 0}
                aria-busy={busy}
              >
                {busy ? t('spreadsheets.import.importing') : t('spreadsheets.import.run', { count: changes })}
              </button>
            </>
          )}
          <ErrorSummary message={runError ?? error} />
        </>
      )}
    </div>
  );
}
