import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../server/db/connect';
import { migrateDatabase } from '../../server/db/migrate';
import { UnsafeRoleError } from '../../server/db/role-check';
import { APP_ROLE } from '../../server/db/security';
import { createTokenVerifier } from '../../server/identity/verify';
import { createTeamServer } from '../../server/team-server';
import { freshDatabase, OWNER_ROLE } from './databases';
import { startPostgres, type TestPostgres } from './postgres';

/** The real start-up path (`team-server start`) on PostgreSQL 15: the role check is never skipped. */

let postgres: TestPostgres;
// Nothing is verified here: the server only has to start, or refuse to.
const verify = createTokenVerifier({ issuer: 'http://127.0.0.1:9', audience: 'api://koers-team-server' });

beforeAll(async () => {
  postgres = await startPostgres();
  await migrateDatabase(await freshDatabase(postgres, 'served'));
}, 120_000);

afterAll(async () => {
  await postgres?.stop();
});

async function startAs(role: string): Promise<void> {
  const db = connect(postgres.url(role, 'served'), { max: 1 });
  try {
    const http = await createTeamServer(db, verify, { logger: false });
    await http.close();
  } finally {
    await db.destroy();
  }
}

describe('createTeamServer', () => {
  it('starts as the application role', async () => {
    await expect(startAs(APP_ROLE)).resolves.toBeUndefined();
  });

  it('refuses a superuser connection and the owner of the tables', async () => {
    await expect(startAs('postgres')).rejects.toThrow(UnsafeRoleError);
    await expect(startAs('postgres')).rejects.toThrow(/superuser/);
    await expect(startAs(OWNER_ROLE)).rejects.toThrow(/it owns/);
  });
});
