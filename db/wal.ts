import { setTimeout as sleep } from 'node:timers/promises';
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema';

/**
 * Emptying the write-ahead log (SQLite-only). Until the log is checkpointed and
 * truncated it still holds the pages as they were before a delete, so an erasure is
 * finished on disk only when this succeeds.
 */

/** How long to wait before each further attempt: about 1.5 s in all. */
const RETRY_DELAYS_MS = [50, 100, 200, 400, 800] as const;

/**
 * One `wal_checkpoint(TRUNCATE)` that does not wait: true when every page went into the
 * database file and the log was emptied; false when another connection (e.g. the
 * command line in a read transaction) kept it from finishing (SQLite answers busy=1).
 * Run through Kysely's connection so no transaction of ours is open meanwhile.
 */
export async function truncateWal(db: Kysely<Database>): Promise<boolean> {
  return db.connection().execute(async (connection) => {
    const previous = (await sql<{ timeout: number }>`PRAGMA busy_timeout`.execute(connection)).rows[0]?.timeout ?? 0;
    // The busy handler would hold the main thread for the whole busy timeout: retry in between instead.
    await sql`PRAGMA busy_timeout = 0`.execute(connection);
    try {
      const [result] = (
        await sql<{ busy: number; log: number; checkpointed: number }>`PRAGMA wal_checkpoint(TRUNCATE)`.execute(
          connection,
        )
      ).rows;
      return result?.busy === 0;
    } finally {
      await sql`PRAGMA busy_timeout = ${sql.lit(previous)}`.execute(connection);
    }
  });
}

/** `truncateWal`, tried again a few times while the main thread goes on with other work. */
export async function truncateWalRetrying(
  db: Kysely<Database>,
  delaysMs: readonly number[] = RETRY_DELAYS_MS,
): Promise<boolean> {
  if (await truncateWal(db)) return true;
  for (const delay of delaysMs) {
    await sleep(delay);
    if (await truncateWal(db)) return true;
  }
  return false;
}
