import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input, Output } from '../../../common/contract';
import { CASELOAD_FIELDS, CLOSURE_FIELDS } from '../../../common/contract/spreadsheets';
import { describeError } from '../errors';
import { remote, useMutate } from '../query';
import { useSession } from '../session';
import { CheckboxField, ErrorSummary, SelectField } from '../ui/fields';
import {
  ChooseFile,
  CountsLine,
  FileHeader,
  type Mapping,
  MappingFields,
  type OpenedFile,
  PreviewTable,
} from './ImportParts';
import { ScoreColumns } from './ScoresImport';

type Preview = Output<'imports.workbookPreview'>;
type PreviewPart = Preview['parts'][number];
type Part = NonNullable<Input<'imports.workbookPreview'>['parts']>[number];
type Kind = Part['kind'];
type Report = Output<'imports.workbookRun'>;
/** Caseworker name as in the sheet → the colleague it stands for; a name not here is created (key persons). */
type Mapped = Record<string, string>;

const KINDS: readonly Kind[] = ['caseload', 'scores', 'closures'];

/** The last import's report stays on this page while Koers runs, so it can be undone after a look elsewhere. */
const lastReport: { value: Report | null } = { value: null };

/** Names in the sheet Koers does not know, and the option that creates them. */
const CREATABLE = [
  {
    unknown: 'targetGroups',
    option: 'createTargetGroups',
    label: 'spreadsheets.import.createTargetGroups',
    name: 'spreadsheets.import.createTargetGroupsName',
  },
  {
    unknown: 'stages',
    option: 'createStages',
    label: 'spreadsheets.import.createStages',
    name: 'spreadsheets.import.createStagesName',
  },
] as const;

/** The part a preview shows, as the next preview or the run takes it (with the columns it showed). */
function partOf(p: PreviewPart): Part {
  if (p.kind === 'scores')
    return { kind: 'scores', worksheet: p.worksheet, versionId: p.versionId ?? '', mapping: p.mapping };
  if (p.kind === 'closures')
    return {
      kind: 'closures',
      worksheet: p.worksheet,
      mapping: p.mapping,
      ...(p.reasonId ? { reasonId: p.reasonId } : {}),
    };
  return { kind: 'caseload', worksheet: p.worksheet, mapping: p.mapping };
}

/**
 * A caseload file, or a whole workbook: file → every worksheet with what Koers recognises in it
 * (caseload, past scorings, closed cases) → columns and preview per worksheet → one import of them
 * all → one report, which can be saved, and the import undone, within the session.
 */
export function WorkbookImport() {
  const { t } = useTranslation();
  const [file, setFile] = useState<OpenedFile | null>(null);
  /** Absent: what Koers recognised. */
  const [parts, setParts] = useState<Part[] | undefined>(undefined);
  const [create, setCreate] = useState({ createTargetGroups: false, createStages: false });
  const [mapped, setMapped] = useState<Mapped>({});
  const [report, setReportState] = useState<Report | null>(() => lastReport.value);
  const setReport = (next: Report | null) => {
    lastReport.value = next;
    setReportState(next);
  };
  const [undone, setUndone] = useState(false);
  const running = useMutate('imports.workbookRun');

  const choices = {
    ...create,
    createCaseworkers: true,
    caseworkers: Object.entries(mapped).map(([name, caseworkerId]) => ({ name, caseworkerId })),
  };
  const input = file ? { token: file.token, ...(parts ? { parts } : {}), ...choices } : null;
  const query = useQuery({
    ...remote('imports.workbookPreview', input),
    // Another choice for the same file: the last preview stays until the next.
    placeholderData: (previous, previousQuery) =>
      file && (previousQuery?.queryKey[1] as { token?: string } | null)?.token === file.token ? previous : undefined,
  });
  const preview = query.data ?? null;
  const previewError = query.error ? describeError(t, query.error).summary : undefined;

  const opened = (next: OpenedFile) => {
    setFile(next);
    setParts(undefined);
    setReport(null);
    setUndone(false);
  };
  // What the user chose last, not the preview on screen (which may still be the one before it).
  const current = parts ?? preview?.parts.map(partOf) ?? [];
  const settling = query.isPlaceholderData || query.isFetching;
  const change = (worksheet: string, next: Part | null) =>
    setParts([...current.filter((p) => p.worksheet !== worksheet), ...(next ? [next] : [])]);

  const run = async () => {
    if (!file || !preview) return;
    const done = await running.mutateAsync({ token: file.token, parts: current, ...choices }).catch(() => undefined);
    if (!done) return;
    setReport(done);
    setFile(null);
  };
  const runError = running.error ? describeError(t, running.error).summary : undefined;
  const errors = preview?.parts.reduce((n, p) => n + p.counts.error, 0) ?? 0;
  const writes = preview?.parts.reduce((n, p) => n + p.counts.create + p.counts.update, 0) ?? 0;
  const busy = running.isPending;
  // While rows have errors: the checkboxes not ticked yet that would create what the rows name, if any.
  const blockedHint = (shown: Preview) => {
    const options = CREATABLE.filter(
      ({ unknown, option }) => shown.mayCreate && shown.unknown[unknown].length > 0 && !create[option],
    );
    return options.length === 0
      ? t('spreadsheets.import.blocked')
      : t('spreadsheets.import.blockedUnknown', { options: options.map(({ name }) => t(name)).join('” / “') });
  };

  return (
    <div className="import-flow">
      {report && (
        <ImportReport
          report={report}
          onUndone={() => {
            setReport(null);
            setUndone(true);
          }}
        />
      )}
      {undone && (
        <p className="saved" role="status">
          {t('spreadsheets.import.undone')}
        </p>
      )}
      {!file ? (
        <ChooseFile kind="caseload" onOpened={opened} />
      ) : (
        <>
          <FileHeader fileName={file.fileName} onAgain={() => setFile(null)} />
          {preview && (
            <>
              <WorksheetKinds preview={preview} parts={current} onChange={change} />
              {preview.parts.map((part) => (
                <PartSection
                  key={part.worksheet}
                  part={part}
                  onChange={(mapping, reasonId) =>
                    change(part.worksheet, { ...partOf(part), mapping, ...(reasonId ? { reasonId } : {}) } as Part)
                  }
                >
                  {/* What the caseload asks to decide, next to its columns (once, for the first caseload worksheet). */}
                  {part.worksheet === preview.parts.find((p) => p.kind === 'caseload')?.worksheet && (
                    <>
                      {CREATABLE.map(
                        ({ unknown, option, label }) =>
                          preview.unknown[unknown].length > 0 &&
                          preview.mayCreate && (
                            <CheckboxField
                              key={option}
                              label={t(label, { names: preview.unknown[unknown].join(', ') })}
                              name={option}
                              checked={create[option]}
                              onChange={(checked) => setCreate((was) => ({ ...was, [option]: checked }))}
                            />
                          ),
                      )}
                      {preview.unknown.caseworkers.length > 0 && (
                        <CaseworkerChoices preview={preview} mapped={mapped} onChange={setMapped} />
                      )}
                      <AddsLine preview={preview} />
                    </>
                  )}
                </PartSection>
              ))}
              {errors > 0 ? (
                <p className="hint">{blockedHint(preview)}</p>
              ) : (
                writes === 0 && <p className="hint">{t('spreadsheets.import.nothing')}</p>
              )}
              <button
                type="button"
                onClick={() => void run()}
                disabled={busy || settling || errors > 0 || writes === 0}
                aria-busy={busy}
              >
                {busy ? t('spreadsheets.import.importing') : t('spreadsheets.import.run', { count: writes })}
              </button>
            </>
          )}
          <ErrorSummary message={runError ?? previewError} />
        </>
      )}
    </div>
  );
}

/** Every worksheet, and what to import it as (Koers's guess first). */
function WorksheetKinds({
  preview,
  parts,
  onChange,
}: {
  preview: Preview;
  parts: readonly Part[];
  onChange(worksheet: string, part: Part | null): void;
}) {
  const { t } = useTranslation();
  const sheets = useQuery(remote('sheets.list', {}));
  const published = (sheets.data ?? []).flatMap((s) => (s.publishedVersionId ? [s.publishedVersionId] : []));
  const choose = (worksheet: Preview['worksheets'][number], kind: string) => {
    if (kind === 'scores') {
      const versionId = worksheet.versionId ?? published[0];
      onChange(worksheet.name, versionId ? { kind, worksheet: worksheet.name, versionId } : null);
    } else
      onChange(worksheet.name, kind === 'caseload' || kind === 'closures' ? { kind, worksheet: worksheet.name } : null);
  };
  return (
    <fieldset className="mapping">
      <legend>{t('spreadsheets.import.worksheets')}</legend>
      <p className="hint">{t('spreadsheets.import.worksheetsHint')}</p>
      <div className="mapping-fields">
        {preview.worksheets.map((worksheet, i) => (
          <SelectField
            key={worksheet.name}
            label={t('spreadsheets.import.worksheetRows', { name: worksheet.name, count: worksheet.rows })}
            name={`worksheet-${i}`}
            value={parts.find((p) => p.worksheet === worksheet.name)?.kind ?? ''}
            onChange={(kind) => choose(worksheet, kind)}
            empty={t('spreadsheets.import.notImported')}
            options={KINDS.filter((kind) => kind !== 'scores' || published.length > 0).map((kind) => ({
              value: kind,
              label: t(`spreadsheets.import.kinds.${kind}`),
            }))}
          />
        ))}
      </div>
    </fieldset>
  );
}

/** One worksheet to import: its columns (and sheet, or reason), and its preview. */
function PartSection({
  part,
  onChange,
  children,
}: {
  part: PreviewPart;
  onChange(mapping: Mapping, reasonId?: string): void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const id = useId();
  const columns = { headers: part.headers, mapping: part.mapping, onChange: (mapping: Mapping) => onChange(mapping) };
  return (
    <section className="import-part" aria-labelledby={id}>
      <h4 id={id}>
        {t('spreadsheets.import.partTitle', {
          name: part.worksheet,
          kind: t(`spreadsheets.import.kinds.${part.kind}`),
        })}
      </h4>
      <fieldset className="mapping">
        <legend>{t('spreadsheets.import.columns')}</legend>
        <p className="hint">
          {part.remembered ? t('spreadsheets.import.remembered') : t('spreadsheets.import.columnsHint')}
        </p>
        {part.kind === 'scores' && part.versionId ? (
          <ScoreColumns versionId={part.versionId} {...columns} />
        ) : (
          <MappingFields
            fields={(part.kind === 'caseload' ? CASELOAD_FIELDS : CLOSURE_FIELDS).map((key) => ({
              key,
              label: t(`fields.${key}`),
            }))}
            {...columns}
          />
        )}
        {part.kind === 'closures' && (
          <div className="mapping-fields">
            <SelectField
              label={t('spreadsheets.import.closureReason')}
              name={`reason-${part.worksheet}`}
              value={part.reasonId ?? ''}
              onChange={(reasonId) => onChange(part.mapping, reasonId)}
              empty={t('spreadsheets.import.chooseReason')}
              options={session.items('closure_reason').map((i) => ({ value: i.id, label: session.label(i) }))}
            />
          </div>
        )}
      </fieldset>
      {children}
      <CountsLine counts={part.counts} />
      <PreviewTable rows={part.rows} />
    </section>
  );
}

/** The import's one report: per worksheet what happened, what came along; save it, or undo the import. */
function ImportReport({ report, onUndone }: { report: Report; onUndone(): void }) {
  const { t } = useTranslation();
  const save = useMutate('imports.saveReport');
  const undo = useMutate('imports.undo');
  const [said, setSaid] = useState('');
  const error = save.error ?? undo.error;
  return (
    <section className="panel import-report" aria-label={t('spreadsheets.import.reportTitle')}>
      <div role="status">
        {report.parts.map((part) => (
          <p key={part.worksheet}>
            {t('spreadsheets.import.donePart', {
              name: part.worksheet,
              kind: t(`spreadsheets.import.kinds.${part.kind}`),
              created: part.created,
              updated: part.updated,
              unchanged: part.unchanged,
              skipped: part.skipped,
            })}
          </p>
        ))}
        {report.todosAdded + report.remarksAdded + report.createdCaseworkers.length > 0 && (
          <p>
            {t('spreadsheets.import.doneAdded', {
              todos: t('spreadsheets.import.doneTodos', { count: report.todosAdded }),
              remarks: t('spreadsheets.import.doneRemarks', { count: report.remarksAdded }),
              caseworkers: report.createdCaseworkers.join(', ') || '–',
            })}
          </p>
        )}
        {said && <p>{said}</p>}
      </div>
      <div className="import-report-actions">
        <button
          type="button"
          onClick={() =>
            void save
              .mutateAsync({ importId: report.importId, fileType: 'xlsx' })
              .then((saved) => saved.path && setSaid(t('spreadsheets.import.reportSaved', { path: saved.path })))
              .catch(() => undefined)
          }
        >
          {t('spreadsheets.import.saveReport')}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() =>
            void undo
              .mutateAsync({ importId: report.importId })
              .then(() => {
                setSaid('');
                onUndone();
              })
              .catch(() => undefined)
          }
          aria-busy={undo.isPending}
        >
          {t('spreadsheets.import.undo')}
        </button>
      </div>
      <ErrorSummary message={error ? describeError(t, error).summary : undefined} />
    </section>
  );
}

/** Per caseworker name Koers does not know: create it, or the colleague it stands for. */
function CaseworkerChoices({
  preview,
  mapped,
  onChange,
}: {
  preview: Preview;
  mapped: Mapped;
  onChange(mapped: Mapped): void;
}) {
  const { t } = useTranslation();
  const caseworkers = useQuery(remote('caseworkers.list', {}));
  const colleagues = (caseworkers.data ?? []).filter((c) => c.active).map((c) => ({ value: c.id, label: c.name }));
  return (
    <fieldset className="mapping">
      <legend>{t('spreadsheets.import.caseworkers')}</legend>
      <p className="hint">
        {preview.mayCreate ? t('spreadsheets.import.caseworkersHint') : t('spreadsheets.import.caseworkersHintMap')}
      </p>
      <div className="mapping-fields">
        {preview.unknown.caseworkers.map((name, i) => (
          <SelectField
            key={name}
            label={t('spreadsheets.import.caseworkerFor', { name })}
            name={`caseworker-${i}`}
            value={mapped[name] ?? ''}
            onChange={(value) => {
              const { [name]: _was, ...rest } = mapped;
              onChange(value === '' ? rest : { ...rest, [name]: value });
            }}
            empty={
              preview.mayCreate ? t('spreadsheets.import.createCaseworker') : t('spreadsheets.import.chooseCaseworker')
            }
            options={colleagues}
          />
        ))}
      </div>
    </fieldset>
  );
}

/** What the import adds besides the clients: to-dos from the next actions, notes from the remarks. */
function AddsLine({ preview }: { preview: Preview }) {
  const { t } = useTranslation();
  if (preview.adds.todos + preview.adds.remarks === 0) return null;
  return (
    <p className="hint">
      {t('spreadsheets.import.adds', {
        todos: t('spreadsheets.import.addsTodos', { count: preview.adds.todos }),
        remarks: t('spreadsheets.import.addsRemarks', { count: preview.adds.remarks }),
      })}
    </p>
  );
}
