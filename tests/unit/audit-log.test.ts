import BetterSqlite3 from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFileLog } from '../../main/log';
import { openKoers } from '../../main/open-koers';
import { AUDIT_QUEUE_LIMIT, AuditLog, checkAuditLog, entryHash } from '../../main/safety/audit';
import { createFileSettings } from '../../main/settings';
import { type FakeDesktop, fakeDesktop } from '../helpers/fake-desktop';
import { openTestKoers, type TestKoers } from '../helpers/koers';
import { createClient, ok, setUp } from '../helpers/seed';
import { tempFolder } from '../helpers/temp';

interface Row {
  seq: number;
  at: string;
  actor: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  result: string;
}

/** What an attacker with the file can do: rewrite the log as given, numbered from 1 and hashed properly. */
function rechain(sqlite: BetterSqlite3.Database, rows: readonly Row[]): void {
  const insert = sqlite.prepare(
    'INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, result, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  sqlite.transaction(() => {
    sqlite.prepare('DELETE FROM audit_log').run();
    let prev = '0'.repeat(64);
    rows.forEach((row, index) => {
      const seq = index + 1;
      const hash = entryHash(
        seq,
        {
          at: row.at,
          actor: row.actor,
          action: row.action,
          entity: row.entity,
          entityId: row.entity_id,
          result: row.result,
        },
        prev,
      );
      insert.run(seq, row.at, row.actor, row.action, row.entity, row.entity_id, row.result, prev, hash);
      prev = hash;
    });
  })();
}

const rows = (sqlite: BetterSqlite3.Database) => sqlite.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Row[];
const seqs = (sqlite: BetterSqlite3.Database) => rows(sqlite).map((row) => row.seq);
const count = (sqlite: BetterSqlite3.Database, action: string) =>
  (sqlite.prepare('SELECT count(*) AS n FROM audit_log WHERE action = ?').get(action) as { n: number }).n;
const unavailable = { ok: false, error: { code: 'conflict', details: { reason: 'audit_unavailable' } } };

describe('audit chain check against the head kept outside the database', () => {
  let koers: TestKoers;
  beforeEach(async () => {
    koers = await openTestKoers();
    await setUp(koers);
    for (let i = 0; i < 5; i++) await createClient(koers, { firstName: `C${i}` });
    await koers.context.audit.flush();
  });
  afterEach(() => koers.cleanup());

  it('reports an entry removed and the chain computed again, its length made up with a forged entry', async () => {
    const head = koers.settings.get('auditHead');
    const sqlite = koers.connection.sqlite;
    const before = rows(sqlite);
    expect(head?.seq).toBe(before.length);
    const forged = { ...before.at(-1)!, action: 'clients.list', entity_id: null };
    rechain(sqlite, [...before.filter((row) => row.seq !== 3), forged]);
    expect(seqs(sqlite)).toEqual(before.map((row) => row.seq));
    expect((await ok(koers.call('audit.check', {}))).problems).toContainEqual({ seq: head!.seq, problem: 'rewritten' });
  });

  it('reports it when another program (the command line) wrote entries after the head', async () => {
    const head = koers.settings.get('auditHead');
    // The command line opens the same file with settings of its own.
    const folder = tempFolder();
    const other = await openKoers({
      databasePath: koers.databasePath,
      settings: createFileSettings(folder.path),
      osLocales: ['en-GB'],
      appVersion: '0.0.0-test',
      now: () => new Date(),
      emit: () => undefined,
      log: createFileLog(join(folder.path, 'logs')),
      onInternalError: () => undefined,
      desktop: fakeDesktop(),
    });
    for (let i = 0; i < 3; i++) expect(await other.dispatch('clients.list', {})).toMatchObject({ ok: true });
    await other.close();
    folder.cleanup();
    const sqlite = koers.connection.sqlite;
    rechain(
      sqlite,
      rows(sqlite).filter((row) => row.seq !== 2),
    );
    expect(seqs(sqlite).at(-1)).toBeGreaterThanOrEqual(head!.seq);
    expect((await ok(koers.call('audit.check', {}))).problems).toContainEqual({ seq: head!.seq, problem: 'rewritten' });
  });
});

describe('audit log when it cannot be written for a while', () => {
  let koers: TestKoers;
  let desktop: FakeDesktop;
  let clientId: string;
  beforeEach(async () => {
    desktop = fakeDesktop();
    // A write against a busy database gives up at once (the app waits ~10 s first): keeps the test short.
    koers = await openTestKoers({ desktop, lockWait: { blockingMs: 0, retryMs: 0 } });
    await setUp(koers);
    clientId = (await createClient(koers, { firstName: 'Jan' })).id;
    await koers.context.audit.flush();
  });
  afterEach(() => koers.cleanup());

  /** Another program holding the write lock (the command line importing). */
  function holdWriteLock(): () => void {
    const other = new BetterSqlite3(koers.databasePath);
    other.exec('BEGIN IMMEDIATE');
    return () => {
      other.exec('ROLLBACK');
      other.close();
    };
  }

  const backgroundFailure = () =>
    vi.waitFor(() => expect(koers.internalErrors.map((e) => e.method)).toContain('audit'), {
      timeout: 5_000,
      interval: 20,
    });

  it('keeps what it could not write while the database is busy, says so, and writes every entry once, in order, when it is free', async () => {
    const backup = await ok(koers.call('backups.create', {}));
    desktop.saveAs = join(koers.folder, 'jan.json');
    const release = holdWriteLock();
    try {
      for (let i = 0; i < 5; i++) await ok(koers.call('clients.get', { id: clientId }));
      await backgroundFailure();
      // Reads go on (their entries wait); what needs the log on disk says it cannot, and does nothing.
      await ok(koers.call('clients.get', { id: clientId }));
      expect(await koers.call('audit.list', {})).toMatchObject(unavailable);
      expect(await koers.call('audit.check', {})).toMatchObject(unavailable);
      expect(await koers.call('privacy.exportClient', { clientId })).toMatchObject(unavailable);
      expect(existsSync(desktop.saveAs)).toBe(false);
      expect(await koers.call('backups.restore', { fileName: backup.fileName })).toMatchObject(unavailable);
      expect(
        await koers.call('privacy.eraseClient', {
          clientId,
          confirm: (await ok(koers.call('clients.get', { id: clientId }))).pseudonym,
        }),
      ).toMatchObject(unavailable);
    } finally {
      release();
    }
    // Retried in the background: no call needed.
    const sqlite = koers.connection.sqlite;
    await vi.waitFor(() => expect(count(sqlite, 'clients.get')).toBe(7), { timeout: 10_000, interval: 50 });
    expect((await ok(koers.call('clients.get', { id: clientId }))).id).toBe(clientId);
    const listed = await ok(koers.call('audit.list', { action: 'clients.get' }));
    expect(listed).toHaveLength(8);
    expect(seqs(sqlite)).toEqual(Array.from({ length: seqs(sqlite).length }, (_, i) => i + 1));
    const times = rows(sqlite).map((row) => row.at);
    expect(times).toEqual(times.toSorted());
    expect(await ok(koers.call('audit.check', {}))).toEqual({ entries: seqs(sqlite).length, problems: [] });
    expect(koers.settings.get('auditHead')?.seq).toBe(seqs(sqlite).at(-1));
    expect(await ok(koers.call('privacy.exportClient', { clientId }))).toEqual({ path: desktop.saveAs });
    // The erasure refused above was not done; now it is.
    expect(
      await ok(
        koers.call('privacy.eraseClient', {
          clientId,
          confirm: (await ok(koers.call('clients.get', { id: clientId }))).pseudonym,
        }),
      ),
    ).toEqual({ ok: true });
    expect(await ok(koers.call('audit.check', {}))).toMatchObject({ problems: [] });
  });

  it('still closes the database when the last entries cannot be written at quit, and says why in the log', async () => {
    const release = holdWriteLock();
    try {
      await ok(koers.call('clients.get', { id: clientId }));
      await koers.close();
      expect(koers.connection.sqlite.open).toBe(false);
      expect(koers.internalErrors.find((e) => e.method === 'audit')?.error).toMatchObject({ code: 'SQLITE_BUSY' });
    } finally {
      release();
    }
  });

  it('waits twice as long after each failed attempt, up to 30 seconds, however many calls come meanwhile', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const errors: unknown[] = [];
    const log = new AuditLog(koers.connection.db, { get: () => null, set: () => undefined }, (error) =>
      errors.push(error),
    );
    const entry = {
      at: '2026-11-23T09:30:00.000Z',
      actor: null,
      action: 'clients.get',
      entity: 'clients',
      entityId: clientId,
      result: 'ok',
    };
    // Every promise settled (SQLite answers synchronously; only the timers are fake).
    const settle = () => new Promise((resolve) => setImmediate(resolve));
    const attemptsAfter = async (ms: number) => {
      await vi.advanceTimersByTimeAsync(ms);
      await settle();
      return errors.length;
    };
    const release = holdWriteLock();
    try {
      log.append(entry);
      // The first attempt waits for the connection (another query holds it); a call comes in meanwhile.
      let letGo = () => {};
      const other = koers.connection.db
        .transaction()
        .setAccessMode('read only')
        .execute(() => new Promise<void>((resolve) => (letGo = resolve)));
      expect(await attemptsAfter(200)).toBe(0);
      log.append(entry);
      letGo();
      await other;
      await settle();
      expect(errors).toHaveLength(1);
      expect(await attemptsAfter(399)).toBe(1);
      expect(await attemptsAfter(1)).toBe(2);
      expect(await attemptsAfter(799)).toBe(2);
      expect(await attemptsAfter(1)).toBe(3);
      // Doubling stops at 30 seconds: from then on one attempt in every 30 seconds.
      for (let i = 0; i < 8; i++) await attemptsAfter(30_000);
      const before = errors.length;
      for (let i = 1; i <= 3; i++) expect(await attemptsAfter(30_000)).toBe(before + i);
    } finally {
      release();
      vi.useRealTimers();
    }
    await log.close();
    expect(count(koers.connection.sqlite, 'clients.get')).toBe(2);
    expect(await checkAuditLog(koers.connection.db, null)).toMatchObject({ problems: [] });
  });

  it('works again after a full disk once there is room', async () => {
    const sqlite = koers.connection.sqlite;
    // No page more than the file has now: the next page SQLite needs fails with SQLITE_FULL.
    sqlite.pragma(`max_page_count = ${Number(sqlite.pragma('page_count', { simple: true }))}`);
    const before = count(sqlite, 'clients.get');
    for (let i = 0; i < 300; i++) await ok(koers.call('clients.get', { id: clientId }));
    expect(await koers.call('audit.check', {})).toMatchObject(unavailable);
    expect(count(sqlite, 'clients.get')).toBe(before);
    // The log of the app says why.
    expect(koers.internalErrors.find((e) => e.method === 'audit')?.error).toMatchObject({ code: 'SQLITE_FULL' });
    sqlite.pragma('max_page_count = 1073741823');
    expect(await ok(koers.call('audit.check', {}))).toMatchObject({ problems: [] });
    expect(count(sqlite, 'clients.get')).toBe(before + 300);
    expect(seqs(sqlite)).toEqual(Array.from({ length: seqs(sqlite).length }, (_, i) => i + 1));
  });

  it('refuses calls on personal data once too much waits to be written, and answers again when it is written', async () => {
    const release = holdWriteLock();
    try {
      for (let i = 0; i < AUDIT_QUEUE_LIMIT; i++) await ok(koers.call('clients.get', { id: clientId }));
      expect(await koers.call('clients.get', { id: clientId })).toMatchObject(unavailable);
      expect(await koers.call('clients.list', {})).toMatchObject(unavailable);
      // The lock always works, and the app's own state still answers.
      expect(await koers.call('lock.status', {})).toMatchObject({ ok: true });
      expect(await koers.call('lock.lock', {})).toMatchObject({ ok: false, error: { details: { reason: 'no_pin' } } });
    } finally {
      release();
    }
    const sqlite = koers.connection.sqlite;
    await vi.waitFor(
      async () => expect(await koers.call('clients.get', { id: clientId })).toMatchObject({ ok: true }),
      { timeout: 10_000, interval: 50 },
    );
    await koers.context.audit.flush();
    // Every served call is logged once; the refusals served nothing and are not.
    expect(count(sqlite, 'clients.get')).toBe(AUDIT_QUEUE_LIMIT + 1);
    expect(count(sqlite, 'clients.list')).toBe(0);
    expect(await ok(koers.call('audit.check', {}))).toMatchObject({ problems: [] });
  });
});
