import { type Kysely, sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { connect } from './connect';
import { SERVER_MIGRATIONS, serverMigrationProvider } from './migrations';
import type { ServerDatabase } from './schema';
import { applySecurity, MIGRATION_TABLE } from './security';

export { MIGRATION_TABLE };

/** Names of the migrations this build knows, oldest first. */
export const KNOWN_SERVER_MIGRATIONS: readonly string[] = SERVER_MIGRATIONS.map(([name]) => name);

/** The database was migrated by a newer team server: refuse it rather than risk damage. */
export class DatabaseTooNewError extends Error {
  constructor(readonly unknownMigrations: string[]) {
    super(
      `This database was migrated by a newer team server (it contains ${unknownMigrations.join(', ')}). ` +
        'Run that version; the database has not been changed.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

export class MigrationError extends Error {
  constructor(
    readonly migration: string,
    cause: unknown,
  ) {
    super(`Migration ${migration} failed; the database was left as it was before the migrations of this run.`, {
      cause,
    });
    this.name = 'MigrationError';
  }
}

async function executedMigrations(db: Kysely<ServerDatabase>): Promise<string[]> {
  const exists = await sql<{
    found: boolean;
  }>`SELECT to_regclass(${`public.${MIGRATION_TABLE}`}) IS NOT NULL AS found`.execute(db);
  if (!exists.rows[0]?.found) return [];
  const rows = await sql<{ name: string }>`SELECT name FROM ${sql.table(MIGRATION_TABLE)} ORDER BY name`.execute(db);
  return rows.rows.map((r) => r.name);
}

export interface ServerMigrationReport {
  applied: string[];
}

/**
 * Brings the database to the latest schema, then (re)applies the application role, its
 * grants, row-level security, policies and triggers (security.ts). Run as the database
 * owner. The pending migrations run in one transaction under Kysely's migration lock:
 * an error leaves the database as it was.
 */
export async function migrateServer(db: Kysely<ServerDatabase>): Promise<ServerMigrationReport> {
  const known = new Set(KNOWN_SERVER_MIGRATIONS);
  const unknown = (await executedMigrations(db)).filter((name) => !known.has(name));
  if (unknown.length > 0) throw new DatabaseTooNewError(unknown);

  const migrator = new Migrator({ db, provider: serverMigrationProvider, migrationTableName: MIGRATION_TABLE });
  const { error, results = [] } = await migrator.migrateToLatest();
  const failed = results.find((r) => r.status === 'Error');
  if (error || failed) throw new MigrationError(failed?.migrationName ?? 'unknown', error);
  await applySecurity(db);
  return { applied: results.filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}

/** `team-server migrate --database URL`: connect, migrate, close. */
export async function migrateDatabase(url: string): Promise<ServerMigrationReport> {
  const db = connect(url, { max: 1 });
  try {
    return await migrateServer(db);
  } finally {
    await db.destroy();
  }
}
