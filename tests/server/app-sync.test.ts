import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SYNC_SCHEMA } from '../../db/migrations';
import { countQueued } from '../../db/queries/outbox';
import { linkTeam, openNotices } from '../../db/queries/sync-state';
import { type SyncResult, syncOnce } from '../../main/sync/engine';
import { createTransport, SyncError, type Transport } from '../../main/sync/transport';
import { SERVER_SCHEMA } from '../../server/team-server';
import { openTestKoers, type TestKoers } from '../helpers/koers';
import { ok } from '../helpers/seed';
import { PEOPLE, type Person } from './rls-seed';
import { type RunningServer, startProxy, startServer, startTeamStack, type TeamStack } from './team-stack';

/**
 * The app's side of team sync (issue 18) against the real team server: laptops are real Koers
 * databases driven through their handlers; the server is PostgreSQL with its policies, behind
 * HTTP with real sign-in tokens. What one laptop writes reaches the others once; handovers and
 * erasures leave no trace on the laptop that lost the client; nothing is silently dropped.
 */

let stack: TeamStack;
let server: RunningServer;
const open: TestKoers[] = [];

beforeAll(async () => {
  stack = await startTeamStack('app_sync');
  server = await startServer(stack);
}, 120_000);

afterEach(async () => {
  for (const koers of open.splice(0)) await koers.cleanup();
});

afterAll(async () => {
  await server?.close();
  await stack?.close();
});

interface Laptop {
  koers: TestKoers;
  sync(): Promise<SyncResult>;
  /** The database file and its write-ahead log, as bytes on disk. */
  bytesOnDisk(): Buffer;
}

/** A Koers that has joined `person`'s team on the test server, with her sign-in. */
async function laptop(person: Person, options: { url?: string; transport?: (t: Transport) => Transport } = {}) {
  const koers = await openTestKoers();
  open.push(koers);
  const serverUrl = options.url ?? server.url;
  await linkTeam(koers.connection.db, {
    serverUrl,
    teamId: stack.seed.teams[person.team],
    teamName: `Team ${person.team}`,
    caseworkerId: person.caseworker,
    role: person.role,
    deviceId: `koers-${randomUUID()}`,
  });
  koers.settings.set('language', 'nl');
  koers.settings.set('currentCaseworkerId', person.caseworker);
  const http = createTransport({
    serverUrl,
    token: async () => stack.tokens[person.subject] ?? null,
    timeoutMs: 10_000,
  });
  const transport = options.transport ? options.transport(http) : http;
  const result: Laptop = {
    koers,
    sync: () => syncOnce({ db: koers.connection.db, transport, schema: SYNC_SCHEMA, now: () => new Date() }),
    bytesOnDisk: () =>
      Buffer.concat(
        [koers.databasePath, `${koers.databasePath}-wal`]
          .filter((path) => existsSync(path))
          .map((path) => readFileSync(path)),
      ),
  };
  return result;
}

const names = async (koers: TestKoers) =>
  (await koers.connection.db.selectFrom('client').select('id').orderBy('id').execute()).map((c) => c.id);

const serverCount = async (table: string, where = sql`true`) =>
  Number(
    (await sql<{ n: string }>`select count(*) as n from ${sql.table(table)} where ${where}`.execute(stack.owner))
      .rows[0]?.n,
  );

const writeNoteCall = (koers: TestKoers, clientId: string, body: string) =>
  koers.call('notes.create', { clientId, kind: 'conversation', notedAt: '2026-12-07T09:00', body });
const writeNote = (koers: TestKoers, clientId: string, body: string) => ok(writeNoteCall(koers, clientId, body));

describe('joining and the first pull', () => {
  it('the app and the server share a schema', () => {
    expect(SYNC_SCHEMA).toBe(SERVER_SCHEMA);
  });

  it("a caseworker's first sync brings the team's lists and her own caseload; a key person's the whole team's", async () => {
    const anna = await laptop(PEOPLE.caseworkerA);
    const result = await anna.sync();
    expect(result).toMatchObject({ pushed: 0, conflicts: 0, erasurePending: false });
    expect(result.pulled).toBeGreaterThan(10);
    expect(await names(anna.koers)).toEqual(['cwA-client']);
    const db = anna.koers.connection.db;
    expect((await db.selectFrom('caseworker').select('id').orderBy('id').execute()).map((c) => c.id)).toEqual([
      'cwA',
      'cwA2',
      'kpA',
    ]);
    // What the pull applied is the server's already: nothing is queued to go back.
    expect(await countQueued(db)).toBe(0);
    // The handlers see it as local data: her caseload, and the note found by the note search.
    const caseload = await ok(anna.koers.call('clients.list', { caseworkerId: 'cwA' }));
    expect(JSON.stringify(caseload)).toContain('cwA-client');

    const kim = await laptop(PEOPLE.keyPersonA);
    await kim.sync();
    expect(await names(kim.koers)).toEqual(['cwA-client', 'cwA2-client']);
  });
});

describe('working as a team', () => {
  it("a note reaches the caseworker's other laptop, and a client's new stage the key person's, once", async () => {
    const work = await laptop(PEOPLE.caseworkerA);
    const home = await laptop(PEOPLE.caseworkerA);
    const kim = await laptop(PEOPLE.keyPersonA);
    for (const each of [work, home, kim]) await each.sync();
    const body = `Huisbezoek ${randomUUID()}`;
    const note = await writeNote(work.koers, 'cwA-client', body);
    await ok(work.koers.call('clients.update', { id: 'cwA-client', firstName: 'Sam', lastName: 'Jansen' }));
    expect(await countQueued(work.koers.connection.db)).toBe(2);
    expect(await work.sync()).toMatchObject({ pushed: 2, conflicts: 0 });
    expect(await countQueued(work.koers.connection.db)).toBe(0);
    expect(await serverCount('note', sql`id = ${note.id}`)).toBe(1);

    await home.sync();
    const there = await home.koers.connection.db.selectFrom('note').select('body').where('id', '=', note.id).execute();
    expect(there).toEqual([{ body }]);
    // The note search finds it there too: pulled notes are indexed like typed ones.
    const found = await ok(home.koers.call('notes.search', { text: body.split(' ')[1] }));
    expect(JSON.stringify(found)).toContain(note.id);
    // The key person sees the client as changed; the caseworker's notes stay hers (the team's setting).
    await kim.sync();
    const seen = await kim.koers.connection.db
      .selectFrom('client')
      .select('last_name')
      .where('id', '=', 'cwA-client')
      .executeTakeFirst();
    expect(seen).toEqual({ last_name: 'Jansen' });
    expect(await kim.koers.connection.db.selectFrom('note').select('id').where('id', '=', note.id).execute()).toEqual(
      [],
    );
    // A second sync changes nothing anywhere.
    expect(await work.sync()).toMatchObject({ pushed: 0, pulled: 0, conflicts: 0 });
    expect(await openNotices(work.koers.connection.db)).toEqual([]);
  });

  it("the key person publishes a sheet; the caseworker scores with it; the key person's laptop has the scoring", async () => {
    const kim = await laptop(PEOPLE.keyPersonA);
    const anna = await laptop(PEOPLE.caseworkerA);
    await kim.sync();
    await anna.sync();
    const sheet = await ok(kim.koers.call('sheets.createFromStarter', { starter: 'ladder', language: 'nl' }));
    const published = await ok(kim.koers.call('sheets.publish', { id: sheet.id }));
    const version = published.published!;
    expect(await kim.sync()).toMatchObject({ conflicts: 0 });
    expect(await openNotices(kim.koers.connection.db)).toEqual([]);

    await anna.sync();
    const form = await ok(anna.koers.call('sheets.get', { id: sheet.id }));
    expect(form.published?.indicators.map((i) => i.key)).toEqual(version.indicators.map((i) => i.key));
    const scoring = await ok(
      anna.koers.call('scorings.create', {
        clientId: 'cwA-client',
        versionId: version.id,
        date: '2026-12-07',
        scoredBy: 'together',
        scores: version.indicators.map((i) => ({ indicatorId: i.id, value: i.scaleMax, comment: null })),
      }),
    );
    // A provider's scoring and a consent record travel like every other row of the client (issue 19).
    const provided = await ok(
      anna.koers.call('scorings.create', {
        clientId: 'cwA-client',
        versionId: version.id,
        date: '2026-12-07',
        scoredBy: 'provider',
        organisation: 'Werkbrug',
        scores: version.indicators.map((i) => ({ indicatorId: i.id, value: i.scaleMin, comment: null })),
      }),
    );
    const consent = await ok(
      anna.koers.call('consents.save', {
        clientId: 'cwA-client',
        purpose: 'Gegevens delen met Werkbrug',
        legalBasis: 'consent',
        givenAs: 'written',
        givenOn: '2026-12-01',
        validUntil: '2027-06-01',
      }),
    );
    expect(await anna.sync()).toMatchObject({ conflicts: 0 });
    expect(await openNotices(anna.koers.connection.db)).toEqual([]);

    await kim.sync();
    const scores = await kim.koers.connection.db
      .selectFrom('score')
      .select(['indicator_key', 'value'])
      .where('scoring_id', '=', scoring.id)
      .execute();
    expect(scores).toHaveLength(version.indicators.length);
    expect(scores.every((s) => s.value === version.indicators.find((i) => i.key === s.indicator_key)?.scaleMax)).toBe(
      true,
    );
    expect(
      await kim.koers.connection.db
        .selectFrom('scoring')
        .select(['scored_by', 'organisation'])
        .where('id', '=', provided.id)
        .executeTakeFirst(),
    ).toEqual({ scored_by: 'provider', organisation: 'Werkbrug' });
    expect(await ok(kim.koers.call('consents.list', { clientId: 'cwA-client' }))).toEqual([
      expect.objectContaining({ id: consent.id, purpose: 'Gegevens delen met Werkbrug', validUntil: '2027-06-01' }),
    ]);
    // Hers to read, Anna's to change: Kim cannot withdraw it on her laptop.
    expect(
      await kim.koers.call('consents.withdraw', { clientId: 'cwA-client', id: consent.id, withdrawnOn: '2026-12-07' }),
    ).toMatchObject({ ok: false, error: { code: 'conflict', details: { reason: 'colleagues_client' } } });
  });

  it("two caseworkers' first new clients, both K-0001 on their laptops, are two pseudonyms in the team and on every laptop", async () => {
    const anna = await laptop(PEOPLE.caseworkerA);
    const lotte = await laptop(PEOPLE.colleagueA);
    const kim = await laptop(PEOPLE.keyPersonA);
    for (const each of [anna, lotte, kim]) await each.sync();
    const hers = await ok(anna.koers.call('clients.create', { firstName: 'Ali', lastName: 'Yılmaz' }));
    const first = await ok(lotte.koers.call('clients.create', { firstName: 'Bea', lastName: 'de Boer' }));
    const second = await ok(lotte.koers.call('clients.create', { firstName: 'Cor', lastName: 'Visser' }));
    expect([hers.pseudonym, first.pseudonym, second.pseudonym]).toEqual(['K-0001', 'K-0001', 'K-0002']);
    await anna.sync();
    expect(await lotte.sync()).toMatchObject({ conflicts: 0 });
    await kim.sync();
    const pseudonyms = async (koers: TestKoers) =>
      Object.fromEntries(
        (
          await koers.connection.db
            .selectFrom('client')
            .select(['id', 'pseudonym'])
            .where('id', 'in', [hers.id, first.id, second.id])
            .execute()
        ).map((c) => [c.id, c.pseudonym]),
      );
    const onServer = Object.fromEntries(
      (
        await sql<{ id: string; pseudonym: string }>`select id, pseudonym from client
          where id in (${hers.id}, ${first.id}, ${second.id})`.execute(stack.owner)
      ).rows.map((c) => [c.id, c.pseudonym]),
    );
    expect(new Set(Object.values(onServer)).size).toBe(3);
    expect(onServer[hers.id]).toBe('K-0001');
    // Every laptop holds what the team holds, and Lotte's next client is numbered after them.
    expect(await pseudonyms(kim.koers)).toEqual(onServer);
    const lottes = await pseudonyms(lotte.koers);
    expect(lottes).toEqual({ [first.id]: onServer[first.id], [second.id]: onServer[second.id] });
    const third = await ok(lotte.koers.call('clients.create', { firstName: 'Dirk', lastName: 'Smit' }));
    expect(Object.values(onServer)).not.toContain(third.pseudonym);
    expect(await lotte.sync()).toMatchObject({ conflicts: 0 });
    expect(await openNotices(lotte.koers.connection.db)).toEqual([]);
  });

  it('a laptop offline with 50 changes sends them all, once, when the server is back', async () => {
    const proxy = await startProxy(server.port);
    try {
      const anna = await laptop(PEOPLE.caseworkerA, { url: `http://127.0.0.1:${proxy.port}` });
      await anna.sync();
      // Nothing listens on port 1: the server is out of reach.
      proxy.target = 1;
      proxy.dropConnections();
      const ids: string[] = [];
      for (let i = 0; i < 50; i++) ids.push((await writeNote(anna.koers, 'cwA-client', `Offline ${i}`)).id);
      await expect(anna.sync()).rejects.toMatchObject({ problem: 'offline' });
      await expect(anna.sync()).rejects.toBeInstanceOf(SyncError);
      expect(await countQueued(anna.koers.connection.db)).toBe(50);

      proxy.target = server.port;
      expect(await anna.sync()).toMatchObject({ pushed: 50, conflicts: 0 });
      expect(await serverCount('note', sql`id = any(${ids})`)).toBe(50);
      expect(await countQueued(anna.koers.connection.db)).toBe(0);
    } finally {
      await proxy.close();
    }
  });

  it('a push whose answer is lost goes again under its number and lands once', async () => {
    const proxy = await startProxy(server.port);
    try {
      const anna = await laptop(PEOPLE.caseworkerA, { url: `http://127.0.0.1:${proxy.port}` });
      await anna.sync();
      const note = await writeNote(anna.koers, 'cwA-client', 'Antwoord kwijt');
      proxy.cutNextResponse();
      await expect(anna.sync()).rejects.toMatchObject({ problem: 'offline' });
      // The server applied it; the laptop does not know.
      expect(await serverCount('note', sql`id = ${note.id}`)).toBe(1);
      expect(await anna.sync()).toMatchObject({ conflicts: 0 });
      expect(await serverCount('note', sql`id = ${note.id}`)).toBe(1);
      expect(await countQueued(anna.koers.connection.db)).toBe(0);
      expect(await openNotices(anna.koers.connection.db)).toEqual([]);
    } finally {
      await proxy.close();
    }
  });

  it('an edit made while a push is under way is pushed next, not taken for a conflict with itself', async () => {
    let editDuringPush: (() => Promise<void>) | null = null;
    const anna = await laptop(PEOPLE.caseworkerA, {
      transport: (http) => ({
        ...http,
        async push(request) {
          const answer = await http.push(request);
          const edit = editDuringPush;
          editDuringPush = null;
          await edit?.();
          return answer;
        },
      }),
    });
    await anna.sync();
    await ok(anna.koers.call('clients.update', { id: 'cwA-client', firstName: 'Sam', lastName: 'Eerst' }));
    editDuringPush = async () => {
      await ok(anna.koers.call('clients.update', { id: 'cwA-client', firstName: 'Sam', lastName: 'Daarna' }));
    };
    expect(await anna.sync()).toMatchObject({ pushed: 1, conflicts: 0 });
    // Her later edit is still here and still queued; the next sync sends it.
    expect(await countQueued(anna.koers.connection.db)).toBe(1);
    expect(await anna.sync()).toMatchObject({ pushed: 1, conflicts: 0 });
    const onServer = await sql<{ last_name: string }>`select last_name from client where id = 'cwA-client'`.execute(
      stack.owner,
    );
    expect(onServer.rows).toEqual([{ last_name: 'Daarna' }]);
    expect(await openNotices(anna.koers.connection.db)).toEqual([]);
    expect(await serverCount('conflict')).toBe(0);
  });

  it('the same client edited on two laptops offline: the second to sync gets a conflict with both versions, nothing lost', async () => {
    const work = await laptop(PEOPLE.colleagueA);
    const home = await laptop(PEOPLE.colleagueA);
    await work.sync();
    await home.sync();
    await ok(work.koers.call('clients.update', { id: 'cwA2-client', firstName: 'Sam', lastName: 'Werk' }));
    await ok(home.koers.call('clients.update', { id: 'cwA2-client', firstName: 'Sam', lastName: 'Thuis' }));
    expect(await work.sync()).toMatchObject({ pushed: 1, conflicts: 0 });
    await home.sync();
    const notices = await openNotices(home.koers.connection.db);
    expect(notices).toEqual([expect.objectContaining({ kind: 'conflict', table: 'client' })]);
    expect(JSON.parse(notices[0]?.pushed ?? '{}')).toMatchObject({ last_name: 'Thuis' });
    // The team's version is here now; hers waits in the inbox for her to choose.
    const here = await home.koers.connection.db
      .selectFrom('client')
      .select('last_name')
      .where('id', '=', 'cwA2-client')
      .executeTakeFirst();
    expect(here).toEqual({ last_name: 'Werk' });
    expect(await countQueued(home.koers.connection.db)).toBe(0);

    // The inbox shows both versions of what differs; she keeps hers, and it reaches the other laptop.
    const inbox = await ok(home.koers.call('sync.notices', {}));
    expect(inbox).toEqual([
      expect.objectContaining({
        kind: 'conflict',
        table: 'client',
        clientId: 'cwA2-client',
        rowHere: true,
        fields: [
          { column: 'lastName', mine: { kind: 'text', value: 'Thuis' }, theirs: { kind: 'text', value: 'Werk' } },
        ],
      }),
    ]);
    const id = inbox[0]!.id;
    await ok(home.koers.call('sync.resolve', { id, keep: 'mine' }));
    expect(await home.koers.call('sync.resolve', { id, keep: 'theirs' })).toMatchObject({
      ok: false,
      error: { details: { reason: 'notice_gone' } },
    });
    expect(await ok(home.koers.call('sync.notices', {}))).toEqual([]);
    expect(await countQueued(home.koers.connection.db)).toBe(1);
    expect(await home.sync()).toMatchObject({ pushed: 1, conflicts: 0 });
    expect(await openNotices(home.koers.connection.db)).toEqual([]);
    await work.sync();
    const there = await work.koers.connection.db
      .selectFrom('client')
      .select('last_name')
      .where('id', '=', 'cwA2-client')
      .executeTakeFirst();
    expect(there).toEqual({ last_name: 'Thuis' });

    // Another round, and this time she keeps the team's: nothing is sent, the team's stays.
    await ok(work.koers.call('clients.update', { id: 'cwA2-client', firstName: 'Sam', lastName: 'Kantoor' }));
    await ok(home.koers.call('clients.update', { id: 'cwA2-client', firstName: 'Sammy', lastName: 'Thuis' }));
    await work.sync();
    await home.sync();
    const [again] = await ok(home.koers.call('sync.notices', {}));
    expect(again?.fields.map((f) => f.column).sort()).toEqual(['firstName', 'lastName']);
    await ok(home.koers.call('sync.resolve', { id: again!.id, keep: 'theirs' }));
    expect(await countQueued(home.koers.connection.db)).toBe(0);
    expect(
      await home.koers.connection.db
        .selectFrom('client')
        .select(['first_name', 'last_name'])
        .where('id', '=', 'cwA2-client')
        .executeTakeFirst(),
    ).toEqual({ first_name: 'Sam', last_name: 'Kantoor' });
  });
});

describe("a key person's laptop with the team's data", () => {
  it("colleagues' clients are read-only there but for their assignment; her own clients, lists and sheets are hers to change", async () => {
    const kim = await laptop(PEOPLE.keyPersonA);
    const lotte = await laptop(PEOPLE.colleagueA);
    await kim.sync();
    await lotte.sync();
    const db = kim.koers.connection.db;
    const before = await db.selectFrom('client').selectAll().where('id', '=', 'cwA-client').executeTakeFirstOrThrow();
    const readOnly = { ok: false, error: { code: 'conflict', details: { reason: 'colleagues_client' } } };
    // Anna's client: no edits, notes, to-dos, stages, scorings or closing from Kim's laptop.
    expect(await kim.koers.call('clients.update', { id: 'cwA-client', firstName: 'X', lastName: 'Y' })).toMatchObject(
      readOnly,
    );
    expect(await writeNoteCall(kim.koers, 'cwA-client', 'Niet van Kim')).toMatchObject(readOnly);
    expect(
      await kim.koers.call('actions.create', {
        clientId: 'cwA-client',
        title: 'Bellen',
        kind: 'task',
        dueDate: '2026-12-08',
        dueTime: null,
      }),
    ).toMatchObject(readOnly);
    expect(
      await kim.koers.call('clients.changeStage', { id: 'cwA-client', stageId: 'A-stage', date: '2026-12-08' }),
    ).toMatchObject(readOnly);
    expect(await db.selectFrom('client').selectAll().where('id', '=', 'cwA-client').executeTakeFirstOrThrow()).toEqual(
      before,
    );
    expect(await countQueued(db)).toBe(0);

    // Her own clients, the lists and the sheets are Kim's to change.
    const own = await ok(kim.koers.call('clients.create', { firstName: 'Noor', lastName: 'Haddad' }));
    await ok(kim.koers.call('clients.update', { id: own.id, firstName: 'Noor', lastName: 'Haddad-Smit' }));
    await writeNote(kim.koers, own.id, 'Kennismaking bij Kim');
    await ok(kim.koers.call('catalog.create', { kind: 'target_group', name: 'Statushouders' }));

    // Anna's assignment is Kim's to change: handed to Lotte, the team and Lotte's laptop follow.
    expect(
      await ok(
        kim.koers.call('clients.handover', {
          ids: ['cwA-client'],
          toCaseworkerId: 'cwA2',
          date: '2026-12-07',
          note: null,
        }),
      ),
    ).toEqual({ moved: 1 });
    expect(await kim.sync()).toMatchObject({ conflicts: 0 });
    expect(await openNotices(db)).toEqual([]);
    expect(
      (
        await sql<{ caseworker_id: string }>`select caseworker_id from client where id = 'cwA-client'`.execute(
          stack.owner,
        )
      ).rows[0]?.caseworker_id,
    ).toBe('cwA2');
    await lotte.sync();
    expect(await names(lotte.koers)).toContain('cwA-client');
    // (Conflicts of an earlier test about her own client wait for Lotte on the server: not this one's.)
    const aboutIt = (await openNotices(lotte.koers.connection.db)).filter((n) => n.key.includes('cwA-client'));
    expect(aboutIt).toEqual([]);
    // And back to Anna (the tests after this one start from the seeded team).
    await ok(
      kim.koers.call('clients.handover', {
        ids: ['cwA-client'],
        toCaseworkerId: 'cwA',
        date: '2026-12-07',
        note: null,
      }),
    );
    expect(await kim.sync()).toMatchObject({ conflicts: 0 });
    expect(await openNotices(db)).toEqual([]);
  });
});

describe('handovers and erasure across laptops', () => {
  it("a handover moves the client with its notes to the colleague's laptop and leaves no trace on the giver's", async () => {
    const anna = await laptop(PEOPLE.caseworkerA);
    const lotte = await laptop(PEOPLE.colleagueA);
    await anna.sync();
    await lotte.sync();
    const secret = `Vertrouwelijk ${randomUUID()}`;
    await writeNote(anna.koers, 'cwA-client', secret);
    // A family: the household and a note about all of it go with its only member.
    const family = await ok(
      anna.koers.call('households.create', { name: 'Familie Jansen', memberIds: ['cwA-client'] }),
    );
    const aboutFamily = `Gezin ${randomUUID()}`;
    await ok(
      anna.koers.call('notes.create', {
        householdId: family.id,
        kind: 'conversation',
        notedAt: '2026-12-07T09:00',
        body: aboutFamily,
      }),
    );
    await anna.sync();
    expect(anna.bytesOnDisk().includes(secret)).toBe(true);

    await ok(
      anna.koers.call('clients.handover', {
        ids: ['cwA-client'],
        toCaseworkerId: 'cwA2',
        date: '2026-12-07',
        note: null,
      }),
    );
    const result = await anna.sync();
    expect(result).toMatchObject({ conflicts: 0, erasurePending: false });
    expect(await names(anna.koers)).not.toContain('cwA-client');
    const leftover = await anna.koers.connection.db
      .selectFrom('note')
      .select('id')
      .where((eb) => eb.or([eb('client_id', '=', 'cwA-client'), eb('household_id', '=', family.id)]))
      .execute();
    expect(leftover).toEqual([]);
    expect(
      await anna.koers.connection.db.selectFrom('household').select('id').where('id', '=', family.id).execute(),
    ).toEqual([]);
    const bytes = anna.bytesOnDisk();
    expect(bytes.includes(secret)).toBe(false);
    expect(bytes.includes('private words cwA-note')).toBe(false);
    expect(await openNotices(anna.koers.connection.db)).toEqual([]);

    await lotte.sync();
    expect(await names(lotte.koers)).toEqual(expect.arrayContaining(['cwA-client', 'cwA2-client']));
    const notes = await lotte.koers.connection.db
      .selectFrom('note')
      .select('body')
      .where('client_id', '=', 'cwA-client')
      .execute();
    expect(notes.map((n) => n.body)).toContain(secret);
    // The household went along with its only member, with the note kept on it.
    const household = await lotte.koers.connection.db
      .selectFrom('note')
      .select('body')
      .where('household_id', '=', family.id)
      .execute();
    expect(household).toEqual([{ body: aboutFamily }]);
    expect(bytes.includes(aboutFamily)).toBe(false);
    expect(bytes.includes('Familie Jansen')).toBe(false);
  });

  it("a key person's erasure is team-wide: the caseworker's laptop erases the client at its next pull, the server keeps only keys", async () => {
    const lotte = await laptop(PEOPLE.colleagueA);
    const kim = await laptop(PEOPLE.keyPersonA);
    await lotte.sync();
    const secret = `Te wissen ${randomUUID()}`;
    const written = await writeNote(lotte.koers, 'cwA2-client', secret);
    await lotte.sync();
    await kim.sync();
    // Kim never held the note (caseworkers' notes stay theirs); the erasure takes it all the same.
    const pseudonym = (
      await kim.koers.connection.db
        .selectFrom('client')
        .select('pseudonym')
        .where('id', '=', 'cwA2-client')
        .executeTakeFirstOrThrow()
    ).pseudonym;
    await ok(kim.koers.call('privacy.eraseClient', { clientId: 'cwA2-client', confirm: pseudonym }));
    expect(await kim.sync()).toMatchObject({ conflicts: 0 });
    expect(await openNotices(kim.koers.connection.db)).toEqual([]);
    expect(await serverCount('client', sql`id = 'cwA2-client'`)).toBe(0);
    expect(await serverCount('note', sql`id = ${written.id} or client_id = 'cwA2-client'`)).toBe(0);
    // The conflict kept earlier about this client held a copy of it: gone too.
    expect(
      await serverCount('conflict', sql`pushed->>'id' = 'cwA2-client' or pushed->>'client_id' = 'cwA2-client'`),
    ).toBe(0);
    expect(await serverCount('erased_row', sql`table_name = 'client' and row_key->>'id' = 'cwA2-client'`)).toBe(1);

    expect(await lotte.sync()).toMatchObject({ erasurePending: false });
    expect(await names(lotte.koers)).not.toContain('cwA2-client');
    expect(
      await lotte.koers.connection.db.selectFrom('note').select('id').where('id', '=', written.id).execute(),
    ).toEqual([]);
    expect(lotte.bytesOnDisk().includes(secret)).toBe(false);
    expect(kim.bytesOnDisk().includes('cwA2-client')).toBe(false);
  });
});
