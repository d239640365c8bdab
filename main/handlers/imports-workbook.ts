import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import { newId } from '../../db/ids';
import { closeClient } from '../../db/queries/clients';
import { changedSinceImport, rowMarks, undoImportRows, writtenSince } from '../../db/queries/import-undo';
import { rememberMapping } from '../../db/queries/imports';
import { getVersion, listSheets } from '../../db/queries/sheets';
import type { ClientRow, Database } from '../../db/schema';
import type { DomainHandlers, Output, ParsedInput, SheetVersion } from '../../common/contract';
import type { workbookPartSchema } from '../../common/contract/spreadsheets';
import { nameKey } from '../../common/fold';
import { exportTexts } from '../../common/i18n/exports';
import { fileTexts } from '../../common/i18n/files';
import { type Context, type DoneImport, language, type OpenFile, today } from '../context';
import { conflict } from '../rpc/app-error';
import { chooseFile } from './exports';
import { type CaseloadOptions, planCaseload } from '../spreadsheets/caseload-import';
import { planClosures } from '../spreadsheets/closures-import';
import {
  caseloadLabel,
  caseloadLookup,
  caseloadMapping,
  caseloadOptions,
  clientRows,
  closureLookup,
  closuresMapping,
  countActions,
  type ImportStamp,
  importStamp,
  mayCreateFromSheet,
  openFile,
  previewRows,
  scoresMapping,
  worksheetOf,
  writeCaseload,
} from '../spreadsheets/import-steps';
import { headerSignature } from '../spreadsheets/mapping';
import { recogniseWorksheet } from '../spreadsheets/recognise';
import { importScores, planScores } from '../spreadsheets/scores-import';
import { headerRow } from '../spreadsheets/workbook';
import { writeTables } from '../spreadsheets/write';

/**
 * A whole workbook at once (issue 20): every worksheet offered with what Koers recognises in it —
 * a caseload, past scorings, closed cases or clients placed in work — previewed together and
 * imported in one transaction with one report, which can be saved, and undone within the session.
 */

type Part = z.output<typeof workbookPartSchema>;
type PreviewPart = Output<'imports.workbookPreview'>['parts'][number];
type ReportPart = Output<'imports.workbookRun'>['parts'][number];
type RowResult = PreviewPart['rows'][number];

/** Caseload first (it creates the clients), then closed cases, then scorings. */
const ORDER: Record<Part['kind'], number> = { caseload: 0, closures: 1, scores: 2 };
/** Imports kept for undo and saving their report; older ones are let go. */
const DONE_KEPT = 10;

/** The latest published version of every sheet: what past scorings can be read against. */
async function publishedVersions(db: Kysely<Database>): Promise<SheetVersion[]> {
  const ids = (await listSheets(db)).flatMap((s) => (s.publishedVersionId ? [s.publishedVersionId] : []));
  return (await Promise.all(ids.map((id) => getVersion(db, id)))).filter((v): v is SheetVersion => v !== undefined);
}

async function worksheetsOf(db: Kysely<Database>, file: OpenFile) {
  const versions = await publishedVersions(db);
  return file.workbook.worksheets.map((sheet) => {
    const { index } = headerRow(sheet);
    return {
      name: sheet.name,
      rows: index < 0 ? 0 : sheet.rows.slice(index + 1).filter((row) => row.some((cell) => cell !== null)).length,
      ...(({ kind, versionId }) => ({ recognised: kind, versionId }))(recogniseWorksheet(sheet, versions)),
    };
  });
}

function recognisedParts(worksheets: Awaited<ReturnType<typeof worksheetsOf>>): Part[] {
  return worksheets.flatMap((w): Part[] => {
    if (w.recognised === 'scores' && w.versionId)
      return [{ kind: 'scores', worksheet: w.name, versionId: w.versionId, organisation: null }];
    if (w.recognised === 'caseload' || w.recognised === 'closures') return [{ kind: w.recognised, worksheet: w.name }];
    return [];
  });
}

const inOrder = (parts: readonly Part[]) => [...parts].sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);

interface PlannedPart {
  part: Part;
  preview: PreviewPart;
  /** Each row's result, for the report. */
  rows: readonly RowResult[];
  signature: string;
}

/** A part's plan as the preview shows it and the run reports it. */
function plannedPart(
  part: Part,
  columns: { headers: string[]; mapping: Record<string, number>; remembered: boolean; signature: string },
  rows: readonly RowResult[],
  chosen: { versionId?: string; reasonId?: string | null } = {},
): PlannedPart {
  const { signature, ...shown } = columns;
  return {
    part,
    signature,
    rows,
    preview: {
      worksheet: part.worksheet,
      kind: part.kind,
      versionId: chosen.versionId ?? null,
      reasonId: chosen.reasonId ?? null,
      ...shown,
      counts: countActions(rows),
      rows: previewRows(rows),
    },
  };
}

/**
 * Plans one part against what Koers knows (`db`: the database, or the transaction after the
 * earlier parts were written). A preview counts the references the caseload creates as known.
 */
async function planPart(
  ctx: Context,
  db: Kysely<Database>,
  file: OpenFile,
  part: Part,
  options: CaseloadOptions,
  pending: Map<string, string>,
) {
  const sheet = worksheetOf(file, part.worksheet);
  // Remembered columns and the sheet version are read where the plan reads (in the transaction, when running).
  const here = { ...ctx, db };
  // Only what a row's result needs: the plans carry more (facts, values) the report has no use for.
  const results = (rows: readonly RowResult[]): RowResult[] =>
    rows.map(({ line, action, label, issues }) => ({ line, action, label, issues }));
  if (part.kind === 'caseload') {
    const columns = await caseloadMapping(here, sheet, part.mapping);
    const lookup = await caseloadLookup(db);
    const plan = planCaseload(sheet, columns.mapping, lookup, options);
    for (const row of plan.rows)
      if (row.action === 'create' && row.facts.reference)
        pending.set(row.facts.reference, `${row.facts.firstName} ${row.facts.lastName}`.trim());
    const rows = results(plan.rows.map((row) => ({ ...row, label: caseloadLabel(row) })));
    return {
      caseload: { plan, lookup },
      planned: plannedPart(part, { ...columns, signature: headerSignature('caseload', columns.headers) }, rows),
    };
  }
  if (part.kind === 'closures') {
    const columns = await closuresMapping(here, sheet, part.mapping);
    const lookup = await closureLookup(db, pending, part.reasonId);
    const plan = planClosures(sheet, columns.mapping, lookup, today(ctx));
    return {
      closures: plan,
      planned: plannedPart(part, columns, results(plan), { reasonId: lookup.defaultReasonId }),
    };
  }
  const { version, ...columns } = await scoresMapping(here, sheet, part.versionId, part.mapping);
  const plan = await planScores(db, sheet, version, columns.mapping, today(ctx), pending, part.organisation);
  return {
    scores: { plan, version },
    planned: plannedPart(part, columns, results(plan.rows), { versionId: version.id }),
  };
}

/** The names the caseload worksheets use that Koers does not know, each once. */
function mergeUnknown(into: Output<'imports.workbookPreview'>['unknown'], add: typeof into): void {
  for (const key of ['targetGroups', 'stages', 'caseworkers'] as const) {
    const known = new Set(into[key].map(nameKey));
    for (const name of add[key]) if (!known.has(nameKey(name))) into[key].push(name);
  }
}

/** Writes every part in one transaction; throws (writing nothing) when any row of any part has an error. */
async function runWorkbook(
  ctx: Context,
  trx: Transaction<Database>,
  file: OpenFile,
  parts: readonly Part[],
  options: CaseloadOptions,
  stamp: ImportStamp,
) {
  const report: Omit<Output<'imports.workbookRun'>, 'importId' | 'fileName'> = {
    parts: [],
    createdTargetGroups: [],
    createdStages: [],
    createdCaseworkers: [],
    todosAdded: 0,
    remarksAdded: 0,
  };
  const rows: Array<DoneImport['rows'][number]> = [];
  // Each client as it was before the import: the first snapshot counts (a later part sees the earlier one's change).
  const before = new Map<string, ClientRow>();
  const keep = (rows: readonly ClientRow[]) => {
    for (const row of rows) if (!before.has(row.id)) before.set(row.id, row);
  };
  // Checked whole first, as the preview checks it: a row with an error anywhere writes nothing.
  const pending = new Map<string, string>();
  let errors = 0;
  for (const part of inOrder(parts))
    errors += (await planPart(ctx, trx, file, part, options, pending)).planned.preview.counts.error;
  if (errors > 0) throw conflict('Rows with errors', { reason: 'import_errors', count: errors });
  // Then written part by part, each planned again once the ones before it are in.
  for (const part of inOrder(parts)) {
    const planned = await planPart(ctx, trx, file, part, options, new Map());
    const counts = planned.planned.preview.counts;
    if (planned.caseload) {
      const written = await writeCaseload(trx, planned.caseload, planned.planned.preview.mapping, options, stamp);
      keep(written.before);
      report.createdTargetGroups.push(...written.createdTargetGroups);
      report.createdStages.push(...written.createdStages);
      report.createdCaseworkers.push(...written.createdCaseworkers);
      report.todosAdded += written.todosAdded;
      report.remarksAdded += written.remarksAdded;
    } else if (planned.closures) {
      const closing = planned.closures.filter((row) => row.action === 'create');
      keep(
        await clientRows(
          trx,
          closing.flatMap((row) => (row.clientId ? [row.clientId] : [])),
        ),
      );
      for (const row of closing)
        if (row.clientId && row.closedOn && row.reasonId)
          await closeClient(
            trx,
            { clientId: row.clientId, date: row.closedOn, reasonId: row.reasonId, outcomeNote: row.outcomeNote },
            stamp.at,
            stamp.by,
          );
    } else if (planned.scores) {
      await importScores(trx, planned.scores.plan, planned.scores.version, stamp.at, stamp.by);
    }
    await rememberMapping(trx, planned.planned.signature, planned.planned.preview.mapping, stamp.at);
    report.parts.push({
      worksheet: part.worksheet,
      kind: part.kind,
      created: counts.create,
      updated: counts.update,
      unchanged: counts.unchanged,
      skipped: counts.empty,
    } satisfies ReportPart);
    rows.push(
      ...planned.planned.rows.map(({ line, action, label }) => ({ worksheet: part.worksheet, line, action, label })),
    );
  }
  return { report, rows, before: [...before.values()] };
}

export const workbookImportHandlers = {
  async 'imports.workbookPreview'(ctx, input) {
    const file = openFile(ctx, input.token, 'caseload');
    const worksheets = await worksheetsOf(ctx.db, file);
    const options = await caseloadOptions(ctx, input);
    const pending = new Map<string, string>();
    const unknown = { targetGroups: [] as string[], stages: [] as string[], caseworkers: [] as string[] };
    const adds = { todos: 0, remarks: 0 };
    const parts: PreviewPart[] = [];
    for (const part of inOrder(input.parts ?? recognisedParts(worksheets))) {
      const planned = await planPart(ctx, ctx.db, file, part, options, pending);
      if (planned.caseload) {
        const { plan } = planned.caseload;
        mergeUnknown(unknown, plan.unknown);
        adds.todos += plan.rows.filter((row) => row.todo).length;
        adds.remarks += plan.rows.filter((row) => row.remark).length;
      }
      parts.push(planned.planned.preview);
    }
    return { worksheets, parts, adds, mayCreate: await mayCreateFromSheet(ctx), unknown };
  },

  async 'imports.workbookRun'(ctx, input: ParsedInput<'imports.workbookRun'>) {
    const file = openFile(ctx, input.token, 'caseload');
    const options = await caseloadOptions(ctx, input);
    const stamp = importStamp(ctx);
    const done = await ctx.db.transaction().execute(async (trx) => {
      const from = await rowMarks(trx);
      const written = await runWorkbook(ctx, trx, file, input.parts, options, stamp);
      return { ...written, written: { ids: await writtenSince(trx, from), at: stamp.at, before: written.before } };
    });
    const importId = newId();
    const report = { importId, fileName: file.fileName, ...done.report };
    ctx.doneImports.set(importId, { report, rows: done.rows, written: done.written });
    for (const old of [...ctx.doneImports.keys()].slice(0, -DONE_KEPT)) ctx.doneImports.delete(old);
    return report;
  },

  async 'imports.undo'(ctx, input) {
    const done = ctx.doneImports.get(input.importId);
    if (!done) throw conflict('Import is no longer kept', { reason: 'import_gone' });
    await ctx.db.transaction().execute(async (trx) => {
      const changed = await changedSinceImport(trx, done.written);
      if (changed > 0) throw conflict('Changed since the import', { reason: 'import_changed', count: changed });
      const dangling = await undoImportRows(trx, done.written);
      if (dangling > 0) throw conflict('Used since the import', { reason: 'import_changed', count: dangling });
    });
    ctx.doneImports.delete(input.importId);
    return { undone: true as const };
  },

  async 'imports.saveReport'(ctx, input) {
    const done = ctx.doneImports.get(input.importId);
    if (!done) throw conflict('Import is no longer kept', { reason: 'import_gone' });
    const lang = language(ctx);
    const words = exportTexts[lang].importReport;
    const path = await chooseFile(ctx, fileTexts[lang].names.importReport, input.fileType);
    if (!path) return { path: null, rows: 0 };
    const { report } = done;
    const summary: Array<[string, string | number]> = [
      [words.file, report.fileName],
      ...report.parts.flatMap((part): Array<[string, string | number]> => [
        [words.worksheet, `${part.worksheet} (${words.kinds[part.kind]})`],
        [words.created, part.created],
        [words.updated, part.updated],
        [words.unchanged, part.unchanged],
        [words.skipped, part.skipped],
      ]),
      [words.todosAdded, report.todosAdded],
      [words.remarksAdded, report.remarksAdded],
      [words.createdCaseworkers, report.createdCaseworkers.join(', ')],
      [words.createdTargetGroups, report.createdTargetGroups.join(', ')],
      [words.createdStages, report.createdStages.join(', ')],
    ];
    const rows = await writeTables(
      path,
      input.fileType,
      [
        {
          name: words.summary,
          columns: [
            { header: words.what, kind: 'text', width: 36 },
            { header: words.value, kind: 'text', width: 48 },
          ],
          chunks: [summary.map(([what, value]) => [what, String(value)])],
        },
        {
          name: words.rows,
          columns: [
            { header: words.worksheet, kind: 'text', width: 24 },
            { header: words.line, kind: 'integer' },
            { header: words.result, kind: 'text' },
            { header: words.client, kind: 'text', width: 40 },
          ],
          chunks: [
            done.rows.map((row) => [
              row.worksheet,
              row.line,
              words.actions[row.action as keyof typeof words.actions],
              row.label,
            ]),
          ],
        },
      ],
      lang,
    );
    return { path, rows };
  },
} satisfies Pick<
  DomainHandlers<Context, 'imports'>,
  'imports.workbookPreview' | 'imports.workbookRun' | 'imports.undo' | 'imports.saveReport'
>;
