import { type ExpressionBuilder, type Kysely, sql, type Transaction } from 'kysely';
import type { CaseloadRow, Client } from '../../common/contract';
import { scoringDueOn } from '../../common/rhythm';
import { newId } from '../ids';
import { preparedQuery } from '../prepared';
import { clientsMatching, refreshClientSearch, searchPattern } from '../search/clients';
import type { ClientStatus, Database } from '../schema';
import { recorded, tracked, updated } from '../tracked';

export function formatPseudonym(n: number): string {
  return `K-${String(n).padStart(4, '0')}`;
}

// ---------- caseload overview ----------

export interface CaseloadFilter {
  caseworkerId?: string;
  status: ClientStatus | 'all';
  search?: string;
  targetGroupId?: string;
  stageId?: string;
  overdueOnly?: boolean;
  /** Local date; to-dos due before it are overdue. */
  today: string;
}

const openAction = (eb: ExpressionBuilder<Database & { a: Database['action'] }, 'a'>) =>
  eb.and([eb('a.done_at', 'is', null), eb('a.deleted_at', 'is', null)]);

/** The id of a client's next open to-do (earliest due, then time), for `na.id = (…)`; `client` names the client's id column. */
export function nextOpenActionId(db: Kysely<Database>, client: 'r.id' | 'c.id') {
  return db
    .selectFrom('action as a')
    .select('a.id')
    .where(sql<boolean>`a.client_id = ${sql.ref(client)}`)
    .where(openAction)
    .orderBy('a.due_date')
    .orderBy('a.due_time')
    .orderBy('a.id')
    .limit(1);
}

/** What changes the caseload query's SQL: which filters are on. */
interface CaseloadShape {
  caseworker: boolean;
  status: boolean;
  targetGroup: boolean;
  stage: boolean;
  search: boolean;
  overdueOnly: boolean;
}

/**
 * The caseload: one row per client with the next open to-do and the number of
 * overdue ones. The to-do columns come from index seeks per client
 * (action_open_by_client), so the cost follows the rows shown, not the database.
 * Compiled once per combination of filters (see prepared.ts).
 */
const caseloadQuery = preparedQuery(
  (
    db,
    shape: CaseloadShape,
    v: {
      today: string;
      caseworkerId: string | null;
      status: string | null;
      targetGroupId: string | null;
      stageId: string | null;
      pattern: string | null;
    },
  ) =>
    db
      .with('rows', (qc) =>
        qc
          .selectFrom('client as c')
          .select((eb) => [
            'c.id',
            'c.pseudonym',
            'c.reference',
            'c.first_name as firstName',
            'c.last_name as lastName',
            'c.caseworker_id as caseworkerId',
            'c.target_group_id as targetGroupId',
            'c.stage_id as stageId',
            'c.stage_since as stageSince',
            'c.household_id as householdId',
            'c.status',
            eb
              .selectFrom('action as a')
              .select((e) => e.fn.countAll<number>().as('n'))
              .whereRef('a.client_id', '=', 'c.id')
              .where(openAction)
              .where('a.due_date', '<', v.today)
              .as('overdueCount'),
            eb
              .selectFrom('scoring as s')
              .select((e) => e.fn.max('s.scored_on').as('d'))
              .whereRef('s.client_id', '=', 'c.id')
              .where('s.deleted_at', 'is', null)
              .as('lastScoredOn'),
            'c.start_date as startDate',
          ])
          .where('c.deleted_at', 'is', null)
          .$if(shape.caseworker, (q) => q.where('c.caseworker_id', '=', v.caseworkerId))
          .$if(shape.status, (q) => q.where('c.status', '=', v.status as ClientStatus))
          .$if(shape.targetGroup, (q) => q.where('c.target_group_id', '=', v.targetGroupId))
          .$if(shape.stage, (q) => q.where('c.stage_id', '=', v.stageId))
          .$if(shape.search, (q) => q.where('c.id', 'in', clientsMatching(db, v.pattern))),
      )
      .selectFrom('rows as r')
      // The next open to-do, looked up once per client here (as a column of `rows`, SQLite computed it twice).
      .leftJoin('action as na', (join) => join.on((eb) => eb('na.id', '=', nextOpenActionId(db, 'r.id'))))
      .leftJoin('catalog_item as tg', 'tg.id', 'r.targetGroupId')
      .selectAll('r')
      .select([
        'tg.rescore_weeks as rescoreWeeks',
        'na.id as nextActionId',
        'na.title as nextActionTitle',
        'na.kind as nextActionKind',
        'na.due_date as nextActionDueDate',
        'na.due_time as nextActionDueTime',
      ])
      .$if(shape.overdueOnly, (q) => q.where('r.overdueCount', '>', 0))
      // NOCASE: lower-case "de Boer" must not sort after every capitalised name.
      .orderBy('r.lastName', (ob) => ob.collate('nocase'))
      .orderBy('r.firstName', (ob) => ob.collate('nocase'))
      .orderBy('r.id'),
);

export async function listCaseload(db: Kysely<Database>, filter: CaseloadFilter): Promise<CaseloadRow[]> {
  if (filter.search) await refreshClientSearch(db);
  const rows = await caseloadQuery(
    db,
    {
      caseworker: Boolean(filter.caseworkerId),
      status: filter.status !== 'all',
      targetGroup: Boolean(filter.targetGroupId),
      stage: Boolean(filter.stageId),
      search: Boolean(filter.search),
      overdueOnly: filter.overdueOnly === true,
    },
    {
      today: filter.today,
      caseworkerId: filter.caseworkerId ?? null,
      status: filter.status,
      targetGroupId: filter.targetGroupId ?? null,
      stageId: filter.stageId ?? null,
      pattern: filter.search ? searchPattern(filter.search) : null,
    },
  );
  // Built as a literal, not by spreading the row minus its helper columns: this runs for every row on every
  // keystroke of a search, and a rest spread costs twice as much (measured).
  return rows.map((r) => ({
    id: r.id,
    pseudonym: r.pseudonym,
    reference: r.reference,
    firstName: r.firstName,
    lastName: r.lastName,
    caseworkerId: r.caseworkerId,
    targetGroupId: r.targetGroupId,
    stageId: r.stageId,
    stageSince: r.stageSince,
    householdId: r.householdId,
    status: r.status,
    nextAction:
      r.nextActionId && r.nextActionTitle !== null && r.nextActionKind !== null && r.nextActionDueDate !== null
        ? {
            id: r.nextActionId,
            title: r.nextActionTitle,
            kind: r.nextActionKind,
            dueDate: r.nextActionDueDate,
            dueTime: r.nextActionDueTime,
          }
        : null,
    overdueCount: Number(r.overdueCount ?? 0),
    lastScoredOn: r.lastScoredOn ?? null,
    scoringDueOn: scoringDueOn(r.lastScoredOn ?? null, r.startDate, r.rescoreWeeks),
  }));
}

// ---------- one client ----------

export async function getClient(db: Kysely<Database>, id: string): Promise<Client | undefined> {
  const row = await db
    .selectFrom('client as c')
    .leftJoin('closure as z', (join) => join.onRef('z.client_id', '=', 'c.id').on('z.reopened_on', 'is', null))
    .select([
      'c.id',
      'c.pseudonym',
      'c.reference',
      'c.first_name as firstName',
      'c.last_name as lastName',
      'c.date_of_birth as dateOfBirth',
      'c.phone',
      'c.email',
      'c.caseworker_id as caseworkerId',
      'c.target_group_id as targetGroupId',
      'c.stage_id as stageId',
      'c.stage_since as stageSince',
      'c.household_id as householdId',
      'c.start_date as startDate',
      'c.language',
      'c.status',
      'c.created_at as createdAt',
      'z.id as closureId',
      'z.closed_on as closedOn',
      'z.reason_id as reasonId',
      'z.outcome_note as outcomeNote',
    ])
    .where('c.id', '=', id)
    .where('c.deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const { closureId, closedOn, reasonId, outcomeNote, ...client } = row;
  return {
    ...client,
    // The open closure, while the case is closed (a left join types its columns nullable).
    closure:
      client.status === 'closed' && closureId && closedOn !== null && reasonId !== null
        ? { id: closureId, closedOn, reasonId, outcomeNote, reopenedOn: null }
        : null,
  };
}

/** Whose caseload each of these live clients is in; a client not in the map does not exist (or was erased). */
export async function caseworkersOf(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, string | null>> {
  const owners = new Map<string, string | null>();
  // Chunks keep each statement well under SQLite's bound-parameter limit.
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('client')
      .select(['id', 'caseworker_id'])
      .where('id', 'in', ids.slice(i, i + 500))
      .where('deleted_at', 'is', null)
      .execute();
    for (const row of rows) owners.set(row.id, row.caseworker_id);
  }
  return owners;
}

export async function findClientByReference(
  db: Kysely<Database>,
  reference: string,
): Promise<{ id: string; firstName: string; lastName: string } | undefined> {
  return db
    .selectFrom('client')
    .select(['id', 'first_name as firstName', 'last_name as lastName'])
    .where('reference', '=', reference)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

// ---------- writes ----------

/** Next value of a named counter, inside the transaction that uses it. */
async function nextSequenceValue(db: Transaction<Database>, name: string): Promise<number> {
  const row = await db
    .insertInto('sequence')
    .values({ name, value: 1 })
    .onConflict((oc) => oc.column('name').doUpdateSet({ value: (eb) => eb('sequence.value', '+', 1) }))
    .returning('value')
    .executeTakeFirstOrThrow();
  return row.value;
}

export interface ClientFacts {
  firstName: string;
  lastName: string;
  reference: string | null;
  dateOfBirth: string | null;
  phone: string | null;
  email: string | null;
  targetGroupId: string | null;
  householdId: string | null;
  startDate: string | null;
  /** Undefined: left as it is (an import that has no such column). */
  language?: string | null | undefined;
}

const factColumns = (f: ClientFacts) => ({
  ...(f.language !== undefined ? { language: f.language } : {}),
  first_name: f.firstName,
  last_name: f.lastName,
  reference: f.reference,
  date_of_birth: f.dateOfBirth,
  phone: f.phone,
  email: f.email,
  target_group_id: f.targetGroupId,
  household_id: f.householdId,
  start_date: f.startDate,
});

/** Inserts a client with the next pseudonym and, when staged, its first stage change. */
export async function insertClient(
  db: Transaction<Database>,
  client: ClientFacts & { stageId: string | null; caseworkerId: string | null; startDate: string },
  at: string,
  by: string | null,
): Promise<string> {
  const id = newId();
  const pseudonym = formatPseudonym(await nextSequenceValue(db, 'client_pseudonym'));
  await db
    .insertInto('client')
    .values({
      id,
      pseudonym,
      ...factColumns(client),
      caseworker_id: client.caseworkerId,
      stage_id: client.stageId,
      stage_since: client.stageId ? client.startDate : null,
      status: 'active',
      ...tracked(at, by),
    })
    .execute();
  if (client.stageId) {
    await db
      .insertInto('stage_change')
      .values({
        id: newId(),
        client_id: id,
        from_stage_id: null,
        to_stage_id: client.stageId,
        changed_on: client.startDate,
        ...recorded(at, by),
      })
      .execute();
  }
  return id;
}

export async function updateClientFacts(
  db: Kysely<Database>,
  id: string,
  facts: ClientFacts,
  at: string,
  by: string | null,
): Promise<void> {
  await db
    .updateTable('client')
    .set({ ...factColumns(facts), ...updated(at, by) })
    .where('id', '=', id)
    .execute();
}

export async function recordStageChange(
  db: Transaction<Database>,
  change: { clientId: string; fromStageId: string | null; toStageId: string; date: string },
  at: string,
  by: string | null,
): Promise<void> {
  await db
    .insertInto('stage_change')
    .values({
      id: newId(),
      client_id: change.clientId,
      from_stage_id: change.fromStageId,
      to_stage_id: change.toStageId,
      changed_on: change.date,
      ...recorded(at, by),
    })
    .execute();
  await db
    .updateTable('client')
    .set({ stage_id: change.toStageId, stage_since: change.date, ...updated(at, by) })
    .where('id', '=', change.clientId)
    .execute();
}

export async function closeClient(
  db: Transaction<Database>,
  closure: { clientId: string; date: string; reasonId: string; outcomeNote: string | null },
  at: string,
  by: string | null,
): Promise<void> {
  await db
    .insertInto('closure')
    .values({
      id: newId(),
      client_id: closure.clientId,
      closed_on: closure.date,
      reason_id: closure.reasonId,
      outcome_note: closure.outcomeNote,
      reopened_on: null,
      ...recorded(at, by),
      reopened_by: null,
    })
    .execute();
  await db
    .updateTable('client')
    .set({ status: 'closed', ...updated(at, by) })
    .where('id', '=', closure.clientId)
    .execute();
}

export async function reopenClient(
  db: Transaction<Database>,
  clientId: string,
  date: string,
  at: string,
  by: string | null,
): Promise<void> {
  await db
    .updateTable('closure')
    .set({ reopened_on: date, reopened_by: by })
    .where('client_id', '=', clientId)
    .where('reopened_on', 'is', null)
    .execute();
  await db
    .updateTable('client')
    .set({ status: 'active', ...updated(at, by) })
    .where('id', '=', clientId)
    .execute();
}
