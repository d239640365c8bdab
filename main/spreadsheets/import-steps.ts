import type { Kysely, Transaction } from 'kysely';
import { format } from 'date-fns';
import { insertAction } from '../../db/queries/actions';
import { insertCatalogItem, listCatalog } from '../../db/queries/catalog';
import { insertCaseworker, listCaseworkers, mayManage } from '../../db/queries/caseworkers';
import { insertClient, recordStageChange, updateClientFacts } from '../../db/queries/clients';
import {
  caseworkerAliases,
  clientsByReference,
  clientStatusByReference,
  rememberAlias,
  rememberedMapping,
  todosAndRemarksOfReferencedClients,
} from '../../db/queries/imports';
import { insertNote } from '../../db/queries/notes';
import { getVersion } from '../../db/queries/sheets';
import type { CatalogKind, ClientRow, Database } from '../../db/schema';
import type { CatalogItem, Output, ParsedInput } from '../../common/contract';
import { CASELOAD_FIELDS, CLOSURE_FIELDS } from '../../common/contract/spreadsheets';
import { catalogName } from '../../common/contract/catalog-names';
import { nameKey } from '../../common/fold';
import { LANGUAGES } from '../../common/languages';
import { actor, type Context, type OpenFile, today } from '../context';
import { checkActiveCaseworker, checkCatalogChoice } from '../handlers/checks';
import { conflict, invalidInput } from '../rpc/app-error';
import {
  CASELOAD_SYNONYMS,
  type CaseloadLookup,
  type CaseloadMapping,
  type CaseloadOptions,
  type CaseloadPlan,
  mergeFacts,
  type PlannedRow,
  remarkKey,
  todoKey,
} from './caseload-import';
import { CLOSURE_SYNONYMS, type ClosureLookup } from './closures-import';
import { headerSignature, suggestMapping } from './mapping';
import { scoresSynonyms } from './scores-import';
import { headerRow, type Worksheet } from './workbook';

/**
 * The steps every spreadsheet import shares: the open file and its worksheets, what Koers knows to
 * match names and references against, the columns (given, remembered or suggested), the counts and
 * the rows a preview shows, and writing a caseload plan.
 */

/** The preview lists the first rows and then only rows with problems. */
export const PREVIEW_FIRST_ROWS = 50;
export const PREVIEW_MAX_ROWS = 500;

export function openFile(ctx: Context, token: string, kind: OpenFile['kind']): OpenFile {
  const file = ctx.openFiles.get(token);
  if (!file || file.kind !== kind) throw conflict('Import file is no longer open', { reason: 'import_expired' });
  return file;
}

export function worksheetOf(file: OpenFile, name: string): Worksheet {
  const sheet = file.workbook.worksheets.find((w) => w.name === name);
  if (!sheet) throw invalidInput({ field: 'worksheet', rule: 'unavailable' });
  if (headerRow(sheet).index < 0) throw invalidInput({ field: 'file', rule: 'empty_file' });
  return sheet;
}

/** Only columns that exist, each field once. */
export function cleanMapping(
  mapping: Record<string, number>,
  fields: ReadonlySet<string>,
  columns: number,
): Record<string, number> {
  return Object.fromEntries(Object.entries(mapping).filter(([field, column]) => fields.has(field) && column < columns));
}

export async function caseloadLookup(db: Kysely<Database>): Promise<CaseloadLookup> {
  const [catalog, workers, aliases, clients, written] = await Promise.all([
    listCatalog(db),
    listCaseworkers(db),
    caseworkerAliases(db),
    clientsByReference(db),
    todosAndRemarksOfReferencedClients(db),
  ]);
  const todos = new Map<string, Set<string>>();
  for (const todo of written.todos) {
    const keys = todos.get(todo.clientId) ?? new Set<string>();
    // By its date, and by its title alone: a next action without a date is due on the day it was imported.
    todos.set(todo.clientId, keys.add(todoKey(todo.title, todo.dueDate)).add(todoKey(todo.title, null)));
  }
  const remarks = new Map<string, Set<string>>();
  for (const remark of written.remarks) {
    const keys = remarks.get(remark.clientId) ?? new Set<string>();
    remarks.set(remark.clientId, keys.add(remarkKey(remark.body)));
  }
  return {
    targetGroups: catalogNames(catalog, 'target_group'),
    stages: catalogNames(catalog, 'stage'),
    // Their own names first; then the names earlier imports mapped to them.
    caseworkers: new Map([...aliases, ...workers.filter((w) => w.active).map((w) => [nameKey(w.name), w.id] as const)]),
    clients: new Map(clients.map((c) => [c.reference ?? '', c])),
    todos,
    remarks,
  };
}

/**
 * Lists and colleagues are the key persons' to make (anyone's while there is none), as on their own
 * screens. The command line works on the database file as whoever holds it, with no one signed in.
 */
export async function mayCreateFromSheet(ctx: Context): Promise<boolean> {
  const by = actor(ctx);
  return by === null || (await mayManage(ctx.db, by));
}

/** What the import may create and how unknown caseworker names are resolved, from the input and the user's rights. */
export async function caseloadOptions(
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

export type Counts = Output<'imports.caseloadPreview'>['counts'];

export function countActions(rows: ReadonlyArray<{ action: keyof Counts }>): Counts {
  const counts: Counts = { create: 0, update: 0, unchanged: 0, empty: 0, error: 0 };
  for (const row of rows) counts[row.action] += 1;
  return counts;
}

/** The first rows and every problem row, capped: what a person can read in a preview. */
export function previewRows<R extends { action: string }>(rows: readonly R[]): R[] {
  const shown = rows.filter((row, i) => row.action !== 'empty' && (i < PREVIEW_FIRST_ROWS || row.action === 'error'));
  return shown.slice(0, PREVIEW_MAX_ROWS);
}

export const caseloadLabel = (row: PlannedRow) =>
  [`${row.facts.firstName} ${row.facts.lastName}`.trim(), row.facts.reference].filter(Boolean).join(' · ');

export async function caseloadMapping(ctx: Context, sheet: Worksheet, given: Record<string, number> | undefined) {
  const { headers } = headerRow(sheet);
  const fields = new Set<string>(CASELOAD_FIELDS);
  if (given)
    return { headers, mapping: cleanMapping(given, fields, headers.length) as CaseloadMapping, remembered: false };
  const remembered = await rememberedMapping(ctx.db, headerSignature('caseload', headers));
  if (remembered)
    return { headers, mapping: cleanMapping(remembered, fields, headers.length) as CaseloadMapping, remembered: true };
  return { headers, mapping: suggestMapping(headers, CASELOAD_SYNONYMS), remembered: false };
}

export async function scoresMapping(
  ctx: Context,
  sheet: Worksheet,
  versionId: string,
  given: Record<string, number> | undefined,
) {
  const version = await getVersion(ctx.db, versionId);
  if (!version?.published) throw conflict('Not a published version', { reason: 'not_published' });
  const { headers } = headerRow(sheet);
  const fields = new Set(['reference', 'date', 'scoredBy', 'organisation', ...version.indicators.map((i) => i.key)]);
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

/** One import's moment and author: every row it writes carries them (which is also how undo finds them). */
export interface ImportStamp {
  at: string;
  by: string | null;
  day: string;
  /** Remarks are dated the moment of the import, local time. */
  notedAt: string;
}

export function importStamp(ctx: Context): ImportStamp {
  return {
    at: ctx.now().toISOString(),
    by: actor(ctx),
    day: today(ctx),
    notedAt: format(ctx.now(), "yyyy-MM-dd'T'HH:mm"),
  };
}

export interface CaseloadWritten {
  createdTargetGroups: string[];
  createdStages: string[];
  createdCaseworkers: string[];
  todosAdded: number;
  remarksAdded: number;
  /** The clients the import updated, as they were before: what undo puts back. */
  before: ClientRow[];
}

/**
 * Writes a caseload plan made inside the same transaction (the lookup it was made with gets the ids of
 * what this creates); a plan with any row in error writes nothing.
 */
export async function writeCaseload(
  trx: Transaction<Database>,
  { plan, lookup }: { plan: CaseloadPlan; lookup: CaseloadLookup },
  mapping: CaseloadMapping,
  options: CaseloadOptions,
  { at, by, day, notedAt }: ImportStamp,
): Promise<CaseloadWritten> {
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
    // Mapped: the next import of a sheet that writes the name so knows whom it means.
    else await rememberAlias(trx, nameKey(name), chosen, at);
    lookup.caseworkers.set(nameKey(name), id);
  }

  // New target groups and stages first, so the rows can point at them.
  const created = { targetGroups: [] as string[], stages: [] as string[] };
  for (const [kind, names, table, list] of [
    [
      'target_group',
      options.createTargetGroups ? plan.unknown.targetGroups : [],
      lookup.targetGroups,
      created.targetGroups,
    ],
    ['stage', options.createStages ? plan.unknown.stages : [], lookup.stages, created.stages],
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
  const before = await clientRows(
    trx,
    plan.rows.flatMap((row) => (row.action === 'update' && row.existing ? [row.existing.id] : [])),
  );
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
  return {
    createdTargetGroups: created.targetGroups,
    createdStages: created.stages,
    createdCaseworkers,
    todosAdded,
    remarksAdded,
    before,
  };
}

/** Bound values per statement, well under SQLite's limit. */
const IDS_PER_QUERY = 5_000;

/** These clients' rows as they are now, in full. */
export async function clientRows(db: Kysely<Database>, ids: readonly string[]): Promise<ClientRow[]> {
  const rows: ClientRow[] = [];
  for (let i = 0; i < ids.length; i += IDS_PER_QUERY)
    rows.push(
      ...(await db
        .selectFrom('client')
        .selectAll()
        .where('id', 'in', ids.slice(i, i + IDS_PER_QUERY))
        .execute()),
    );
  return rows;
}

/**
 * Live items of one list kind by every name they go by: its own, or the shipped name in any language,
 * or its key ("intake"), as sheets often use it.
 */
export function catalogNames(catalog: readonly CatalogItem[], kind: CatalogKind): Map<string, string> {
  const map = new Map<string, string>();
  for (const item of catalog.filter((i) => i.kind === kind && !i.retired)) {
    const names = item.name ? [item.name] : [...LANGUAGES.map((l) => catalogName(item, l)), item.defaultKey ?? ''];
    for (const name of names) if (name && !map.has(nameKey(name))) map.set(nameKey(name), item.id);
  }
  return map;
}

/** What a closed-cases worksheet is checked against; `pending` are references a caseload worksheet before it creates. */
export async function closureLookup(
  db: Kysely<Database>,
  pending: ReadonlyMap<string, string>,
  reasonId: string | undefined,
): Promise<ClosureLookup> {
  const [clients, reasons, work] = await Promise.all([
    clientStatusByReference(db),
    listCatalog(db).then((catalog) => catalogNames(catalog, 'closure_reason')),
    db
      .selectFrom('catalog_item')
      .select('id')
      .where('kind', '=', 'closure_reason')
      .where('default_key', '=', 'work')
      .where('retired_at', 'is', null)
      .where('deleted_at', 'is', null)
      .executeTakeFirst(),
  ]);
  if (reasonId !== undefined) await checkCatalogChoice(db, reasonId, 'closure_reason', 'reasonId');
  return {
    clients: new Map(
      clients.map((c) => [
        c.reference,
        { id: c.id, label: `${c.firstName} ${c.lastName}`.trim(), closed: c.status === 'closed' },
      ]),
    ),
    pending,
    reasons,
    defaultReasonId: reasonId ?? work?.id ?? null,
  };
}

/** The columns of a closed-cases worksheet: given, remembered for these headers, or suggested from them. */
export async function closuresMapping(ctx: Context, sheet: Worksheet, given: Record<string, number> | undefined) {
  const { headers } = headerRow(sheet);
  const fields = new Set<string>(CLOSURE_FIELDS);
  const signature = headerSignature('closures', headers);
  if (given) return { headers, signature, mapping: cleanMapping(given, fields, headers.length), remembered: false };
  const remembered = await rememberedMapping(ctx.db, signature);
  if (remembered)
    return { headers, signature, mapping: cleanMapping(remembered, fields, headers.length), remembered: true };
  return { headers, signature, mapping: suggestMapping(headers, CLOSURE_SYNONYMS), remembered: false };
}
