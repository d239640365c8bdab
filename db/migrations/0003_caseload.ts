import { type CreateTableBuilder, type Kysely, sql } from 'kysely';
import { newId } from '../ids';

/** Shipped stages: a methodical cycle, heavier at the start (workload weight). */
export const DEFAULT_STAGES = [
  ['intake', 1.5],
  ['diagnosis', 1.5],
  ['plan', 1.25],
  ['route', 1],
  ['carrying_out', 1],
  ['measuring', 0.75],
  ['evaluating', 0.75],
  ['adjusting', 1],
] as const;

export const DEFAULT_CLOSURE_REASONS = ['work', 'education', 'moved', 'other'] as const;

/** created_at / updated_at / updated_by / deleted_at, as on every shared record. */
function tracked<T extends string>(table: CreateTableBuilder<T>): CreateTableBuilder<T> {
  return table
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('deleted_at', 'text');
}

/**
 * The caseload: roles, the key persons' lists (target groups, stages, closure
 * reasons), households, stage history, handovers, closures and to-dos.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('caseworker')
    .addColumn('role', 'text', (c) => c.notNull().defaultTo('caseworker'))
    .execute();
  await db.schema.alterTable('caseworker').addColumn('deactivated_at', 'text').execute();

  // One table for the three configurable lists: same shape, same management screen.
  // default_key marks a shipped item whose name is translated until a key person renames it.
  await tracked(
    db.schema
      .createTable('catalog_item')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('target_group', 'stage', 'closure_reason')`))
      .addColumn('default_key', 'text')
      .addColumn('name', 'text')
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('weight', 'real', (c) => c.notNull().defaultTo(1))
      .addColumn('retired_at', 'text'),
  ).execute();
  await db.schema.createIndex('catalog_item_kind').on('catalog_item').columns(['kind', 'position']).execute();

  await tracked(
    db.schema
      .createTable('household')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('caseworker_id', 'text', (c) => c.references('caseworker.id')),
  ).execute();

  for (const [column, type, references] of [
    ['date_of_birth', 'text', null],
    ['phone', 'text', null],
    ['email', 'text', null],
    ['target_group_id', 'text', 'catalog_item.id'],
    ['stage_id', 'text', 'catalog_item.id'],
    ['stage_since', 'text', null],
    ['household_id', 'text', 'household.id'],
    ['start_date', 'text', null],
  ] as const) {
    await db.schema
      .alterTable('client')
      .addColumn(column, type, (c) => (references ? c.references(references) : c))
      .execute();
  }
  await db.schema
    .alterTable('client')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .execute();
  await sql`UPDATE client SET start_date = substr(created_at, 1, 10)`.execute(db);
  await db.schema.dropIndex('client_caseworker').execute();
  await db.schema.createIndex('client_caseworker_status').on('client').columns(['caseworker_id', 'status']).execute();
  await db.schema.createIndex('client_household').on('client').column('household_id').execute();

  await db.schema
    .createTable('stage_change')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('client.id'))
    .addColumn('from_stage_id', 'text', (c) => c.references('catalog_item.id'))
    .addColumn('to_stage_id', 'text', (c) => c.notNull().references('catalog_item.id'))
    .addColumn('changed_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await db.schema.createIndex('stage_change_client').on('stage_change').columns(['client_id', 'changed_on']).execute();

  await db.schema
    .createTable('handover')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('client.id'))
    .addColumn('from_caseworker_id', 'text', (c) => c.references('caseworker.id'))
    .addColumn('to_caseworker_id', 'text', (c) => c.notNull().references('caseworker.id'))
    .addColumn('handed_over_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await db.schema.createIndex('handover_client').on('handover').columns(['client_id', 'handed_over_on']).execute();

  await db.schema
    .createTable('closure')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('client.id'))
    .addColumn('closed_on', 'text', (c) => c.notNull())
    .addColumn('reason_id', 'text', (c) => c.notNull().references('catalog_item.id'))
    .addColumn('outcome_note', 'text')
    .addColumn('reopened_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('reopened_by', 'text')
    .execute();
  await db.schema.createIndex('closure_client').on('closure').columns(['client_id', 'closed_on']).execute();

  await tracked(
    db.schema
      .createTable('action')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('client_id', 'text', (c) => c.notNull().references('client.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('task', 'appointment', 'follow_up')`))
      .addColumn('due_date', 'text', (c) => c.notNull())
      .addColumn('due_time', 'text')
      .addColumn('done_at', 'text'),
  ).execute();
  // Open to-dos by client in due order: the caseload's "next to-do" and "overdue" come from here.
  await sql`CREATE INDEX action_open_by_client ON action (client_id, due_date, due_time) WHERE done_at IS NULL AND deleted_at IS NULL`.execute(
    db,
  );
  await sql`CREATE INDEX action_open_by_due ON action (due_date) WHERE done_at IS NULL AND deleted_at IS NULL`.execute(
    db,
  );

  const now = new Date().toISOString();
  const items = [
    ...DEFAULT_STAGES.map(([key, weight], position) => ({ kind: 'stage', default_key: key, position, weight })),
    ...DEFAULT_CLOSURE_REASONS.map((key, position) => ({
      kind: 'closure_reason',
      default_key: key,
      position,
      weight: 1,
    })),
  ];
  for (const item of items) {
    await sql`
      INSERT INTO catalog_item (id, kind, default_key, name, position, weight, created_at, updated_at)
      VALUES (${newId()}, ${item.kind}, ${item.default_key}, NULL, ${item.position}, ${item.weight}, ${now}, ${now})
    `.execute(db);
  }
}
