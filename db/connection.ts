import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteAdapter, SqliteDialect } from 'kysely';
import type { Database } from './schema';

/** SQLite rolls back DDL; telling Kysely so lets the Migrator wrap each migration in a transaction. */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class KoersSqliteDialect extends SqliteDialect {
  override createAdapter(): SqliteAdapter {
    return new TransactionalDdlSqliteAdapter();
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
    if (!options.readonly) applyPragmas(sqlite);
  } catch (error) {
    sqlite.close();
    throw error;
  }
  const db = new Kysely<Database>({ dialect: new KoersSqliteDialect({ database: sqlite }) });
  return {
    db,
    sqlite,
    path,
    async close() {
      await db.destroy();
    },
  };
}
