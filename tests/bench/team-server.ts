import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Change, Cookie, PullAnswer, PushAnswer, SyncedRow } from '../../common/sync/protocol';
import { SERVER_SCHEMA } from '../../server/team-server';
import { signIn, startTestIssuer, type TestIssuer, TEST_CLIENT_ID } from '../server/oidc';
import { freeLoopbackPort } from '../server/postgres';

/**
 * The team server as IT runs it (`team-server start`), in its own process on 127.0.0.1, so its
 * memory can be measured; a real OpenID provider on loopback that signs in the made-up users; and
 * laptops that push and pull over HTTP with the tokens it issues (the server checks them for real).
 */

const root = resolve(import.meta.dirname, '../..');
const AUDIENCE = 'https://team.koers.example';
const START_TIMEOUT_MS = 60_000;
const REQUEST_TIMEOUT_MS = 30_000;
/** Each laptop keeps its connection to the server open between requests. */
const LAPTOP_AGENT = new Agent({ keepAlive: true, maxSockets: 256 });

export interface BenchServer {
  url: string;
  issuer: TestIssuer;
  /** An access token for each subject, from the provider's code flow. */
  tokens: Map<string, string>;
  /** The server process's high-water mark of resident memory so far (MB). */
  peakRssMb(): number;
  close(): Promise<void>;
}

/** Starts the provider (knowing `subjects`), signs them in, and starts the server on `databaseUrl` (koers_app). */
export async function startBenchServer(databaseUrl: string, subjects: readonly string[]): Promise<BenchServer> {
  const issuer = await startTestIssuer({
    audiences: [AUDIENCE],
    users: Object.fromEntries(subjects.map((s) => [s, {}])),
  });
  const logs = mkdtempSync(join(tmpdir(), 'koers-bench-server-'));
  let child: ChildProcess | null = null;
  const close = async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((done) => child?.once('exit', done));
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(10_000)]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    await issuer.close();
    rmSync(logs, { recursive: true, force: true });
  };
  try {
    const tokens = new Map<string, string>();
    for (const subject of subjects)
      tokens.set(
        subject,
        await signIn({ issuer: issuer.issuer, clientId: TEST_CLIENT_ID, subject, resource: AUDIENCE }),
      );

    const port = await freeLoopbackPort();
    // Its request log goes to a file, as it would to a log collector; nobody reads it during the run.
    const log = openSync(join(logs, 'server.log'), 'a');
    child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(root, 'server/cli.ts'),
        'start',
        '--database',
        databaseUrl,
        '--issuer',
        issuer.issuer,
        '--audience',
        AUDIENCE,
        '--host',
        '127.0.0.1',
        '--port',
        String(port),
        // The per-user limit is for runaway laptops; the load test is many requests per user on purpose.
        '--per-minute',
        '10000000',
      ],
      { cwd: root, stdio: ['ignore', log, log] },
    );
    closeSync(log);
    const pid = child.pid;
    const url = `http://127.0.0.1:${port}`;
    await waitUntilHealthy(url, child, join(logs, 'server.log'));
    return {
      url,
      issuer,
      tokens,
      peakRssMb() {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
        return Math.round(kb / 102.4) / 10;
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

async function waitUntilHealthy(url: string, child: ChildProcess, logFile: string): Promise<void> {
  const until = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < until) {
    if (child.exitCode !== null)
      throw new Error(`The team server stopped (${child.exitCode}): ${readFileSync(logFile, 'utf8')}`);
    const ok = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await sleep(200);
  }
  throw new Error(`The team server did not answer within ${START_TIMEOUT_MS} ms`);
}

export type Changes = Extract<PullAnswer, { kind: 'changes' }>;

export interface PullResult {
  rows: number;
  bytes: number;
  pages: number;
  /** Keys of the note rows received, in order (for the loss and duplicate checks). */
  noteIds: string[];
}

/** One person's laptop: a device id, its batch numbering and its cookie. */
export class Laptop {
  readonly deviceId = `bench-${randomUUID()}`;
  sequence = 0;

  constructor(
    private readonly url: string,
    private readonly token: string,
    public cookie: Cookie | null = null,
  ) {}

  async push(changes: Change[]): Promise<PushAnswer> {
    const sequence = this.sequence + 1;
    const answer = (await this.post('/v1/push', {
      protocol: 1,
      schema: SERVER_SCHEMA,
      deviceId: this.deviceId,
      batches: [{ sequence, changes }],
    })) as { value: PushAnswer };
    if (answer.value.kind !== 'applied') throw new Error(`push answered ${answer.value.kind}`);
    this.sequence = sequence;
    return answer.value;
  }

  /** Pulls page after page until the server has nothing more. */
  async pullAll(): Promise<PullResult> {
    const result: PullResult = { rows: 0, bytes: 0, pages: 0, noteIds: [] };
    for (let page = 0; page < 1_000; page++) {
      const { value, bytes } = (await this.post('/v1/pull', {
        protocol: 1,
        schema: SERVER_SCHEMA,
        deviceId: this.deviceId,
        cookie: this.cookie,
      })) as { value: PullAnswer; bytes: number };
      if (value.kind !== 'changes') throw new Error(`pull answered ${value.kind}`);
      result.pages += 1;
      result.bytes += bytes;
      result.rows += value.rows.length;
      for (const { table, row } of value.rows) if (table === 'note') result.noteIds.push(String(row.id));
      this.cookie = value.cookie;
      if (!value.more) return result;
    }
    throw new Error('pull did not end within 1,000 pages');
  }

  /**
   * Over node:http with a kept-alive connection, as a laptop keeps one: the simulated laptops share the
   * server's two cores, and fetch costs them about twice the CPU of a plain request.
   */
  private post(path: string, body: unknown): Promise<{ value: unknown; bytes: number }> {
    const payload = JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const request = httpRequest(
        `${this.url}${path}`,
        {
          method: 'POST',
          agent: LAPTOP_AGENT,
          timeout: REQUEST_TIMEOUT_MS,
          headers: {
            authorization: `Bearer ${this.token}`,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(payload),
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            if (response.statusCode !== 200)
              reject(new Error(`${path}: HTTP ${response.statusCode} ${text.slice(0, 200)}`));
            else resolve({ value: JSON.parse(text) as unknown, bytes: Buffer.byteLength(text) });
          });
        },
      );
      request.on('timeout', () => request.destroy(new Error(`${path}: no answer within ${REQUEST_TIMEOUT_MS} ms`)));
      request.on('error', reject);
      request.end(payload);
    });
  }
}

/** A new case note on `client` by `author`, as the app pushes it. */
export function newNote(client: string, author: string, body: string): Change {
  const now = new Date().toISOString();
  const row: SyncedRow = {
    id: randomUUID(),
    client_id: client,
    household_id: null,
    kind: 'phone_call',
    noted_at: now.slice(0, 16),
    body,
    author_id: author,
    pinned: 0,
    created_at: now,
    updated_at: now,
    updated_by: author,
    deleted_at: null,
  };
  return { table: 'note', op: 'put', row, baseVersion: null };
}
