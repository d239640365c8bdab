import { basename } from 'node:path';
import { newId } from '../../db/ids';
import { rememberMapping } from '../../db/queries/imports';
import { insertDraft, insertSheet } from '../../db/queries/sheets';
import type { DomainHandlers } from '../../common/contract';
import { fileTexts } from '../../common/i18n/files';
import { actor, type Context, language, today } from '../context';
import { conflict, invalidInput } from '../rpc/app-error';
import {
  caseloadLabel,
  caseloadLookup,
  caseloadMapping,
  caseloadOptions,
  countActions,
  importStamp,
  mayCreateFromSheet,
  openFile,
  previewRows,
  scoresMapping,
  worksheetOf,
  writeCaseload,
} from '../spreadsheets/import-steps';
import { headerSignature } from '../spreadsheets/mapping';
import { SpreadsheetError } from '../spreadsheets/problems';
import { readInWorker } from '../spreadsheets/read-in-worker';
import { importScores, planScores, type ScoresPlan } from '../spreadsheets/scores-import';
import { readSheetLayout } from '../spreadsheets/sheet-layout';
import { headerRow } from '../spreadsheets/workbook';
import { planCaseload } from '../spreadsheets/caseload-import';
import { workbookImportHandlers } from './imports-workbook';

/** Files stay open for the few steps of one import; older ones are let go. */
const OPEN_FILES_KEPT = 4;
export const importHandlers = {
  ...workbookImportHandlers,
  async 'imports.open'(ctx, input) {
    const path = await ctx.desktop.chooseOpenFile({
      filters: [{ name: fileTexts[language(ctx)].types.importable, extensions: ['xlsx', 'csv', 'txt'] }],
    });
    if (!path) return null;
    let workbook;
    try {
      workbook = await readInWorker(path);
    } catch (error) {
      if (error instanceof SpreadsheetError)
        throw invalidInput({
          field: 'file',
          rule: error.problem,
          ...(error.limit === undefined ? {} : { limit: error.limit }),
        });
      throw error;
    }
    const fileName = basename(path);
    // A CSV file has one table; it is called after the file.
    const worksheets = workbook.worksheets.map((w) =>
      w.name === 'CSV' && workbook.worksheets.length === 1 ? { ...w, name: fileName } : w,
    );
    const token = newId();
    ctx.openFiles.set(token, { fileName, kind: input.kind, workbook: { worksheets } });
    for (const old of [...ctx.openFiles.keys()].slice(0, -OPEN_FILES_KEPT)) ctx.openFiles.delete(old);
    return {
      token,
      fileName,
      worksheets: worksheets.map((w) => {
        const { index, headers } = headerRow(w);
        return {
          name: w.name,
          rows: index < 0 ? 0 : w.rows.slice(index + 1).filter((row) => row.some((cell) => cell !== null)).length,
          headers,
        };
      }),
    };
  },

  async 'imports.caseloadPreview'(ctx, input) {
    const sheet = worksheetOf(openFile(ctx, input.token, 'caseload'), input.worksheet);
    const { headers, mapping, remembered } = await caseloadMapping(ctx, sheet, input.mapping);
    const options = await caseloadOptions(ctx, input);
    const plan = planCaseload(sheet, mapping, await caseloadLookup(ctx.db), options);
    return {
      headers,
      mapping,
      remembered,
      counts: countActions(plan.rows),
      adds: {
        todos: plan.rows.filter((row) => row.todo).length,
        remarks: plan.rows.filter((row) => row.remark).length,
      },
      mayCreate: await mayCreateFromSheet(ctx),
      rows: previewRows(plan.rows).map((row) => ({
        line: row.line,
        action: row.action,
        label: caseloadLabel(row),
        issues: row.issues,
      })),
      unknown: plan.unknown,
    };
  },

  async 'imports.caseloadRun'(ctx, input) {
    const sheet = worksheetOf(openFile(ctx, input.token, 'caseload'), input.worksheet);
    const { headers, mapping } = await caseloadMapping(ctx, sheet, input.mapping);
    const options = await caseloadOptions(ctx, input);
    const stamp = importStamp(ctx);
    return ctx.db.transaction().execute(async (trx) => {
      const lookup = await caseloadLookup(trx);
      const plan = planCaseload(sheet, mapping, lookup, options);
      const written = await writeCaseload(trx, { plan, lookup }, mapping, options, stamp);
      await rememberMapping(trx, headerSignature('caseload', headers), mapping, stamp.at);
      const counts = countActions(plan.rows);
      return {
        created: counts.create,
        updated: counts.update,
        unchanged: counts.unchanged,
        skipped: plan.rows
          .filter((row) => row.action === 'empty')
          .map((row) => ({ line: row.line, reason: 'empty' as const })),
        createdTargetGroups: written.createdTargetGroups,
        createdStages: written.createdStages,
        createdCaseworkers: written.createdCaseworkers,
        todosAdded: written.todosAdded,
        remarksAdded: written.remarksAdded,
      };
    });
  },

  async 'imports.scoresPreview'(ctx, input) {
    const sheet = worksheetOf(openFile(ctx, input.token, 'scores'), input.worksheet);
    const { version, headers, mapping, remembered } = await scoresMapping(ctx, sheet, input.versionId, input.mapping);
    const plan = await planScores(ctx.db, sheet, version, mapping, today(ctx), undefined, input.organisation);
    return {
      headers,
      mapping,
      remembered,
      counts: countActions(plan.rows),
      rows: previewRows(plan.rows).map(({ line, action, label, issues }) => ({ line, action, label, issues })),
    };
  },

  async 'imports.scoresRun'(ctx, input) {
    const sheet = worksheetOf(openFile(ctx, input.token, 'scores'), input.worksheet);
    const { version, signature, mapping } = await scoresMapping(ctx, sheet, input.versionId, input.mapping);
    const at = ctx.now().toISOString();
    const report = await ctx.db.transaction().execute(async (trx) => {
      const plan: ScoresPlan = await planScores(
        trx,
        sheet,
        version,
        mapping,
        today(ctx),
        undefined,
        input.organisation,
      );
      const errors = plan.rows.filter((row) => row.action === 'error').length;
      if (errors > 0) throw conflict('Rows with errors', { reason: 'import_errors', count: errors });
      const created = await importScores(trx, plan, version, at, actor(ctx));
      await rememberMapping(trx, signature, mapping, at);
      return {
        created,
        updated: 0,
        unchanged: 0,
        skipped: plan.rows
          .filter((row) => row.action === 'empty' || row.action === 'unchanged')
          .map((row) => ({
            line: row.line,
            reason: row.action === 'empty' ? ('empty' as const) : ('already_scored' as const),
          })),
        createdTargetGroups: [],
        createdStages: [],
        createdCaseworkers: [],
        todosAdded: 0,
        remarksAdded: 0,
      };
    });
    return report;
  },

  async 'imports.sheet'(ctx, input) {
    const file = openFile(ctx, input.token, 'sheet');
    const definition = readSheetLayout(file.workbook);
    if ('issues' in definition) throw invalidInput(...definition.issues);
    const at = ctx.now().toISOString();
    const sheetId = await ctx.db.transaction().execute(async (trx) => {
      const id = await insertSheet(trx, { name: definition.name, description: definition.description }, at, actor(ctx));
      await insertDraft(
        trx,
        id,
        definition.indicators.map((indicator) => ({ ...indicator, key: newId() })),
        at,
        actor(ctx),
      );
      return id;
    });
    return { sheetId, indicators: definition.indicators.length };
  },
} satisfies DomainHandlers<Context, 'imports'>;
