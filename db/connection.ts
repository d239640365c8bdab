import BetterSqlite3 from 'better-sqlite3';
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  type QueryResult,
  SqliteAdapter,
  SqliteDialect,
  type TransactionSettings,
} from 'kysely';
import { APP_LOCK_WAIT, type LockWait, retryWhileBusy, Turns } from './lock-wait';
import type { Database } from './schema';

class KoersSqliteAdapter extends SqliteAdapter {
  /** SQLite rolls back DDL; telling Kysely so lets the Migrator wrap each migration in a transaction. */
  override get supportsTransactionalDdl(): boolean {
    return true;
  }

  /**
   * One handle, but our driver puts its users in turn itself (see Handle), so that
   * a read need not wait behind a write that waits for another program's lock.
   * Without this Kysely would queue every query behind one mutex.
   */
  override get supportsMultipleConnections(): boolean {
    return true;
  }
}

/** Prepared statements kept for reuse; the app runs a few hundred distinct queries at most. */
const STATEMENT_CACHE_SIZE = 500;

function run<R>(statement: BetterSqlite3.Statement, parameters: readonly unknown[]): QueryResult<R> {
  if (statement.reader) return { rows: statement.all(...parameters) as R[] };
  const { changes, lastInsertRowid } = statement.run(...parameters);
  return { rows: [], numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid) };
}

/** Rows in chunks of `chunkSize` (Kysely yields them one by one). */
function* chunks<R>(rows: IterableIterator<unknown>, chunkSize: number): Generator<QueryResult<R>> {
  let chunk: R[] = [];
  for (const row of rows) {
    chunk.push(row as R);
    if (chunk.length >= chunkSize) {
      yield { rows: chunk };
      chunk = [];
    }
  }
  if (chunk.length > 0) yield { rows: chunk };
}

/**
 * The one better-sqlite3 handle behind all of Koers's Kysely connections, and the
 * order in which they use it. Statements are prepared once and reused (preparing
 * the caseload query costs more than running it).
 */
class Handle {
  private readonly statements = new Map<string, BetterSqlite3.Statement>();
  /** One statement, or one open transaction, at a time on the handle. */
  readonly turns = new Turns();
  /** Writes in the order they were asked for: a draft typed later cannot land before an earlier one. */
  readonly writers = new Turns();

  constructor(
    readonly sqlite: BetterSqlite3.Database,
    private readonly lockWait: LockWait,
  ) {}

  statement(sql: string): BetterSqlite3.Statement {
    let statement = this.statements.get(sql);
    if (statement) {
      // Most recently used last: the oldest is the one dropped when the cache is full.
      this.statements.delete(sql);
    } else {
      statement = this.sqlite.prepare(sql);
      if (this.statements.size >= STATEMENT_CACHE_SIZE)
        this.statements.delete(this.statements.keys().next().value ?? '');
    }
    this.statements.set(sql, statement);
    return statement;
  }

  /** Until when a call made now may keep retrying while another program holds the lock. */
  deadline(): number {
    return performance.now() + this.lockWait.retryMs;
  }

  /** Runs `work` in the handle's turn; `keepTurn` keeps it after success (a transaction has begun). */
  async inTurn<T>(work: () => T, keepTurn = false): Promise<T> {
    await this.turns.take();
    let begun = false;
    try {
      const result = work();
      begun = keepTurn;
      return result;
    } finally {
      if (!begun) this.turns.give();
    }
  }

  async asWriter<T>(work: () => Promise<T>): Promise<T> {
    await this.writers.take();
    try {
      return await work();
    } finally {
      this.writers.give();
    }
  }
}

/**
 * One Kysely connection (per query, or per transaction) over the shared handle.
 * A write transaction begins IMMEDIATE: it takes SQLite's write lock before its
 * first read, so a read followed by a write cannot be refused halfway because
 * another program committed in between (a deferred BEGIN gets SQLITE_BUSY there,
 * which no busy timeout cures). While another program holds the lock, BEGIN and
 * single writes are retried on a timer (see lock-wait.ts) instead of SQLite
 * sleeping on the thread; reads never need the lock (WAL), so they do not queue
 * behind a waiting write. Streams hand rows over in chunks.
 */
class KoersSqliteConnection implements DatabaseConnection {
  /** Between BEGIN and COMMIT/ROLLBACK this connection holds the handle's turn (and, writing, the writers'). */
  #transaction: 'read' | 'write' | null = null;

  constructor(private readonly handle: Handle) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const statement = this.handle.statement(query.sql);
    const parameters = query.parameters as unknown[];
    if (this.#transaction) return run<R>(statement, parameters);
    const deadline = this.handle.deadline();
    const attempt = () => retryWhileBusy(() => this.handle.inTurn(() => run<R>(statement, parameters)), deadline);
    return statement.readonly ? attempt() : this.handle.asWriter(attempt);
  }

  async *streamQuery<R>(query: CompiledQuery, chunkSize = 100): AsyncIterableIterator<QueryResult<R>> {
    // A statement being iterated cannot run elsewhere meanwhile, so a fresh one, not the cached one.
    const rows = () =>
      chunks<R>(this.handle.sqlite.prepare(query.sql).iterate(...(query.parameters as unknown[])), chunkSize);
    if (this.#transaction) return yield* rows();
    await this.handle.turns.take();
    try {
      yield* rows();
    } finally {
      this.handle.turns.give();
    }
  }

  async begin(kind: 'read' | 'write'): Promise<void> {
    const deadline = this.handle.deadline();
    const begin = this.handle.statement(kind === 'write' ? 'BEGIN IMMEDIATE' : 'BEGIN');
    if (kind === 'write') await this.handle.writers.take();
    try {
      await retryWhileBusy(() => this.handle.inTurn(() => begin.run(), true), deadline);
    } catch (error) {
      if (kind === 'write') this.handle.writers.give();
      throw error;
    }
    this.#transaction = kind;
  }

  /** A failed COMMIT keeps the turn: Kysely rolls back next. */
  commit(): void {
    this.handle.statement('COMMIT').run();
    this.#end();
  }

  rollback(): void {
    try {
      // SQLite may have rolled back already (e.g. after SQLITE_FULL); a second ROLLBACK would hide that error.
      if (this.handle.sqlite.inTransaction) this.handle.statement('ROLLBACK').run();
    } finally {
      this.#end();
    }
  }

  #end(): void {
    const kind = this.#transaction;
    if (!kind) return;
    this.#transaction = null;
    this.handle.turns.give();
    if (kind === 'write') this.handle.writers.give();
  }
}

class KoersSqliteDriver implements Driver {
  constructor(private readonly handle: Handle) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new KoersSqliteConnection(this.handle);
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    await (connection as KoersSqliteConnection).begin(settings.accessMode === 'read only' ? 'read' : 'write');
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    (connection as KoersSqliteConnection).commit();
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    (connection as KoersSqliteConnection).rollback();
  }

  async releaseConnection(): Promise<void> {}

  async destroy(): Promise<void> {
    this.handle.sqlite.close();
  }
}

class KoersSqliteDialect extends SqliteDialect {
  constructor(private readonly handle: Handle) {
    super({ database: handle.sqlite });
  }

  override createAdapter(): SqliteAdapter {
    return new KoersSqliteAdapter();
  }

  override createDriver(): Driver {
    return new KoersSqliteDriver(this.handle);
  }
}

export const DATABASE_FILE_NAME = 'koers.sqlite';

/**
 * synchronous=FULL: every commit is fsynced, so a note that was saved survives a
 * power cut too, not only an app crash. Commits happen at human pace (and bulk
 * imports are one transaction), so the extra fsync costs nothing a user notices.
 * secure_delete: deleted rows are overwritten with zeros, so a discarded draft or an
 * erased client does not linger in a page's free space or on the free list.
 * busy_timeout is set from the connection's LockWait (0 in the app).
 */
export const PRAGMAS = {
  journal_mode: 'wal',
  foreign_keys: 1,
  synchronous: 2, // FULL
  secure_delete: 1,
  // Triggers, views and defaults in the file may call only harmless functions: a database file is data, not code.
  trusted_schema: 0,
} as const;

export interface Connection {
  db: Kysely<Database>;
  /** The raw handle, for the few SQLite-only operations (pragmas, backup). */
  sqlite: BetterSqlite3.Database;
  path: string;
  close(): Promise<void>;
}

export class PragmaError extends Error {
  constructor(pragma: string, expected: unknown, actual: unknown) {
    super(`SQLite pragma ${pragma} is ${String(actual)}, expected ${String(expected)}`);
    this.name = 'PragmaError';
  }
}

/** Sets the pragmas and reads them back, two statements in all: this runs at every open. */
function applyPragmas(sqlite: BetterSqlite3.Database, pragmas: Record<string, string | number>): void {
  const entries = Object.entries(pragmas);
  sqlite.exec(entries.map(([name, value]) => `PRAGMA ${name} = ${value}`).join('; '));
  // Each pragma is also a one-row table-valued function: one row holds them all, in order.
  const actual = sqlite
    .prepare(`SELECT * FROM ${entries.map(([name]) => `pragma_${name}`).join(', ')}`)
    .raw()
    .get() as unknown[];
  entries.forEach(([name, value], i) => {
    // journal_mode answers in lower case text, the others as numbers.
    if (String(actual[i]).toLowerCase() !== String(value)) throw new PragmaError(name, value, actual[i]);
  });
}

export interface ConnectionOptions {
  readonly?: boolean;
  /** How long to wait for another program's write lock; default the app's (APP_LOCK_WAIT). */
  lockWait?: LockWait;
}

export function openConnection(path: string, options: ConnectionOptions = {}): Connection {
  const readonly = options.readonly ?? false;
  const lockWait = options.lockWait ?? APP_LOCK_WAIT;
  const sqlite = new BetterSqlite3(path, { readonly, fileMustExist: readonly, timeout: lockWait.blockingMs });
  try {
    if (readonly) sqlite.pragma(`trusted_schema = ${PRAGMAS.trusted_schema}`);
    else applyPragmas(sqlite, { ...PRAGMAS, busy_timeout: lockWait.blockingMs });
  } catch (error) {
    sqlite.close();
    throw error;
  }
  const db = new Kysely<Database>({ dialect: new KoersSqliteDialect(new Handle(sqlite, lockWait)) });
  return {
    db,
    sqlite,
    path,
    async close() {
      await db.destroy();
    },
  };
}
