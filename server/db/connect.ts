import { createHash } from 'node:crypto';
import {
  Kysely,
  PostgresDialect,
  type PostgresCursor,
  type PostgresPool,
  type PostgresPoolClient,
  type PostgresQueryResult,
  sql,
} from 'kysely';
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

const MARK = '/* koers:prepared */';

/**
 * Starts a statement that every push or pull runs: it is prepared once per pooled connection and
 * then only bound and run. Its text must not vary between calls (values are parameters), since
 * each distinct text stays prepared for the connection's life.
 */
export const PREPARED = sql.raw(`${MARK} `);

/** Kysely over a `pg` pool for `url` (postgres://…). Close with `db.destroy()`. */
export function connect(url: string, options: ConnectOptions = {}): Kysely<ServerDatabase> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, types });
  pool.on('error', (error) => options.onIdleError?.(error));
  return new Kysely<ServerDatabase>({ dialect: new PostgresDialect({ pool: preparing(pool) }) });
}

/** The pool as Kysely sees it, with PREPARED statements sent as named ones (named by their text's hash). */
function preparing(pool: pg.Pool): PostgresPool {
  // One wrapper per pooled client: Kysely keeps its connection state per client object.
  const clients = new WeakMap<pg.PoolClient, PreparingClient>();
  return {
    options: pool.options,
    Client: pg.Client,
    async connect() {
      const client = await pool.connect();
      const known = clients.get(client) ?? new PreparingClient(client);
      clients.set(client, known);
      return known;
    },
    end: () => pool.end(),
  };
}

class PreparingClient implements PostgresPoolClient {
  constructor(private readonly client: pg.PoolClient) {}

  query<R>(sql: string, parameters: readonly unknown[]): Promise<PostgresQueryResult<R>>;
  query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  query<R>(
    text: string | PostgresCursor<R>,
    parameters: readonly unknown[] = [],
  ): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    // Kysely is given no cursor class, so it never passes one.
    if (typeof text !== 'string') throw new TypeError('Cursors are not used by the team server');
    const values = [...parameters];
    const name = text.startsWith(MARK)
      ? `koers_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`
      : undefined;
    return this.client.query({ name, text, values }) as unknown as Promise<PostgresQueryResult<R>>;
  }

  release(destroy?: boolean): void {
    this.client.release(destroy);
  }
}
