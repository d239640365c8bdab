import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import { newId } from '../../db/ids';
import { insertCatalogItem, listCatalog } from '../../db/queries/catalog';
import { insertCaseworker, listCaseworkers, mayManage } from '../../db/queries/caseworkers';
import { insertAction } from '../../db/queries/actions';
import { insertNote } from '../../db/queries/notes';
import { format } from 'date-fns';
import { checkActiveCaseworker } from './checks';
import { insertClient, recordStageChange, updateClientFacts } from '../../db/queries/clients';
import {
  clientsByReference,
  rememberedMapping,
  rememberMapping,
  todosAndRemarksOfReferencedClients,
} from '../../db/queries/imports';
import type { Database } from '../../db/schema';
import type { DomainHandlers, Output, ParsedInput } from '../../common/contract';
import { catalogName } from '../../common/contract/catalog-names';
import { fileTexts } from '../../common/i18n/files';
import { LANGUAGES } from '../../common/languages';
import { actor, type Context, language, type OpenFile, today } from '../context';
import { conflict, invalidInput } from '../rpc/app-error';
import {
  CASELOAD_FIELDS,
  CASELOAD_SYNONYMS,
  type CaseloadLookup,
  type CaseloadMapping,
  type CaseloadOptions,
  mergeFacts,
  type PlannedRow,
  planCaseload,
  remarkKey,
  todoKey,
} from '../spreadsheets/caseload-import';
import { headerSignature, suggestMapping } from '../spreadsheets/mapping';
import { SpreadsheetError } from '../spreadsheets/problems';
import { readInWorker } from '../spreadsheets/read-in-worker';
import { importScores, planScores, scoresSynonyms, type ScoresPlan } from '../spreadsheets/scores-import';
import { readSheetLayout } from '../spreadsheets/sheet-layout';
import { nameKey } from '../../common/fold';
import { headerRow, type Worksheet } from '../spreadsheets/workbook';
import { getVersion, insertDraft, insertSheet } from '../../db/queries/sheets';

/** Files stay open for the few steps of one import; older ones are let go. */
const OPEN_FILES_KEPT = 4;
/** The preview lists the first rows and then only rows with problems. */
const PREVIEW_FIRST_ROWS = 50;
const PREVIEW_MAX_ROWS = 500;

function openFile(ctx: Context, token: string, kind: OpenFile['kind']): OpenFile {
  const file = ctx.openFiles.get(token);
  if (!file || file.kind !== kind) throw conflict('Import file is no longer open', { reason: 'import_expired' });
  return file;
}

function worksheetOf(file: OpenFile, name: string): Worksheet {
  const sheet = file.workbook.worksheets.find((w) => w.name === name);
  if (!sheet) throw invalidInput({ field: 'worksheet', rule: 'unavailable' });
  if (headerRow(sheet).index < 0) throw invalidInput({ field: 'file', rule: 'empty_file' });
  return sheet;
}

/** Only columns that exist, each field once. */
function cleanMapping(
  mapping: Record<string, number>,
  fields: ReadonlySet<string>,
  columns: number,
): Record<string, number> {
  return Object.fromEntries(Object.entries(mapping).filter(([field, column]) => fields.has(field) && column < columns));
}

/** Live target groups and stages by every name they go by (own name, or the shipped name in any language). */
async function catalogByName(db: Kysely<Database>) {
  const items = (await listCatalog(db)).filter((item) => !item.retired);
  const index = (kind: string) => {
    const map = new Map<string, string>();
    for (const item of items.filter((i) => i.kind === kind)) {
      // A shipped item also answers to its key ("intake"), as sheets often use it.
      const names = item.name ? [item.name] : [...LANGUAGES.map((l) => catalogName(item, l)), item.defaultKey ?? ''];
      for (const name of names) if (name && !map.has(nameKey(name))) map.set(nameKey(name), item.id);
    }
    return map;
  };
  return { targetGroups: index('target_group'), stages: index('stage') };
}

async function caseloadLookup(db: Kysely<Database>): Promise<CaseloadLookup> {
  const [catalog, workers, clients, written] = await Promise.all([
    catalogByName(db),
    listCaseworkers(db),
    clientsByReference(db),
    todosAndRemarksOfReferencedClients(db),
  ]);
  const todos = new Map<string, Set<string>>();
  for (const todo of written.todos) {
    const keys = todos.get(todo.clientId) ?? new Set<string>();
    todos.set(todo.clientId, keys.add(todoKey(todo.title, todo.dueDate)));
  }
  const remarks = new Map<string, Set<string>>();
  for (const remark of written.remarks) {
    const keys = remarks.get(remark.clientId) ?? new Set<string>();
    remarks.set(remark.clientId, keys.add(remarkKey(remark.body)));
  }
  return {
    ...catalog,
    caseworkers: new Map(workers.filter((w) => w.active).map((w) => [nameKey(w.name), w.id])),
    clients: new Map(clients.map((c) => [c.reference ?? '', c])),
    todos,
    remarks,
  };
}

/**
 * Lists and colleagues are the key persons' to make (anyone's while there is none), as on their own
 * screens. The command line works on the database file as whoever holds it, with no one signed in.
 */
async function mayCreateFromSheet(ctx: Context): Promise<boolean> {
  const by = actor(ctx);
  return by === null || (await mayManage(ctx.db, by));
}

/** What the import may create and how unknown caseworker names are resolved, from the input and the user's rights. */
async function caseloadOptions(
  ctx: Context,
  input: Pick<
    ParsedInput<'imports.caseloadPreview'>,
    'createTargetGroups' | 'createStages' | 'createCaseworkers' | 'caseworkers'
  >,
): Promise<CaseloadOptions> {
  const manage = await mayCreateFromSheet(ctx);
  return {
    today: today(ctx),
    createTargetGroups: input.createTargetGroups && manage,
    createStages: input.createStages && manage,
    createCaseworkers: input.createCaseworkers && manage,
    caseworkers: new Map(input.caseworkers.map((choice) => [nameKey(choice.name), choice.caseworkerId])),
  };
}

type Counts = Output<'imports.caseloadPreview'>['counts'];

function countActions(rows: ReadonlyArray<{ action: keyof Counts }>): Counts {
  const counts: Counts = { create: 0, update: 0, unchanged: 0, empty: 0, error: 0 };
  for (const row of rows) counts[row.action] += 1;
  return counts;
}

/** The first rows and every problem row, capped: what a person can read in a preview. */
function previewRows<R extends { action: string }>(rows: readonly R[]): R[] {
  const shown = rows.filter((row, i) => row.action !== 'empty' && (i < PREVIEW_FIRST_ROWS || row.action === 'error'));
  return shown.slice(0, PREVIEW_MAX_ROWS);
}

const caseloadLabel = (row: PlannedRow) =>
  [`${row.facts.firstName} ${row.facts.lastName}`.trim(), row.facts.reference].filter(Boolean).join(' · ');

async function caseloadMapping(ctx: Context, sheet: Worksheet, given: Record<string, number> | undefined) {
  const { headers } = headerRow(sheet);
  const fields = new Set<string>(CASELOAD_FIELDS);
  if (given)
    return { headers, mapping: cleanMapping(given, fields, headers.length) as CaseloadMapping, remembered: false };
  const remembered = await rememberedMapping(ctx.db, headerSignature('caseload', headers));
  if (remembered)
    return { headers, mapping: cleanMapping(remembered, fields, headers.length) as CaseloadMapping, remembered: true };
  return { headers, mapping: suggestMapping(headers, CASELOAD_SYNONYMS), remembered: false };
}

async function scoresMapping(
  ctx: Context,
  sheet: Worksheet,
  versionId: string,
  given: Record<string, number> | undefined,
) {
  const version = await getVersion(ctx.db, versionId);
  if (!version?.published) throw conflict('Not a published version', { reason: 'not_published' });
  const { headers } = headerRow(sheet);
  const fields = new Set(['reference', 'date', 'scoredBy', ...version.indicators.map((i) => i.key)]);
  const signature = headerSignature(`scores:${version.sheetId}`, headers);
  if (given)
    return { version, headers, signature, mapping: cleanMapping(given, fields, headers.length), remembered: false };
  const remembered = await rememberedMapping(ctx.db, signature);
  if (remembered)
    return { version, headers, signature, mapping: cleanMapping(remembered, fields, headers.length), remembered: true };
  const suggested: Record<string, number> = {};
  for (const [field, column] of Object.entries(suggestMapping(headers, scoresSynonyms(version.indicators))))
    if (column !== undefined) suggested[field] = column;
  return { version, headers, signature, mapping: suggested, remembered: false };
}

export const importHandlers = {
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
    const at = ctx.now().toISOString();
    const by = actor(ctx);
    const day = today(ctx);
    const notedAt = format(ctx.now(), "yyyy-MM-dd'T'HH:mm");
    const options = await caseloadOptions(ctx, input);
    const report = await ctx.db.transaction().execute(async (trx) => {
      const lookup = await caseloadLookup(trx);
      const plan = planCaseload(sheet, mapping, lookup, options);
      const errors = plan.rows.filter((row) => row.action === 'error').length;
      if (errors > 0) throw conflict('Rows with errors', { reason: 'import_errors', count: errors });

      // Caseworkers named in the sheet: mapped to a colleague as chosen, or created.
      const createdCaseworkers: string[] = [];
      for (const name of plan.unknown.caseworkers) {
        const chosen = options.caseworkers.get(nameKey(name));
        // The plan refused the rows naming one that is neither mapped nor to be created.
        if (!chosen && !options.createCaseworkers) continue;
        if (chosen) await checkActiveCaseworker(trx, chosen, 'caseworkers');
        const id =
          chosen ??
          (await insertCaseworker(
            trx,
            { name: name.replace(/\s+/g, ' ').trim().slice(0, 100), role: 'caseworker' },
            at,
            by,
          ));
        if (!chosen) createdCaseworkers.push(name);
        lookup.caseworkers.set(nameKey(name), id);
      }

      // New target groups and stages first, so the rows can point at them.
      const created = { targetGroups: [] as string[], stages: [] as string[] };
      for (const [kind, names, table, list] of [
        [
          'target_group',
          input.createTargetGroups ? plan.unknown.targetGroups : [],
          lookup.targetGroups,
          created.targetGroups,
        ],
        ['stage', input.createStages ? plan.unknown.stages : [], lookup.stages, created.stages],
      ] as const) {
        for (const name of names) {
          table.set(nameKey(name), await insertCatalogItem(trx, { kind, name: name.slice(0, 80), weight: 1 }, at, by));
          list.push(name);
        }
      }
      const idOf = (table: Map<string, string>, name: string | null) =>
        name === null ? null : (table.get(nameKey(name)) ?? null);
      let todosAdded = 0;
      let remarksAdded = 0;
      for (const row of plan.rows) {
        const targetGroupId = idOf(lookup.targetGroups, row.targetGroup);
        const stageId = idOf(lookup.stages, row.stage);
        let clientId = row.existing?.id ?? null;
        if (row.action === 'create') {
          clientId = await insertClient(
            trx,
            {
              ...row.facts,
              targetGroupId,
              householdId: null,
              stageId,
              caseworkerId: idOf(lookup.caseworkers, row.caseworker) ?? by,
              startDate: row.facts.startDate ?? day,
            },
            at,
            by,
          );
        } else if (row.action === 'update' && row.existing) {
          const existing = row.existing;
          const facts = mergeFacts(existing, row.facts, mapping);
          await updateClientFacts(
            trx,
            existing.id,
            { ...facts, targetGroupId: targetGroupId ?? existing.targetGroupId, householdId: existing.householdId },
            at,
            by,
          );
          if (stageId && stageId !== existing.stageId)
            await recordStageChange(
              trx,
              { clientId: existing.id, fromStageId: existing.stageId, toStageId: stageId, date: day },
              at,
              by,
            );
        }
        if (!clientId) continue;
        if (row.todo) {
          await insertAction(trx, { clientId, ...row.todo }, at, by);
          todosAdded += 1;
        }
        if (row.remark) {
          await insertNote(
            trx,
            { clientId, householdId: null, kind: 'remark', notedAt, body: row.remark, pinned: false },
            at,
            by,
          );
          remarksAdded += 1;
        }
      }
      await rememberMapping(trx, headerSignature('caseload', headers), mapping, at);
      const counts = countActions(plan.rows);
      return {
        created: counts.create,
        updated: counts.update,
        unchanged: counts.unchanged,
        skipped: plan.rows
          .filter((row) => row.action === 'empty')
          .map((row) => ({ line: row.line, reason: 'empty' as const })),
        createdTargetGroups: created.targetGroups,
        createdStages: created.stages,
        createdCaseworkers,
        todosAdded,
        remarksAdded,
      };
    });
    return report;
  },

  async 'imports.scoresPreview'(ctx, input) {
    const sheet = worksheetOf(openFile(ctx, input.token, 'scores'), input.worksheet);
    const { version, headers, mapping, remembered } = await scoresMapping(ctx, sheet, input.versionId, input.mapping);
    const plan = await planScores(ctx.db, sheet, version, mapping, today(ctx));
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
      const plan: ScoresPlan = await planScores(trx, sheet, version, mapping, today(ctx));
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
