import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import { scoringDueOn } from '../../common/rhythm';
import { newId } from '../ids';
import type { ActionKind, ClientStatus, Database } from '../schema';

export function formatPseudonym(n: number): string {
  return `K-${String(n).padStart(4, '0')}`;
}

/** Escapes LIKE wildcards so a typed `%` or `_` matches itself. */
function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
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

export interface CaseloadRowView {
  id: string;
  pseudonym: string;
  reference: string | null;
  firstName: string;
  lastName: string;
  caseworkerId: string | null;
  targetGroupId: string | null;
  stageId: string | null;
  stageSince: string | null;
  householdId: string | null;
  status: ClientStatus;
  nextAction: { id: string; title: string; kind: ActionKind; dueDate: string; dueTime: string | null } | null;
  overdueCount: number;
  lastScoredOn: string | null;
  scoringDueOn: string | null;
}

const openAction = (eb: ExpressionBuilder<Database & { a: Database['action'] }, 'a'>) =>
  eb.and([eb('a.done_at', 'is', null), eb('a.deleted_at', 'is', null)]);

/**
 * The caseload: one row per client with the next open to-do and the number of
 * overdue ones. The to-do columns come from index seeks per client
 * (action_open_by_client), so the cost follows the rows shown, not the database.
 */
export async function listCaseload(db: Kysely<Database>, filter: CaseloadFilter): Promise<CaseloadRowView[]> {
  const rows = await db
    .with('rows', (qc) => {
      let q = qc
        .selectFrom('client as c')
        .select((eb) => [
          'c.id',
          'c.pseudonym',
          'c.reference',
          'c.first_name',
          'c.last_name',
          'c.caseworker_id',
          'c.target_group_id',
          'c.stage_id',
          'c.stage_since',
          'c.household_id',
          'c.status',
          eb
            .selectFrom('action as a')
            .select('a.id')
            .whereRef('a.client_id', '=', 'c.id')
            .where(openAction)
            .orderBy('a.due_date')
            .orderBy('a.due_time')
            .orderBy('a.id')
            .limit(1)
            .as('next_action_id'),
          eb
            .selectFrom('action as a')
            .select((e) => e.fn.countAll<number>().as('n'))
            .whereRef('a.client_id', '=', 'c.id')
            .where(openAction)
            .where('a.due_date', '<', filter.today)
            .as('overdue_count'),
          eb
            .selectFrom('scoring as s')
            .select((e) => e.fn.max('s.scored_on').as('d'))
            .whereRef('s.client_id', '=', 'c.id')
            .where('s.deleted_at', 'is', null)
            .as('last_scored_on'),
          'c.start_date',
        ])
        .where('c.deleted_at', 'is', null);
      if (filter.caseworkerId) q = q.where('c.caseworker_id', '=', filter.caseworkerId);
      if (filter.status !== 'all') q = q.where('c.status', '=', filter.status);
      if (filter.targetGroupId) q = q.where('c.target_group_id', '=', filter.targetGroupId);
      if (filter.stageId) q = q.where('c.stage_id', '=', filter.stageId);
      if (filter.search) {
        const pattern = likePattern(filter.search);
        q = q.where((eb) =>
          eb.or([
            eb(sql`c.first_name || ' ' || c.last_name`, 'like', sql`${pattern} ESCAPE '\\'`),
            eb(sql`c.last_name || ', ' || c.first_name`, 'like', sql`${pattern} ESCAPE '\\'`),
            eb(sql`c.reference`, 'like', sql`${pattern} ESCAPE '\\'`),
            eb(sql`c.pseudonym`, 'like', sql`${pattern} ESCAPE '\\'`),
          ]),
        );
      }
      return q;
    })
    .selectFrom('rows as r')
    .leftJoin('action as na', 'na.id', 'r.next_action_id')
    .leftJoin('catalog_item as tg', 'tg.id', 'r.target_group_id')
    .select([
      'r.id',
      'r.pseudonym',
      'r.reference',
      'r.first_name',
      'r.last_name',
      'r.caseworker_id',
      'r.target_group_id',
      'r.stage_id',
      'r.stage_since',
      'r.household_id',
      'r.status',
      'r.overdue_count',
    ])
    .select(['r.last_scored_on', 'r.start_date', 'tg.rescore_weeks'])
    .select([
      'na.id as na_id',
      'na.title as na_title',
      'na.kind as na_kind',
      'na.due_date as na_due_date',
      'na.due_time as na_due_time',
    ])
    .$if(filter.overdueOnly === true, (q) => q.where('r.overdue_count', '>', 0))
    // NOCASE: lower-case "de Boer" must not sort after every capitalised name.
    .orderBy(sql`r.last_name COLLATE NOCASE`)
    .orderBy(sql`r.first_name COLLATE NOCASE`)
    .orderBy('r.id')
    .execute();

  return rows.map((r) => ({
    id: r.id,
    pseudonym: r.pseudonym,
    reference: r.reference,
    firstName: r.first_name,
    lastName: r.last_name,
    caseworkerId: r.caseworker_id,
    targetGroupId: r.target_group_id,
    stageId: r.stage_id,
    stageSince: r.stage_since,
    householdId: r.household_id,
    status: r.status,
    overdueCount: Number(r.overdue_count ?? 0),
    lastScoredOn: r.last_scored_on ?? null,
    scoringDueOn: scoringDueOn(r.last_scored_on ?? null, r.start_date, r.rescore_weeks),
    // A left join types every column as nullable; they are all set when the id is.
    nextAction:
      r.na_id && r.na_title !== null && r.na_kind !== null && r.na_due_date !== null
        ? { id: r.na_id, title: r.na_title, kind: r.na_kind, dueDate: r.na_due_date, dueTime: r.na_due_time }
        : null,
  }));
}

// ---------- one client ----------

export interface ClientView {
  id: string;
  pseudonym: string;
  reference: string | null;
  firstName: string;
  lastName: string;
  dateOfBirth: string | null;
  phone: string | null;
  email: string | null;
  caseworkerId: string | null;
  targetGroupId: string | null;
  stageId: string | null;
  stageSince: string | null;
  householdId: string | null;
  startDate: string | null;
  status: ClientStatus;
  closure: {
    id: string;
    closedOn: string;
    reasonId: string;
    outcomeNote: string | null;
    reopenedOn: string | null;
  } | null;
  createdAt: string;
}

export async function getClient(db: Kysely<Database>, id: string): Promise<ClientView | undefined> {
  const row = await db
    .selectFrom('client as c')
    .leftJoin('closure as z', (join) => join.onRef('z.client_id', '=', 'c.id').on('z.reopened_on', 'is', null))
    .select([
      'c.id',
      'c.pseudonym',
      'c.reference',
      'c.first_name',
      'c.last_name',
      'c.date_of_birth',
      'c.phone',
      'c.email',
      'c.caseworker_id',
      'c.target_group_id',
      'c.stage_id',
      'c.stage_since',
      'c.household_id',
      'c.start_date',
      'c.status',
      'c.created_at',
      'z.id as closure_id',
      'z.closed_on',
      'z.reason_id',
      'z.outcome_note',
    ])
    .where('c.id', '=', id)
    .where('c.deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    pseudonym: row.pseudonym,
    reference: row.reference,
    firstName: row.first_name,
    lastName: row.last_name,
    dateOfBirth: row.date_of_birth,
    phone: row.phone,
    email: row.email,
    caseworkerId: row.caseworker_id,
    targetGroupId: row.target_group_id,
    stageId: row.stage_id,
    stageSince: row.stage_since,
    householdId: row.household_id,
    startDate: row.start_date,
    status: row.status,
    createdAt: row.created_at,
    closure:
      row.status === 'closed' && row.closure_id && row.closed_on !== null && row.reason_id !== null
        ? {
            id: row.closure_id,
            closedOn: row.closed_on,
            reasonId: row.reason_id,
            outcomeNote: row.outcome_note,
            reopenedOn: null,
          }
        : null,
  };
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

/** Next value of a named counter; call inside the transaction that uses it. */
async function nextSequenceValue(db: Kysely<Database>, name: string): Promise<number> {
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
}

const factColumns = (f: ClientFacts) => ({
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
  db: Kysely<Database>,
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
      created_at: at,
      updated_at: at,
      updated_by: by,
      deleted_at: null,
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
        created_at: at,
        created_by: by,
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
    .set({ ...factColumns(facts), updated_at: at, updated_by: by })
    .where('id', '=', id)
    .execute();
}

export async function recordStageChange(
  db: Kysely<Database>,
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
      created_at: at,
      created_by: by,
    })
    .execute();
  await db
    .updateTable('client')
    .set({ stage_id: change.toStageId, stage_since: change.date, updated_at: at, updated_by: by })
    .where('id', '=', change.clientId)
    .execute();
}

export async function closeClient(
  db: Kysely<Database>,
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
      created_at: at,
      created_by: by,
      reopened_by: null,
    })
    .execute();
  await db
    .updateTable('client')
    .set({ status: 'closed', updated_at: at, updated_by: by })
    .where('id', '=', closure.clientId)
    .execute();
}

export async function reopenClient(
  db: Kysely<Database>,
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
    .set({ status: 'active', updated_at: at, updated_by: by })
    .where('id', '=', clientId)
    .execute();
}
