import BetterSqlite3 from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openConnection } from '../../db/connection';
import { migrateToLatest } from '../../db/migrate';
import { readDatabaseId } from '../../db/queries/meta';
import { listBackups, makeBackup, ownBackups, prune } from '../../main/safety/backups';
import { DamagedDatabaseError, restoreFile, setAside } from '../../main/safety/recovery';
import { hashPin, verifyPin } from '../../main/safety/pin';
import { createFileSettings } from '../../main/settings';
import { type FakeDesktop, fakeDesktop } from '../helpers/fake-desktop';
import { openTestKoers, type TestKoers } from '../helpers/koers';
import { createClient, ok, setUp } from '../helpers/seed';
import { tempFolder } from '../helpers/temp';

let clock = new Date('2026-11-23T09:30:00Z');
const now = () => clock;

describe('backups', () => {
  let koers: TestKoers;
  let desktop: FakeDesktop;
  beforeEach(async () => {
    clock = new Date('2026-11-23T09:30:00Z');
    desktop = fakeDesktop();
    koers = await openTestKoers({ desktop, now });
    await setUp(koers);
  });
  afterEach(() => koers.cleanup());

  it('backs up into the backups folder (checked, readable by the user only), shows the contents, and restores after a safety backup', async () => {
    const jan = await createClient(koers, { firstName: 'Jan' });
    const backup = await ok(koers.call('backups.create', {}));
    const overview = await ok(koers.call('backups.list', {}));
    const databaseId = koers.settings.get('databaseId')!;
    expect(overview).toMatchObject({
      folder: join(koers.folder, 'backups'),
      ownFolder: join(koers.folder, 'backups', databaseId),
      customFolder: false,
      databasePath: koers.databasePath,
    });
    expect(overview.backups.map((b) => b.fileName)).toEqual([backup.fileName]);
    expect(backup.fileName).toBe('koers-2026-11-23T093000000Z.sqlite');
    if (process.platform !== 'win32') {
      expect(statSync(join(overview.ownFolder, backup.fileName)).mode & 0o777).toBe(0o600);
      expect(statSync(overview.ownFolder).mode & 0o777).toBe(0o700);
      expect(statSync(overview.folder).mode & 0o777).toBe(0o700);
      expect(statSync(koers.databasePath).mode & 0o777).toBe(0o600);
    }
    expect(readdirSync(overview.folder)).toEqual([databaseId]);
    expect(readdirSync(overview.ownFolder).filter((f) => !f.startsWith('koers-'))).toEqual([]);

    // Later: a second client, then the restore of the first backup.
    clock = new Date('2026-11-24T10:00:00Z');
    await createClient(koers, { firstName: 'Piet' });
    expect(await ok(koers.call('backups.inspect', { fileName: backup.fileName }))).toEqual({
      usable: true,
      clients: 1,
      scorings: 0,
      notes: 0,
    });
    const { safetyBackup } = await ok(koers.call('backups.restore', { fileName: backup.fileName }));
    expect(safetyBackup.fileName).toBe('koers-2026-11-24T100000000Z.sqlite');
    expect((await ok(koers.call('clients.list', { status: 'all' }))).map((c) => c.id)).toEqual([jan.id]);
    expect(koers.events.some((e) => e.event === 'data.restored')).toBe(true);
    // The safety backup holds what was there before the restore.
    expect(await ok(koers.call('backups.inspect', { fileName: safetyBackup.fileName }))).toMatchObject({ clients: 2 });
    expect(await koers.call('backups.restore', { fileName: 'koers-2001-01-01T000000000Z.sqlite' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await koers.call('backups.inspect', { fileName: '../koers.sqlite' })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    // Two backups in the same moment get two names: the second never overwrites the first.
    const [first, second] = [await ok(koers.call('backups.create', {})), await ok(koers.call('backups.create', {}))];
    expect(second.fileName).not.toBe(first.fileName);
  });

  it('keeps the newest backup of the last 7 days and of the last 8 weeks', async () => {
    const folder = join(koers.folder, 'rotation');
    // Two backups a day for 90 days.
    for (let day = 0; day < 90; day++) {
      for (const hour of [8, 17])
        await makeBackup(koers.connection.sqlite, folder, new Date(Date.UTC(2026, 7, 1 + day, hour)));
    }
    prune(folder);
    const kept = listBackups(folder).map((b) => b.createdAt.slice(0, 16));
    const days = kept.slice(0, 7);
    expect(days).toEqual([
      '2026-10-29T17:00',
      '2026-10-28T17:00',
      '2026-10-27T17:00',
      '2026-10-26T17:00',
      '2026-10-25T17:00',
      '2026-10-24T17:00',
      '2026-10-23T17:00',
    ]);
    // The first 7 days cover 2 weeks; 6 older weeks add their newest: 8 weeks in all.
    expect(kept).toHaveLength(13);
    const weeks = new Set(kept.map((k) => Math.floor((Date.parse(k.slice(0, 10)) / 86_400_000 + 3) / 7)));
    expect(weeks.size).toBe(8);
  });

  it('backs up to a folder chosen by the user and back to the default', async () => {
    desktop.folder = join(koers.folder, 'network-drive');
    expect(await ok(koers.call('backups.chooseFolder', {}))).toMatchObject({
      folder: desktop.folder,
      customFolder: true,
    });
    await ok(koers.call('backups.create', {}));
    expect(listBackups(join(desktop.folder, koers.settings.get('databaseId')!))).toHaveLength(1);
    expect((await ok(koers.call('backups.resetFolder', {}))).customFolder).toBe(false);
  });
});

describe('integrity at start', () => {
  it('refuses a damaged database, leaves it untouched, moves it aside and restores the newest good backup', async () => {
    const temp = tempFolder();
    const path = join(temp.path, 'koers.sqlite');
    const connection = openConnection(path);
    await migrateToLatest(connection);
    connection.sqlite.exec(
      `INSERT INTO caseworker (id, name, role, created_at, updated_at) VALUES ('w', 'Anne', 'key_person', 'x', 'x')`,
    );
    for (let i = 0; i < 400; i++)
      connection.sqlite
        .prepare(
          `INSERT INTO caseworker (id, name, role, created_at, updated_at) VALUES (?, ?, 'caseworker', 'x', 'x')`,
        )
        .run(`w${i}`, `Worker ${i} ${'x'.repeat(200)}`);
    const own = ownBackups(join(temp.path, 'backups'), (await readDatabaseId(connection.db))!);
    await makeBackup(connection.sqlite, own.folder, new Date('2026-11-22T08:00:00Z'));
    connection.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await connection.close();

    // Damage the middle of the file: pages of the caseworker table.
    const bytes = readFileSync(path);
    bytes.fill(0x5a, Math.floor(bytes.length / 2), Math.floor(bytes.length / 2) + 8192);
    writeFileSync(path, bytes);
    const damaged = readFileSync(path);

    await expect(openTestKoers({ folder: temp.path })).rejects.toBeInstanceOf(DamagedDatabaseError);
    expect(readFileSync(path).equals(damaged)).toBe(true);

    const recovery = await setAside(path, own, new Date('2026-11-23T09:00:00Z'));
    expect(existsSync(path)).toBe(false);
    expect(readFileSync(recovery.movedTo).equals(damaged)).toBe(true);
    expect(recovery.newest?.contents).toEqual({ clients: 0, scorings: 0, notes: 0 });
    await restoreFile(recovery.newest!.backup, path, own.databaseId, createFileSettings(temp.path));
    const koers = await openTestKoers({ folder: temp.path });
    expect((await ok(koers.call('caseworkers.list', {}))).length).toBe(401);
    await koers.cleanup();
    temp.cleanup();
  });
});

describe('audit log after a recovery', () => {
  it('goes on from the restored chain: the head kept outside the database is reset with the file put in place', async () => {
    const temp = tempFolder();
    let koers = await openTestKoers({ folder: temp.path });
    await setUp(koers);
    const client = await createClient(koers);
    for (let i = 0; i < 400; i++)
      koers.connection.sqlite
        .prepare(
          `INSERT INTO caseworker (id, name, role, created_at, updated_at) VALUES (?, ?, 'caseworker', 'x', 'x')`,
        )
        .run(`w${i}`, `Worker ${i} ${'x'.repeat(200)}`);
    await ok(koers.call('backups.create', {}));
    // Work after the backup: the head outside the database moves past what the backup holds.
    for (let i = 0; i < 5; i++) await ok(koers.call('clients.get', { id: client.id }));
    await koers.context.audit.flush();
    const own = ownBackups(join(temp.path, 'backups'), koers.context.databaseId);
    await koers.close();
    const path = join(temp.path, 'koers.sqlite');
    const bytes = readFileSync(path);
    bytes.fill(0x5a, Math.floor(bytes.length / 2), Math.floor(bytes.length / 2) + 8192);
    writeFileSync(path, bytes);

    const recovery = await setAside(path, own, new Date());
    await restoreFile(recovery.newest!.backup, path, own.databaseId, koers.settings);
    koers = await openTestKoers({ folder: temp.path });
    await ok(koers.call('clients.get', { id: client.id }));
    expect(await ok(koers.call('audit.check', {}))).toMatchObject({ problems: [] });
    await koers.cleanup();
    temp.cleanup();
  });
});

describe('audit log', () => {
  let koers: TestKoers;
  beforeEach(async () => {
    koers = await openTestKoers({ now });
    await setUp(koers);
  });
  afterEach(() => koers.cleanup());

  it('records who, when, what, which record and the result, never the content, and lists them filtered', async () => {
    const client = await createClient(koers, { firstName: 'Canarina', lastName: 'Canaryson' });
    await ok(
      koers.call('notes.create', {
        clientId: client.id,
        kind: 'conversation',
        notedAt: '2026-11-20T10:15',
        body: 'CANARYNOTE geheim',
      }),
    );
    await ok(koers.call('clients.get', { id: client.id }));
    await koers.call('clients.get', { id: 'missing' });
    await ok(koers.call('catalog.list', {}));
    const me = koers.settings.get('currentCaseworkerId');
    const entries = await ok(koers.call('audit.list', { entityId: client.id }));
    expect(entries.map((e) => [e.action, e.entity, e.result, e.actor])).toEqual([
      ['clients.get', 'clients', 'ok', me],
      ['notes.create', 'notes', 'ok', me],
      ['clients.create', 'clients', 'ok', me],
    ]);
    expect((await ok(koers.call('audit.list', { action: 'clients.get' }))).map((e) => e.result)).toEqual([
      'not_found',
      'ok',
    ]);
    expect(await ok(koers.call('audit.list', { action: 'catalog.list' }))).toEqual([]);
    // No name, no note text anywhere in the log table.
    const raw = JSON.stringify(koers.connection.sqlite.prepare('SELECT * FROM audit_log').all());
    for (const secret of ['Canarina', 'Canaryson', 'CANARYNOTE']) expect(raw).not.toContain(secret);
    expect(await ok(koers.call('audit.check', {}))).toMatchObject({ problems: [] });
  });

  it('the hash chain reports an edited entry, a removed one and a cut-off tail', async () => {
    for (let i = 0; i < 5; i++) await createClient(koers, { firstName: `C${i}` });
    await koers.context.audit.flush();
    const sqlite = koers.connection.sqlite;
    expect((await ok(koers.call('audit.check', {}))).problems).toEqual([]);

    sqlite.prepare("UPDATE audit_log SET result = 'ok', actor = 'someone-else' WHERE seq = 3").run();
    expect((await ok(koers.call('audit.check', {}))).problems).toContainEqual({ seq: 3, problem: 'edited' });
    sqlite.prepare('DELETE FROM audit_log WHERE seq = 3').run();
    expect((await ok(koers.call('audit.check', {}))).problems).toContainEqual({ seq: 3, problem: 'missing' });
    const last = (sqlite.prepare('SELECT max(seq) AS n FROM audit_log').get() as { n: number }).n;
    sqlite.prepare('DELETE FROM audit_log WHERE seq = ?').run(last);
    // Cut off the end: noticed against the head kept outside the database, also after more entries follow.
    expect(
      (await ok(koers.call('audit.check', {}))).problems.some(
        (p) => p.seq === last && (p.problem === 'truncated' || p.problem === 'missing'),
      ),
    ).toBe(true);
    await createClient(koers, { firstName: 'After' });
    expect((await ok(koers.call('audit.check', {}))).problems.some((p) => p.seq === last)).toBe(true);
  });
});

describe('privacy rights', () => {
  let koers: TestKoers;
  let desktop: FakeDesktop;
  beforeEach(async () => {
    desktop = fakeDesktop();
    koers = await openTestKoers({ desktop, now });
    await setUp(koers);
  });
  afterEach(() => koers.cleanup());

  async function richClient(name: string) {
    const client = await createClient(koers, { firstName: name, lastName: 'Canaryson', reference: `REF-${name}` });
    await ok(
      koers.call('notes.create', {
        clientId: client.id,
        kind: 'conversation',
        notedAt: '2026-11-20T10:15',
        body: `Zorgvraag${name} besproken`,
      }),
    );
    await ok(
      koers.call('actions.create', {
        clientId: client.id,
        kind: 'task',
        title: `Bellen ${name}`,
        dueDate: '2026-12-01',
      }),
    );
    return client;
  }

  it('exports everything about one client, with the audit entries about them', async () => {
    const client = await richClient('Fenna');
    desktop.saveAs = join(koers.folder, 'fenna.json');
    expect(await ok(koers.call('privacy.exportClient', { clientId: client.id }))).toEqual({ path: desktop.saveAs });
    const file = JSON.parse(readFileSync(desktop.saveAs, 'utf8')) as {
      records: Record<string, unknown[]>;
      audit: Array<{ action: string }>;
    };
    expect(file.records.client).toHaveLength(1);
    expect(file.records.notes).toHaveLength(1);
    expect(file.records.actions).toHaveLength(1);
    expect(file.audit.map((a) => a.action)).toEqual(['clients.create', 'notes.create', 'actions.create']);
  });

  it('erases a client completely: rows, index and the bytes on disk; only the record of the erasure remains', async () => {
    const keep = await richClient('Bart');
    const gone = await richClient('Xandrio');
    expect(await koers.call('privacy.eraseClient', { clientId: gone.id, confirm: 'K-9999' })).toMatchObject({
      ok: false,
      error: { details: { reason: 'confirm' } },
    });
    await ok(koers.call('privacy.eraseClient', { clientId: gone.id, confirm: gone.pseudonym }));
    expect(await koers.call('clients.get', { id: gone.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await ok(koers.call('notes.search', { text: 'zorgvraagxandrio' }))).toEqual([]);
    expect((await ok(koers.call('notes.search', { text: 'zorgvraagbart' }))).length).toBe(1);
    await ok(koers.call('clients.get', { id: keep.id }));
    await koers.context.audit.flush();
    koers.connection.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const onDisk = Buffer.concat([
      readFileSync(koers.databasePath),
      existsSync(`${koers.databasePath}-wal`) ? readFileSync(`${koers.databasePath}-wal`) : Buffer.alloc(0),
    ]).toString('latin1');
    for (const secret of ['Xandrio', 'REF-Xandrio']) expect(onDisk).not.toContain(secret);
    expect(onDisk).toContain('Bart');
    const audit = await ok(koers.call('audit.list', { entityId: gone.id }));
    expect(audit.map((a) => [a.action, a.result])).toContainEqual(['privacy.eraseClient', 'ok']);
    expect((await ok(koers.call('audit.check', {}))).problems).toEqual([]);
  });

  it('lists closed cases past their retention for review, per target group, and purges them together', async () => {
    const group = await ok(koers.call('catalog.create', { kind: 'target_group', name: 'Jongeren' }));
    const reason = (await ok(koers.call('catalog.list', {}))).find((i) => i.kind === 'closure_reason')!;
    const old = await createClient(koers, { firstName: 'Oud', targetGroupId: group.id, startDate: '2012-01-02' });
    const recent = await createClient(koers, { firstName: 'Recent', startDate: '2012-01-02' });
    await ok(koers.call('clients.close', { id: old.id, date: '2014-06-30', reasonId: reason.id }));
    await ok(koers.call('clients.close', { id: recent.id, date: '2020-06-30', reasonId: reason.id }));
    expect((await ok(koers.call('privacy.retention', {}))).map((r) => [r.pseudonym, r.purgeFrom])).toEqual([
      [old.pseudonym, '2024-06-30'],
    ]);
    await ok(koers.call('privacy.setRetention', { targetGroupId: group.id, years: 15 }));
    expect(await ok(koers.call('privacy.retention', {}))).toEqual([]);
    await ok(koers.call('privacy.setRetention', { targetGroupId: group.id, years: null }));
    expect(await ok(koers.call('privacy.purge', { clientIds: [old.id, recent.id] }))).toEqual({ erased: 1 });
    expect((await ok(koers.call('clients.list', { status: 'all' }))).map((c) => c.id)).toEqual([recent.id]);
  });
});

describe('lock', () => {
  let koers: TestKoers;
  beforeEach(async () => {
    clock = new Date('2026-11-23T09:30:00Z');
    koers = await openTestKoers({ now });
    await setUp(koers);
  });
  afterEach(() => koers.cleanup());

  it('needs a PIN; once locked the data handlers refuse until the right PIN unlocks', async () => {
    expect(await koers.call('lock.lock', {})).toMatchObject({ ok: false, error: { details: { reason: 'no_pin' } } });
    expect(await koers.call('lock.setPin', { pin: '12a4' })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    await ok(koers.call('lock.setPin', { pin: '2468' }));
    expect(await koers.call('lock.setPin', { pin: '1357', currentPin: '0000' })).toMatchObject({
      ok: false,
      error: { details: { issues: [{ field: 'currentPin', rule: 'invalid' }] } },
    });
    expect(await ok(koers.call('lock.lock', {}))).toMatchObject({ locked: true, hasPin: true });
    expect(koers.events.at(-1)).toEqual({ event: 'lock.changed', payload: { locked: true } });
    expect(await koers.call('clients.list', { status: 'active' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', details: { reason: 'locked' } },
    });
    expect(await koers.call('notes.search', { text: 'x' })).toMatchObject({
      ok: false,
      error: { details: { reason: 'locked' } },
    });
    await ok(koers.call('app.info', {}));
    expect(await koers.call('lock.unlock', { pin: '1111' })).toMatchObject({
      ok: false,
      error: { details: { issues: [{ field: 'pin', rule: 'invalid' }] } },
    });
    expect(await ok(koers.call('lock.unlock', { pin: '2468' }))).toMatchObject({ locked: false });
    await ok(koers.call('clients.list', { status: 'active' }));
    const audit = await ok(koers.call('audit.list', { action: 'lock.unlock' }));
    expect(audit.map((a) => a.result)).toEqual(['ok', 'validation']);
  });

  it('starts locked whenever a PIN is set, before any data call can answer', async () => {
    koers = await koers.restart();
    await ok(koers.call('clients.list', { status: 'active' }));
    await ok(koers.call('lock.setPin', { pin: '2468' }));
    // Quit while unlocked: the PIN alone decides how Koers starts.
    koers = await koers.restart();
    expect(await ok(koers.call('lock.status', {}))).toMatchObject({ locked: true, hasPin: true });
    expect(await koers.call('clients.list', { status: 'active' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', details: { reason: 'locked' } },
    });
    await ok(koers.call('lock.unlock', { pin: '2468' }));
    await ok(koers.call('clients.list', { status: 'active' }));
  });

  /** The outcome of an unlock call: ok, the refusal's reason, or the error code. */
  const outcome = (result: Awaited<ReturnType<TestKoers['call']>>) =>
    result.ok ? 'ok' : (result.error.details?.reason ?? result.error.code);
  const wait = async () => (await ok(koers.call('lock.status', {}))).waitSeconds;

  it('answers PIN guesses one at a time and refuses every guess, the right one too, while backing off, across a restart', async () => {
    await ok(koers.call('lock.setPin', { pin: '2468' }));
    await ok(koers.call('lock.lock', {}));
    const guesses = [...Array.from({ length: 11 }, (_, i) => String(1000 + i)), '2468'];
    const results = await Promise.all(guesses.map((pin) => koers.call('lock.unlock', { pin })));
    // Two typos are free; the third wrong PIN starts the back-off and nothing after it is checked.
    expect(results.map(outcome)).toEqual([
      'validation',
      'validation',
      'validation',
      ...Array<string>(9).fill('pin_wait'),
    ]);
    expect(await wait()).toBe(5);

    koers = await koers.restart();
    expect(await ok(koers.call('lock.status', {}))).toMatchObject({ locked: true, waitSeconds: 5 });
    expect(outcome(await koers.call('lock.unlock', { pin: '2468' }))).toBe('pin_wait');
    clock = new Date(clock.getTime() + 4_000);
    expect(await wait()).toBe(1);
    clock = new Date(clock.getTime() + 1_000);
    expect(await wait()).toBeNull();
    expect(outcome(await koers.call('lock.unlock', { pin: '9999' }))).toBe('validation');
    expect(await wait()).toBe(10);
    clock = new Date(clock.getTime() + 10_000);
    expect(await ok(koers.call('lock.unlock', { pin: '2468' }))).toMatchObject({ locked: false, waitSeconds: null });
    await ok(koers.call('clients.list', { status: 'active' }));

    // The right PIN started the count afresh.
    await ok(koers.call('lock.lock', {}));
    expect(outcome(await koers.call('lock.unlock', { pin: '9999' }))).toBe('validation');
    expect(await wait()).toBeNull();
  });

  it('backs off exponentially: seconds at first, minutes after about ten wrong PINs, at most half an hour', async () => {
    await ok(koers.call('lock.setPin', { pin: '2468' }));
    await ok(koers.call('lock.lock', {}));
    const waits: Array<number | null> = [];
    for (let attempt = 1; attempt <= 14; attempt++) {
      expect(outcome(await koers.call('lock.unlock', { pin: '1357' }))).toBe('validation');
      const seconds = await wait();
      waits.push(seconds);
      clock = new Date(clock.getTime() + (seconds ?? 0) * 1_000);
    }
    expect(waits).toEqual([null, null, 5, 10, 20, 40, 80, 160, 320, 640, 1280, 1800, 1800, 1800]);
    // A clock set back (by hand or a wrong time corrected) never stretches the wait beyond the back-off.
    clock = new Date(clock.getTime() - 30 * 86_400_000);
    expect(await wait()).toBe(1800);
  });

  it('stores the PIN as a salted scrypt hash', async () => {
    const a = await hashPin('2468');
    const b = await hashPin('2468');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$/);
    expect(a).not.toContain('2468');
    expect(await verifyPin('2468', a)).toBe(true);
    expect(await verifyPin('2469', a)).toBe(false);
  });
});

describe('file permissions', () => {
  it('keeps the backup folder to the user only', async () => {
    const temp = tempFolder();
    const db = new BetterSqlite3(join(temp.path, 'x.sqlite'));
    const backup = await makeBackup(db, join(temp.path, 'b'), new Date('2026-01-01T00:00:00Z'));
    db.close();
    if (process.platform !== 'win32') expect(statSync(backup.path).mode & 0o077).toBe(0);
    temp.cleanup();
  });
});
