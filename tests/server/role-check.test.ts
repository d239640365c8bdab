import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../server/db/connect';
import { migrateDatabase } from '../../server/db/migrate';
import { checkServerRole, UnsafeRoleError } from '../../server/db/role-check';
import { APP_ROLE } from '../../server/db/security';
import { freshDatabase, OWNER_ROLE } from './databases';
import { asAdmin, startPostgres, type TestPostgres } from './postgres';

const DATABASE = 'checks';

describe('the server refuses a database role that could bypass row-level security', () => {
  let postgres: TestPostgres;
  beforeAll(async () => {
    postgres = await startPostgres();
    await migrateDatabase(await freshDatabase(postgres, DATABASE));
  });
  afterAll(async () => {
    await postgres?.stop();
  });

  /** The problems checkServerRole finds when connected as `role`; [] when it accepts. */
  async function problemsOf(role: string): Promise<string[]> {
    const db = connect(postgres.url(role, DATABASE), { max: 1 });
    try {
      await checkServerRole(db);
      return [];
    } catch (error) {
      if (error instanceof UnsafeRoleError) return error.problems;
      throw error;
    } finally {
      await db.destroy();
    }
  }

  it('accepts the application role made by migrate', async () => {
    expect(await problemsOf(APP_ROLE)).toEqual([]);
  });

  it('refuses a superuser', async () => {
    expect(await problemsOf('postgres')).toEqual(['it is a superuser']);
  });

  it('refuses the owner of the tables', async () => {
    const problems = await problemsOf(OWNER_ROLE);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^it owns \(or can act as the owner of\) .*\bnote\b/);
  });

  it('refuses a role with BYPASSRLS, and one that can become such a role', async () => {
    await asAdmin(postgres, [
      'CREATE ROLE bypasser LOGIN BYPASSRLS',
      'CREATE ROLE climber LOGIN',
      'GRANT bypasser TO climber',
    ]);
    expect(await problemsOf('bypasser')).toEqual(['it has BYPASSRLS']);
    expect(await problemsOf('climber')).toEqual(['it can act as bypasser (superuser or BYPASSRLS)']);
  });

  it('refuses the application role once it is made a member of the owner', async () => {
    await asAdmin(postgres, [`GRANT ${OWNER_ROLE} TO ${APP_ROLE}`]);
    try {
      expect((await problemsOf(APP_ROLE))[0]).toMatch(/^it owns \(or can act as the owner of\)/);
    } finally {
      await asAdmin(postgres, [`REVOKE ${OWNER_ROLE} FROM ${APP_ROLE}`]);
    }
  });

  it('refuses to run while a table has row-level security not forced', async () => {
    const admin = postgres.url('postgres', DATABASE);
    await runAs(admin, 'ALTER TABLE note NO FORCE ROW LEVEL SECURITY');
    try {
      expect(await problemsOf(APP_ROLE)).toEqual(['row-level security is not forced on note']);
    } finally {
      await runAs(admin, 'ALTER TABLE note FORCE ROW LEVEL SECURITY');
    }
    expect(await problemsOf(APP_ROLE)).toEqual([]);
  });
});

async function runAs(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
