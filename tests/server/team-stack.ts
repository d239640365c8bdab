import { randomUUID } from 'node:crypto';
import { createServer, Socket } from 'node:net';
import { Writable } from 'node:stream';
import { type Kysely, sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { Change, SyncedRow } from '../../common/sync/protocol';
import { SYNCED_TABLES } from '../../common/sync/tables';
import { connect } from '../../server/db/connect';
import { migrateDatabase } from '../../server/db/migrate';
import type { ServerDatabase } from '../../server/db/schema';
import { APP_ROLE } from '../../server/db/security';
import type { HttpOptions } from '../../server/http/app';
import { createTokenVerifier } from '../../server/identity/verify';
import { createTeamServer, SERVER_SCHEMA } from '../../server/team-server';
import { freshDatabase } from './databases';
import { TEST_CLIENT_ID, signIn, startTestIssuer, type TestIssuer } from './oidc';
import { startPostgres, type TestPostgres } from './postgres';
import { PEOPLE, seedTeams, type Seed } from './rls-seed';

/**
 * The whole team server for HTTP and fault tests: a throwaway PostgreSQL 15 cluster, migrated and
 * seeded (rls-seed.ts) as the owner; a real OpenID provider on loopback; a token per seeded person
 * and for `stranger`, who can sign in but has no account.
 */

export const AUDIENCE = 'https://koers.test/api';
export const OTHER_API = 'https://other.test/api';
export const STRANGER = 'stranger';
/** Every HTTP request of a test gets this long. */
const REQUEST_TIMEOUT_MS = 10_000;

export interface TeamStack {
  postgres: TestPostgres;
  /** The database as its owner (sees everything: for counting what was written). */
  owner: Kysely<ServerDatabase>;
  /** The owner's URL (what IT's commands such as add-team connect with). */
  ownerUrl: string;
  /** The application role's URL (what the server connects with). */
  appUrl: string;
  issuer: TestIssuer;
  seed: Seed;
  /** An access token for the team server, by subject. */
  tokens: Record<string, string>;
  close(): Promise<void>;
}

/** `subjects`: people the provider signs in besides the seeded ones (members of teams a test adds). */
export async function startTeamStack(name: string, subjects: readonly string[] = []): Promise<TeamStack> {
  const postgres = await startPostgres();
  const ownerUrl = await freshDatabase(postgres, name);
  await migrateDatabase(ownerUrl);
  const owner = connect(ownerUrl);
  const seed = await seedTeams(owner);
  // The seed wrote every row at version 1.
  await sql`update team set row_counter = 1`.execute(owner);
  const seeded = [...Object.values(PEOPLE).map((p) => p.subject), STRANGER];
  const issuer = await startTestIssuer({
    audiences: [AUDIENCE, OTHER_API],
    users: Object.fromEntries([...seeded, ...subjects].map((s) => [s, {}])),
  });
  const tokens: Record<string, string> = {};
  for (const subject of [...seeded, ...subjects])
    tokens[subject] = await signIn({ issuer: issuer.issuer, clientId: TEST_CLIENT_ID, subject, resource: AUDIENCE });
  return {
    postgres,
    owner,
    ownerUrl,
    appUrl: postgres.url(APP_ROLE, name),
    issuer,
    seed,
    tokens,
    async close() {
      await owner.destroy();
      await issuer.close();
      await postgres.stop();
    },
  };
}

export interface RunningServer {
  http: FastifyInstance;
  url: string;
  port: number;
  close(): Promise<void>;
}

/** createTeamServer over its own pool as koers_app on `databaseUrl`, listening on 127.0.0.1. */
export async function startServer(
  stack: TeamStack,
  options: HttpOptions = { logger: false },
  databaseUrl = stack.appUrl,
): Promise<RunningServer> {
  const db = connect(databaseUrl);
  const http = await createTeamServer(
    db,
    createTokenVerifier({ issuer: stack.issuer.issuer, audience: AUDIENCE }),
    // Laptops sign in where the server says: the test issuer, for this API.
    {
      signIn: {
        issuer: stack.issuer.issuer,
        clientId: TEST_CLIENT_ID,
        scope: 'openid offline_access sync',
        resource: AUDIENCE,
      },
      ...options,
    },
  );
  const url = await http.listen({ host: '127.0.0.1', port: 0 });
  return {
    http,
    url,
    port: Number(new URL(url).port),
    async close() {
      await http.close();
      await db.destroy();
    },
  };
}

/** A log stream for pino that keeps every line. */
export function captureLog(): { stream: Writable; text(): string } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { stream, text: () => lines.join('') };
}

export interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

/** One HTTP request; `body` as JSON, or a string sent as it is (still labelled JSON). */
export async function call(
  base: string,
  path: string,
  options: { token?: string | undefined; body?: unknown; method?: string } = {},
): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(new URL(path, base), {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    headers,
    ...(options.body === undefined
      ? {}
      : { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) }),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: kept as text for the assertion to show.
  }
  return { status: response.status, headers: response.headers, body };
}

/** A new note on `client` by `author`, as a laptop writes it. */
export function note(client: string, author: string, body: string): SyncedRow {
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

export function pushBody(deviceId: string, sequence: number, changes: Change[], schema = SERVER_SCHEMA) {
  return { protocol: 1, schema, deviceId, batches: [{ sequence, changes }] };
}

export const putNote = (row: SyncedRow): Change => ({ table: 'note', op: 'put', row, baseVersion: null });

/**
 * Everything a request could write, counted as the owner: rows of every synced table and of the
 * server's own tables, and the teams' version counters.
 */
export async function footprint(owner: Kysely<ServerDatabase>): Promise<Record<string, number>> {
  const tables = [
    ...SYNCED_TABLES.map((t) => t.name),
    'device',
    'conflict',
    'rejection',
    'client_revocation',
    'erased_row',
    'audit_event',
  ];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const { rows } = await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(owner);
    counts[table] = Number(rows[0]?.n);
  }
  const { rows } = await sql<{ n: string }>`select coalesce(sum(row_counter), 0) as n from team`.execute(owner);
  counts.row_counters = Number(rows[0]?.n);
  return counts;
}

export interface Proxy {
  port: number;
  /** Where new connections go. */
  target: number;
  /**
   * The next response is cut: when its first bytes come back from the server, `onCut` runs and both
   * sides of that connection are destroyed, so the laptop never gets the answer.
   */
  cutNextResponse(onCut?: () => void): void;
  /** Ends every open connection (kept-alive ones too), as a network that goes away does. */
  dropConnections(): void;
  close(): Promise<void>;
}

/** A TCP proxy on 127.0.0.1 that passes bytes both ways until told to cut a response. */
export async function startProxy(target: number): Promise<Proxy> {
  const sockets = new Set<Socket>();
  let cut: (() => void) | null = null;
  const server = createServer((downstream) => {
    const upstream = new Socket();
    for (const socket of [downstream, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        downstream.destroy();
        upstream.destroy();
      });
    }
    upstream.connect(proxy.target, '127.0.0.1');
    downstream.pipe(upstream);
    upstream.on('data', (chunk: Buffer) => {
      if (cut) {
        const onCut = cut;
        cut = null;
        onCut();
        upstream.destroy();
        downstream.destroy();
        return;
      }
      downstream.write(chunk);
    });
    upstream.on('end', () => downstream.end());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  const proxy: Proxy = {
    port: typeof address === 'object' && address ? address.port : 0,
    target,
    cutNextResponse(onCut = () => {}) {
      cut = onCut;
    },
    dropConnections() {
      for (const socket of sockets) socket.destroy();
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return proxy;
}
