import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../errors';
import { ErrorSummary, SelectField, TextField } from '../ui/fields';
import { Loading } from '../ui/Loading';
import { remote, useMutate } from '../query';
import { ChooseFile, type ColumnProps, MappingFields, type OpenedFile } from './ImportParts';
import { ImportWizard } from './ImportWizard';
import { NoSheetsHint } from '../keyperson/KeyPerson';

/** Past scorings: file → worksheet → sheet → columns (reference, date, who, one per indicator) → preview → import. */
export function ScoresImport() {
  const { t } = useTranslation();
  const sheets = useQuery(remote('sheets.list', {}));
  const published = (sheets.data ?? []).filter((s) => s.publishedVersionId !== null);
  const [versionId, setVersionId] = useState('');
  const [organisation, setOrganisation] = useState('');

  if (sheets.data && published.length === 0) return <NoSheetsHint />;
  return (
    <ImportWizard
      kind="scores"
      preview="imports.scoresPreview"
      run="imports.scoresRun"
      previewInput={(choice) => (versionId ? { ...choice, versionId, organisation } : null)}
      runInput={(choice) => ({ ...choice, versionId, organisation })}
      writes={(preview) => preview.counts.create}
      report={(done) => t('spreadsheets.import.doneScores', { created: done.created, skipped: done.skipped.length })}
      settings={(forgetColumns) => (
        <>
          <SelectField
            label={t('spreadsheets.import.version')}
            name="versionId"
            value={versionId}
            onChange={(id) => {
              setVersionId(id);
              // Another version has other indicators, so other columns.
              forgetColumns();
            }}
            empty={t('spreadsheets.import.chooseVersion')}
            options={published.map((s) => ({ value: s.publishedVersionId ?? '', label: s.name }))}
          />
          <TextField
            label={t('spreadsheets.import.provider')}
            hint={t('spreadsheets.import.providerHint')}
            name="organisation"
            value={organisation}
            onChange={setOrganisation}
          />
          <Loading of={sheets} quiet />
        </>
      )}
      columns={(props) => <ScoreColumns versionId={versionId} {...props} />}
    />
  );
}

/** The fixed columns and one per indicator of the chosen version (loaded once one is chosen). */
export function ScoreColumns({ versionId, headers, mapping, onChange }: ColumnProps & { versionId: string }) {
  const { t } = useTranslation();
  const version = useQuery(remote('sheets.version', { id: versionId }));
  const fields = [
    { key: 'reference', label: t('fields.reference') },
    { key: 'date', label: t('fields.date') },
    { key: 'scoredBy', label: t('fields.scoredBy') },
    { key: 'organisation', label: t('fields.organisation') },
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
