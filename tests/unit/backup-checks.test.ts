import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SYNCED_TABLES } from '../../common/sync/tables';
import { openConnection } from '../../db/connection';
import { migrateToLatest } from '../../db/migrate';
import { migrationProvider } from '../../db/migrations';
import { checkBackupCopy } from '../../main/safety/backup-check';
import { makeBackup } from '../../main/safety/backups';
import { checkInWorker } from '../../main/safety/check-in-worker';
import { createPrivateFile, inPrivateTempFolder } from '../../main/safety/private-files';
import { backupIfDue } from '../../main/safety/lifecycle';
import { restoreFile, setAside } from '../../main/safety/recovery';
import { type FakeDesktop, fakeDesktop } from '../helpers/fake-desktop';
import { openTestKoers, type TestKoers } from '../helpers/koers';
import { createClient, ok, setUp } from '../helpers/seed';
import { tempFolder } from '../helpers/temp';

let clock = new Date('2026-11-23T09:30:00Z');
const now = () => clock;

/** Every file under a folder, as paths relative to it. */
function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return (readdirSync(folder, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((f) => statSync(join(folder, f)).isFile())
    .sort();
}

/** Where a backup file lies, wherever in the backup folder Koers keeps it. */
function backupPath(koers: TestKoers, fileName: string, folder = join(koers.folder, 'backups')): string {
  const found = filesUnder(folder).find((f) => basename(f) === fileName);
  if (!found) throw new Error(`${fileName} not found under ${folder}`);
  return join(folder, found);
}

/** Changes a backup file behind Koers's back, as someone with access to the backup folder could. */
function tamper(path: string, statements: string): void {
  const db = new BetterSqlite3(path, { fileMustExist: true });
  db.pragma('foreign_keys = OFF');
  // Some take back a table definition edited in place (0013), as a migration may.
  db.unsafeMode(true);
  db.exec(statements);
  db.close();
}

const names = (koers: TestKoers) =>
  ok(koers.call('clients.list', { status: 'all' })).then((clients) => clients.map((c) => c.firstName).sort());

/** A recursive view in place of the client table: bounded, so today's code (which counted it on the main thread) ends and fails instead of hanging. */
const RECURSIVE_CLIENT = `
  DROP TABLE client;
  CREATE VIEW client AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3000000) SELECT n AS id, NULL AS deleted_at FROM r;
`;

describe('a backup is checked before anything touches the live database', { timeout: 60_000 }, () => {
  let koers: TestKoers;
  beforeEach(async () => {
    clock = new Date('2026-11-23T09:30:00Z');
    koers = await openTestKoers({ now });
    await setUp(koers);
    await createClient(koers, { firstName: 'Jan' });
  });
  afterEach(() => koers.cleanup());

  /** A backup with Jan in it, then Piet added to the live data, then the backup changed by `statements`. */
  async function tamperedBackup(statements: string): Promise<string> {
    const backup = await ok(koers.call('backups.create', {}));
    await createClient(koers, { firstName: 'Piet' });
    tamper(backupPath(koers, backup.fileName), statements);
    clock = new Date('2026-11-24T10:00:00Z');
    return backup.fileName;
  }

  /** The refusal leaves the live data, its schema and the backup folder as they were, and the next start works. */
  async function expectRefused(fileName: string, problem: string) {
    const schemaBefore = koers.connection.sqlite
      .prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name')
      .all();
    const backupsBefore = filesUnder(join(koers.folder, 'backups'));
    expect(await ok(koers.call('backups.inspect', { fileName }))).toEqual({ usable: false, problem });
    expect(await koers.call('backups.restore', { fileName })).toMatchObject({
      ok: false,
      error: { code: 'conflict', details: { reason: `backup_${problem}` } },
    });
    expect(await names(koers)).toEqual(['Jan', 'Piet']);
    expect(koers.connection.sqlite.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all()).toEqual(
      schemaBefore,
    );
    expect(filesUnder(join(koers.folder, 'backups'))).toEqual(backupsBefore);
    expect(koers.internalErrors).toEqual([]);
    await koers.close();
    koers = await openTestKoers({ folder: koers.folder, now });
    expect(await names(koers)).toEqual(['Jan', 'Piet']);
  }

  it('refuses a backup from a newer Koers', async () => {
    const fileName = await tamperedBackup(
      `INSERT INTO kysely_migration (name, timestamp) VALUES ('9999_from_the_future', '2030-01-01T00:00:00Z')`,
    );
    await expectRefused(fileName, 'too_new');
  });

  it('refuses a backup with a trigger Koers did not make, and never restores it', async () => {
    await expectRefused(
      await tamperedBackup(
        `CREATE TRIGGER steal AFTER INSERT ON client BEGIN UPDATE caseworker SET name = NEW.first_name; END`,
      ),
      'not_koers',
    );
    expect(koers.connection.sqlite.prepare(`SELECT name FROM sqlite_master WHERE name = 'steal'`).all()).toEqual([]);
  });

  it("refuses another database's backup put in this database's folder", async () => {
    const fileName = await tamperedBackup(
      `UPDATE meta SET value = '01234567-89ab-7def-8123-456789abcdef' WHERE key = 'database_id'`,
    );
    await expectRefused(fileName, 'other_database');
  });

  it('refuses a file that is not a Koers database at all', async () => {
    const fileName = await tamperedBackup(`SELECT 1`);
    const path = backupPath(koers, fileName);
    const other = new BetterSqlite3(path + '.other');
    other.exec(
      `CREATE TABLE client (id TEXT PRIMARY KEY, deleted_at TEXT); CREATE TABLE scoring (id TEXT, deleted_at TEXT); CREATE TABLE note (id TEXT, deleted_at TEXT);`,
    );
    other.close();
    copyFileSync(path + '.other', path);
    writeFileSync(path + '.other', '');
    await expectRefused(fileName, 'not_koers');
  });

  it('refuses a damaged backup', async () => {
    // Enough rows that the damage falls in the middle of a table.
    const insert = koers.connection.sqlite.prepare(
      `INSERT INTO caseworker (id, name, role, created_at, updated_at) VALUES (?, ?, 'caseworker', 'x', 'x')`,
    );
    for (let i = 0; i < 400; i++) insert.run(`w${i}`, `Worker ${i} ${'x'.repeat(200)}`);
    const fileName = await tamperedBackup(`SELECT 1`);
    const path = backupPath(koers, fileName);
    const bytes = readFileSync(path);
    bytes.fill(0x5a, Math.floor(bytes.length / 2), Math.floor(bytes.length / 2) + 8192);
    writeFileSync(path, bytes);
    await expectRefused(fileName, 'damaged');
  });

  it('restores a backup from an older Koers brought up to date, keeping the database it restores into', async () => {
    const backup = await ok(koers.call('backups.create', {}));
    const own = dirname(backupPath(koers, backup.fileName));
    // A database as Koers 0004 left it, with a client.
    const temp = tempFolder();
    const old = openConnection(join(temp.path, 'old.sqlite'));
    await new Migrator({ db: old.db, provider: migrationProvider }).migrateTo('0004_scoring');
    old.sqlite.exec(
      `INSERT INTO client (id, first_name, last_name, pseudonym, status, created_at, updated_at) VALUES ('c-old', 'Oud', 'Klant', 'K-0001', 'active', 'x', 'x')`,
    );
    old.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await old.close();
    copyFileSync(join(temp.path, 'old.sqlite'), join(own, 'koers-2026-01-01T000000000Z.sqlite'));
    temp.cleanup();

    expect(await ok(koers.call('backups.inspect', { fileName: 'koers-2026-01-01T000000000Z.sqlite' }))).toEqual({
      usable: true,
      clients: 1,
      scorings: 0,
      notes: 0,
    });
    await ok(koers.call('backups.restore', { fileName: 'koers-2026-01-01T000000000Z.sqlite' }));
    expect(await names(koers)).toEqual(['Oud']);
    // Its backups stay where they were: the restored data is still this database.
    expect((await ok(koers.call('backups.list', {}))).backups.map((b) => b.fileName)).toContain(backup.fileName);
    await koers.close();
    koers = await openTestKoers({ folder: koers.folder, now });
    expect(await names(koers)).toEqual(['Oud']);
    expect(dirname(backupPath(koers, (await ok(koers.call('backups.create', {}))).fileName))).toBe(own);
  });

  it('opens every connection with trusted_schema off', () => {
    expect(koers.connection.sqlite.pragma('trusted_schema', { simple: true })).toBe(0);
  });
});

describe('a hostile file in the backup folder', { timeout: 60_000 }, () => {
  let koers: TestKoers;
  beforeEach(async () => {
    clock = new Date('2026-11-23T09:30:00Z');
    koers = await openTestKoers({ now });
    await setUp(koers);
    await createClient(koers, { firstName: 'Jan' });
  });
  afterEach(() => koers.cleanup());

  it('whose client table is a recursive view is refused off the main thread, which keeps ticking', async () => {
    const backup = await ok(koers.call('backups.create', {}));
    tamper(backupPath(koers, backup.fileName), RECURSIVE_CLIENT);
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 5);
    try {
      expect(await ok(koers.call('backups.inspect', { fileName: backup.fileName }))).toEqual({
        usable: false,
        problem: 'not_koers',
      });
      expect(ticks).toBeGreaterThan(0);
      ticks = 0;
      expect(await koers.call('backups.restore', { fileName: backup.fileName })).toMatchObject({
        ok: false,
        error: { details: { reason: 'backup_not_koers' } },
      });
      expect(ticks).toBeGreaterThan(0);
    } finally {
      clearInterval(timer);
    }
    expect(await names(koers)).toEqual(['Jan']);
  });

  it('is never offered or put in place by the recovery at start', async () => {
    const good = await ok(koers.call('backups.create', {}));
    clock = new Date('2026-11-24T09:00:00Z');
    const newer = await ok(koers.call('backups.create', {}));
    clock = new Date('2026-11-25T09:00:00Z');
    const view = await ok(koers.call('backups.create', {}));
    tamper(
      backupPath(koers, newer.fileName),
      `INSERT INTO kysely_migration (name, timestamp) VALUES ('9999_from_the_future', 'x')`,
    );
    tamper(backupPath(koers, view.fileName), RECURSIVE_CLIENT);
    // This database's backups lie in a folder named after its id.
    const own = dirname(backupPath(koers, good.fileName));
    await koers.close();

    const recovery = await setAside(
      koers.databasePath,
      { folder: own, databaseId: basename(own) },
      new Date('2026-11-26T08:00:00Z'),
    );
    expect(recovery.newest).toMatchObject({ backup: { fileName: good.fileName }, contents: { clients: 1 } });
    await restoreFile(recovery.newest!.backup, koers.databasePath, basename(own), koers.settings);
    koers = await openTestKoers({ folder: koers.folder, now });
    expect(await names(koers)).toEqual(['Jan']);
  });
});

// Every check starts a worker; from the sources under tsx that takes a moment.
describe('a shared backup folder', { timeout: 90_000 }, () => {
  let anne: TestKoers;
  let bo: TestKoers;
  let shared: ReturnType<typeof tempFolder>;
  beforeEach(async () => {
    clock = new Date('2026-11-23T09:30:00Z');
    shared = tempFolder('koers-shared-');
    const desktop: FakeDesktop = fakeDesktop();
    desktop.folder = shared.path;
    anne = await openTestKoers({ now, desktop });
    bo = await openTestKoers({ now, desktop });
    for (const [koers, name] of [
      [anne, 'Anne'],
      [bo, 'Bo'],
    ] as const) {
      await setUp(koers, name);
      await createClient(koers, { firstName: `Client of ${name}` });
      await ok(koers.call('backups.chooseFolder', {}));
    }
  });
  afterEach(async () => {
    await anne.cleanup();
    await bo.cleanup();
    shared.cleanup();
  });

  it("keeps each database's backups apart: list, prune and restore only one's own", async () => {
    const mine = await ok(anne.call('backups.create', {}));
    // Bo backs up twice a day for 30 days: rotation would delete most of Anne's files if it saw them.
    for (let day = 0; day < 30; day++) {
      for (const hour of [8, 17]) {
        clock = new Date(Date.UTC(2026, 10, 24 + day, hour));
        await ok(bo.call('backups.create', {}));
      }
    }
    const anneList = await ok(anne.call('backups.list', {}));
    expect(anneList.backups.map((b) => b.fileName)).toEqual([mine.fileName]);
    const boList = await ok(bo.call('backups.list', {}));
    expect(boList.backups.map((b) => b.fileName)).not.toContain(mine.fileName);
    // Anne's next backup prunes her folder only.
    const before = boList.backups.length;
    await ok(anne.call('backups.create', {}));
    expect((await ok(bo.call('backups.list', {}))).backups).toHaveLength(before);
    const anneNames = (await ok(anne.call('backups.list', {}))).backups.map((b) => b.fileName);
    const bos = boList.backups.find((b) => !anneNames.includes(b.fileName))!.fileName;
    expect(await anne.call('backups.inspect', { fileName: bos })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await anne.call('backups.restore', { fileName: bos })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    // Bo's recent backup does not make Anne's due one look done.
    clock = new Date(Date.UTC(2026, 11, 30, 9));
    expect(await backupIfDue(anne.context)).toBe(true);
  });

  it('takes over only its own backups of the old flat layout and leaves every other file alone', async () => {
    // Before this version every Koers wrote into the folder itself; some of those files predate the database id.
    // A database of then went up to 0007: what 0008 and the migrations after it added is taken off.
    const captureTriggers = SYNCED_TABLES.flatMap((t) =>
      ['insert', 'update', 'delete'].map((op) => `DROP TRIGGER sync_capture_${t.name}_${op};`),
    ).join(' ');
    // 0011 rewrote the triggers that freeze published sheets to read sync_state: back to 0004's.
    const frozenTriggers = (
      await sql<{
        name: string;
        sql: string;
      }>`SELECT name, sql FROM sqlite_master WHERE name LIKE '%_frozen_%'`.execute(anne.connection.db)
    ).rows
      .map((t) => `DROP TRIGGER ${t.name}; ${t.sql.replace(/ AND NOT \(SELECT applying FROM sync_state\)/, '')};`)
      .join(' ');
    // 0012's triggers keep colleagues' clients read-only on a key person's laptop: gone with sync_state.
    const colleaguesTriggers = (
      await sql<{
        name: string;
      }>`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'colleagues_%'`.execute(anne.connection.db)
    ).rows
      .map((t) => `DROP TRIGGER ${t.name};`)
      .join(' ');
    // 0013's search table and its triggers go; its widened note.kind check is narrowed again.
    const movingIn = `DROP TRIGGER client_search_insert; DROP TRIGGER client_search_update; DROP TABLE client_search;
      DROP TABLE client_search_state; DROP TABLE caseworker_alias; PRAGMA writable_schema = ON;
      UPDATE sqlite_schema SET sql = replace(sql, ', ''remark'')', ')') WHERE name = 'note';
      PRAGMA writable_schema = RESET;`;
    // 0014's consent table goes; the scoring's provider and its organisation with it.
    const ratersConsent = `DROP TABLE consent; ALTER TABLE scoring DROP COLUMN organisation; PRAGMA writable_schema = ON;
      UPDATE sqlite_schema SET sql = replace(sql, ', ''provider'')', ')') WHERE name = 'scoring';
      PRAGMA writable_schema = RESET;`;
    // 0015's translations and the client's language go.
    const translations = `DROP TABLE sheet_translation; ALTER TABLE client DROP COLUMN language; DROP TABLE paper_sheet;`;
    const stripId = `${captureTriggers} ${frozenTriggers} ${colleaguesTriggers} ${movingIn} ${ratersConsent} ${translations} DROP TABLE sync_outbox; DROP TABLE sync_state;
      DROP TABLE sync_seen; DROP TABLE sync_batch; DROP TABLE sync_inbox; DROP TABLE sync_notice;
      DROP TABLE IF EXISTS meta; ALTER TABLE client DROP COLUMN meeting_listed_at;
      DELETE FROM kysely_migration WHERE name >= '0008'`;
    const flat = async (koers: TestKoers, day: number, withoutId: boolean) => {
      await koers.context.audit.flush();
      const backup = await makeBackup(koers.connection.sqlite, shared.path, new Date(Date.UTC(2026, 10, day, 12)));
      if (withoutId) tamper(backup.path, stripId);
      return backup.fileName;
    };
    const anneOld = [await flat(anne, 10, true), await flat(anne, 11, false)];
    const boOld = [await flat(bo, 12, true), await flat(bo, 13, false)];
    writeFileSync(join(shared.path, 'koers-2026-11-14T120000000Z.sqlite'), 'not a database');
    const untouched = [...boOld, 'koers-2026-11-14T120000000Z.sqlite'].map(
      (name) => [name, readFileSync(join(shared.path, name))] as const,
    );

    expect(await backupIfDue(anne.context)).toBe(true);
    const listed = (await ok(anne.call('backups.list', {}))).backups.map((b) => b.fileName);
    expect(listed).toHaveLength(3);
    expect(listed).toEqual(expect.arrayContaining(anneOld));
    for (const name of anneOld) expect(existsSync(join(shared.path, name))).toBe(false);
    for (const [name, bytes] of untouched) expect(readFileSync(join(shared.path, name)).equals(bytes)).toBe(true);
    expect((await ok(bo.call('backups.list', {}))).backups).toEqual([]);
    expect(await ok(anne.call('backups.inspect', { fileName: anneOld[0]! }))).toMatchObject({
      usable: true,
      clients: 1,
    });
  });
});

describe('temporary files of backups', { timeout: 60_000 }, () => {
  let koers: TestKoers;
  let temp: ReturnType<typeof tempFolder>;
  const tmpdirBefore = process.env.TMPDIR;
  beforeEach(async () => {
    temp = tempFolder();
    // The OS temp folder of this test: whatever Koers leaves there is seen.
    process.env.TMPDIR = join(temp.path, 'os-temp');
    mkdirSync(process.env.TMPDIR);
    expect(tmpdir()).toBe(process.env.TMPDIR);
    koers = await openTestKoers({ folder: join(temp.path, 'data'), now });
    await setUp(koers);
    await createClient(koers, { firstName: 'Jan' });
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await koers.cleanup();
    if (tmpdirBefore === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = tmpdirBefore;
    temp.cleanup();
  });

  it('never writes to a name another user can predict in the shared temp folder', async () => {
    const at = 1_790_000_000_000;
    vi.spyOn(Date, 'now').mockReturnValue(at);
    // Another user plants the names today's Koers would use, readable by everyone.
    const planted = ['backup', 'inspect', 'restore'].map((kind) =>
      join(tmpdir(), `koers-${kind}-${process.pid}-${at}.sqlite`),
    );
    for (const path of planted) writeFileSync(path, 'planted', { mode: 0o666 });
    const backup = await ok(koers.call('backups.create', {}));
    await ok(koers.call('backups.inspect', { fileName: backup.fileName }));
    for (const path of planted) expect(readFileSync(path, 'utf8')).toBe('planted');
  });

  it('leaves nothing behind: no copies, no -wal or -shm, in the temp folder or beside the backups', async () => {
    const backup = await ok(koers.call('backups.create', {}));
    await ok(koers.call('backups.inspect', { fileName: backup.fileName }));
    await ok(koers.call('backups.restore', { fileName: backup.fileName }));
    await koers.call('backups.inspect', { fileName: 'koers-2001-01-01T000000000Z.sqlite' });
    tamper(
      backupPath(koers, backup.fileName, join(koers.folder, 'backups')),
      `INSERT INTO kysely_migration (name, timestamp) VALUES ('9999_from_the_future', 'x')`,
    );
    await koers.call('backups.restore', { fileName: backup.fileName });
    // (tsx, which runs the check's worker from the sources in tests, keeps its compile cache there.)
    expect(filesUnder(tmpdir()).filter((f) => !f.startsWith('tsx-'))).toEqual([]);
    const beside = filesUnder(join(koers.folder, 'backups')).map((f) => basename(f));
    expect(beside.filter((f) => !/^koers-\d{4}-\d{2}-\d{2}T\d{9}Z\.sqlite$/.test(f) && !f.startsWith('.'))).toEqual([]);
  });
});

describe('the check itself', { timeout: 60_000 }, () => {
  it('stops a check that takes longer than its limit, with a refusal', async () => {
    const temp = tempFolder();
    const connection = openConnection(join(temp.path, 'copy.sqlite'));
    await migrateToLatest(connection);
    await connection.close();
    // No worker starts, reads a database and answers within a millisecond.
    expect(await checkInWorker({ path: join(temp.path, 'copy.sqlite'), databaseId: null, upgrade: false }, 1)).toEqual({
      usable: false,
      problem: 'timeout',
    });
    expect(
      (await checkInWorker({ path: join(temp.path, 'copy.sqlite'), databaseId: null, upgrade: false })).usable,
    ).toBe(true);
    temp.cleanup();
  });

  it.each([
    ['a trigger', `CREATE TRIGGER steal AFTER INSERT ON client BEGIN UPDATE caseworker SET name = NEW.first_name; END`],
    ['a view', `CREATE VIEW everyone AS SELECT first_name FROM client`],
    ['a table', `CREATE TABLE notes_elsewhere (body TEXT)`],
    ['an index', `CREATE INDEX client_first_name ON client (first_name)`],
    [
      'a changed trigger',
      `DROP TRIGGER note_fts_insert; CREATE TRIGGER note_fts_insert AFTER INSERT ON note BEGIN DELETE FROM client; END`,
    ],
    // (0012's trigger names every column of client: it goes first, or SQLite refuses the drop.)
    ['a missing column', `DROP TRIGGER colleagues_client_update; ALTER TABLE client DROP COLUMN email`],
    ['a missing table', `DROP TABLE note_draft`],
    ['a gap in the migration history', `DELETE FROM kysely_migration WHERE name = '0002_client_pseudonym'`],
    [
      'a view as the migration history',
      `DROP TABLE kysely_migration; CREATE VIEW kysely_migration AS SELECT '0001_caseworker_client' AS name, 'x' AS timestamp`,
    ],
    ['a recursive view as the client table', RECURSIVE_CLIENT],
  ])('refuses %s Koers did not make as not a Koers backup', async (_what, statements) => {
    const temp = tempFolder();
    const path = join(temp.path, 'copy.sqlite');
    const connection = openConnection(path);
    await migrateToLatest(connection);
    await connection.close();
    tamper(path, statements);
    expect(await checkBackupCopy({ path, databaseId: null, upgrade: true })).toEqual({
      usable: false,
      problem: 'not_koers',
    });
    temp.cleanup();
  });

  it('accepts a schema spelled differently by another SQLite or Kysely (quotes, case, spaces)', async () => {
    const temp = tempFolder();
    const connection = openConnection(join(temp.path, 'copy.sqlite'));
    await migrateToLatest(connection);
    const trigger = connection.sqlite
      .prepare(`SELECT sql FROM sqlite_master WHERE name = 'note_fts_delete'`)
      .pluck()
      .get() as string;
    connection.sqlite.exec(
      `DROP TRIGGER note_fts_delete; ${trigger.replace('CREATE TRIGGER note_fts_delete', 'create   trigger "note_fts_delete"').replace(/\n\s*/g, '\n\t\t')}`,
    );
    connection.sqlite.exec(`DROP INDEX audit_at; CREATE INDEX [audit_at] ON "audit_log" ( "at" )`);
    await connection.close();
    expect(
      await checkBackupCopy({ path: join(temp.path, 'copy.sqlite'), databaseId: null, upgrade: false }),
    ).toMatchObject({ usable: true });
    temp.cleanup();
  });

  it('works in a private temporary folder: only the user can enter it, and it is gone afterwards, also after a failure', async () => {
    let seen = '';
    await expect(
      inPrivateTempFolder(async (folder) => {
        seen = folder;
        await createPrivateFile(join(folder, 'a.sqlite'));
        if (process.platform !== 'win32') {
          expect(statSync(folder).mode & 0o777).toBe(0o700);
          expect(statSync(join(folder, 'a.sqlite')).mode & 0o777).toBe(0o600);
        }
        await expect(createPrivateFile(join(folder, 'a.sqlite'))).rejects.toThrow(/EEXIST/);
        throw new Error('failed');
      }),
    ).rejects.toThrow('failed');
    expect(dirname(seen)).toBe(tmpdir());
    expect(existsSync(seen)).toBe(false);
  });
});
