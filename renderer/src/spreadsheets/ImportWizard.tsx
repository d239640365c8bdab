import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input, Method, Output } from '../../../common/contract';
import { describeError } from '../errors';
import { remote, useMutate } from '../query';
import { ErrorSummary } from '../ui/fields';
import {
  ChooseFile,
  type ColumnProps,
  CountsLine,
  FileHeader,
  type ImportKind,
  type Mapping,
  type OpenedFile,
  PreviewTable,
  WorksheetChoice,
} from './ImportParts';

/** What the wizard shows of a preview; a kind's preview may say more (the caseload's unknown names). */
type ImportPreview = Output<'imports.scoresPreview'>;

/** Every method whose answer the wizard can show, so a new kind of worksheet needs no change here. */
export type PreviewMethod = { [M in Method]: Output<M> extends ImportPreview ? M : never }[Method];

/** What the wizard itself lets the user choose. */
export interface Choice {
  token: string;
  worksheet: string;
  /** Absent: the remembered or suggested columns. */
  mapping?: Mapping;
}

export interface ImportWizardProps<P extends PreviewMethod, R extends Method> {
  kind: ImportKind;
  preview: P;
  run: R;
  /** The preview's input from the choice; null while a setting of the kind is not chosen yet. */
  previewInput(choice: Choice): Input<P> | null;
  /** The run's input: the same choice, with the columns the preview showed. */
  runInput(choice: Choice & { mapping: Mapping }): Input<R>;
  /** The rows the run would write: the button says how many, and none means nothing to do. */
  writes(preview: Output<P>): number;
  /** The line that stays after the run. */
  report(done: Output<R>): string;
  /** Shown before the columns; a setting that changes which columns there are calls `forgetColumns`. */
  settings?(forgetColumns: () => void): ReactNode;
  columns(props: ColumnProps): ReactNode;
  /** Shown after the columns: what the preview asks the user to decide. */
  options?(preview: Output<P>): ReactNode;
  /** While rows have errors: the kind's own words for what fixes them (the option to tick), if it knows. */
  blocked?(preview: Output<P>): string | undefined;
}

/**
 * An import of a worksheet: file → worksheet → the kind's settings → columns → preview →
 * import → report. It owns that flow and its state; a kind brings its methods and fields.
 */
export function ImportWizard<P extends PreviewMethod, R extends Method>(props: ImportWizardProps<P, R>) {
  const { t } = useTranslation();
  const running = useMutate(props.run);
  const [file, setFile] = useState<OpenedFile | null>(null);
  const [worksheet, setWorksheet] = useState('');
  const [mapping, setMapping] = useState<Mapping | undefined>(undefined);
  const [report, setReport] = useState('');

  const opened = (next: OpenedFile) => {
    setFile(next);
    setWorksheet(next.worksheets.find((w) => w.rows > 0)?.name ?? next.worksheets[0]?.name ?? '');
    setMapping(undefined);
    setReport('');
  };
  const forgetColumns = () => setMapping(undefined);

  const { preview, error } = usePreview(
    props.preview,
    file && worksheet ? props.previewInput({ token: file.token, worksheet, ...(mapping ? { mapping } : {}) }) : null,
  );

  const busy = running.isPending;
  const run = async () => {
    if (!file || !preview) return;
    // A failure is shown from running.error.
    const done = await running
      .mutateAsync(props.runInput({ token: file.token, worksheet, mapping: preview.mapping }))
      .catch(() => undefined);
    if (!done) return;
    setReport(props.report(done));
    setFile(null);
  };
  const runError = running.error ? describeError(t, running.error).summary : undefined;

  const writes = preview ? props.writes(preview) : 0;
  return (
    <div className="import-flow">
      {report && (
        <p className="saved" role="status">
          {report}
        </p>
      )}
      {!file ? (
        <ChooseFile kind={props.kind} onOpened={opened} />
      ) : (
        <>
          <FileHeader fileName={file.fileName} onAgain={() => setFile(null)} />
          {file.worksheets.length > 1 && (
            <WorksheetChoice
              file={file}
              value={worksheet}
              onChange={(name) => {
                setWorksheet(name);
                forgetColumns();
              }}
            />
          )}
          {props.settings?.(forgetColumns)}
          {preview && (
            <>
              <fieldset className="mapping">
                <legend>{t('spreadsheets.import.columns')}</legend>
                <p className="hint">
                  {preview.remembered ? t('spreadsheets.import.remembered') : t('spreadsheets.import.columnsHint')}
                </p>
                {props.columns({ headers: preview.headers, mapping: preview.mapping, onChange: setMapping })}
              </fieldset>
              {props.options?.(preview)}
              <h4>{t('spreadsheets.import.preview')}</h4>
              <CountsLine counts={preview.counts} />
              <PreviewTable rows={preview.rows} />
              {preview.counts.error > 0 ? (
                <p className="hint">{props.blocked?.(preview) ?? t('spreadsheets.import.blocked')}</p>
              ) : (
                writes === 0 && <p className="hint">{t('spreadsheets.import.nothing')}</p>
              )}
              <button
                type="button"
                onClick={() => void run()}
                disabled={busy || preview.counts.error > 0 || writes === 0}
                aria-busy={busy}
              >
                {busy ? t('spreadsheets.import.importing') : t('spreadsheets.import.run', { count: writes })}
              </button>
            </>
          )}
          <ErrorSummary message={runError ?? error} />
        </>
      )}
    </div>
  );
}

/** The same file, worksheet aside, and for scores the same sheet version. */
function sameChoice(before: unknown, now: { token: string; versionId?: string }): boolean {
  const was = before as { token?: string; versionId?: string } | null | undefined;
  return was?.token === now.token && was.versionId === now.versionId;
}

/**
 * The preview of an import, again after every choice (null input: nothing chosen
 * yet). The first answer also brings the suggested or remembered columns.
 */
function usePreview<M extends PreviewMethod>(method: M, input: Input<M> | null) {
  const { t } = useTranslation();
  const query = useQuery({
    ...remote(method, input),
    // Another column or option for the same file (and sheet version): the last preview stays until the next.
    placeholderData: (previous, previousQuery) =>
      input && sameChoice(previousQuery?.queryKey[1], input) ? previous : undefined,
  });
  return { preview: query.data ?? null, error: query.error ? describeError(t, query.error).summary : undefined };
}
