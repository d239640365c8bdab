import { join } from 'node:path';
import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SYNCED_TABLES } from '../../common/sync/tables';
import { openConnection } from '../../db/connection';
import { migrateToLatest } from '../../db/migrate';
import { migrationProvider } from '../../db/migrations';
import {
  countQueued,
  queuedChanges,
  type QueuedChange,
  setCapturing,
  settleChanges,
  withoutCapture,
} from '../../db/queries/outbox';
import { openTestKoers, type TestKoers } from '../helpers/koers';
import { catalog, createClient, ok, setUp } from '../helpers/seed';
import { tempFolder } from '../helpers/temp';

/**
 * Change capture for team sync (issue 18, point 3): every write to a synced table queues its row in
 * the same transaction, whatever path made it (handlers, erasure, the retention purge); nothing is
 * queued outside a team, while a pull is applied, or by a write that was rolled back.
 */

const now = () => new Date('2026-12-07T10:00:00Z');

describe('change capture', () => {
  let koers: TestKoers;
  beforeEach(async () => {
    koers = await openTestKoers({ now });
    await setUp(koers);
  });
  afterEach(async () => {
    await koers.cleanup();
  });

  const db = () => koers.connection.db;
  const writeNote = (clientId: string, body: string) =>
    ok(koers.call('notes.create', { clientId, kind: 'conversation', notedAt: '2026-12-07T09:00', body }));
  const queued = async () => (await queuedChanges(db(), 1_000)).map((c) => `${c.table} ${JSON.stringify(c.key)}`);

  it('queues nothing while the laptop is not in a team: Koers alone works as before', async () => {
    const client = await createClient(koers);
    await writeNote(client.id, 'Gesprek');
    expect(await countQueued(db())).toBe(0);
  });

  it('queues each changed row once, in the order of its first change, counting later changes', async () => {
    await setCapturing(db(), true);
    const client = await createClient(koers, { firstName: 'Søren', lastName: 'Østergaard' });
    const note = await writeNote(client.id, 'Eerste gesprek');
    await ok(koers.call('clients.update', { id: client.id, firstName: 'Søren', lastName: 'Østergård' }));

    const changes = await queuedChanges(db(), 1_000);
    const order = changes.map((c) => c.table);
    expect(order.indexOf('client')).toBeLessThan(order.indexOf('note'));
    expect(changes.filter((c) => c.table === 'client')).toEqual([
      expect.objectContaining({ key: { id: client.id }, touched: 2 }),
    ]);
    expect(changes.filter((c) => c.table === 'note')).toEqual([
      expect.objectContaining({ key: { id: note.id }, touched: 1 }),
    ]);
    // Only synced tables: the local audit log, drafts and search index are not queued.
    expect(changes.every((c) => SYNCED_TABLES.some((t) => t.name === c.table))).toBe(true);
  });

  it('queues a composite key as its columns', async () => {
    await ok(koers.call('sheets.createFromStarter', { starter: 'ladder', language: 'nl' }));
    await setCapturing(db(), true);
    const [level] = await db().selectFrom('indicator_level').select(['indicator_id', 'value']).limit(1).execute();
    if (!level) throw new Error('the ladder has indicator levels');
    await db()
      .updateTable('indicator_level')
      .set({ label: 'Anders' })
      .where('indicator_id', '=', level.indicator_id)
      .where('value', '=', level.value)
      .execute();
    expect(await queued()).toEqual([
      `indicator_level ${JSON.stringify({ indicator_id: level.indicator_id, value: level.value })}`,
    ]);
  });

  it('queues an erased client’s rows, and a purged one’s, though the rows are gone', async () => {
    const client = await createClient(koers);
    await writeNote(client.id, 'Te wissen');
    const old = await createClient(koers, { firstName: 'Bart', lastName: 'Jansen' });
    const { reasons } = await catalog(koers);
    await ok(
      koers.call('clients.update', { id: old.id, firstName: 'Bart', lastName: 'Jansen', startDate: '2012-01-02' }),
    );
    await ok(koers.call('clients.close', { id: old.id, date: '2014-06-30', reasonId: reasons[0]!.id }));
    await setCapturing(db(), true);

    await ok(koers.call('privacy.eraseClient', { clientId: client.id, confirm: client.pseudonym }));
    expect(await queued()).toEqual(expect.arrayContaining([`client ${JSON.stringify({ id: client.id })}`]));
    expect((await queuedChanges(db(), 1_000)).some((c) => c.table === 'note')).toBe(true);
    expect(await db().selectFrom('client').where('id', '=', client.id).select('id').execute()).toEqual([]);

    expect(await ok(koers.call('privacy.purge', { clientIds: [old.id] }))).toEqual({ erased: 1 });
    expect(await queued()).toEqual(expect.arrayContaining([`client ${JSON.stringify({ id: old.id })}`]));
  });

  it('a write that is rolled back queues nothing', async () => {
    await setCapturing(db(), true);
    const failed = db()
      .transaction()
      .execute(async (trx) => {
        await trx.updateTable('caseworker').set({ name: 'Iemand anders' }).execute();
        throw new Error('changed my mind');
      });
    await expect(failed).rejects.toThrow('changed my mind');
    expect(await countQueued(db())).toBe(0);
  });

  it('a pull’s rows are applied without being queued, and the next own write is queued again', async () => {
    await setCapturing(db(), true);
    const client = await createClient(koers);
    await settleChanges(db(), await queuedChanges(db(), 1_000));
    await db()
      .transaction()
      .execute((trx) =>
        withoutCapture(trx, async () => {
          await trx.updateTable('client').set({ first_name: 'Van de server' }).where('id', '=', client.id).execute();
        }),
      );
    expect(await countQueued(db())).toBe(0);
    await ok(koers.call('clients.update', { id: client.id, firstName: 'Eigen', lastName: 'Wijziging' }));
    expect(await queued()).toEqual([`client ${JSON.stringify({ id: client.id })}`]);
  });

  it('settling keeps a change made after the push read it', async () => {
    await setCapturing(db(), true);
    const client = await createClient(koers);
    const read = await queuedChanges(db(), 1_000);
    await ok(koers.call('clients.update', { id: client.id, firstName: 'Later', lastName: 'Gewijzigd' }));
    await settleChanges(db(), read);
    const left: QueuedChange[] = await queuedChanges(db(), 1_000);
    expect(left).toEqual([expect.objectContaining({ table: 'client', key: { id: client.id }, touched: 2 })]);
    await settleChanges(db(), left);
    expect(await countQueued(db())).toBe(0);
  });
});

describe('change capture triggers', () => {
  let temp: ReturnType<typeof tempFolder>;
  beforeEach(() => {
    temp = tempFolder();
  });
  afterEach(() => {
    temp.cleanup();
  });

  it('every synced table has them for insert, update and delete', async () => {
    const connection = openConnection(join(temp.path, 'koers.sqlite'));
    try {
      await migrateToLatest(connection);
      const { rows } = await sql<{ name: string; tbl_name: string }>`
        SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync_capture_%'`.execute(
        connection.db,
      );
      const found = rows.map((r) => `${r.tbl_name} ${r.name}`).sort();
      const wanted = SYNCED_TABLES.flatMap((t) =>
        ['delete', 'insert', 'update'].map((op) => `${t.name} sync_capture_${t.name}_${op}`),
      ).sort();
      expect(found).toEqual(wanted);
    } finally {
      await connection.close();
    }
  });

  it('migrate a version-9 database with data: nothing queued, capture off until the laptop joins a team', async () => {
    const connection = openConnection(join(temp.path, 'koers.sqlite'));
    try {
      await new Migrator({ db: connection.db, provider: migrationProvider }).migrateTo('0009_meeting_list');
      connection.sqlite.exec(`
        INSERT INTO client (id, first_name, last_name, pseudonym, status, created_at, updated_at)
        VALUES ('c1', 'Søren', 'Holm', 'K-0001', 'active', 'x', 'x');`);
      await migrateToLatest(connection);
      expect(await countQueued(connection.db)).toBe(0);
      await connection.db.updateTable('client').set({ last_name: 'Hansen' }).execute();
      expect(await countQueued(connection.db)).toBe(0);
      await setCapturing(connection.db, true);
      await connection.db.updateTable('client').set({ last_name: 'Holm' }).execute();
      expect(await countQueued(connection.db)).toBe(1);
      expect(await connection.db.selectFrom('client').select('first_name').execute()).toEqual([
        { first_name: 'Søren' },
      ]);
    } finally {
      await connection.close();
    }
  });
});
