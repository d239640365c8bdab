import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openConnection } from '../../db/connection';
import { openTestKoers, type TestKoers } from '../helpers/koers';
import { ok, setUp } from '../helpers/seed';
import { tempFolder } from '../helpers/temp';

/** One turn of the event loop: immediates and timers both get to run. */
async function tick(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setTimeout(resolve, 1));
}

/** Another program on the same file (the command line, a second Koers) that takes the write lock. */
function otherProgram(path: string): BetterSqlite3.Database {
  return new BetterSqlite3(path, { timeout: 0 });
}

describe('a write transaction', () => {
  let temp: ReturnType<typeof tempFolder>;
  beforeEach(() => {
    temp = tempFolder();
  });
  afterEach(() => temp.cleanup());

  it('holds the write lock from its start, so a read followed by a write is not refused when another program commits in between', async () => {
    const path = join(temp.path, 'koers.sqlite');
    const connection = openConnection(path);
    connection.sqlite.exec('CREATE TABLE t (x INTEGER)');
    const other = otherProgram(path);
    let otherWrote: boolean | undefined;
    await connection.db.transaction().execute(async (trx) => {
      await sql`SELECT count(*) FROM t`.execute(trx);
      try {
        other.prepare('INSERT INTO t VALUES (1)').run();
        otherWrote = true;
      } catch (error) {
        expect((error as { code: string }).code).toBe('SQLITE_BUSY');
        otherWrote = false;
      }
      await sql`INSERT INTO t VALUES (2)`.execute(trx);
    });
    expect(otherWrote).toBe(false);
    expect(other.prepare('SELECT x FROM t').pluck().all()).toEqual([2]);
    other.close();
    await connection.close();
  });

  it('that is read-only takes no write lock: another program writes meanwhile', async () => {
    const path = join(temp.path, 'koers.sqlite');
    const connection = openConnection(path);
    connection.sqlite.exec('CREATE TABLE t (x INTEGER)');
    const other = otherProgram(path);
    const seen = await connection.db
      .transaction()
      .setAccessMode('read only')
      .execute(async (trx) => {
        other.prepare('INSERT INTO t VALUES (1)').run();
        return (await sql<{ n: number }>`SELECT count(*) AS n FROM t`.execute(trx)).rows[0]?.n;
      });
    expect(seen).toBe(1);
    other.close();
    await connection.close();
  });
});

describe('Koers and another program writing at the same time', () => {
  let koers: TestKoers;
  let other: BetterSqlite3.Database | undefined;
  beforeEach(async () => {
    koers = await openTestKoers();
    await setUp(koers);
  });
  afterEach(async () => {
    if (other?.inTransaction) other.exec('ROLLBACK');
    other?.close();
    await koers.cleanup();
  });

  const draft = {
    key: 'client:waiting',
    kind: 'conversation',
    notedAt: '2026-11-20T10:15',
    body: 'Typed while the command line imports',
  };

  it('waits for the write lock with the main thread free, lets reads through meanwhile, and saves once the lock is released', async () => {
    other = otherProgram(koers.databasePath);
    other.exec('BEGIN IMMEDIATE');
    const settled = { save: false, create: false };
    // A single statement (the draft) and a transaction (a new client) both wait.
    const save = koers.call('drafts.save', draft).finally(() => (settled.save = true));
    const create = koers
      .call('clients.create', { firstName: 'Ida', lastName: 'Holm' })
      .finally(() => (settled.create = true));

    // SQLite's own busy wait would hold the thread here: no timer or immediate would run.
    let ticks = 0;
    for (; ticks < 25; ticks++) await tick();
    expect(ticks).toBe(25);
    expect(settled).toEqual({ save: false, create: false });
    // Reading never needs the write lock (WAL): it is not queued behind the waiting writes.
    expect(await ok(koers.call('clients.list', { status: 'all' }))).toEqual([]);

    other.exec('COMMIT');
    expect(await save).toEqual({ ok: true, value: { ok: true } });
    expect(await create).toMatchObject({ ok: true, value: { firstName: 'Ida' } });
    expect(await ok(koers.call('drafts.get', { key: draft.key }))).toMatchObject({ body: draft.body });
    expect(koers.internalErrors).toEqual([]);
  });

  it('keeps the order of writes that waited: the last draft typed is the one kept', async () => {
    other = otherProgram(koers.databasePath);
    other.exec('BEGIN IMMEDIATE');
    const saves = ['a', 'ab', 'abc', 'abcd'].map((body) => koers.call('drafts.save', { ...draft, body }));
    for (let i = 0; i < 5; i++) await tick();
    other.exec('COMMIT');
    expect((await Promise.all(saves)).every((envelope) => envelope.ok)).toBe(true);
    expect(await ok(koers.call('drafts.get', { key: draft.key }))).toMatchObject({ body: 'abcd' });
  });
});

describe('when the write lock is not released in time', () => {
  let koers: TestKoers;
  let other: BetterSqlite3.Database;
  beforeEach(async () => {
    // The app waits ~10 s; a short wait keeps the test quick, the path is the same.
    koers = await openTestKoers({ lockWait: { blockingMs: 0, retryMs: 100 } });
    await setUp(koers);
    other = otherProgram(koers.databasePath);
  });
  afterEach(async () => {
    if (other.inTransaction) other.exec('ROLLBACK');
    other.close();
    await koers.cleanup();
  });

  it('tells the user the database is busy instead of a generic error, and nothing is half written', async () => {
    other.exec('BEGIN IMMEDIATE');
    const refused = await Promise.all([
      koers.call('clients.create', { firstName: 'Ida', lastName: 'Holm' }),
      koers.call('drafts.save', { key: 'client:late', kind: 'conversation', notedAt: '2026-11-20T10:15', body: 'x' }),
    ]);
    for (const envelope of refused)
      expect(envelope).toEqual({ ok: false, error: { code: 'busy', message: 'The database is busy' } });
    other.exec('COMMIT');
    expect(koers.internalErrors.filter((e) => e.method !== 'audit')).toEqual([]);
    expect(await ok(koers.call('clients.list', { status: 'all' }))).toEqual([]);
    expect(await ok(koers.call('drafts.get', { key: 'client:late' }))).toBeNull();
    // Once the other program is done, the same call works.
    expect(await koers.call('clients.create', { firstName: 'Ida', lastName: 'Holm' })).toMatchObject({ ok: true });
  });
});
