import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../common/sync/protocol';
import { userTag } from '../../server/http/app';
import { SERVER_SCHEMA } from '../../server/team-server';
import { otherKeyLike, resign, signIn, TEST_CLIENT_ID } from './oidc';
import { PEOPLE } from './rls-seed';
import {
  call,
  captureLog,
  footprint,
  note,
  OTHER_API,
  pushBody,
  putNote,
  type RunningServer,
  startProxy,
  startServer,
  startTeamStack,
  STRANGER,
  type TeamStack,
} from './team-stack';

/**
 * The team server over real HTTP on 127.0.0.1, against PostgreSQL 15 as koers_app, with tokens from a
 * real OpenID provider: refusals (tokens, bodies, schemas, rates, accounts) write nothing and say why
 * in the {error, message} shape; health follows the database; the log names no one; key persons
 * export their team's audit log.
 */

let stack: TeamStack;
let server: RunningServer;
const log = captureLog();
const anna = PEOPLE.caseworkerA;
const lotte = PEOPLE.colleagueA;

beforeAll(async () => {
  stack = await startTeamStack('http');
  server = await startServer(stack, { logger: { level: 'info', stream: log.stream } });
}, 120_000);

afterAll(async () => {
  await server?.close();
  await stack?.close();
});

const device = () => `device-${randomUUID()}`;
const now = () => Math.floor(Date.now() / 1000);
/** Notes written in this file: the log must hold none of their words. */
const NOTE_TEXT = 'Gesprek over schulden bij de woningcorporatie';

async function expectNothingWritten(work: () => Promise<void>): Promise<void> {
  const before = await footprint(stack.owner);
  await work();
  expect(await footprint(stack.owner)).toEqual(before);
}

describe('tokens', () => {
  it('a forged, expired, wrong-audience, wrong-issuer, garbled or missing token: 401, nothing written, the reason logged', async () => {
    const token = stack.tokens[anna.subject] ?? '';
    const key = stack.issuer.signingKey;
    const refused: Record<string, string | undefined> = {
      signature: await resign(token, await otherKeyLike(key)),
      expired: await resign(token, key, { claims: { iat: now() - 3600, exp: now() - 600 } }),
      audience: await signIn({
        issuer: stack.issuer.issuer,
        clientId: TEST_CLIENT_ID,
        subject: anna.subject,
        resource: OTHER_API,
      }),
      issuer: await resign(token, key, { claims: { iss: 'http://127.0.0.1:9/elsewhere' } }),
      malformed: 'not.a.jwt',
      missing: undefined,
    };
    const body = pushBody(device(), 1, [putNote(note('cwA-client', 'cwA', NOTE_TEXT))]);
    await expectNothingWritten(async () => {
      for (const [reason, bad] of Object.entries(refused)) {
        const pushed = await call(server.url, '/v1/push', { token: bad, body });
        expect(pushed.status, reason).toBe(401);
        expect(pushed.body).toEqual({ error: 'unauthorised', message: expect.stringContaining(reason) });
        const pulled = await call(server.url, '/v1/pull', {
          token: bad,
          body: { protocol: 1, schema: SERVER_SCHEMA, deviceId: device(), cookie: null },
        });
        expect(pulled.status, reason).toBe(401);
      }
    });
    const lines = log.text();
    for (const reason of Object.keys(refused)) expect(lines).toContain(`"reason":"${reason}"`);
    for (const bad of Object.values(refused)) if (bad) expect(lines).not.toContain(bad);
    // The real token the bad ones were made from is not logged either.
    expect(lines).not.toContain(token);
  });

  it('a signed-in user without an account: 403, nothing written', async () => {
    const token = stack.tokens[STRANGER];
    await expectNothingWritten(async () => {
      const pushed = await call(server.url, '/v1/push', {
        token,
        body: pushBody(device(), 1, [putNote(note('cwA-client', 'cwA', NOTE_TEXT))]),
      });
      expect(pushed).toMatchObject({ status: 403, body: { error: 'forbidden', message: expect.any(String) } });
      const pulled = await call(server.url, '/v1/pull', {
        token,
        body: { protocol: 1, schema: SERVER_SCHEMA, deviceId: device(), cookie: null },
      });
      expect(pulled.status).toBe(403);
    });
  });
});

describe('bodies', () => {
  const token = () => stack.tokens[anna.subject];
  const good = () => putNote(note('cwA-client', 'cwA', NOTE_TEXT));

  it('malformed JSON, a body off the protocol, an unknown table or column: 400 {error, message}, nothing written', async () => {
    const id = device();
    const bodies: Record<string, unknown> = {
      'broken JSON': '{"protocol": 1, "schema": ',
      'not the protocol': { protocol: 1, schema: SERVER_SCHEMA, deviceId: id },
      'another protocol': { ...pushBody(id, 1, [good()]), protocol: 2 },
      'unknown table': {
        ...pushBody(id, 1, [good()]),
        batches: [{ sequence: 1, changes: [{ ...good(), table: 'secrets' }] }],
      },
      'unknown column': pushBody(id, 1, [{ ...good(), row: { ...good().row, colour: 'red' } }]),
      'row without its key': pushBody(id, 1, [{ ...good(), row: { ...good().row, id: null } }]),
      // A good first batch does not get through with a bad second one.
      'bad second batch': {
        ...pushBody(id, 1, [good()]),
        batches: [
          { sequence: 1, changes: [good()] },
          { sequence: 2, changes: [{ ...good(), row: { ...good().row, colour: 'red' } }] },
        ],
      },
    };
    await expectNothingWritten(async () => {
      for (const [what, body] of Object.entries(bodies)) {
        const answer = await call(server.url, '/v1/push', { token: token(), body });
        expect(answer.status, what).toBe(400);
        expect(answer.body, what).toEqual({ error: 'malformed', message: expect.stringMatching(/\S/) });
      }
    });
    const unknownColumn = await call(server.url, '/v1/push', { token: token(), body: bodies['unknown column'] });
    expect(unknownColumn.body).toMatchObject({ message: expect.stringContaining('colour') });
  });

  it(`a body over ${LIMITS.requestBytes} bytes: 413 too-large, nothing written`, async () => {
    const huge = JSON.stringify(pushBody(device(), 1, [good()])).replace(NOTE_TEXT, 'x'.repeat(LIMITS.requestBytes));
    await expectNothingWritten(async () => {
      const answer = await call(server.url, '/v1/push', { token: token(), body: huge });
      expect(answer).toMatchObject({ status: 413, body: { error: 'too-large', message: expect.any(String) } });
    });
  });

  it('an unknown schema: the update answer (who updates), nothing applied', async () => {
    await expectNothingWritten(async () => {
      for (const [schema, who] of [
        ['0001_caseworker_client', 'app'],
        ['9999_from_the_future', 'server'],
      ] as const) {
        const pushed = await call(server.url, '/v1/push', {
          token: token(),
          body: pushBody(device(), 1, [good()], schema),
        });
        expect(pushed).toMatchObject({ status: 200, body: { kind: 'update', who } });
        const pulled = await call(server.url, '/v1/pull', {
          token: token(),
          body: { protocol: 1, schema, deviceId: device(), cookie: null },
        });
        expect(pulled).toMatchObject({ status: 200, body: { kind: 'update', who } });
      }
    });
  });
});

describe('limits and health', () => {
  it('the rate limit is per user: 429 for the one over it while a colleague still gets through', async () => {
    const limited = await startServer(stack, { logger: false, perMinute: 3 });
    try {
      const pullAs = (subject: string) =>
        call(limited.url, '/v1/pull', {
          token: stack.tokens[subject],
          body: { protocol: 1, schema: SERVER_SCHEMA, deviceId: device(), cookie: null },
        });
      for (let i = 0; i < 3; i += 1) expect((await pullAs(anna.subject)).status).toBe(200);
      const over = await pullAs(anna.subject);
      expect(over).toMatchObject({ status: 429, body: { error: 'too-many', message: expect.any(String) } });
      expect((await pullAs(lotte.subject)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('/health answers 200 with the database up and 503 when it is gone; sync then answers 503 to retry', async () => {
    expect(await call(server.url, '/health')).toMatchObject({
      status: 200,
      body: { status: 'ok', schema: SERVER_SCHEMA },
    });
    // A server whose way to the database can be cut.
    const database = new URL(stack.appUrl);
    const toDatabase = await startProxy(Number(database.port));
    database.port = String(toDatabase.port);
    const cutOff = await startServer(stack, { logger: false }, database.href);
    try {
      expect((await call(cutOff.url, '/health')).status).toBe(200);
      await toDatabase.close();
      const health = await call(cutOff.url, '/health');
      expect(health).toMatchObject({ status: 503, body: { status: 'database unavailable' } });
      const pushed = await call(cutOff.url, '/v1/push', {
        token: stack.tokens[anna.subject],
        body: pushBody(device(), 1, [putNote(note('cwA-client', 'cwA', NOTE_TEXT))]),
      });
      expect(pushed).toMatchObject({ status: 503, body: { error: 'unavailable', message: expect.any(String) } });
      expect(pushed.headers.get('retry-after')).toBe('5');
    } finally {
      await cutOff.close();
    }
  });
});

describe('audit export', () => {
  const range = (from: Date, to: Date) =>
    `/v1/audit?${new URLSearchParams({ from: from.toISOString(), to: to.toISOString() })}`;

  it('a key person gets her team’s pushes and pulls — who, device, clients, counts, outcome, no content; a caseworker gets 403', async () => {
    const from = new Date(Date.now() - 1000);
    const annasDevice = device();
    const written = note('cwA-client', 'cwA', NOTE_TEXT);
    const pushed = await call(server.url, '/v1/push', {
      token: stack.tokens[anna.subject],
      body: pushBody(annasDevice, 1, [putNote(written)]),
    });
    expect(pushed).toMatchObject({ status: 200, body: { kind: 'applied', changes: 1 } });
    // Another team's work stays out of team A's export.
    const bDevice = device();
    await call(server.url, '/v1/push', {
      token: stack.tokens[PEOPLE.caseworkerB.subject],
      body: pushBody(bDevice, 1, [putNote(note('cwB-client', 'cwB', NOTE_TEXT))]),
    });
    const to = new Date(Date.now() + 60_000);

    const exported = await call(server.url, range(from, to), { token: stack.tokens[PEOPLE.keyPersonA.subject] });
    expect(exported.status).toBe(200);
    const { events, more } = exported.body as { events: Record<string, unknown>[]; more: boolean };
    expect(more).toBe(false);
    expect(events.filter((e) => e.device === annasDevice)).toEqual([
      {
        id: expect.any(String),
        at: expect.any(String),
        user: userTag(anna.subject),
        caseworkerId: 'cwA',
        device: annasDevice,
        action: 'push',
        clientIds: ['cwA-client'],
        counts: { changes: 1, rejected: 0, conflicts: 0, sequence: 1 },
        outcome: 'applied',
      },
    ]);
    const text = JSON.stringify(exported.body);
    expect(text).not.toContain(bDevice);
    expect(text).not.toContain(NOTE_TEXT);
    expect(text).not.toContain(`"${anna.subject}"`);
    // The export is itself in the log.
    const exports = await sql<{ n: string }>`
      select count(*) as n from audit_event where action = 'export' and caseworker_id = 'kpA'`.execute(stack.owner);
    expect(Number(exports.rows[0]?.n)).toBe(1);

    // Key person B sees B's push, not A's.
    const other = await call(server.url, range(from, to), { token: stack.tokens[PEOPLE.keyPersonB.subject] });
    expect(JSON.stringify(other.body)).toContain(bDevice);
    expect(JSON.stringify(other.body)).not.toContain(annasDevice);
  });

  it('a caseworker, a stranger or a bad period is refused and nothing is written', async () => {
    const period = range(new Date(Date.now() - 60_000), new Date(Date.now() + 60_000));
    await expectNothingWritten(async () => {
      expect(await call(server.url, period, { token: stack.tokens[anna.subject] })).toMatchObject({
        status: 403,
        body: { error: 'forbidden', message: expect.stringContaining('key person') },
      });
      expect((await call(server.url, period, { token: stack.tokens[STRANGER] })).status).toBe(403);
      expect((await call(server.url, period)).status).toBe(401);
      const keyPerson = stack.tokens[PEOPLE.keyPersonA.subject];
      for (const bad of [
        '/v1/audit',
        '/v1/audit?from=yesterday&to=today',
        range(new Date(), new Date(Date.now() - 1000)),
      ])
        expect(await call(server.url, bad, { token: keyPerson })).toMatchObject({
          status: 400,
          body: { error: 'malformed' },
        });
    });
  });
});

describe('the log', () => {
  it('names no one: no subject, no client names or ids, no note text — only hashed users', async () => {
    // A key person's pull carries every name of the team through the server.
    const pulled = await call(server.url, '/v1/pull', {
      token: stack.tokens[PEOPLE.keyPersonA.subject],
      body: { protocol: 1, schema: SERVER_SCHEMA, deviceId: device(), cookie: null },
    });
    expect(JSON.stringify(pulled.body)).toContain('Sam');
    const lines = log.text();
    expect(lines).toContain(userTag(anna.subject));
    expect(lines).toContain('"route":"/v1/push"');
    // One line per request, when answered: route, status, time, hashed user.
    expect(lines).not.toContain('incoming request');
    expect(lines).toMatch(
      /"user":"[0-9a-f]{12}".*"req":\{"method":"POST","route":"\/v1\/pull"\},"res":\{"status":200\},"ms":\d+,"msg":"answered"/,
    );
    const personal = [
      ...Object.values(PEOPLE).flatMap((p) => [p.subject, p.caseworker]),
      STRANGER,
      'Sam',
      'private words',
      'earlier words',
      NOTE_TEXT,
    ];
    for (const words of personal) expect(lines, words).not.toContain(words);
  });
});
