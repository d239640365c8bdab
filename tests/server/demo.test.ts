import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, pullAnswer, pushAnswer, type PullAnswer, type SyncedRow } from '../../common/sync/protocol';
import { asUser } from '../../server/db/identity';
import { migrateServer } from '../../server/db/migrate';
import { openPglite } from '../../server/db/pglite';
import { UnsafeRoleError } from '../../server/db/role-check';
import { APP_ROLE } from '../../server/db/security';
import { type Demo, demoBanner, DemoNotOnLoopback, startDemo } from '../../server/demo/demo';
import { DEMO_CLIENT_ID } from '../../server/demo/sign-in';
import { createTokenVerifier } from '../../server/identity/verify';
import { createDemoTeamServerSwitchingRole, createTeamServer, SERVER_SCHEMA } from '../../server/team-server';
import { signIn } from './oidc';

/**
 * `team-server demo` end to end over loopback: the real sign-in page, push and pull over HTTP, and
 * the team's policies binding every request although PGlite itself runs as a superuser.
 */

let demo: Demo;

beforeAll(async () => {
  demo = await startDemo();
}, 60_000);

afterAll(async () => {
  await demo?.close();
});

const TIMEOUT_MS = 10_000;

function person(name: string) {
  const found = demo.users.find((user) => user.name.startsWith(name));
  if (!found) throw new Error(`no demo user ${name}`);
  return found;
}

async function post(path: string, token: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${demo.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  expect(response.status).toBe(200);
  return response.json();
}

async function pullAll(token: string, deviceId: string): Promise<Extract<PullAnswer, { kind: 'changes' }>> {
  const answer = pullAnswer.parse(
    await post('/v1/pull', token, { protocol: PROTOCOL_VERSION, schema: SERVER_SCHEMA, deviceId, cookie: null }),
  );
  if (answer.kind !== 'changes') throw new Error(`pull answered ${answer.kind}`);
  expect(answer.more).toBe(false);
  return answer;
}

const idsOf = (answer: Extract<PullAnswer, { kind: 'changes' }>, table: string) =>
  answer.rows.filter((r) => r.table === table).map((r) => r.row.id);

describe('team-server demo', () => {
  it('answers /health on loopback', async () => {
    expect(new URL(demo.url).hostname).toBe('127.0.0.1');
    const response = await fetch(`${demo.url}/health`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', schema: SERVER_SCHEMA });
  });

  it('prints a banner that it is a demo, with where to find it and who to sign in as', () => {
    const english = demoBanner(demo, 'en');
    expect(english).toContain('DEMO, not for real data');
    for (const text of [demo.url, demo.issuer, demo.audience, 'Anneke de Vries (Key person)', 'Sanne Bakker'])
      expect(english).toContain(text);
    expect(demoBanner(demo, 'nl')).toContain('niet voor echte gegevens');
    expect(demoBanner(demo, 'da')).toContain('ikke til rigtige data');
  });

  it('lets a made-up caseworker sign in, push a note on her client and pull it back; the policies keep it hers', async () => {
    const sanne = person('Sanne');
    const pages: string[] = [];
    const token = await signIn({
      issuer: demo.issuer,
      clientId: DEMO_CLIENT_ID,
      subject: sanne.subject,
      onPage: (html) => pages.push(html),
    });
    expect(pages[0]).toContain('Demo — not for real data');
    for (const user of demo.users) expect(pages[0]).toContain(user.name);

    const now = new Date().toISOString();
    const tracked = { created_at: now, updated_at: now, updated_by: sanne.caseworkerId, deleted_at: null };
    const clientId = crypto.randomUUID();
    const noteId = crypto.randomUUID();
    const body = 'Huisbezoek: afspraken over het budget gemaakt.';
    const client: SyncedRow = {
      id: clientId,
      reference: null,
      first_name: 'Fenna',
      last_name: 'Mulder',
      pseudonym: null,
      caseworker_id: sanne.caseworkerId,
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
      ...tracked,
    };
    const note: SyncedRow = {
      id: noteId,
      client_id: clientId,
      household_id: null,
      kind: 'home_visit',
      noted_at: now.slice(0, 16),
      body,
      author_id: sanne.caseworkerId,
      pinned: 0,
      ...tracked,
    };
    const pushed = pushAnswer.parse(
      await post('/v1/push', token, {
        protocol: PROTOCOL_VERSION,
        schema: SERVER_SCHEMA,
        deviceId: 'sanne-laptop-1',
        batches: [
          {
            sequence: 1,
            changes: [
              { table: 'client', op: 'put', row: client, baseVersion: null },
              { table: 'note', op: 'put', row: note, baseVersion: null },
            ],
          },
        ],
      }),
    );
    expect(pushed).toEqual({ kind: 'applied', lastSequence: 1, changes: 2, rejected: 0, conflicts: 0 });

    // Her other laptop gets the note back, and the team's people and lists with it.
    const hers = await pullAll(token, 'sanne-laptop-2');
    expect(hers.rows.find((r) => r.table === 'note' && r.row.id === noteId)?.row.body).toBe(body);
    expect(idsOf(hers, 'client')).toEqual([clientId]);
    expect(idsOf(hers, 'caseworker')).toHaveLength(demo.users.length);
    expect(idsOf(hers, 'catalog_item').length).toBeGreaterThanOrEqual(3 + 8 + 4);

    // A colleague sees the team but not Sanne's client or note.
    const mette = await signIn({ issuer: demo.issuer, clientId: DEMO_CLIENT_ID, subject: person('Mette').subject });
    const theirs = await pullAll(mette, 'mette-laptop-1');
    expect(idsOf(theirs, 'caseworker')).toHaveLength(demo.users.length);
    expect(idsOf(theirs, 'client')).toEqual([]);
    expect(idsOf(theirs, 'note')).toEqual([]);
    expect(JSON.stringify(theirs)).not.toContain(body);

    // The key person sees the client, but not the case note (the team has not allowed that).
    const anneke = await signIn({ issuer: demo.issuer, clientId: DEMO_CLIENT_ID, subject: person('Anneke').subject });
    const keyPersons = await pullAll(anneke, 'anneke-laptop-1');
    expect(idsOf(keyPersons, 'client')).toEqual([clientId]);
    expect(idsOf(keyPersons, 'note')).toEqual([]);
  });

  it('refuses a request without a valid token', async () => {
    const response = await fetch(`${demo.url}/v1/pull`, {
      method: 'POST',
      headers: { authorization: 'Bearer not.a.token', 'content-type': 'application/json' },
      body: JSON.stringify({ protocol: PROTOCOL_VERSION, schema: SERVER_SCHEMA, deviceId: 'nobody-1', cookie: null }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    expect(response.status).toBe(401);
  });

  it('refuses to listen anywhere but 127.0.0.1', async () => {
    for (const host of ['0.0.0.0', '::', 'localhost', '192.168.1.20'])
      await expect(startDemo({ host })).rejects.toThrow(DemoNotOnLoopback);
    await expect(startDemo({ host: '0.0.0.0' })).rejects.toThrow(/only listens on 127\.0\.0\.1/);
  });
});

describe('the demo database (PGlite, a superuser connection)', () => {
  const verify = createTokenVerifier({ issuer: 'http://127.0.0.1:9', audience: 'api://koers-team-server' });

  it('is refused by the real start-up path, and accepted only with every request switched to koers_app', async () => {
    const db = await openPglite();
    try {
      await migrateServer(db);
      await expect(createTeamServer(db, verify, { logger: false })).rejects.toThrow(UnsafeRoleError);
      await expect(createTeamServer(db, verify, { logger: false })).rejects.toThrow(/superuser/);
      // Switched, a transaction is bound by the policies: without an account it sees no team.
      await db.insertInto('team').values({ name: 'Demo' }).execute();
      const seen = await asUser(
        db,
        'nobody',
        async (trx) => ({
          me: (await sql<{ me: string }>`select current_user as me`.execute(trx)).rows[0]?.me,
          teams: await trx.selectFrom('team').select('id').execute(),
        }),
        { role: APP_ROLE },
      );
      expect(seen).toEqual({ me: APP_ROLE, teams: [] });
      // The switch ends with the transaction.
      expect((await sql<{ me: string }>`select current_user as me`.execute(db)).rows[0]?.me).not.toBe(APP_ROLE);
      const http = await createDemoTeamServerSwitchingRole(db, verify, { logger: false });
      await http.close();
    } finally {
      await db.destroy();
    }
  }, 60_000);

  it('refuses the demo server when koers_app could bypass the policies', async () => {
    const db = await openPglite();
    try {
      await migrateServer(db);
      await sql`ALTER ROLE koers_app BYPASSRLS`.execute(db);
      await expect(createDemoTeamServerSwitchingRole(db, verify, { logger: false })).rejects.toThrow(
        /it has BYPASSRLS/,
      );
    } finally {
      await db.destroy();
    }
  }, 60_000);
});
