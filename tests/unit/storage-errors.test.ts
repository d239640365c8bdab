import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openConnection } from '../../db/connection';
import { storageFailure } from '../../main/rpc/storage-failure';
import { openTestKoers, type TestKoers } from '../helpers/koers';
import { createClient, ok, setUp } from '../helpers/seed';
import { tempFolder } from '../helpers/temp';

/** What SQLite or the OS threw, caught. */
function thrownBy(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('a database that cannot take a write', () => {
  let koers: TestKoers;
  beforeEach(async () => {
    koers = await openTestKoers();
    await setUp(koers);
  });
  afterEach(() => koers.cleanup());

  const long = 'Huisbezoek. '.repeat(1600);
  const note = (clientId: string) => ({ clientId, kind: 'home_visit', notedAt: '2026-11-20T10:15', body: long });
  const draft = { key: 'client:full', kind: 'conversation', notedAt: '2026-11-20T10:15', body: long };
  const notLoggedAsBugs = () => koers.internalErrors.filter((e) => e.method !== 'audit');
  const notes = () => koers.connection.sqlite.prepare('SELECT count(*) FROM note').pluck().get();

  it('says the disk is full (not a bug) when SQLite runs out of room, and saves nothing', async () => {
    const client = await createClient(koers);
    const sqlite = koers.connection.sqlite;
    const pages = sqlite.pragma('page_count', { simple: true }) as number;
    // The file may not grow: SQLite answers SQLITE_FULL exactly as on a full disk.
    sqlite.pragma(`max_page_count = ${pages}`);
    const full = { ok: false, error: { code: 'disk_full', message: 'The disk is full' } };
    expect(await koers.call('notes.create', note(client.id))).toEqual(full);
    expect(await koers.call('drafts.save', draft)).toEqual(full);
    expect(notLoggedAsBugs()).toEqual([]);

    sqlite.pragma('max_page_count = 1073741823');
    expect(notes()).toBe(0);
    expect(await ok(koers.call('drafts.get', { key: draft.key }))).toBeNull();
    expect(await koers.call('notes.create', note(client.id))).toMatchObject({ ok: true });
  });

  it('says the database cannot be written when it could only be opened read-only, and saves nothing', async () => {
    const client = await createClient(koers);
    // SQLite opens a file it may not write read-only; as root a chmod would not stop writes, so open it so.
    const readOnly = openConnection(koers.databasePath, { readonly: true });
    const writable = { db: koers.context.db, sqlite: koers.context.sqlite };
    Object.assign(koers.context, { db: readOnly.db, sqlite: readOnly.sqlite });
    try {
      const refused = { ok: false, error: { code: 'read_only', message: 'The database cannot be written' } };
      expect(await koers.call('notes.create', note(client.id))).toEqual(refused);
      expect(await koers.call('drafts.save', draft)).toEqual(refused);
      expect(await koers.call('clients.get', { id: client.id })).toMatchObject({ ok: true });
    } finally {
      Object.assign(koers.context, writable);
      await readOnly.close();
    }
    expect(notLoggedAsBugs()).toEqual([]);
    expect(notes()).toBe(0);
    expect(await ok(koers.call('drafts.get', { key: draft.key }))).toBeNull();
  });
});

describe('storageFailure', () => {
  let temp: ReturnType<typeof tempFolder>;
  beforeEach(() => {
    temp = tempFolder();
  });
  afterEach(() => temp.cleanup());

  it('tells a busy, a full and a read-only store from a bug, for SQLite and for the file system', () => {
    const path = join(temp.path, 'ro.sqlite');
    const a = new BetterSqlite3(path);
    const readOnly = new BetterSqlite3(path, { readonly: true });
    expect(storageFailure(thrownBy(() => readOnly.exec('CREATE TABLE t (x)')))?.code).toBe('read_only');
    // A real ENOSPC: /dev/full refuses every write with it.
    expect(storageFailure(thrownBy(() => writeFileSync('/dev/full', 'x')))?.code).toBe('disk_full');
    for (const code of ['EROFS', 'EACCES', 'EPERM'])
      expect(storageFailure(Object.assign(new Error(`${code}: open`), { code, syscall: 'open' }))?.code).toBe(
        'read_only',
      );
    for (const code of ['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_LOCKED', 'SQLITE_LOCKED_SHAREDCACHE']) {
      expect(storageFailure(new BetterSqlite3.SqliteError('database is locked', code))?.code).toBe('busy');
    }
    // Found behind a wrapper too (an error re-thrown with its cause).
    expect(
      storageFailure(
        new Error('backup failed', { cause: new BetterSqlite3.SqliteError('database or disk is full', 'SQLITE_FULL') }),
      )?.code,
    ).toBe('disk_full');
    // Everything else stays a bug.
    expect(storageFailure(thrownBy(() => a.exec('SELECT * FROM missing')))).toBeNull();
    expect(storageFailure(new BetterSqlite3.SqliteError('constraint failed', 'SQLITE_CONSTRAINT_UNIQUE'))).toBeNull();
    expect(storageFailure(new TypeError('x is undefined'))).toBeNull();
    expect(storageFailure(Object.assign(new Error('ENOENT'), { code: 'ENOENT' }))).toBeNull();
    a.close();
    readOnly.close();
  });
});
