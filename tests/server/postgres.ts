import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

/**
 * A throwaway PostgreSQL 15 cluster for tests: its own temporary folder, a free loopback
 * port, trust authentication on 127.0.0.1 only, fsync off. PostgreSQL refuses to run as
 * root, so its programs run as the `postgres` user in a folder that user owns.
 */

const BIN = '/usr/lib/postgresql/15/bin';
const SERVER_USER = 'postgres';
/** Bounded waits: initdb, start and stop each get this long before the test fails. */
const STEP_TIMEOUT_MS = 60_000;
const PORT_ATTEMPTS = 3;

const run = promisify(execFile);

export interface TestPostgres {
  /** The cluster's folder (removed by stop). */
  readonly folder: string;
  /** The cluster's superuser, on the `postgres` database. */
  readonly adminUrl: string;
  /** A connection URL for `role` (trust authentication: no password) on `database` (default `postgres`). */
  url(role: string, database?: string): string;
  /**
   * Stops the server (fast: sessions are cut, as in a restart), runs `whileDown`, and starts it again on
   * the same folder and port.
   */
  restart(whileDown?: () => Promise<void>): Promise<void>;
  /** Stops the server and removes its folder. */
  stop(): Promise<void>;
}

async function asServerUser(program: string, args: readonly string[]): Promise<void> {
  // runuser leaves root only for the one program; its output goes to the error if it fails.
  await run('runuser', ['-u', SERVER_USER, '--', join(BIN, program), ...args], { timeout: STEP_TIMEOUT_MS });
}

async function ids(): Promise<{ uid: number; gid: number }> {
  const [uid, gid] = await Promise.all([run('id', ['-u', SERVER_USER]), run('id', ['-g', SERVER_USER])]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

export async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

function connectionUrl(port: number, role: string, database: string): string {
  return `postgres://${encodeURIComponent(role)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

export interface PostgresOptions {
  /**
   * Keep the cluster in this folder (benchmarks: a data set built once): made on first use,
   * started again as it was later; `stop()` shuts it down cleanly and leaves it.
   */
  keepIn?: string;
}

/** Starts a fresh cluster (or the kept one); call `stop()` in afterAll. */
export async function startPostgres(options: PostgresOptions = {}): Promise<TestPostgres> {
  const kept = options.keepIn;
  if (kept) mkdirSync(kept, { recursive: true });
  const folder = kept ?? mkdtempSync(join(tmpdir(), 'koers-pg-'));
  const data = join(folder, 'data');
  const remove = () => (kept ? undefined : rmSync(folder, { recursive: true, force: true }));
  try {
    const { uid, gid } = await ids();
    chownSync(folder, uid, gid);
    if (!existsSync(join(data, 'PG_VERSION')))
      await asServerUser('initdb', [
        '--pgdata',
        data,
        '--username',
        SERVER_USER,
        '--auth',
        'trust',
        '--encoding',
        'UTF8',
        '--locale',
        'C',
        '--no-sync',
        '--no-instructions',
      ]);
    // Only TCP from 127.0.0.1 is accepted: no Unix socket, no other address.
    writeFileSync(join(data, 'pg_hba.conf'), 'host all all 127.0.0.1/32 trust\n');

    for (let attempt = 1; ; attempt++) {
      const port = await freeLoopbackPort();
      try {
        await asServerUser('pg_ctl', [
          'start',
          '--pgdata',
          data,
          '--wait',
          '--timeout',
          String(STEP_TIMEOUT_MS / 1000),
          ...startOptions(folder, port),
        ]);
        return cluster(folder, data, port, remove, kept ? 'fast' : 'immediate');
      } catch (error) {
        // Another program may have taken the port between the probe and the start.
        if (attempt >= PORT_ATTEMPTS) throw error;
      }
    }
  } catch (error) {
    remove();
    throw error;
  }
}

function startOptions(folder: string, port: number): string[] {
  return [
    '--log',
    join(folder, 'server.log'),
    '--options',
    `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=50`,
  ];
}

function cluster(
  folder: string,
  data: string,
  port: number,
  remove: () => void,
  stopMode: 'fast' | 'immediate',
): TestPostgres {
  let stopped = false;
  const wait = ['--wait', '--timeout', String(STEP_TIMEOUT_MS / 1000)];
  return {
    folder,
    adminUrl: connectionUrl(port, SERVER_USER, 'postgres'),
    url: (role, database = 'postgres') => connectionUrl(port, role, database),
    async restart(whileDown) {
      await asServerUser('pg_ctl', ['stop', '--pgdata', data, '--mode', 'fast', ...wait]);
      try {
        await whileDown?.();
      } finally {
        await asServerUser('pg_ctl', ['start', '--pgdata', data, ...wait, ...startOptions(folder, port)]);
      }
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        await asServerUser('pg_ctl', [
          'stop',
          '--pgdata',
          data,
          '--mode',
          stopMode,
          '--wait',
          '--timeout',
          String(STEP_TIMEOUT_MS / 1000),
        ]);
      } finally {
        remove();
      }
    },
  };
}

/** Runs `statements` one by one as the cluster's superuser (test set-up: roles and databases). */
export async function asAdmin(postgres: TestPostgres, statements: readonly string[]): Promise<void> {
  const client = new pg.Client({ connectionString: postgres.adminUrl });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}
