import BetterSqlite3 from 'better-sqlite3';
import { type CompiledQuery, type DatabaseConnection, type Driver, Kysely, type QueryResult, SqliteAdapter, SqliteDialect, SqliteDriver } from 'kysely';
import type { Database } from './schema';

/** SQLite rolls back DDL; telling Kysely so lets the Migrator wrap each migration in a transaction. */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

/** Prepared statements kept for reuse; the app runs a few hundred distinct queries at most. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely's SQLite connection, with two changes. Statements are prepared once and
 * reused (preparing the caseload query costs more than running it). Streams hand
 * rows over in chunks of `chunkSize` (Kysely yields them one by one): an export of
 * 200,000 rows waits on a few hundred promises instead of hundreds of thousands.
 */
class KoersSqliteConnection implements DatabaseConnection {
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

  constructor(private readonly sqlite: BetterSqlite3.Database) {}

  private statement(sql: string): BetterSqlite3.Statement {
    let statement = this.statements.get(sql);
    if (statement) {
      // Most recently used last: the oldest is the one dropped when the cache is full.
      this.statements.delete(sql);
    } else {
      statement = this.sqlite.prepare(sql);
      if (this.statements.size >= STATEMENT_CACHE_SIZE) this.statements.delete(this.statements.keys().next().value ?? '');
    }
    this.statements.set(sql, statement);
    return statement;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const statement = this.statement(query.sql);
    const parameters = query.parameters as unknown[];
    if (statement.reader) return { rows: statement.all(...parameters) as R[] };
    const { changes, lastInsertRowid } = statement.run(...parameters);
    return { rows: [], numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid) };
  }

  async *streamQuery<R>(query: CompiledQuery, chunkSize = 100): AsyncIterableIterator<QueryResult<R>> {
    let rows: R[] = [];
    for (const row of this.sqlite.prepare(query.sql).iterate(...(query.parameters as unknown[]))) {
      rows.push(row as R);
      if (rows.length >= chunkSize) {
        yield { rows };
        rows = [];
      }
    }
    if (rows.length > 0) yield { rows };
  }
}

class KoersSqliteDriver extends SqliteDriver {
  #connection: KoersSqliteConnection | undefined;

  constructor(private readonly sqlite: BetterSqlite3.Database) {
    super({ database: sqlite });
  }

  /** The base driver's lock (one statement at a time), then our connection. */
  override async acquireConnection(): Promise<DatabaseConnection> {
    await super.acquireConnection();
    this.#connection ??= new KoersSqliteConnection(this.sqlite);
    return this.#connection;
  }
}

class KoersSqliteDialect extends SqliteDialect {
  constructor(private readonly sqlite: BetterSqlite3.Database) {
    super({ database: sqlite });
  }

  override createAdapter(): SqliteAdapter {
    return new TransactionalDdlSqliteAdapter();
  }

  override createDriver(): Driver {
    return new KoersSqliteDriver(this.sqlite);
  }
}

export const DATABASE_FILE_NAME = 'koers.sqlite';

/**
 * synchronous=FULL: every commit is fsynced, so a note that was saved survives a
 * power cut too, not only an app crash. Commits happen at human pace (and bulk
 * imports are one transaction), so the extra fsync costs nothing a user notices.
 */
export const PRAGMAS = {
  journal_mode: 'wal',
  foreign_keys: 1,
  busy_timeout: 5000,
  synchronous: 2, // FULL
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

function applyPragmas(sqlite: BetterSqlite3.Database): void {
  for (const [name, value] of Object.entries(PRAGMAS)) {
    sqlite.pragma(`${name} = ${value}`);
    const actual = sqlite.pragma(name, { simple: true });
    // journal_mode answers in lower case text, the others as numbers.
    if (String(actual).toLowerCase() !== String(value)) throw new PragmaError(name, value, actual);
  }
}

export function openConnection(path: string, options: { readonly?: boolean } = {}): Connection {
  const sqlite = new BetterSqlite3(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  try {
    if (options.readonly) sqlite.pragma(`trusted_schema = ${PRAGMAS.trusted_schema}`);
    else applyPragmas(sqlite);
  } catch (error) {
    sqlite.close();
    throw error;
  }
  const db = new Kysely<Database>({ dialect: new KoersSqliteDialect(sqlite) });
  return {
    db,
    sqlite,
    path,
    async close() {
      await db.destroy();
    },
  };
}
