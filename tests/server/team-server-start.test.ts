import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../server/db/connect';
import { KNOWN_SERVER_MIGRATIONS, migrateDatabase } from '../../server/db/migrate';
import { APP_ROLE } from '../../server/db/security';
import { TokenRefused } from '../../server/identity/verify';
import { createTeamServer, DatabaseNotMigrated, RulesOutdated } from '../../server/team-server';
import { freshDatabase } from './databases';
import { asAdmin, startPostgres, type TestPostgres } from './postgres';

/** The server as `team-server start` makes it, connected as koers_app (which may not read Kysely's migration table). */
describe('createTeamServer as koers_app', () => {
  let postgres: TestPostgres;
  const refuseAll = () => Promise.reject(new TokenRefused('signature', 'not in this test'));

  beforeAll(async () => {
    postgres = await startPostgres();
    await migrateDatabase(await freshDatabase(postgres, 'migrated'));
    await freshDatabase(postgres, 'empty');
  }, 120_000);
  afterAll(async () => {
    await postgres?.stop();
  });

  it('starts on a migrated database and answers health', async () => {
    const db = connect(postgres.url(APP_ROLE, 'migrated'));
    let http: FastifyInstance | null = null;
    try {
      http = await createTeamServer(db, refuseAll, { logger: false });
      const health = await http.inject({ method: 'GET', url: '/health' });
      expect(health.statusCode).toBe(200);
      expect(health.json()).toMatchObject({ status: 'ok' });
    } finally {
      await http?.close();
      await db.destroy();
    }
  });

  it('refuses a database whose rules another version of the server applied, until migrate runs', async () => {
    const ownerUrl = await freshDatabase(postgres, 'older_rules');
    await migrateDatabase(ownerUrl);
    const owner = connect(ownerUrl);
    const db = connect(postgres.url(APP_ROLE, 'older_rules'));
    try {
      // As an older server's migrate left it: other rules, or none recorded at all.
      await sql`CREATE OR REPLACE FUNCTION koers_security_fingerprint() RETURNS text LANGUAGE sql AS 'SELECT ''older''::text'`.execute(
        owner,
      );
      await expect(createTeamServer(db, refuseAll, { logger: false })).rejects.toBeInstanceOf(RulesOutdated);
      await sql`DROP FUNCTION koers_security_fingerprint()`.execute(owner);
      await expect(createTeamServer(db, refuseAll, { logger: false })).rejects.toThrow(/team-server migrate/);

      await migrateDatabase(ownerUrl);
      const http = await createTeamServer(db, refuseAll, { logger: false });
      await http.close();
    } finally {
      await db.destroy();
      await owner.destroy();
    }
  });

  it('refuses a database that was never migrated, naming every migration', async () => {
    await asAdmin(postgres, ['GRANT CONNECT ON DATABASE empty TO koers_app']);
    const db = connect(postgres.url(APP_ROLE, 'empty'));
    try {
      const started = createTeamServer(db, refuseAll, { logger: false });
      await expect(started).rejects.toBeInstanceOf(DatabaseNotMigrated);
      await expect(started).rejects.toThrow(KNOWN_SERVER_MIGRATIONS.join(', '));
    } finally {
      await db.destroy();
    }
  });
});
