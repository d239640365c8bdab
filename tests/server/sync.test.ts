import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Change, PullAnswer, PushAnswer, SyncedRow } from '../../common/sync/protocol';
import type { SyncedTableName } from '../../common/sync/tables';
import { connect } from '../../server/db/connect';
import { migrateDatabase } from '../../server/db/migrate';
import type { ServerDatabase } from '../../server/db/schema';
import { APP_ROLE } from '../../server/db/security';
import { readTableColumns, type TableColumns } from '../../server/sync/columns';
import { pull } from '../../server/sync/pull';
import { MalformedChange, push } from '../../server/sync/push';
import { type RunAsUser, runAsMember } from '../../server/sync/session';
import { SERVER_SCHEMA } from '../../server/team-server';
import { freshDatabase } from './databases';
import { startPostgres, type TestPostgres } from './postgres';
import { PEOPLE, type Person, seedTeams, type Seed } from './rls-seed';

/**
 * Push and pull against real PostgreSQL as koers_app, with hand-built requests: exactly once, in
 * order, no silent overwrite, refusals recorded and delivered, handovers revoked, erasures passed on,
 * pages that never split a version, and a cookie that resets when it cannot be trusted.
 */

let postgres: TestPostgres;
let owner: Kysely<ServerDatabase>;
let app: Kysely<ServerDatabase>;
let columns: TableColumns;
let seed: Seed;
// app is opened in beforeAll.
const runAsUser: RunAsUser = (subject, work, options) => runAsMember(app)(subject, work, options);

beforeAll(async () => {
  postgres = await startPostgres();
  const ownerUrl = await freshDatabase(postgres, 'sync');
  await migrateDatabase(ownerUrl);
  owner = connect(ownerUrl);
  seed = await seedTeams(owner);
  // The seed wrote every row at version 1.
  await sql`update team set row_counter = 1`.execute(owner);
  app = connect(postgres.url(APP_ROLE, 'sync'));
  columns = await readTableColumns(app);
}, 120_000);

afterAll(async () => {
  await app?.destroy();
  await owner?.destroy();
  await postgres?.stop();
});

/** A laptop: one person on one device, numbering its batches and keeping its cookie. */
function laptop(person: Person) {
  const deviceId = `device-${randomUUID()}`;
  let sequence = 0;
  let cookie: Extract<PullAnswer, { kind: 'changes' }>['cookie'] | null = null;
  const seen = new Map<string, SyncedRow>();
  return {
    deviceId,
    seen,
    get cookie() {
      return cookie;
    },
    set cookie(value) {
      cookie = value;
    },
    async push(changes: Change[], at = ++sequence): Promise<PushAnswer> {
      return push(runAsUser, columns, person.subject, {
        protocol: 1,
        schema: SERVER_SCHEMA,
        deviceId,
        batches: [{ sequence: at, changes }],
      });
    },
    async pull(limit?: number): Promise<Extract<PullAnswer, { kind: 'changes' }>> {
      const answer = await pull(runAsUser, SERVER_SCHEMA, person.subject, {
        protocol: 1,
        schema: SERVER_SCHEMA,
        deviceId,
        cookie,
        ...(limit ? { limit } : {}),
      });
      if (answer.kind !== 'changes') throw new Error(`pull answered ${answer.kind}`);
      cookie = answer.cookie;
      for (const { table, row, version } of answer.rows) seen.set(`${table}:${keyText(row)}`, { ...row, version });
      return answer;
    },
    row(table: SyncedTableName, id: string): SyncedRow {
      const row = seen.get(`${table}:${id}`);
      if (!row) throw new Error(`${table} ${id} not pulled`);
      return row;
    },
  };
}

const keyText = (row: SyncedRow) =>
  String(row.id ?? `${row.scoring_id ?? row.indicator_id}/${row.indicator_id ?? row.value}`);

/** A row as the laptop would push it: its own columns only (not the version the pull gave it). */
function asPushed(row: SyncedRow, changes: SyncedRow = {}): SyncedRow {
  const { version: _version, ...own } = { ...row, ...changes };
  return own;
}

function note(client: string, author: string, body: string): SyncedRow {
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    client_id: client,
    household_id: null,
    kind: 'conversation',
    noted_at: now.slice(0, 16),
    body,
    author_id: author,
    pinned: 0,
    created_at: now,
    updated_at: now,
    updated_by: author,
    deleted_at: null,
  };
}

const count = async (table: string, where = sql`true`) =>
  Number(
    (await sql<{ n: string }>`select count(*) as n from ${sql.table(table)} where ${where}`.execute(owner)).rows[0]?.n,
  );

/** The counts of the audit line of a device's last pull. */
const lastPullCounts = async (deviceId: string) =>
  (
    await sql<{ counts: Record<string, number> }>`
      select counts from audit_event where device = ${deviceId} and action = 'pull' order by id desc limit 1`.execute(
      owner,
    )
  ).rows[0]?.counts;

describe('pull', () => {
  it('a first pull brings a caseworker her own clients with everything about them and the team’s lists, nothing else', async () => {
    const anna = laptop(PEOPLE.caseworkerA);
    const answer = await anna.pull();
    expect(answer.more).toBe(false);
    expect(answer.cookie).toEqual({ team: seed.teams.A, version: 1, schema: SERVER_SCHEMA });
    const clients = answer.rows.filter((r) => r.table === 'client').map((r) => r.row.id);
    expect(clients).toEqual(['cwA-client']);
    const notes = answer.rows.filter((r) => r.table === 'note').map((r) => r.row.id);
    expect(notes.sort()).toEqual(['cwA-household-note', 'cwA-note']);
    expect(answer.rows.some((r) => r.table === 'caseworker' && r.row.id === 'kpA')).toBe(true);
    // Not a colleague's client, nor anything of the other team; never the server's own columns.
    expect(JSON.stringify(answer.rows)).not.toContain('cwA2-client');
    expect(JSON.stringify(answer.rows)).not.toContain('cwB');
    expect(answer.rows.every((r) => !('team_id' in r.row) && !('row_version' in r.row))).toBe(true);
  });

  it('a key person gets the team’s clients and scorings but not colleagues’ case notes', async () => {
    const answer = await laptop(PEOPLE.keyPersonA).pull();
    const clients = answer.rows.filter((r) => r.table === 'client').map((r) => r.row.id);
    expect(clients).toEqual(expect.arrayContaining(['cwA-client', 'cwA2-client']));
    expect(answer.rows.filter((r) => r.table === 'scoring').length).toBeGreaterThanOrEqual(2);
    expect(answer.rows.filter((r) => r.table === 'note' && r.row.author_id !== 'kpA')).toEqual([]);
  });

  it('a cookie of another team, another schema or from the future gets a reset; another schema an update', async () => {
    const ask = (cookie: { team: string; version: number; schema: string }, schema = SERVER_SCHEMA) =>
      pull(runAsUser, SERVER_SCHEMA, PEOPLE.caseworkerA.subject, {
        protocol: 1,
        schema,
        deviceId: 'device-x1',
        cookie,
      });
    expect(await ask({ team: seed.teams.B, version: 1, schema: SERVER_SCHEMA })).toEqual({ kind: 'reset' });
    expect(await ask({ team: seed.teams.A, version: 1, schema: '0001_caseworker_client' })).toEqual({ kind: 'reset' });
    expect(await ask({ team: seed.teams.A, version: 10_000, schema: SERVER_SCHEMA })).toEqual({ kind: 'reset' });
  });

  it('pages never split a version, and together hold exactly what one pull holds', async () => {
    const whole = await laptop(PEOPLE.keyPersonA).pull();
    const paged = laptop(PEOPLE.keyPersonA);
    const rows: string[] = [];
    for (let page = 0; page < 100; page += 1) {
      const answer = await paged.pull(3);
      rows.push(...answer.rows.map((r) => `${r.table}:${JSON.stringify(r.row)}`));
      if (!answer.more) break;
    }
    expect(rows.sort()).toEqual(whole.rows.map((r) => `${r.table}:${JSON.stringify(r.row)}`).sort());
  });
});

describe('push', () => {
  it('a note pushed from one laptop is pulled on another, once, with a new version', async () => {
    const work = laptop(PEOPLE.caseworkerA);
    const home = laptop(PEOPLE.caseworkerA);
    await work.pull();
    await home.pull();
    const written = note('cwA-client', 'cwA', 'Afspraak gemaakt met werkgever');
    const answer = await work.push([{ table: 'note', op: 'put', row: written, baseVersion: null }]);
    expect(answer).toEqual({ kind: 'applied', lastSequence: 1, changes: 1, rejected: 0, conflicts: 0 });
    const pulled = await home.pull();
    expect(pulled.rows.map((r) => r.row.id)).toEqual([written.id]);
    expect(pulled.rows[0]?.version).toBeGreaterThan(1);
    expect(pulled.rows[0]?.row).toEqual(written);
    // The colleague and the key person do not get it.
    expect(JSON.stringify((await laptop(PEOPLE.colleagueA).pull()).rows)).not.toContain(String(written.id));
    expect(JSON.stringify((await laptop(PEOPLE.keyPersonA).pull()).rows)).not.toContain(String(written.id));
  });

  it('a replayed batch changes nothing; a batch after a gap is refused and nothing of it is written', async () => {
    const anna = laptop(PEOPLE.caseworkerA);
    const first = note('cwA-client', 'cwA', 'eerste');
    await anna.push([{ table: 'note', op: 'put', row: first, baseVersion: null }], 1);
    const notesBefore = await count('note');
    const counter = await count('audit_event');
    expect(await anna.push([{ table: 'note', op: 'put', row: first, baseVersion: null }], 1)).toMatchObject({
      kind: 'applied',
      lastSequence: 1,
      changes: 0,
    });
    const later = note('cwA-client', 'cwA', 'na een gat');
    expect(await anna.push([{ table: 'note', op: 'put', row: later, baseVersion: null }], 3)).toEqual({
      kind: 'gap',
      lastSequence: 1,
    });
    expect(await count('note')).toBe(notesBefore);
    expect(await count('note', sql`id = ${later.id}`)).toBe(0);
    expect(await count('audit_event')).toBe(counter);
    // The pull says where the server stands for this device, in the same snapshot.
    expect((await anna.pull()).lastSequence).toBe(1);
  });

  it('no silent overwrite: a change based on an older version is kept as a conflict for its author', async () => {
    const work = laptop(PEOPLE.caseworkerA);
    const home = laptop(PEOPLE.caseworkerA);
    await work.pull();
    await home.pull();
    const client = work.row('client', 'cwA-client');
    const base = Number(client.version);
    await work.push([
      { table: 'client', op: 'put', row: asPushed(client, { phone: '06-11111111' }), baseVersion: base },
    ]);
    const stale = asPushed(home.row('client', 'cwA-client'), { phone: '06-22222222' });
    expect(await home.push([{ table: 'client', op: 'put', row: stale, baseVersion: base }])).toMatchObject({
      conflicts: 1,
    });
    const kept = await sql<{ phone: string }>`select phone from client where id = 'cwA-client'`.execute(owner);
    expect(kept.rows[0]?.phone).toBe('06-11111111');
    const answer = await home.pull();
    expect(answer.conflicts).toHaveLength(1);
    expect(answer.conflicts[0]).toMatchObject({ table: 'client', pushed: { phone: '06-22222222' } });
    expect(answer.rows.find((r) => r.table === 'client')?.row.phone).toBe('06-11111111');
  });

  it('a change she may not make is rejected for her to see, and the rest of the batch is applied', async () => {
    const anna = laptop(PEOPLE.caseworkerA);
    await anna.pull();
    const onColleague = note('cwA2-client', 'cwA', 'op andermans klant');
    const own = note('cwA-client', 'cwA', 'op eigen klant');
    const answer = await anna.push([
      { table: 'note', op: 'put', row: onColleague, baseVersion: null },
      { table: 'note', op: 'put', row: own, baseVersion: null },
    ]);
    expect(answer).toMatchObject({ kind: 'applied', changes: 2, rejected: 1 });
    expect(await count('note', sql`id = ${onColleague.id}`)).toBe(0);
    expect(await count('note', sql`id = ${own.id}`)).toBe(1);
    const pulled = await anna.pull();
    expect(pulled.rejections).toEqual([
      expect.objectContaining({ table: 'note', key: { id: onColleague.id }, reason: 'not-allowed' }),
    ]);
    // Refused after one applied: that one is applied once, in one new version, and the batch counts once.
    const first = note('cwA-client', 'cwA', 'eerst');
    const second = note('cwA2-client', 'cwA', 'daarna op andermans klant');
    const version = (await anna.pull()).cookie.version;
    const later = await anna.push([
      { table: 'note', op: 'put', row: first, baseVersion: null },
      { table: 'note', op: 'put', row: second, baseVersion: null },
    ]);
    expect(later).toMatchObject({ kind: 'applied', lastSequence: 2, changes: 2, rejected: 1 });
    expect(await count('note', sql`id = ${first.id} and row_version = ${version + 1}`)).toBe(1);
    expect(await count('note', sql`id = ${second.id}`)).toBe(0);
    const afterwards = await anna.pull();
    expect(afterwards.cookie.version).toBe(version + 1);
    expect(afterwards.rows.map((r) => r.row.id)).toEqual([first.id]);
    expect(afterwards.rejections).toEqual([expect.objectContaining({ key: { id: second.id } })]);
    // A row with a column the server does not know is refused whole, not guessed at: nothing is applied.
    const plain = note('cwA-client', 'cwA', 'x');
    const odd = { ...plain, colour: 'red' };
    await expect(anna.push([{ table: 'note', op: 'put', row: odd, baseVersion: null }])).rejects.toThrow(
      MalformedChange,
    );
    expect(await count('note', sql`id = ${plain.id}`)).toBe(0);
  });

  it('two laptops of one team pushing at once: both applied, versions strictly increasing, nothing lost', async () => {
    const anna = laptop(PEOPLE.caseworkerA);
    const lotte = laptop(PEOPLE.colleagueA);
    const annas = Array.from({ length: 10 }, (_, i) => note('cwA-client', 'cwA', `anna ${i}`));
    const lottes = Array.from({ length: 10 }, (_, i) => note('cwA2-client', 'cwA2', `lotte ${i}`));
    await Promise.all([
      (async () => {
        for (const row of annas) await anna.push([{ table: 'note', op: 'put', row, baseVersion: null }]);
      })(),
      (async () => {
        for (const row of lottes) await lotte.push([{ table: 'note', op: 'put', row, baseVersion: null }]);
      })(),
    ]);
    const ids = [...annas, ...lottes].map((n) => String(n.id));
    const versions = await sql<{ row_version: number }>`
      select row_version from note where id = any(${ids}) order by row_version`.execute(owner);
    const list = versions.rows.map((r) => Number(r.row_version));
    expect(list).toHaveLength(20);
    expect(new Set(list).size).toBe(20);
  });
});

describe('handover and erasure', () => {
  it('a handover moves the client: her next pull revokes it, and a later change to it is rejected as handed over', async () => {
    const anna = laptop(PEOPLE.caseworkerA);
    await anna.pull();
    const client = anna.row('client', 'cwA-client');
    const answer = await anna.push([
      {
        table: 'client',
        op: 'put',
        row: asPushed(client, { caseworker_id: 'cwA2' }),
        baseVersion: Number(client.version),
      },
    ]);
    expect(answer).toMatchObject({ kind: 'applied', rejected: 0, conflicts: 0 });
    const pulled = await anna.pull();
    expect(pulled.revoked).toEqual(['cwA-client']);
    expect(await lastPullCounts(anna.deviceId)).toMatchObject({ rows: pulled.rows.length, erased: 0, revoked: 1 });
    const late = note('cwA-client', 'cwA', 'te laat');
    await anna.push([{ table: 'note', op: 'put', row: late, baseVersion: null }]);
    expect((await anna.pull()).rejections).toEqual([
      expect.objectContaining({ key: { id: late.id }, reason: 'handed-over' }),
    ]);
    // The colleague now has it.
    const lotte = laptop(PEOPLE.colleagueA);
    const hers = await lotte.pull();
    expect(hers.rows.some((r) => r.table === 'client' && r.row.id === 'cwA-client')).toBe(true);
  });

  it('a handover to a caseworker of another team moves the client with its notes to that team', async () => {
    const anna = laptop(PEOPLE.caseworkerA);
    const now = new Date().toISOString();
    const client: SyncedRow = {
      id: randomUUID(),
      reference: null,
      first_name: 'Karin',
      last_name: 'Verhuisd',
      caseworker_id: 'cwA',
      created_at: now,
      updated_at: now,
      updated_by: 'cwA',
      deleted_at: null,
      pseudonym: null,
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
      language: null,
    };
    const clientNote = note(String(client.id), 'cwA', 'gaat mee naar team B');
    await anna.push([
      { table: 'client', op: 'put', row: client, baseVersion: null },
      { table: 'note', op: 'put', row: clientNote, baseVersion: null },
    ]);
    await anna.pull();
    const seen = anna.row('client', String(client.id));
    expect(
      await anna.push([
        {
          table: 'client',
          op: 'put',
          row: asPushed(seen, { caseworker_id: 'cwB' }),
          baseVersion: Number(seen.version),
        },
      ]),
    ).toMatchObject({ kind: 'applied', rejected: 0, conflicts: 0 });
    expect((await anna.pull()).revoked).toEqual([client.id]);
    const bo = await laptop(PEOPLE.caseworkerB).pull();
    expect(
      bo.rows
        .filter((r) => r.row.id === client.id || r.row.id === clientNote.id)
        .map((r) => r.table)
        .sort(),
    ).toEqual(['client', 'note']);
    expect(bo.cookie.team).toBe(seed.teams.B);
  });

  it('a client erasure by someone it does not belong to erases nothing: refused in the team, unseen outside it', async () => {
    const bo = laptop(PEOPLE.caseworkerB);
    // Anna handed hers over above: cwA2-client is her colleague's.
    const anna = laptop(PEOPLE.caseworkerA);
    const before = await count('note', sql`client_id = 'cwA2-client'`);
    const erase = (id: string): Change => ({ table: 'client', op: 'delete', row: { id }, baseVersion: null });
    expect(await anna.push([erase('cwA2-client')])).toMatchObject({ kind: 'applied', rejected: 1 });
    expect(await bo.push([erase('cwA2-client')])).toMatchObject({ kind: 'applied', rejected: 0 });
    expect(await count('client', sql`id = 'cwA2-client'`)).toBe(1);
    expect(await count('note', sql`client_id = 'cwA2-client'`)).toBe(before);
    expect(await count('erased_row', sql`table_name = 'client'`)).toBe(0);
  });

  it('an erasure removes the row for real and tells her other laptops which one', async () => {
    const work = laptop(PEOPLE.colleagueA);
    const home = laptop(PEOPLE.colleagueA);
    const written = note('cwA2-client', 'cwA2', 'te wissen');
    await work.push([{ table: 'note', op: 'put', row: written, baseVersion: null }]);
    await home.pull();
    await work.push([{ table: 'note', op: 'delete', row: { id: written.id ?? null }, baseVersion: null }]);
    expect(await count('note', sql`id = ${written.id}`)).toBe(0);
    const pulled = await home.pull();
    expect(pulled.erased).toEqual([{ table: 'note', key: { id: written.id } }]);
    expect(await lastPullCounts(home.deviceId)).toEqual({
      rows: 0,
      erased: 1,
      revoked: 0,
      from: expect.any(Number),
      to: pulled.cookie.version,
    });
    const stored = await sql<{ row_key: unknown }>`select row_key from erased_row`.execute(owner);
    expect(JSON.stringify(stored.rows)).not.toContain('te wissen');
  });
});
