import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openConnection, PRAGMAS } from '../../db/connection';
import { COMMAND_LINE_LOCK_WAIT } from '../../db/lock-wait';
import { tempFolder } from '../helpers/temp';

describe('openConnection', () => {
  let temp: ReturnType<typeof tempFolder>;
  beforeEach(() => {
    temp = tempFolder();
  });
  afterEach(() => temp.cleanup());

  it('opens a file with WAL, foreign keys, synchronous=FULL, secure_delete and a busy timeout that never blocks the app', async () => {
    const connection = openConnection(join(temp.path, 'koers.sqlite'));
    const pragma = (name: string) => connection.sqlite.pragma(name, { simple: true });
    expect(pragma('journal_mode')).toBe(PRAGMAS.journal_mode);
    expect(pragma('foreign_keys')).toBe(1);
    expect(pragma('busy_timeout')).toBe(0);
    expect(pragma('synchronous')).toBe(2);
    // Deleted content is overwritten, so an erased client's text does not linger in free space.
    expect(pragma('secure_delete')).toBe(1);
    await connection.close();
    // The command line has no window: SQLite itself may wait there.
    const patient = openConnection(join(temp.path, 'koers.sqlite'), { lockWait: COMMAND_LINE_LOCK_WAIT });
    expect(patient.sqlite.pragma('busy_timeout', { simple: true })).toBe(COMMAND_LINE_LOCK_WAIT.blockingMs);
    await patient.close();
  });

  it('enforces foreign keys', async () => {
    const connection = openConnection(join(temp.path, 'fk.sqlite'));
    connection.sqlite.exec(
      'CREATE TABLE parent (id TEXT PRIMARY KEY); CREATE TABLE child (parent_id TEXT REFERENCES parent(id));',
    );
    expect(() => connection.sqlite.prepare("INSERT INTO child VALUES ('missing')").run()).toThrow(/FOREIGN KEY/);
    await connection.close();
  });

  it('reports a transaction that fills the disk as SQLITE_FULL, not as a failed rollback, and keeps none of it', async () => {
    const connection = openConnection(join(temp.path, 'full.sqlite'));
    connection.sqlite.exec('CREATE TABLE t (x)');
    connection.sqlite.pragma(`max_page_count = ${String(connection.sqlite.pragma('page_count', { simple: true }))}`);
    const failure = await connection.db
      .transaction()
      .execute(async (trx) => {
        await sql`INSERT INTO t VALUES (1)`.execute(trx);
        // SQLite rolls the whole transaction back itself here; a second ROLLBACK would fail and hide why.
        await sql`INSERT INTO t VALUES (randomblob(100000))`.execute(trx);
      })
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'SQLITE_FULL' });
    expect(connection.sqlite.prepare('SELECT count(*) FROM t').pluck().get()).toBe(0);
    await connection.close();
  });

  it('refuses a database it cannot put in WAL mode instead of running without it', async () => {
    // An in-memory database reports journal_mode=memory: the assertion must catch that.
    expect(() => openConnection(':memory:')).toThrow(/journal_mode/);
  });
});

describe('transactions that SQLite ends itself', () => {
  it('report the disk being full, not a failed rollback, and leave the connection usable', async () => {
    const temp = tempFolder();
    const connection = openConnection(join(temp.path, 'full.sqlite'));
    const { db, sqlite } = connection;
    sqlite.exec('CREATE TABLE t (x TEXT)');
    // No page more than the file has now: SQLITE_FULL, and SQLite rolls the transaction back on its own.
    sqlite.pragma(`max_page_count = ${Number(sqlite.pragma('page_count', { simple: true }))}`);
    const write = db.transaction().execute(async (trx) => {
      for (let i = 0; i < 200; i++) await sql`INSERT INTO t VALUES (${'x'.repeat(500)})`.execute(trx);
    });
    await expect(write).rejects.toMatchObject({ code: 'SQLITE_FULL' });
    expect(sqlite.inTransaction).toBe(false);
    sqlite.pragma('max_page_count = 1073741823');
    await db.transaction().execute((trx) => sql`INSERT INTO t VALUES ('after')`.execute(trx));
    expect(sqlite.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 1 });
    await connection.close();
    temp.cleanup();
  });
});
