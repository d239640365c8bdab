import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type RawBuilder, sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SyncedRow } from '../../common/sync/protocol';
import { SERVER_SCHEMA } from '../../server/team-server';
import { PEOPLE, type Person } from './rls-seed';
import {
  AUDIENCE,
  type Answer,
  call,
  note,
  type Proxy,
  pushBody,
  putNote,
  type RunningServer,
  startProxy,
  startServer,
  startTeamStack,
  type TeamStack,
} from './team-stack';

/**
 * Faults between a laptop and the team server, over real HTTP on 127.0.0.1 against PostgreSQL 15:
 * an answer lost after the commit, the server killed after the commit, PostgreSQL restarted under a
 * running server, two laptops of one team pushing at once. Every wait and retry is bounded.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const START_TIMEOUT_MS = 30_000;
const RETRIES = 40;
const RETRY_PAUSE_MS = 250;

let stack: TeamStack;
let server: RunningServer;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  stack = await startTeamStack('faults');
  server = await startServer(stack);
}, 120_000);

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

afterAll(async () => {
  await server?.close();
  await stack?.close();
});

/** A laptop over HTTP: one person, one device, numbered batches of one note each. */
function laptop(person: Person, base: () => string) {
  const deviceId = `device-${randomUUID()}`;
  const token = () => stack.tokens[person.subject];
  return {
    deviceId,
    /** One attempt; a dropped connection comes back as status 0. */
    async push(sequence: number, row: SyncedRow): Promise<Answer> {
      return call(base(), '/v1/push', { token: token(), body: pushBody(deviceId, sequence, [putNote(row)]) }).catch(
        (error: unknown) => ({ status: 0, headers: new Headers(), body: String(error) }),
      );
    },
    /** Retries the same batch, as the app's queue does, until an answer comes (bounded). */
    async pushUntilAnswered(sequence: number, row: SyncedRow): Promise<{ answer: Answer; failed: number[] }> {
      const failed: number[] = [];
      for (let attempt = 0; attempt < RETRIES; attempt += 1) {
        const answer = await this.push(sequence, row);
        if (answer.status === 200) return { answer, failed };
        failed.push(answer.status);
        await sleep(RETRY_PAUSE_MS);
      }
      throw new Error(`no answer after ${RETRIES} attempts: ${failed.join(', ')}`);
    },
    pull: () =>
      call(base(), '/v1/pull', {
        token: token(),
        body: { protocol: 1, schema: SERVER_SCHEMA, deviceId, cookie: null },
      }),
  };
}

/** What PostgreSQL holds of one device's work, read as the owner. */
async function stored(deviceId: string, noteId: unknown) {
  const one = async (query: RawBuilder<{ n: string | null }>) =>
    Number((await query.execute(stack.owner)).rows[0]?.n ?? 0);
  return {
    notes: await one(sql`select count(*) as n from note where id = ${noteId}`),
    lastSequence: await one(sql`select max(last_sequence) as n from device where id = ${deviceId}`),
    pushes: await one(sql`select count(*) as n from audit_event where device = ${deviceId} and action = 'push'`),
  };
}

async function withProxy(target: number): Promise<Proxy> {
  const proxy = await startProxy(target);
  cleanups.push(() => proxy.close());
  return proxy;
}

describe('the answer lost after the commit', () => {
  it('the connection drops before the answer arrives; the laptop’s retry of the same batch is applied once', async () => {
    const proxy = await withProxy(server.port);
    const anna = laptop(PEOPLE.caseworkerA, () => `http://127.0.0.1:${proxy.port}`);
    const written = note('cwA-client', 'cwA', 'verloren antwoord');
    proxy.cutNextResponse();
    expect((await anna.push(1, written)).status).toBe(0);
    // Committed although the laptop never heard so.
    expect(await stored(anna.deviceId, written.id)).toEqual({ notes: 1, lastSequence: 1, pushes: 1 });

    const { answer, failed } = await anna.pushUntilAnswered(1, written);
    expect(failed).toEqual([]);
    expect(answer.body).toEqual({ kind: 'applied', lastSequence: 1, changes: 0, rejected: 0, conflicts: 0 });
    expect(await stored(anna.deviceId, written.id)).toEqual({ notes: 1, lastSequence: 1, pushes: 1 });
    // The queue goes on from there.
    const next = note('cwA-client', 'cwA', 'daarna');
    expect((await anna.push(2, next)).body).toMatchObject({ kind: 'applied', lastSequence: 2, changes: 1 });
  });
});

/** `team-server start` as its own process group (tsx runs node as a child), on a free port. */
async function startServerProcess(): Promise<{ port: number; kill(): Promise<void> }> {
  const child = spawn(
    TSX,
    [
      'server/cli.ts',
      'start',
      '--database',
      stack.appUrl,
      '--issuer',
      stack.issuer.issuer,
      '--audience',
      AUDIENCE,
      '--port',
      '0',
    ],
    { cwd: ROOT, env: { ...process.env, LANG: 'en' }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const kill = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    process.kill(-(child.pid ?? 0), 'SIGKILL');
    await exited;
  };
  cleanups.push(kill);
  const port = await listeningPort(child);
  return { port, kill };
}

function listeningPort(child: ChildProcess): Promise<number> {
  let output = '';
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`the server did not start: ${output}`)), START_TIMEOUT_MS);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (found) {
        clearTimeout(timer);
        done(Number(found[1]));
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`the server stopped (${code}): ${output}`));
    });
  });
}

describe('the server killed after the commit', () => {
  it(
    'kill -9 as the answer leaves; started again, the laptop’s retry is applied once',
    { timeout: 90_000 },
    async () => {
      const first = await startServerProcess();
      const proxy = await withProxy(first.port);
      const lotte = laptop(PEOPLE.colleagueA, () => `http://127.0.0.1:${proxy.port}`);
      const written = note('cwA2-client', 'cwA2', 'net voor de crash');
      let killed: Promise<void> = Promise.resolve();
      // The first bytes of the answer mean the batch is committed: the process dies right there.
      proxy.cutNextResponse(() => {
        killed = first.kill();
      });
      expect((await lotte.push(1, written)).status).toBe(0);
      await killed;
      expect(await stored(lotte.deviceId, written.id)).toEqual({ notes: 1, lastSequence: 1, pushes: 1 });
      // Nothing answers while it is down.
      expect((await lotte.push(1, written)).status).not.toBe(200);

      const second = await startServerProcess();
      proxy.target = second.port;
      const { answer } = await lotte.pushUntilAnswered(1, written);
      expect(answer.body).toEqual({ kind: 'applied', lastSequence: 1, changes: 0, rejected: 0, conflicts: 0 });
      expect(await stored(lotte.deviceId, written.id)).toEqual({ notes: 1, lastSequence: 1, pushes: 1 });
      const pulled = await lotte.pull();
      expect(pulled.body).toMatchObject({ kind: 'changes', lastSequence: 1 });
      expect(JSON.stringify(pulled.body)).toContain(String(written.id));
    },
  );
});

describe('PostgreSQL restarted during a run', () => {
  it(
    'requests while it is down get 503 to retry; afterwards the same server answers again',
    { timeout: 90_000 },
    async () => {
      const anna = laptop(PEOPLE.caseworkerA, () => server.url);
      const before = note('cwA-client', 'cwA', 'voor de herstart');
      expect((await anna.push(1, before)).status).toBe(200);
      const during = note('cwA-client', 'cwA', 'tijdens de herstart');
      await stack.postgres.restart(async () => {
        const pushed = await anna.push(2, during);
        expect(pushed).toMatchObject({ status: 503, body: { error: 'unavailable', message: expect.any(String) } });
        expect(pushed.headers.get('retry-after')).toBe('5');
        expect((await anna.pull()).status).toBe(503);
        expect((await call(server.url, '/health')).status).toBe(503);
      });
      const { answer, failed } = await anna.pushUntilAnswered(2, during);
      // A pooled connection cut by the restart may cost a retry, never a different answer.
      expect(failed.every((status) => status === 503)).toBe(true);
      expect(answer.body).toMatchObject({ kind: 'applied', lastSequence: 2, changes: 1 });
      expect(await stored(anna.deviceId, during.id)).toEqual({ notes: 1, lastSequence: 2, pushes: 2 });
      expect((await anna.pull()).status).toBe(200);
      expect((await call(server.url, '/health')).status).toBe(200);
    },
  );
});

describe('two laptops of one team pushing at once', () => {
  it('both applied, versions strictly increasing, nothing lost', async () => {
    const BATCHES = 15;
    const pushAll = async (person: Person, client: string) => {
      const machine = laptop(person, () => server.url);
      const notes = Array.from({ length: BATCHES }, (_, i) =>
        note(client, person.caseworker, `${person.caseworker} ${i}`),
      );
      for (const [i, row] of notes.entries()) {
        const answer = await machine.push(i + 1, row);
        expect(answer.body).toMatchObject({ kind: 'applied', lastSequence: i + 1, changes: 1, rejected: 0 });
      }
      return { deviceId: machine.deviceId, ids: notes.map((n) => String(n.id)) };
    };
    const pushed = await Promise.all([
      pushAll(PEOPLE.caseworkerA, 'cwA-client'),
      pushAll(PEOPLE.colleagueA, 'cwA2-client'),
    ]);

    const all = pushed.flatMap((p) => p.ids);
    const versions = await sql<{ id: string; row_version: number }>`
      select id, row_version from note where id = any(${all})`.execute(stack.owner);
    expect(versions.rows).toHaveLength(2 * BATCHES);
    const versionOf = new Map(versions.rows.map((r) => [r.id, Number(r.row_version)]));
    expect(new Set(versionOf.values()).size).toBe(2 * BATCHES);
    for (const { ids, deviceId } of pushed) {
      const mine = ids.map((id) => versionOf.get(id) ?? 0);
      expect(mine).toEqual([...mine].sort((a, b) => a - b));
      const device = await sql<{
        last_sequence: number;
      }>`select last_sequence from device where id = ${deviceId}`.execute(stack.owner);
      expect(Number(device.rows[0]?.last_sequence)).toBe(BATCHES);
    }
    const counter = await sql<{
      row_counter: number;
    }>`select row_counter from team where id = ${stack.seed.teams.A}`.execute(stack.owner);
    expect(Number(counter.rows[0]?.row_counter)).toBeGreaterThanOrEqual(Math.max(...versionOf.values()));
  });
});
