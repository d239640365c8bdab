import BetterSqlite3 from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { MIGRATIONS, migrationProvider } from './migrations';
import type { Database } from './schema';

export const MIGRATION_TABLE = 'kysely_migration';

/** The database was written by a newer Koers: refuse it rather than risk damage. */
export class DatabaseTooNewError extends Error {
  constructor(readonly unknownMigrations: string[]) {
    super(
      `This database was last opened by a newer version of Koers (it contains updates ${unknownMigrations.join(', ')}). ` +
        'Install that version to open it; the file has not been changed.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

export class MigrationError extends Error {
  constructor(
    readonly migration: string,
    cause: unknown,
  ) {
    super(`Database update ${migration} failed; the database was left as it was before this update.`, { cause });
    this.name = 'MigrationError';
  }
}

/** The migrations this database has had: none while it is new (no migration table yet). One query: it runs at every start. */
async function executedMigrations(db: Kysely<Database>): Promise<string[]> {
  try {
    const rows = await sql<{ name: string }>`SELECT name FROM ${sql.table(MIGRATION_TABLE)} ORDER BY name`.execute(db);
    return rows.rows.map((r) => r.name);
  } catch (error) {
    if (error instanceof BetterSqlite3.SqliteError && error.message === `no such table: ${MIGRATION_TABLE}`) return [];
    throw error;
  }
}

export interface MigrationReport {
  applied: string[];
}

/** What migrating needs of a connection: its Kysely instance, and the raw handle (see allowingSchemaEdits). */
export interface Migratable {
  db: Kysely<Database>;
  sqlite: BetterSqlite3.Database;
}

/**
 * A migration may edit a table's definition in place where SQLite has no ALTER for it (0013 widens
 * a CHECK list), which better-sqlite3's defensive mode forbids; it is allowed while migrations run, never after.
 */
export async function allowingSchemaEdits<T>(sqlite: BetterSqlite3.Database, run: () => Promise<T>): Promise<T> {
  sqlite.unsafeMode(true);
  try {
    return await run();
  } finally {
    sqlite.unsafeMode(false);
  }
}

/**
 * Brings the database to the latest schema. Each migration runs in its own
 * transaction together with its bookkeeping row, so an error or crash leaves the
 * database at the previous version, never halfway.
 */
export async function migrateToLatest({ db, sqlite }: Migratable): Promise<MigrationReport> {
  const known = new Set(MIGRATIONS.map(([name]) => name));
  const executed = await executedMigrations(db);
  const unknown = executed.filter((name) => !known.has(name));
  if (unknown.length > 0) throw new DatabaseTooNewError(unknown);
  // The common case at every start: up to date, so skip the Migrator's bookkeeping.
  if (executed.length === known.size) return { applied: [] };

  const migrator = new Migrator({ db, provider: migrationProvider, migrationTableName: MIGRATION_TABLE });
  const applied: string[] = [];
  for (;;) {
    const { error, results = [] } = await allowingSchemaEdits(sqlite, () => migrator.migrateUp());
    const failed = results.find((r) => r.status === 'Error');
    if (error || failed) throw new MigrationError(failed?.migrationName ?? 'unknown', error);
    const done = results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
    if (done.length === 0) break;
    applied.push(...done);
  }
  return { applied };
}

/** Names of the migrations this build knows, oldest first (for tests and diagnostics). */
export const KNOWN_MIGRATIONS: readonly string[] = MIGRATIONS.map(([name]) => name);
