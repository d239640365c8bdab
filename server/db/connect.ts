import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { ServerDatabase } from './schema';

export const INT8_OID = 20;

/** bigint columns (row versions, counters, sequences) as numbers; refuses what a number cannot hold exactly. */
export function parseInt8(value: string): number {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed)) throw new RangeError(`bigint ${value} does not fit a JavaScript number`);
  return parsed;
}

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID ? parseInt8 : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export interface ConnectOptions {
  /** Pool size (default 10). */
  max?: number;
  /**
   * Called when an idle pooled connection fails (e.g. PostgreSQL restarted); the pool drops it
   * and opens a new one when needed. Without a handler `pg` would crash the process.
   */
  onIdleError?: (error: Error) => void;
}

/** Kysely over a `pg` pool for `url` (postgres://…). Close with `db.destroy()`. */
export function connect(url: string, options: ConnectOptions = {}): Kysely<ServerDatabase> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, types });
  pool.on('error', (error) => options.onIdleError?.(error));
  return new Kysely<ServerDatabase>({ dialect: new PostgresDialect({ pool }) });
}
