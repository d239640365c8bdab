import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Connection, openConnection } from '../../db/connection';
import { generateDemo } from '../../db/demo/generate';
import { migrateToLatest } from '../../db/migrate';
import { insertCaseworker } from '../../db/queries/caseworkers';
import { listCaseload } from '../../db/queries/clients';
import { caseloadRows, prepareCaseload } from '../bench/caseload-by-hand';
import { tempFolder } from '../helpers/temp';

const TODAY = '2026-11-23';

/*
 * A ratio against a hand-written baseline is only honest when the baseline does the
 * same work: these tests hold the bench's hand-written caseload to Koers's answer,
 * field for field, so a column Koers gains (as "last scored" and "scoring due" once
 * were) fails here until the baseline computes it too.
 */
describe('the bench baseline for the caseload', () => {
  const temp = tempFolder('koers-bench-baseline-');
  let connection: Connection;
  let raw: BetterSqlite3.Database;
  let me: string;

  beforeAll(async () => {
    connection = openConnection(join(temp.path, 'koers.sqlite'));
    await migrateToLatest(connection);
    me = await insertCaseworker(connection.db, { name: 'Bench', role: 'key_person' }, `${TODAY}T08:00:00.000Z`, null);
    await generateDemo(connection.db, { clients: 150, today: TODAY, language: 'nl', currentCaseworkerId: me });
    raw = new BetterSqlite3(join(temp.path, 'koers.sqlite'), { readonly: true });
  }, 60_000);

  afterAll(async () => {
    raw.close();
    await connection.close();
    temp.cleanup();
  });

  it("gives one caseworker's caseload exactly as listCaseload does", async () => {
    const koers = await listCaseload(connection.db, { caseworkerId: me, status: 'active', today: TODAY });
    // Every branch of the row is covered: with and without a next to-do, a scoring, overdue to-dos.
    expect(koers.length).toBeGreaterThan(50);
    expect(koers.some((r) => r.nextAction === null) && koers.some((r) => r.nextAction !== null)).toBe(true);
    expect(koers.some((r) => r.lastScoredOn === null) && koers.some((r) => r.lastScoredOn !== null)).toBe(true);
    expect(koers.some((r) => r.overdueCount > 0)).toBe(true);
    expect(caseloadRows(prepareCaseload(raw, 'caseworker').all(TODAY, me))).toEqual(koers);
  });

  it('gives the search results exactly as listCaseload does', async () => {
    const search = prepareCaseload(raw, 'search');
    for (const text of ['j', 'an', 'K-00']) {
      const koers = await listCaseload(connection.db, { status: 'active', search: text, today: TODAY });
      expect(koers.length).toBeGreaterThan(0);
      const pattern = `%${text}%`;
      expect(caseloadRows(search.all(TODAY, pattern))).toEqual(koers);
    }
  });
});
