import type { Kysely } from 'kysely';
import { listCatalog } from '../../db/queries/catalog';
import { listCaseworkers } from '../../db/queries/caseworkers';
import { listCaseload } from '../../db/queries/clients';
import {
  type CaseloadExportRow,
  type ClosureExportRow,
  type ScoreExportRow,
  streamCaseload,
  streamClosures,
  streamScores,
} from '../../db/queries/exports';
import { getVersion, listSheets } from '../../db/queries/sheets';
import type { Database } from '../../db/schema';
import type { CaseloadRow, DomainHandlers } from '../../common/contract';
import type { CaseloadColumnId } from '../../common/contract/caseload-view';
import { weeksBetween } from '../../common/dates';
import { caseloadTexts } from '../../common/i18n/caseload';
import { exportTexts } from '../../common/i18n/exports';
import { fileTexts } from '../../common/i18n/files';
import { catalogName } from '../../common/contract/catalog-names';
import type { Language } from '../../common/languages';
import { type Context, language, today } from '../context';
import { invalidInput, notFound } from '../rpc/app-error';
import { saveName } from '../save-name';
import { sheetLayoutTables } from '../spreadsheets/sheet-layout';
import type { Cell } from '../spreadsheets/workbook';
import { type Column, type Table, writeTables } from '../spreadsheets/write';

/** Names to put in the file instead of ids, fetched before a query streams (it holds the connection). */
async function names(db: Kysely<Database>, lang: Language) {
  const [catalog, workers] = await Promise.all([listCatalog(db), listCaseworkers(db)]);
  const items = new Map(catalog.map((item) => [item.id, catalogName(item, lang)]));
  const people = new Map(workers.map((w) => [w.id, w.name]));
  return {
    item: (id: string | null) => (id ? (items.get(id) ?? null) : null),
    person: (id: string | null) => (id ? (people.get(id) ?? null) : null),
  };
}

/** Asks where to save, suggesting "Scores 2026-11-23.xlsx"; null: the user cancelled. */
export function chooseFile(ctx: Context, base: string, fileType: 'xlsx' | 'csv') {
  const types = fileTexts[language(ctx)].types;
  return ctx.desktop.chooseSaveFile({
    defaultName: saveName(`${base} ${today(ctx)}`, fileType),
    filters: [
      fileType === 'xlsx'
        ? { name: types.spreadsheet, extensions: ['xlsx'] }
        : { name: types.csv, extensions: ['csv'] },
    ],
  });
}

/** Consecutive scores of one scoring folded into one row, chunk by chunk: the wide format. */
async function* wideRows(
  chunks: AsyncIterable<ScoreExportRow[]>,
  keys: readonly string[],
  head: (row: ScoreExportRow) => Cell[],
): AsyncIterable<Cell[][]> {
  let current: { id: string; cells: Cell[]; values: Map<string, number | null> } | undefined;
  const finish = (): Cell[][] =>
    current ? [[...current.cells, ...keys.map((key) => current?.values.get(key) ?? null)]] : [];
  for await (const chunk of chunks) {
    const done: Cell[][] = [];
    for (const row of chunk) {
      if (current?.id !== row.scoringId) {
        done.push(...finish());
        current = { id: row.scoringId, cells: head(row), values: new Map() };
      }
      current.values.set(row.indicatorKey, row.value);
    }
    yield done;
  }
  yield finish();
}

export const exportHandlers = {
  async 'exports.scores'(ctx, input) {
    const lang = language(ctx);
    const words = exportTexts[lang];
    const files = fileTexts[lang];
    if (input.format === 'wide' && !input.sheetId) throw invalidInput({ field: 'sheetId', rule: 'required' });
    const [sheet] = input.sheetId ? await listSheets(ctx.db, input.sheetId) : [];
    if (input.sheetId && !sheet) throw notFound('Sheet');
    const version = sheet
      ? await getVersion(ctx.db, sheet.publishedVersionId ?? sheet.draftVersionId ?? '')
      : undefined;
    const path = await chooseFile(
      ctx,
      sheet ? `${files.names.scores} ${sheet.name}` : files.names.scores,
      input.fileType,
    );
    if (!path) return { path: null, rows: 0 };

    const lookup = await names(ctx.db, lang);
    const person: Column[] = [
      ...(input.pseudonymised ? [] : [{ header: words.reference, kind: 'text' } as const]),
      { header: words.pseudonym, kind: 'text' },
      { header: words.targetGroup, kind: 'text' },
      { header: words.caseworker, kind: 'text' },
    ];
    const personCells = (row: ScoreExportRow): Cell[] => [
      ...(input.pseudonymised ? [] : [row.reference]),
      row.pseudonym,
      lookup.item(row.targetGroupId),
      lookup.person(row.caseworkerId),
    ];
    const rows = streamScores(ctx.db, input);
    const long: Table<ScoreExportRow> = {
      name: words.scores,
      columns: [
        ...person,
        { header: words.sheet, kind: 'text' },
        { header: words.version, kind: 'integer' },
        { header: words.indicator, kind: 'text', width: 28 },
        { header: words.date, kind: 'date' },
        { header: words.scoredBy, kind: 'text' },
        // A provider may be one person (a job coach): not in a pseudonymised file.
        ...(input.pseudonymised ? [] : [{ header: words.organisation, kind: 'text' } as const]),
        { header: words.value, kind: 'integer' },
        { header: words.level, kind: 'text', width: 24 },
        // Comments are free text about the client: not in a pseudonymised file.
        ...(input.pseudonymised ? [] : [{ header: words.comment, kind: 'text', width: 40 } as const]),
      ],
      chunks: rows,
      // Built in one go, without spreading: this runs once per score.
      cells: input.pseudonymised
        ? (row) => [
            row.pseudonym,
            lookup.item(row.targetGroupId),
            lookup.person(row.caseworkerId),
            row.sheetName,
            row.versionNumber,
            row.indicatorName,
            row.date,
            words.by[row.scoredBy],
            row.value,
            row.label,
          ]
        : (row) => [
            row.reference,
            row.pseudonym,
            lookup.item(row.targetGroupId),
            lookup.person(row.caseworkerId),
            row.sheetName,
            row.versionNumber,
            row.indicatorName,
            row.date,
            words.by[row.scoredBy],
            row.organisation,
            row.value,
            row.label,
            row.comment,
          ],
    };
    const wide: Table = {
      name: words.scores,
      columns: [
        ...person,
        { header: words.version, kind: 'integer' },
        { header: words.date, kind: 'date' },
        { header: words.scoredBy, kind: 'text' },
        ...(input.pseudonymised ? [] : [{ header: words.organisation, kind: 'text' } as const]),
        ...(version?.indicators ?? []).map((indicator) => ({ header: indicator.name, kind: 'integer' as const })),
      ],
      chunks: wideRows(
        rows,
        (version?.indicators ?? []).map((i) => i.key),
        (row) => [
          ...personCells(row),
          row.versionNumber,
          row.date,
          words.by[row.scoredBy],
          ...(input.pseudonymised ? [] : [row.organisation]),
        ],
      ),
    };
    const table: Table<unknown> = input.format === 'long' ? long : wide;
    // The level descriptions travel with the scores, so a number can be read without Koers.
    const described = version
      ? [version]
      : (
          await Promise.all(
            (await listSheets(ctx.db)).map((s) =>
              s.publishedVersionId ? getVersion(ctx.db, s.publishedVersionId) : undefined,
            ),
          )
        ).filter((v) => v !== undefined);
    const levels: Table = {
      name: words.levels,
      columns: [
        { header: words.sheet, kind: 'text', width: 24 },
        { header: words.indicator, kind: 'text', width: 28 },
        { header: words.value, kind: 'integer' },
        { header: words.level, kind: 'text', width: 28 },
        { header: words.levelDescription, kind: 'text', width: 60 },
      ],
      chunks: [
        described.flatMap((v) =>
          v.indicators.flatMap((indicator) =>
            indicator.levels.map((level) => [v.sheetName, indicator.name, level.value, level.label, level.description]),
          ),
        ),
      ],
    };
    const count = await writeTables(path, input.fileType, [table, levels], lang);
    return { path, rows: count };
  },

  async 'exports.caseload'(ctx, input) {
    const lang = language(ctx);
    const words = exportTexts[lang];
    const path = await chooseFile(ctx, fileTexts[lang].names.caseload, input.fileType);
    if (!path) return { path: null, rows: 0 };
    const lookup = await names(ctx.db, lang);
    const hide = input.pseudonymised;
    const columns: Column[] = [
      ...(hide
        ? []
        : ([
            { header: words.reference, kind: 'text' },
            { header: words.firstName, kind: 'text' },
            { header: words.lastName, kind: 'text' },
            { header: words.dateOfBirth, kind: 'date' },
            { header: words.phone, kind: 'text' },
            { header: words.email, kind: 'text', width: 28 },
          ] as const)),
      { header: words.pseudonym, kind: 'text' },
      { header: words.targetGroup, kind: 'text' },
      { header: words.stage, kind: 'text' },
      { header: words.stageSince, kind: 'date' },
      { header: words.caseworker, kind: 'text' },
      { header: words.startDate, kind: 'date' },
      { header: words.status, kind: 'text' },
      // The caseworker's own columns, as she kept them in Excel (free text: never in pseudonymised output).
      ...(hide
        ? []
        : ([
            { header: words.nextAction, kind: 'text', width: 28 },
            { header: words.nextActionDate, kind: 'date' },
            { header: words.nextActionTime, kind: 'text' },
            { header: words.remark, kind: 'text', width: 40 },
          ] as const)),
    ];
    const table: Table<CaseloadExportRow> = {
      name: words.caseload,
      columns,
      chunks: streamCaseload(ctx.db, input.status),
      cells: (c) => [
        ...(hide ? [] : [c.reference, c.firstName, c.lastName, c.dateOfBirth, c.phone, c.email]),
        c.pseudonym,
        lookup.item(c.targetGroupId),
        lookup.item(c.stageId),
        c.stageSince,
        lookup.person(c.caseworkerId),
        c.startDate,
        words.statuses[c.status],
        ...(hide ? [] : [c.nextAction, c.nextActionDate, c.nextActionTime, c.remark]),
      ],
    };
    return { path, rows: await writeTables(path, input.fileType, [table], lang) };
  },

  async 'exports.caseloadView'(ctx, input) {
    const lang = language(ctx);
    const words = exportTexts[lang];
    const path = await chooseFile(ctx, fileTexts[lang].names.caseload, input.fileType);
    if (!path) return { path: null, rows: 0 };
    const day = today(ctx);
    const [lookup, catalog, all] = await Promise.all([
      names(ctx.db, lang),
      listCatalog(ctx.db),
      listCaseload(ctx.db, { status: 'all', today: day }),
    ]);
    const weights = new Map(catalog.map((item) => [item.id, item.weight]));
    const byId = new Map(all.map((row) => [row.id, row]));
    // The screen's values, unformatted: dates as dates, counts and weights as numbers.
    const views: Record<CaseloadColumnId, { kind: Column['kind']; cell(row: CaseloadRow): Cell }> = {
      name: {
        kind: 'text',
        cell: (r) => (input.pseudonyms ? r.pseudonym : `${r.lastName}, ${r.firstName}`),
      },
      reference: { kind: 'text', cell: (r) => r.reference },
      targetGroup: { kind: 'text', cell: (r) => lookup.item(r.targetGroupId) },
      stage: { kind: 'text', cell: (r) => lookup.item(r.stageId) },
      weeks: { kind: 'integer', cell: (r) => (r.stageSince ? weeksBetween(r.stageSince, day) : null) },
      next: { kind: 'text', cell: (r) => r.nextAction?.title ?? null },
      due: { kind: 'date', cell: (r) => r.nextAction?.dueDate ?? null },
      overdue: { kind: 'integer', cell: (r) => r.overdueCount },
      lastScored: { kind: 'date', cell: (r) => r.lastScoredOn },
      scoringDue: { kind: 'date', cell: (r) => (r.status === 'active' ? r.scoringDueOn : null) },
      weight: { kind: 'number', cell: (r) => (r.stageId ? (weights.get(r.stageId) ?? 1) : 1) },
      caseworker: { kind: 'text', cell: (r) => lookup.person(r.caseworkerId) },
    };
    const shown = input.columns.map((id) => ({ id, ...views[id] }));
    const rows = input.clientIds.flatMap((id) => {
      const row = byId.get(id);
      return row ? [row] : [];
    });
    const table: Table<CaseloadRow> = {
      name: words.caseload,
      columns: shown.map((c) => ({ header: caseloadTexts[lang].columns[c.id], kind: c.kind })),
      chunks: [rows],
      cells: (row) => shown.map((c) => c.cell(row)),
    };
    return { path, rows: await writeTables(path, input.fileType, [table], lang) };
  },

  async 'exports.closedCases'(ctx, input) {
    const lang = language(ctx);
    const words = exportTexts[lang];
    const period = input.quarter ? `${input.year}-Q${input.quarter}` : String(input.year);
    const path = await chooseFile(ctx, `${fileTexts[lang].names.closed} ${period}`, input.fileType);
    if (!path) return { path: null, rows: 0 };
    const firstMonth = input.quarter ? (input.quarter - 1) * 3 + 1 : 1;
    const lastMonth = input.quarter ? firstMonth + 2 : 12;
    const from = `${input.year}-${String(firstMonth).padStart(2, '0')}-01`;
    const to = new Date(Date.UTC(input.year, lastMonth, 0)).toISOString().slice(0, 10);
    const lookup = await names(ctx.db, lang);
    const perReason = new Map<string, number>();
    const weeks = (start: string | null, end: string) =>
      start ? Math.max(0, Math.floor((Date.parse(end) - Date.parse(start)) / (7 * 86_400_000))) : null;
    const closures = streamClosures(ctx.db, from, to);
    const closureCells = (z: ClosureExportRow): Cell[] => {
      const reason = lookup.item(z.reasonId) ?? '';
      perReason.set(reason, (perReason.get(reason) ?? 0) + 1);
      return [
        ...(input.pseudonymised ? [] : [z.reference, z.firstName, z.lastName]),
        z.pseudonym,
        lookup.item(z.targetGroupId),
        lookup.person(z.caseworkerId),
        z.startDate,
        z.closedOn,
        reason,
        weeks(z.startDate, z.closedOn),
      ];
    };
    const columns: Column[] = [
      ...(input.pseudonymised
        ? []
        : ([
            { header: words.reference, kind: 'text' },
            { header: words.firstName, kind: 'text' },
            { header: words.lastName, kind: 'text' },
          ] as const)),
      { header: words.pseudonym, kind: 'text' },
      { header: words.targetGroup, kind: 'text' },
      { header: words.caseworker, kind: 'text' },
      { header: words.startDate, kind: 'date' },
      { header: words.closedOn, kind: 'date' },
      { header: words.reason, kind: 'text' },
      { header: words.weeks, kind: 'integer' },
    ];
    // The summary is read after the detail rows have streamed past.
    const summary: Table = {
      name: words.summary,
      columns: [
        { header: words.reason, kind: 'text', width: 24 },
        { header: words.count, kind: 'integer' },
      ],
      chunks: {
        *[Symbol.iterator]() {
          yield [...perReason].sort((a, b) => b[1] - a[1]);
        },
      },
    };
    const detail: Table<ClosureExportRow> = { name: words.closed, columns, chunks: closures, cells: closureCells };
    return { path, rows: await writeTables(path, input.fileType, [detail, summary], lang) };
  },

  async 'exports.sheet'(ctx, input) {
    const version = await getVersion(ctx.db, input.versionId);
    if (!version) throw notFound('Sheet version');
    const lang = language(ctx);
    const files = fileTexts[lang];
    const [sheet] = await listSheets(ctx.db, version.sheetId);
    const path = await ctx.desktop.chooseSaveFile({
      defaultName: saveName(`${files.names.sheet} ${version.sheetName} v${version.number}`, 'xlsx'),
      filters: [{ name: files.types.spreadsheet, extensions: ['xlsx'] }],
    });
    if (!path) return { path: null, rows: 0 };
    return {
      path,
      rows: await writeTables(path, 'xlsx', sheetLayoutTables(version, sheet?.description ?? null, lang), lang),
    };
  },
} satisfies DomainHandlers<Context, 'exports'>;
