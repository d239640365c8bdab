import { createServer } from 'node:http';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { text } from 'node:stream/consumers';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_LINE_SIGN_IN_FILE_NAME, SIGN_IN_FILE_NAME } from '../../main/open-koers';
import { secretFile } from '../../main/sync/secrets';
import { createTeamSession } from '../../main/sync/session';
import { createTransport } from '../../main/sync/transport';
import { type FakeDesktop, fakeCipher, fakeDesktop } from '../helpers/fake-desktop';
import { openTestKoers, type TestKoers } from '../helpers/koers';
import { createClient, ok, setUp, statusWhen } from '../helpers/seed';
import { tempFolder } from '../helpers/temp';
import { browserPicking, closeServer, listenOnLoopback } from './oidc';
import { PEOPLE } from './rls-seed';
import { call, type RunningServer, startServer, startTeamStack, STRANGER, type TeamStack } from './team-stack';

/**
 * Joining a team from Settings › Team (issue 18): the sign-in through the system browser
 * (authorization code with PKCE, the answer on 127.0.0.1), the refresh token kept encrypted and
 * renewed, the first pull, signing out and in, leaving; and the refusals that change nothing.
 */

let stack: TeamStack;
let server: RunningServer;
const open: TestKoers[] = [];
const folders: Array<{ cleanup(): void }> = [];

beforeAll(async () => {
  stack = await startTeamStack('team_join');
  server = await startServer(stack);
}, 120_000);

afterEach(async () => {
  for (const koers of open.splice(0)) await koers.cleanup();
  for (const folder of folders.splice(0)) folder.cleanup();
});

afterAll(async () => {
  await server?.close();
  await stack?.close();
});

const page = { language: 'en', done: 'Signed in', failed: 'Not signed in' };

/** A Koers whose "system browser" signs in as `subject` on the provider's page. */
async function koersSigningInAs(subject: string, now?: () => Date): Promise<TestKoers> {
  const desktop = fakeDesktop();
  desktop.browser = browserPicking(subject);
  const koers = await openTestKoers({ desktop, ...(now ? { now } : {}) });
  open.push(koers);
  return koers;
}

const clients = async (koers: TestKoers) =>
  (await koers.connection.db.selectFrom('client').select('id').orderBy('id').execute()).map((c) => c.id);

describe('signing in', () => {
  it('signs in through the browser with PKCE, keeps the refresh token encrypted and renews the access token', async () => {
    const folder = tempFolder();
    folders.push(folder);
    const path = join(folder.path, 'sign-in.bin');
    const cipher = fakeCipher();
    let clock = Date.now();
    const session = createTeamSession({ serverUrl: server.url, secrets: secretFile(path, cipher), now: () => clock });
    const browsed: string[] = [];
    const browser = browserPicking(PEOPLE.caseworkerA.subject);
    await session.signIn({
      openBrowser: async (url) => {
        browsed.push(url);
        void browser(url);
      },
      page,
    });
    // The provider's page with PKCE (S256), the answer to 127.0.0.1, the API asked for.
    const asked = new URL(browsed[0]!).searchParams;
    expect(asked.get('code_challenge_method')).toBe('S256');
    expect(asked.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    expect(asked.get('scope')).toBe('openid offline_access sync');

    const first = await session.token();
    expect(first).toBeTruthy();
    const transport = createTransport({ serverUrl: server.url, token: session.token });
    expect(await transport.whoAmI()).toMatchObject({ caseworkerId: 'cwA', role: 'caseworker' });

    // Stored encrypted: the file holds a refresh token, but not in plain text.
    const stored = await secretFile(path, cipher).read();
    expect(stored).toBeTruthy();
    expect(readFileSync(path).includes(Buffer.from(stored!))).toBe(false);

    // Ten minutes on, the access token has expired: a new one comes with the refresh token, which rotates.
    clock += 10 * 60_000;
    const second = await session.token();
    expect(second).not.toBe(first);
    expect(await transport.whoAmI()).toMatchObject({ caseworkerId: 'cwA' });
    expect(await secretFile(path, cipher).read()).not.toBe(stored);

    // A new session (Koers started again) goes on from the stored refresh token, without the browser.
    clock += 10 * 60_000;
    const restarted = createTeamSession({ serverUrl: server.url, secrets: secretFile(path, cipher), now: () => clock });
    expect(await restarted.hasSignIn()).toBe(true);
    expect(await createTransport({ serverUrl: server.url, token: restarted.token }).whoAmI()).toMatchObject({
      caseworkerId: 'cwA',
    });
  });

  it('a refresh token the provider no longer accepts signs out, and forgets it', async () => {
    const folder = tempFolder();
    folders.push(folder);
    const path = join(folder.path, 'sign-in.bin');
    const secrets = secretFile(path, fakeCipher());
    await secrets.write('a-refresh-token-the-provider-never-issued');
    const session = createTeamSession({ serverUrl: server.url, secrets, now: () => Date.now() });
    expect(await session.token()).toBeNull();
    expect(existsSync(path)).toBe(false);
    expect(await session.hasSignIn()).toBe(false);
  });
});

describe('joining a team', () => {
  it("joins from a new Koers: the team's lists and her caseload arrive, she works as the team's caseworker, the sign-in is kept", async () => {
    const koers = await koersSigningInAs(PEOPLE.caseworkerA.subject);
    await setUp(koers, 'Anna (before the team)');
    const status = await ok(koers.call('sync.join', { serverUrl: server.url }));
    expect(status).toMatchObject({
      team: { serverUrl: server.url, teamName: expect.any(String), role: 'caseworker' },
      signedIn: true,
      problem: null,
      waiting: 0,
      notices: 0,
    });
    expect(status.syncedAt).not.toBeNull();
    expect(await clients(koers)).toEqual(['cwA-client']);
    // The laptop's own caseworker and lists made way for the team's.
    const db = koers.connection.db;
    expect((await db.selectFrom('caseworker').select('id').orderBy('id').execute()).map((c) => c.id)).toEqual([
      'cwA',
      'cwA2',
      'kpA',
    ]);
    expect(koers.settings.get('currentCaseworkerId')).toBe('cwA');
    const info = await ok(koers.call('app.info', {}));
    expect(info.currentCaseworker).toMatchObject({ id: 'cwA' });
    // She works as whom she signed in as: switching to a colleague is refused.
    expect(await koers.call('caseworkers.switchCurrent', { id: 'cwA2' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', details: { reason: 'team_caseworker' } },
    });
    // The screens were told to load again.
    expect(koers.events.some((e) => e.event === 'data.changed')).toBe(true);
    // The refresh token is next to the database, encrypted; never in the settings.
    expect(existsSync(join(koers.folder, SIGN_IN_FILE_NAME))).toBe(true);
    expect(readFileSync(join(koers.folder, 'settings.json'), 'utf8')).not.toMatch(/refresh|token/i);

    // A change goes to the server in the background, without asking.
    await ok(
      koers.call('notes.create', {
        clientId: 'cwA-client',
        kind: 'conversation',
        notedAt: '2026-12-07T09:00',
        body: 'Na het teamoverleg',
      }),
    );
    await ok(koers.call('sync.now', {}));
    await statusWhen(koers, (s) => s.waiting === 0 && !s.syncing);

    // Started again, it goes on from the stored sign-in.
    const again = await koers.restart();
    open.splice(open.indexOf(koers), 1, again);
    await again.context.team.start();
    const resumed = await statusWhen(again, (s) => !s.syncing && s.syncedAt !== null);
    expect(resumed).toMatchObject({ signedIn: true, problem: null, team: { role: 'caseworker' } });
  });

  it('signing out keeps the data and waits; signing in again goes on', async () => {
    const koers = await koersSigningInAs(PEOPLE.colleagueA.subject);
    await ok(koers.call('sync.join', { serverUrl: server.url }));
    const out = await ok(koers.call('sync.signOut', {}));
    expect(out.signedIn).toBe(false);
    expect(existsSync(join(koers.folder, SIGN_IN_FILE_NAME))).toBe(false);
    expect(await clients(koers)).toEqual(['cwA2-client']);
    await ok(koers.call('clients.update', { id: 'cwA2-client', firstName: 'Rosa', lastName: 'Bakker' }));
    const waiting = await statusWhen(koers, (s) => s.problem === 'signed-out' && !s.syncing);
    expect(waiting.waiting).toBe(1);

    const back = await ok(koers.call('sync.signIn', {}));
    expect(back.signedIn).toBe(true);
    await statusWhen(koers, (s) => s.problem === null && s.waiting === 0 && !s.syncing);
  });

  it('leaving removes the team’s data from the laptop, the database file and the sign-in', async () => {
    const koers = await koersSigningInAs(PEOPLE.keyPersonA.subject);
    await ok(koers.call('sync.join', { serverUrl: server.url }));
    expect(await clients(koers)).toEqual(['cwA-client', 'cwA2-client']);
    const name = (
      await koers.connection.db
        .selectFrom('client')
        .select('last_name')
        .where('id', '=', 'cwA2-client')
        .executeTakeFirstOrThrow()
    ).last_name;
    expect(await koers.call('sync.leave', {})).toMatchObject({ ok: false, error: { code: 'validation' } });
    // A translation of a team sheet goes with the sheets (issue 19): leaving must not trip over it.
    const sheet = await ok(koers.call('sheets.createFromStarter', { starter: 'ladder', language: 'nl' }));
    const version = (await ok(koers.call('sheets.publish', { id: sheet.id }))).published!;
    await ok(
      koers.call('sheets.saveTranslation', {
        versionId: version.id,
        language: 'ar',
        indicators: [{ key: version.indicators[0]!.key, name: 'السلم', description: null, levels: [] }],
      }),
    );

    // A sign-in of the command line beside the database goes too.
    const commandLine = join(koers.folder, COMMAND_LINE_SIGN_IN_FILE_NAME);
    writeFileSync(commandLine, 'koers-command-line-sign-in:1\nrefresh', { mode: 0o600 });
    const left = await ok(koers.call('sync.leave', { confirm: true }));
    expect(existsSync(commandLine)).toBe(false);
    expect(left).toMatchObject({ team: null, signedIn: false, waiting: 0 });
    expect(await clients(koers)).toEqual([]);
    expect(await koers.connection.db.selectFrom('caseworker').select('id').execute()).toEqual([]);
    expect(await koers.connection.db.selectFrom('sheet_translation').select('id').execute()).toEqual([]);
    expect(koers.settings.get('currentCaseworkerId')).toBeNull();
    expect(existsSync(join(koers.folder, SIGN_IN_FILE_NAME))).toBe(false);
    const bytes = Buffer.concat(
      [koers.databasePath, `${koers.databasePath}-wal`].filter(existsSync).map((p) => readFileSync(p)),
    );
    expect(bytes.includes(Buffer.from(name))).toBe(false);
    // Alone again: writes queue nothing.
    await setUp(koers);
    expect(await koers.connection.db.selectFrom('sync_outbox').select('seq').execute()).toEqual([]);
  });
});

describe("a client's data exported on request", () => {
  it("a key person's export comes from the team server: colleagues' notes she cannot read here, and the server's log", async () => {
    const koers = await koersSigningInAs(PEOPLE.keyPersonA.subject);
    await ok(koers.call('sync.join', { serverUrl: server.url }));
    // Anna's notes stay Anna's on Kim's laptop (the team's setting)...
    expect(
      await koers.connection.db.selectFrom('note').select('body').where('client_id', '=', 'cwA-client').execute(),
    ).toEqual([]);
    const desktop = koers.desktop as FakeDesktop;
    desktop.saveAs = join(koers.folder, 'gegevens.json');
    expect(await ok(koers.call('privacy.exportClient', { clientId: 'cwA-client' }))).toEqual({ path: desktop.saveAs });
    const file = JSON.parse(readFileSync(desktop.saveAs, 'utf8')) as {
      source: { team: string; server: string };
      records: Record<string, Array<Record<string, unknown>>>;
      teamAudit: Array<{ action: string; clientIds: string[] }>;
      audit: unknown[];
    };
    // ...but the export holds them, from the server, with everything else about her.
    expect(file.source).toEqual({ team: 'Team A', server: server.url });
    expect(file.records.note?.map((n) => n.body)).toEqual(
      expect.arrayContaining(['private words cwA-note', 'private words cwA-household-note']),
    );
    expect(file.records.client?.map((c) => c.id)).toEqual(['cwA-client']);
    expect(file.records.scoring).toHaveLength(1);
    expect(file.teamAudit.some((e) => e.action === 'pull' && e.clientIds.includes('cwA-client'))).toBe(true);
    // The server logged the export itself.
    const { rows } = await sql<{ n: string }>`select count(*) as n from audit_event
      where action = 'access-export' and 'cwA-client' = any(client_ids)`.execute(stack.owner);
    expect(Number(rows[0]?.n)).toBe(1);

    // Only the team's key persons get it: a caseworker is refused, another team's key person finds no such client.
    const ask = (subject: string) =>
      call(server.url, '/v1/access-export', { token: stack.tokens[subject], body: { clientId: 'cwA-client' } });
    expect((await ask(PEOPLE.caseworkerA.subject)).status).toBe(403);
    expect((await ask(PEOPLE.keyPersonB.subject)).status).toBe(404);

    // Signed out, the export is refused with the reason, and nothing is written.
    await ok(koers.call('sync.signOut', {}));
    desktop.saveAs = join(koers.folder, 'niet.json');
    expect(await koers.call('privacy.exportClient', { clientId: 'cwA-client' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', details: { reason: 'access_export_team' } },
    });
    expect(existsSync(desktop.saveAs)).toBe(false);
  });

  it("a caseworker's export is her laptop's own data, as alone", async () => {
    const koers = await koersSigningInAs(PEOPLE.caseworkerA.subject);
    await ok(koers.call('sync.join', { serverUrl: server.url }));
    const desktop = koers.desktop as FakeDesktop;
    desktop.saveAs = join(koers.folder, 'gegevens.json');
    await ok(koers.call('privacy.exportClient', { clientId: 'cwA-client' }));
    const file = JSON.parse(readFileSync(desktop.saveAs, 'utf8')) as {
      source: string;
      records: { notes: Array<{ body: string }> };
    };
    expect(file.source).toBe('this laptop');
    expect(file.records.notes.map((n) => n.body)).toContain('private words cwA-note');
  });
});

describe('a member the key person revokes', () => {
  it('stops syncing and says why, keeps the data and the waiting change until she chooses; taken back, it goes on', async () => {
    const koers = await koersSigningInAs(PEOPLE.caseworkerB.subject);
    await ok(koers.call('sync.join', { serverUrl: server.url }));
    expect(await clients(koers)).toEqual(['cwB-client']);
    const revoke = await call(server.url, `/v1/members/${PEOPLE.caseworkerB.subject}`, {
      method: 'DELETE',
      token: stack.tokens[PEOPLE.keyPersonB.subject],
    });
    expect(revoke.status).toBe(204);

    await ok(koers.call('clients.update', { id: 'cwB-client', firstName: 'Sam', lastName: 'Nielsen' }));
    await ok(koers.call('sync.now', {}));
    const stopped = await statusWhen(koers, (s) => s.problem === 'not-a-member' && !s.syncing);
    // No retries: it waits for her (or the key person), and says so.
    expect(stopped).toMatchObject({ retryAt: null, waiting: 1, signedIn: true, team: { role: 'caseworker' } });
    await ok(koers.call('clients.update', { id: 'cwB-client', firstName: 'Sam', lastName: 'Nielsen-Holm' }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await ok(koers.call('sync.status', {}))).toMatchObject({ problem: 'not-a-member', syncing: false });
    // The data stays on the laptop, as she left it.
    expect(await ok(koers.call('clients.get', { id: 'cwB-client' }))).toMatchObject({ lastName: 'Nielsen-Holm' });

    // The key person takes her back: the next sync sends what waited.
    const back = await call(server.url, '/v1/members', {
      method: 'PUT',
      token: stack.tokens[PEOPLE.keyPersonB.subject],
      body: { subject: PEOPLE.caseworkerB.subject, caseworkerId: 'cwB', role: 'caseworker' },
    });
    expect(back.status).toBe(200);
    await ok(koers.call('sync.now', {}));
    await statusWhen(koers, (s) => s.problem === null && s.waiting === 0 && !s.syncing);
    const { rows } = await sql<{ last_name: string }>`select last_name from client where id = 'cwB-client'`.execute(
      stack.owner,
    );
    expect(rows).toEqual([{ last_name: 'Nielsen-Holm' }]);
  });
});

describe('a join that cannot be made changes nothing', () => {
  const refusedAs = async (koers: TestKoers, serverUrl: string, reason: string) => {
    const answer = await koers.call('sync.join', { serverUrl });
    expect(answer).toMatchObject({ ok: false, error: { code: 'conflict', details: { reason } } });
    expect((await ok(koers.call('sync.status', {}))).team).toBeNull();
  };

  it('refuses a plain-http address elsewhere, an address without a team server, and one nobody answers', async () => {
    const koers = await koersSigningInAs(PEOPLE.caseworkerA.subject);
    await setUp(koers);
    await refusedAs(koers, 'http://koers.example.org', 'team_address');
    await refusedAs(koers, 'not an address', 'team_address');
    await refusedAs(koers, stack.issuer.issuer, 'team_not-a-server');
    const closed = await startServer(stack);
    const closedUrl = closed.url;
    await closed.close();
    await refusedAs(koers, closedUrl, 'team_offline');
    expect(await koers.connection.db.selectFrom('caseworker').select('name').execute()).toHaveLength(1);
  });

  it('refuses someone without an account on the server, with or without clients on the laptop', async () => {
    const stranger = await koersSigningInAs(STRANGER);
    await setUp(stranger);
    await refusedAs(stranger, server.url, 'team_not-a-member');
    expect(existsSync(join(stranger.folder, SIGN_IN_FILE_NAME))).toBe(false);
    await createClient(stranger);
    await refusedAs(stranger, server.url, 'team_not-a-member');
    expect(existsSync(join(stranger.folder, SIGN_IN_FILE_NAME))).toBe(false);
  });

  it('a first pull that fails leaves the laptop as it was, with its own lists', async () => {
    // In front of the server: everything passes but the pull, which fails as a broken server does.
    const gate = createServer(async (request, response) => {
      if (request.url?.startsWith('/v1/pull')) {
        response.writeHead(500, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: 'internal', message: 'The server failed.' }));
        return;
      }
      const body = request.method === 'POST' ? await text(request) : undefined;
      const answer = await fetch(new URL(request.url ?? '/', server.url), {
        method: request.method ?? 'GET',
        headers: Object.fromEntries(
          ['authorization', 'content-type'].flatMap((h) =>
            request.headers[h] ? [[h, String(request.headers[h])]] : [],
          ),
        ),
        ...(body === undefined ? {} : { body }),
      });
      response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
      response.end(await answer.text());
    });
    const port = await listenOnLoopback(gate);
    try {
      const koers = await koersSigningInAs(PEOPLE.caseworkerA.subject);
      await setUp(koers, 'Anna alleen');
      const lists = await ok(koers.call('catalog.list', {}));
      await refusedAs(koers, `http://127.0.0.1:${port}`, 'team_server-error');
      expect(await ok(koers.call('catalog.list', {}))).toEqual(lists);
      const info = await ok(koers.call('app.info', {}));
      expect(info.currentCaseworker?.name).toBe('Anna alleen');
      expect(existsSync(join(koers.folder, SIGN_IN_FILE_NAME))).toBe(false);
      // Alone again: nothing is queued.
      await createClient(koers, { caseworkerId: info.currentCaseworker!.id });
      expect(await koers.connection.db.selectFrom('sync_outbox').select('seq').execute()).toEqual([]);
    } finally {
      await closeServer(gate);
    }
  });

  it('a sign-in cancelled in Koers stops the join', async () => {
    const koers = await koersSigningInAs(PEOPLE.caseworkerA.subject);
    // The browser opens, but the user never signs in; she cancels in Koers.
    (koers.desktop as FakeDesktop).browser = async () => undefined;
    const joining = koers.call('sync.join', { serverUrl: server.url });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await ok(koers.call('sync.cancelSignIn', {}));
    expect(await joining).toMatchObject({ ok: false, error: { details: { reason: 'team_cancelled' } } });
    expect((await ok(koers.call('sync.status', {}))).team).toBeNull();
  });
});
