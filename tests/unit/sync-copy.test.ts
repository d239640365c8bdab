import { join } from 'node:path';
import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PullAnswer, SyncedRow } from '../../common/sync/protocol';
import { openConnection } from '../../db/connection';
import { migrateToLatest } from '../../db/migrate';
import { migrationProvider } from '../../db/migrations';
import { countQueued } from '../../db/queries/outbox';
import { applyStaged, finishPull, pullCookie, stagedCount, keepPageEnd, keepRows } from '../../db/queries/sync-pull';
import { batchesApplied, buildBatches, renewDevice, storedBatches } from '../../db/queries/sync-push';
import { dropLocalDefinitions, removeTeamData } from '../../db/queries/sync-membership';
import { openNoticesWithRows, resolveNotice, RowGone } from '../../db/queries/sync-notices';
import { noticeView } from '../../main/sync/notice-view';
import { linkTeam, teamLink } from '../../db/queries/sync-state';
import { syncOnce } from '../../main/sync/engine';
import type { Transport } from '../../main/sync/transport';
import { tempFolder } from '../helpers/temp';

/**
 * The laptop's copy of the team's data at the database level (db/queries/sync-*.ts): batches built
 * within their limits and renumbered for a new device, pulled pages kept until complete and applied
 * parents first in small transactions without capture, and the published-sheet rule kept for local
 * writes while a pull may write published versions. The HTTP round trips are in
 * tests/server/app-sync.test.ts.
 */

type Page = Extract<PullAnswer, { kind: 'changes' }>;
const TEAM = '7d2b0c7e-9c1a-4c55-9d0b-1f0e6c9b8a11';
const AT = '2026-12-07T10:00:00.000Z';
const tracked = { created_at: AT, updated_at: AT, updated_by: null, deleted_at: null };

const page = (over: Partial<Page>): Page => ({
  kind: 'changes',
  cookie: { team: TEAM, version: 1, schema: '0011_sync_copy' },
  rows: [],
  erased: [],
  revoked: [],
  lastSequence: 0,
  conflicts: [],
  rejections: [],
  more: false,
  ...over,
});

const client = (id: string, lastName: string): SyncedRow => ({
  id,
  reference: null,
  first_name: 'Søren',
  last_name: lastName,
  pseudonym: `P-${id}`,
  caseworker_id: null,
  date_of_birth: null,
  phone: null,
  email: null,
  target_group_id: null,
  stage_id: null,
  stage_since: null,
  household_id: null,
  start_date: null,
  status: 'active',
  meeting_listed_at: null,
  ...tracked,
});

const note = (id: string, clientId: string, body: string): SyncedRow => ({
  id,
  client_id: clientId,
  household_id: null,
  kind: 'conversation',
  noted_at: '2026-12-07T09:00',
  body,
  author_id: null,
  pinned: 0,
  ...tracked,
});

let temp: ReturnType<typeof tempFolder>;
let connection: ReturnType<typeof openConnection>;
const db = () => connection.db;

beforeEach(async () => {
  temp = tempFolder();
  connection = openConnection(join(temp.path, 'koers.sqlite'));
  await migrateToLatest(connection);
  await linkTeam(connection.db, {
    serverUrl: 'https://team.example',
    teamId: TEAM,
    teamName: 'Team',
    caseworkerId: 'cw1',
    role: 'caseworker',
    deviceId: 'koers-device-1',
  });
});

afterEach(async () => {
  await connection.close();
  temp.cleanup();
});

/** Keeps a whole page, as the engine does (rows, then the rest with the cookie). */
async function stage(kept: Page): Promise<void> {
  await keepRows(db(), kept.rows);
  await keepPageEnd(db(), kept);
}

async function applyAll(limit: number): Promise<number> {
  let total = 0;
  for (let i = 0; i < 1_000; i++) {
    const applied = await applyStaged(db(), limit, AT);
    if (applied.rows === 0) break;
    total += applied.rows;
  }
  await finishPull(db(), AT);
  return total;
}

describe('pulled pages', () => {
  it('wait until the last page is in, then apply parents first, one row per transaction too, and queue nothing', async () => {
    // Oldest version first: the note's page comes before the client's last change.
    await stage(page({ rows: [{ table: 'note', row: note('n1', 'c1', 'Eerste'), version: 2 }], more: true }));
    expect(await pullCookie(db())).toMatchObject({ version: 1 });
    await stage(
      page({
        cookie: { team: TEAM, version: 5, schema: '0011_sync_copy' },
        rows: [{ table: 'client', row: client('c1', 'Holm'), version: 5 }],
      }),
    );
    expect(await stagedCount(db())).toBe(2);
    expect(await applyAll(1)).toBe(2);
    expect(await db().selectFrom('note').select('body').execute()).toEqual([{ body: 'Eerste' }]);
    expect(await countQueued(db())).toBe(0);
    expect(await pullCookie(db())).toMatchObject({ version: 5 });
    const state = await db()
      .selectFrom('sync_state')
      .select(['cookie', 'pending_cookie', 'synced_at'])
      .executeTakeFirst();
    expect(state).toMatchObject({ pending_cookie: null, synced_at: AT });
  });

  it('keep the newest version of a row, and a revoked client takes its waiting rows with it', async () => {
    await stage(page({ rows: [{ table: 'client', row: client('c1', 'Nieuw'), version: 7 }], more: true }));
    await stage(page({ rows: [{ table: 'client', row: client('c1', 'Oud'), version: 3 }], more: true }));
    await stage(page({ rows: [{ table: 'note', row: note('n2', 'c2', 'Weg'), version: 8 }], more: true }));
    await stage(page({ revoked: ['c2'] }));
    await applyAll(250);
    expect(await db().selectFrom('client').select('last_name').execute()).toEqual([{ last_name: 'Nieuw' }]);
    expect(await db().selectFrom('note').select('id').execute()).toEqual([]);
  });

  it('an erasure from the server removes the row and what was seen of it', async () => {
    await stage(
      page({
        rows: [
          { table: 'client', row: client('c1', 'Holm'), version: 2 },
          { table: 'note', row: note('n1', 'c1', 'Geheim'), version: 2 },
        ],
      }),
    );
    await applyAll(250);
    await stage(page({ erased: [{ table: 'note', key: { id: 'n1' } }] }));
    const applied = await applyStaged(db(), 250, AT);
    expect(applied).toMatchObject({ rows: 1, erased: true });
    expect(await db().selectFrom('note').select('id').execute()).toEqual([]);
    expect(await db().selectFrom('sync_seen').select('row_key').where('table_name', '=', 'note').execute()).toEqual([]);
  });
});

const targetGroup = (id: string, name: string) => ({
  id,
  kind: 'target_group' as const,
  default_key: null,
  name,
  position: 1,
  weight: 1,
  retired_at: null,
  rescore_weeks: null,
  retention_years: null,
  ...tracked,
});

describe('joining and leaving', () => {
  /** A list made on this laptop alone, and the team's pulled in with a client and a note. */
  async function mixed() {
    await db()
      .insertInto('catalog_item')
      .values(targetGroup('mine', 'Eigen doelgroep'))
      .onConflict((c) => c.doNothing())
      .execute();
    await stage(
      page({
        rows: [
          { table: 'catalog_item', row: targetGroup('teams', 'Doelgroep van het team'), version: 1 },
          { table: 'client', row: client('c1', 'Holm'), version: 2 },
          { table: 'note', row: note('n1', 'c1', 'Gesprek'), version: 3 },
        ],
      }),
    );
    await applyAll(100);
  }
  // (A new database has the shipped lists too: named by their key, not by a name.)
  const names = async () =>
    (await db().selectFrom('catalog_item').select('name').where('name', 'is not', null).orderBy('name').execute()).map(
      (r) => r.name,
    );
  const shipped = async () =>
    (await db().selectFrom('catalog_item').select('id').where('default_key', 'is not', null).execute()).length;

  it('after the first pull, the lists made here alone make way for the team’s, and nothing is queued', async () => {
    await mixed();
    await db().deleteFrom('sync_outbox').execute();
    const local = (await shipped()) + 1;
    expect(await dropLocalDefinitions(db())).toBe(local);
    expect(await names()).toEqual(['Doelgroep van het team']);
    expect(await shipped()).toBe(0);
    expect(await countQueued(db())).toBe(0);
  });

  it('undoing a join removes what was pulled and keeps the lists made here; leaving removes everything', async () => {
    await mixed();
    const before = await shipped();
    await removeTeamData(db(), 'pulled', async () => undefined);
    expect(await names()).toEqual(['Eigen doelgroep']);
    expect(await shipped()).toBe(before);
    expect(await db().selectFrom('client').select('id').execute()).toEqual([]);
    expect(await db().selectFrom('note').select('id').execute()).toEqual([]);
    expect(await teamLink(db())).toBeNull();
    for (const table of ['sync_outbox', 'sync_seen', 'sync_batch', 'sync_inbox', 'sync_notice'] as const)
      expect(await db().selectFrom(table).selectAll().execute()).toEqual([]);
    // Alone again: a write queues nothing.
    await db().insertInto('catalog_item').values(targetGroup('later', 'Later')).execute();
    expect(await countQueued(db())).toBe(0);

    await linkTeam(db(), {
      serverUrl: 'https://team.example',
      teamId: TEAM,
      teamName: 'Team',
      caseworkerId: 'cw1',
      role: 'caseworker',
      deviceId: 'koers-device-2',
    });
    await mixed();
    await removeTeamData(db(), 'all', async () => undefined);
    expect(await names()).toEqual([]);
    expect(await shipped()).toBe(0);
    expect(await db().selectFrom('client').select('id').execute()).toEqual([]);
  });
});

describe('the conflicts inbox', () => {
  it('shows a refusal with its reason, and a conflict about a row no longer here can only be closed', async () => {
    await stage(
      page({
        rejections: [{ id: 'r1', table: 'note', key: { id: 'n9' }, reason: 'handed-over', at: AT }],
        conflicts: [{ id: 'k1', table: 'client', pushed: client('gone', 'Weg'), at: AT }],
      }),
    );
    await applyAll(100);
    const shown = await noticeView(db(), await openNoticesWithRows(db()));
    expect(shown).toEqual([
      expect.objectContaining({
        kind: 'conflict',
        table: 'client',
        rowHere: false,
        clientId: null,
        about: 'Søren Weg',
      }),
      expect.objectContaining({ kind: 'rejection', table: 'note', reason: 'handed-over', fields: [] }),
    ]);
    await expect(resolveNotice(db(), 'server:k1', 'mine', AT, 'cw1')).rejects.toBeInstanceOf(RowGone);
    expect(await db().selectFrom('client').select('id').execute()).toEqual([]);
    await resolveNotice(db(), 'server:k1', 'theirs', AT, 'cw1');
    await resolveNotice(db(), 'server:r1', 'theirs', AT, 'cw1');
    expect(await openNoticesWithRows(db())).toEqual([]);
    expect(await countQueued(db())).toBe(0);
  });
});

describe('push batches', () => {
  const queueNotes = async (count: number, size: number) => {
    await db()
      .insertInto('client')
      .values(client('c1', 'Holm') as never)
      .execute();
    for (let i = 0; i < count; i++)
      await db()
        .insertInto('note')
        .values(note(`n${i}`, 'c1', 'x'.repeat(size)) as never)
        .execute();
  };

  it('end at their count of changes or their size, and keep their numbers until applied', async () => {
    await queueNotes(9, 1_000);
    const batches = await buildBatches(db(), 50, { changes: 4, bytes: 1_000_000 });
    expect(batches.map((b) => [b.sequence, b.changes.length])).toEqual([
      [1, 4],
      [2, 4],
      [3, 2],
    ]);
    // Built once: asking again sends the same ones, not new ones.
    expect((await storedBatches(db(), 50)).map((b) => b.sequence)).toEqual([1, 2, 3]);
    expect(await buildBatches(db(), 50, { changes: 4, bytes: 1_000_000 })).toEqual([]);
    await batchesApplied(db(), 2);
    expect((await storedBatches(db(), 50)).map((b) => b.sequence)).toEqual([3]);
    expect(await countQueued(db())).toBe(2);
  });

  it('a batch ends before it outgrows its bytes, and a restored file goes on as a new device from 1', async () => {
    await queueNotes(5, 3_000);
    const batches = await buildBatches(db(), 2, { changes: 500, bytes: 7_500 });
    expect(batches.map((b) => b.changes.length)).toEqual([3, 2]);
    expect(batches.map((b) => b.sequence)).toEqual([1, 2]);
    await batchesApplied(db(), 1);
    await renewDevice(db(), 'koers-device-2');
    expect((await storedBatches(db(), 50)).map((b) => b.sequence)).toEqual([1]);
    const state = await db().selectFrom('sync_state').select(['device_id', 'next_sequence']).executeTakeFirst();
    expect(state).toEqual({ device_id: 'koers-device-2', next_sequence: 2 });
  });
});

describe('a restored file', () => {
  it('goes on as a new device once; a server that still miscounts is not followed round and round', async () => {
    await db()
      .insertInto('client')
      .values(client('c1', 'Holm') as never)
      .execute();
    const devices: string[] = [];
    const transport: Transport = {
      // The server says it has applied far more batches from every device than this file sent.
      push: async (request) => {
        devices.push(request.deviceId);
        return { kind: 'applied', lastSequence: 999, changes: 0, rejected: 0, conflicts: 0 };
      },
      pull: async () => page({}),
      whoAmI: async () => {
        throw new Error('not asked');
      },
      accessExport: async () => {
        throw new Error('not asked');
      },
    };
    await expect(
      syncOnce({ db: db(), transport, schema: '0011_sync_copy', now: () => new Date(AT) }),
    ).rejects.toMatchObject({
      problem: 'server',
    });
    expect(devices).toHaveLength(2);
    expect(devices[1]).not.toBe(devices[0]);
    // The change still waits, numbered from 1 for the new device.
    expect((await storedBatches(db(), 50)).map((b) => b.sequence)).toEqual([1]);
    const state = await db().selectFrom('sync_state').select('device_id').executeTakeFirstOrThrow();
    expect(state.device_id).toBe(devices[1]);
  });
});

describe('migration 0011 on a database with a published sheet', () => {
  it('keeps published versions frozen for local writes and lets a pull write them', async () => {
    await connection.close();
    temp.cleanup();
    temp = tempFolder();
    connection = openConnection(join(temp.path, 'koers.sqlite'));
    await new Migrator({ db: connection.db, provider: migrationProvider }).migrateTo('0010_sync_outbox');
    connection.sqlite.exec(`
      INSERT INTO sheet (id, name, created_at, updated_at) VALUES ('s1', 'Ladder', 'x', 'x');
      INSERT INTO sheet_version (id, sheet_id, number, published_at, created_at) VALUES ('v1', 's1', 1, 'x', 'x');`);
    await migrateToLatest(connection);
    const addIndicator = (id: string) =>
      sql`INSERT INTO indicator (id, version_id, key, position, name, scale_min, scale_max)
        VALUES (${id}, 'v1', ${id}, 1, 'Werk', 1, 5)`.execute(connection.db);
    await expect(addIndicator('i1')).rejects.toThrow('published sheet versions are immutable');
    await stage(
      page({
        rows: [
          {
            table: 'indicator',
            row: {
              id: 'i2',
              version_id: 'v1',
              key: 'werk',
              position: 1,
              name: 'Werk',
              description: null,
              scale_min: 1,
              scale_max: 5,
            },
            version: 3,
          },
        ],
      }),
    );
    await applyAll(250);
    expect(await db().selectFrom('indicator').select('id').execute()).toEqual([{ id: 'i2' }]);
    await expect(addIndicator('i3')).rejects.toThrow('published sheet versions are immutable');
  });
});
