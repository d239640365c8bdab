import { type Kysely, sql } from 'kysely';

/**
 * Progression measurement: versioned scoring sheets, scorings, goals, the
 * rescoring rhythm per target group and the team's coverage target.
 * Published versions are immutable; triggers enforce that below any handler.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sheet')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('retired_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('deleted_at', 'text')
    .execute();

  // A target group has at most one default sheet.
  await db.schema
    .createTable('sheet_target_group')
    .addColumn('target_group_id', 'text', (c) => c.primaryKey().references('catalog_item.id'))
    .addColumn('sheet_id', 'text', (c) => c.notNull().references('sheet.id'))
    .execute();

  await db.schema
    .createTable('sheet_version')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sheet_id', 'text', (c) => c.notNull().references('sheet.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addUniqueConstraint('sheet_version_number', ['sheet_id', 'number'])
    .execute();

  await db.schema
    .createTable('indicator')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version_id', 'text', (c) => c.notNull().references('sheet_version.id'))
    // Stable across versions: progression follows the key, not the row.
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('scale_min', 'integer', (c) => c.notNull())
    .addColumn('scale_max', 'integer', (c) => c.notNull())
    .addUniqueConstraint('indicator_key_per_version', ['version_id', 'key'])
    .addCheckConstraint('indicator_scale', sql`scale_min < scale_max`)
    .execute();

  await db.schema
    .createTable('indicator_level')
    .addColumn('indicator_id', 'text', (c) => c.notNull().references('indicator.id'))
    .addColumn('value', 'integer', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addPrimaryKeyConstraint('indicator_level_pk', ['indicator_id', 'value'])
    .execute();

  await db.schema
    .createTable('scoring')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('client.id'))
    .addColumn('version_id', 'text', (c) => c.notNull().references('sheet_version.id'))
    .addColumn('scored_on', 'text', (c) => c.notNull())
    .addColumn('scored_by', 'text', (c) => c.notNull().check(sql`scored_by IN ('caseworker', 'client', 'together')`))
    .addColumn('caseworker_id', 'text', (c) => c.references('caseworker.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('scoring_client').on('scoring').columns(['client_id', 'scored_on']).execute();

  await db.schema
    .createTable('score')
    .addColumn('scoring_id', 'text', (c) => c.notNull().references('scoring.id'))
    .addColumn('indicator_id', 'text', (c) => c.notNull().references('indicator.id'))
    .addColumn('indicator_key', 'text', (c) => c.notNull())
    // NULL: "not scored", always allowed.
    .addColumn('value', 'integer')
    .addColumn('comment', 'text')
    .addPrimaryKeyConstraint('score_pk', ['scoring_id', 'indicator_id'])
    .execute();

  await db.schema
    .createTable('goal')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('client.id'))
    .addColumn('indicator_key', 'text', (c) => c.notNull())
    .addColumn('target', 'integer', (c) => c.notNull())
    .addColumn('target_date', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('deleted_at', 'text')
    .execute();
  await sql`CREATE UNIQUE INDEX goal_client_indicator ON goal (client_id, indicator_key) WHERE deleted_at IS NULL`.execute(
    db,
  );

  // Rescoring rhythm per target group, in weeks.
  await db.schema.alterTable('catalog_item').addColumn('rescore_weeks', 'integer').execute();

  await db.schema
    .createTable('coverage_target')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('share', 'real', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();

  // A published version never changes: not its row, indicators or levels.
  const published = (versionId: string) =>
    `(SELECT published_at FROM sheet_version WHERE id = ${versionId}) IS NOT NULL`;
  const triggers = [
    ['indicator_frozen_insert', 'INSERT', 'indicator', published('NEW.version_id')],
    ['indicator_frozen_update', 'UPDATE', 'indicator', published('OLD.version_id')],
    ['indicator_frozen_delete', 'DELETE', 'indicator', published('OLD.version_id')],
    [
      'level_frozen_insert',
      'INSERT',
      'indicator_level',
      published('(SELECT version_id FROM indicator WHERE id = NEW.indicator_id)'),
    ],
    [
      'level_frozen_update',
      'UPDATE',
      'indicator_level',
      published('(SELECT version_id FROM indicator WHERE id = OLD.indicator_id)'),
    ],
    [
      'level_frozen_delete',
      'DELETE',
      'indicator_level',
      published('(SELECT version_id FROM indicator WHERE id = OLD.indicator_id)'),
    ],
    ['version_frozen_update', 'UPDATE', 'sheet_version', 'OLD.published_at IS NOT NULL'],
    ['version_frozen_delete', 'DELETE', 'sheet_version', 'OLD.published_at IS NOT NULL'],
  ] as const;
  for (const [name, event, table, when] of triggers) {
    // DDL cannot take bound parameters; every part here is a constant of this file.
    await sql
      .raw(
        `CREATE TRIGGER ${name} BEFORE ${event} ON ${table} WHEN ${when} BEGIN SELECT RAISE(ABORT, 'published sheet versions are immutable'); END`,
      )
      .execute(db);
  }
}
