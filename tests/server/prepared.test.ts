import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, PREPARED } from '../../server/db/connect';
import { migrateDatabase } from '../../server/db/migrate';
import type { ServerDatabase } from '../../server/db/schema';
import { APP_ROLE } from '../../server/db/security';
import { pull } from '../../server/sync/pull';
import { runAsMember } from '../../server/sync/session';
import { SERVER_SCHEMA } from '../../server/team-server';
import { freshDatabase } from './databases';
import { startPostgres, type TestPostgres } from './postgres';
import { PEOPLE, seedTeams } from './rls-seed';

/**
 * The statements every push and pull runs are prepared once per pooled connection (connect.ts
 * PREPARED), and a pull runs its page with the generic plan: planning the page under the policies
 * costs more than running it. Checked in pg_prepared_statements of the one pooled connection.
 */

let postgres: TestPostgres;
let owner: Kysely<ServerDatabase>;
let appUrl: string;

beforeAll(async () => {
  postgres = await startPostgres();
  const ownerUrl = await freshDatabase(postgres, 'prepared');
  await migrateDatabase(ownerUrl);
  owner = connect(ownerUrl);
  await seedTeams(owner);
  appUrl = postgres.url(APP_ROLE, 'prepared');
}, 120_000);

afterAll(async () => {
  await owner?.destroy();
  await postgres?.stop();
});

interface Prepared {
  statement: string;
  generic_plans: number;
  custom_plans: number;
}

/** The connection's prepared statements (one pooled connection, so always the same session). */
const preparedOn = async (db: Kysely<ServerDatabase>) =>
  (await sql<Prepared>`select statement, generic_plans::int, custom_plans::int from pg_prepared_statements`.execute(db))
    .rows;

async function withOneConnection(work: (db: Kysely<ServerDatabase>) => Promise<void>): Promise<void> {
  const db = connect(appUrl, { max: 1 });
  try {
    await work(db);
  } finally {
    await db.destroy();
  }
}

describe('prepared statements', () => {
  it('a pull prepares its statements once and runs its page with the generic plan, pull after pull', async () => {
    await withOneConnection(async (db) => {
      const pullOnce = () =>
        pull(runAsMember(db), SERVER_SCHEMA, PEOPLE.caseworkerA.subject, {
          protocol: 1,
          schema: SERVER_SCHEMA,
          deviceId: 'device-prepared',
          cookie: null,
        });
      for (let i = 0; i < 6; i++) await pullOnce();
      const afterSix = await preparedOn(db);
      for (let i = 0; i < 4; i++) await pullOnce();
      const afterTen = await preparedOn(db);

      expect(afterTen.map((p) => p.statement).sort()).toEqual(afterSix.map((p) => p.statement).sort());
      const page = afterTen.find((p) => p.statement.includes(' union all '));
      expect(page).toMatchObject({ generic_plans: 10, custom_plans: 0 });
      expect(afterTen.some((p) => p.statement.includes('koers_begin_as'))).toBe(true);
      expect(afterTen.every((p) => p.statement.startsWith('/* koers:prepared */'))).toBe(true);
    });
  });

  it('a statement without the mark is not kept prepared', async () => {
    await withOneConnection(async (db) => {
      await sql`select ${41}::int + 1 as answer`.execute(db);
      await sql`${PREPARED} select ${1}::int as one`.execute(db);
      const statements = (await preparedOn(db)).map((p) => p.statement);
      expect(statements).toEqual([expect.stringContaining('select $1::int as one')]);
    });
  });

  it('a statement first sent in a failed transaction is prepared by its next use', async () => {
    await withOneConnection(async (db) => {
      const failed = db.transaction().execute(async (trx) => {
        await sql`select 1 / 0`.execute(trx).catch(() => undefined);
        // The transaction is aborted: PostgreSQL refuses to prepare anything in it.
        return sql`${PREPARED} select ${7}::int as seven`.execute(trx);
      });
      await expect(failed).rejects.toThrow(/current transaction is aborted/);
      const { rows } = await sql<{ seven: number }>`${PREPARED} select ${7}::int as seven`.execute(db);
      expect(rows).toEqual([{ seven: 7 }]);
      expect((await preparedOn(db)).map((p) => p.statement)).toEqual([expect.stringContaining('as seven')]);
    });
  });
});
