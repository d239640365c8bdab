import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../server/db/connect';
import { DatabaseTooNewError, KNOWN_SERVER_MIGRATIONS, migrateDatabase, migrateServer } from '../../server/db/migrate';
import { checkServerRole } from '../../server/db/role-check';
import { APP_ROLE } from '../../server/db/security';
import { freshDatabase } from './databases';
import { asAdmin, startPostgres, type TestPostgres } from './postgres';

/** Everything migrate decides: columns, RLS flags, policies, grants, triggers and the app role. */
async function catalogSnapshot(url: string): Promise<unknown> {
  const db = connect(url, { max: 1 });
  try {
    const [columns, tables, policies, grants, triggers, role] = await Promise.all([
      sql`SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
          WHERE table_schema = 'public' ORDER BY table_name, column_name`.execute(db),
      sql`SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class
          WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' ORDER BY relname`.execute(db),
      sql`SELECT tablename, policyname, cmd, roles::text, qual, with_check FROM pg_policies
          WHERE schemaname = 'public' ORDER BY tablename, policyname`.execute(db),
      sql`SELECT table_name, privilege_type FROM information_schema.role_table_grants
          WHERE grantee = ${APP_ROLE} ORDER BY table_name, privilege_type`.execute(db),
      sql`SELECT event_object_table, trigger_name, event_manipulation FROM information_schema.triggers
          ORDER BY 1, 2, 3`.execute(db),
      sql`SELECT rolcanlogin, rolsuper, rolbypassrls, rolcreaterole, rolcreatedb FROM pg_roles
          WHERE rolname = ${APP_ROLE}`.execute(db),
    ]);
    return {
      columns: columns.rows,
      tables: tables.rows,
      policies: policies.rows,
      grants: grants.rows,
      triggers: triggers.rows,
      role: role.rows,
    };
  } finally {
    await db.destroy();
  }
}

describe('team server migrations', () => {
  let postgres: TestPostgres;
  beforeAll(async () => {
    postgres = await startPostgres();
  });
  afterAll(async () => {
    await postgres?.stop();
  });

  it('migrates an empty database as its (non-superuser) owner, and a second run changes nothing', async () => {
    const url = await freshDatabase(postgres, 'twice');
    expect((await migrateDatabase(url)).applied).toEqual(KNOWN_SERVER_MIGRATIONS);
    const first = await catalogSnapshot(url);
    expect((await migrateDatabase(url)).applied).toEqual([]);
    expect(await catalogSnapshot(url)).toEqual(first);
  });

  it('leaves every table with row-level security enabled and forced, and a safe application role', async () => {
    const url = await freshDatabase(postgres, 'flags');
    await migrateDatabase(url);
    const snapshot = (await catalogSnapshot(url)) as {
      tables: { relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }[];
      role: unknown[];
      grants: { table_name: string; privilege_type: string }[];
    };
    expect(snapshot.tables.length).toBeGreaterThanOrEqual(26);
    for (const table of snapshot.tables)
      expect(table, table.relname).toMatchObject({ relrowsecurity: true, relforcerowsecurity: true });
    expect(snapshot.role).toEqual([
      { rolcanlogin: true, rolsuper: false, rolbypassrls: false, rolcreaterole: false, rolcreatedb: false },
    ]);
    const grantsOf = (table: string) =>
      snapshot.grants.filter((g) => g.table_name === table).map((g) => g.privilege_type);
    expect(grantsOf('audit_event')).toEqual(['INSERT', 'SELECT']);
    expect(grantsOf('team')).toEqual(['SELECT']);
    expect(grantsOf('client_revocation')).toEqual(['SELECT']);
    // The server learns which migrations are done through koers_applied_migrations(), not the table.
    expect(grantsOf('kysely_migration')).toEqual([]);
    expect(grantsOf('kysely_migration_lock')).toEqual([]);
    expect(grantsOf('note')).toEqual(['DELETE', 'INSERT', 'SELECT', 'UPDATE']);
  });

  it('also migrates as the cluster superuser, and the server role then passes the start-up check', async () => {
    await asAdmin(postgres, ['CREATE DATABASE by_superuser']);
    expect((await migrateDatabase(postgres.url('postgres', 'by_superuser'))).applied).toEqual(KNOWN_SERVER_MIGRATIONS);
    const app = connect(postgres.url(APP_ROLE, 'by_superuser'), { max: 1 });
    try {
      await expect(checkServerRole(app)).resolves.toBeUndefined();
    } finally {
      await app.destroy();
    }
  });

  it('refuses a database that a newer server migrated, and changes nothing', async () => {
    const url = await freshDatabase(postgres, 'newer');
    await migrateDatabase(url);
    const db = connect(url, { max: 1 });
    try {
      await sql`INSERT INTO kysely_migration (name, timestamp) VALUES ('0010_from_the_future', now()::text)`.execute(
        db,
      );
      const before = await catalogSnapshot(url);
      await expect(migrateServer(db)).rejects.toThrow(DatabaseTooNewError);
      expect(await catalogSnapshot(url)).toEqual(before);
    } finally {
      await db.destroy();
    }
  });
});
