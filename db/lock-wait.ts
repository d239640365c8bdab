import BetterSqlite3 from 'better-sqlite3';

/**
 * How long a write waits while another program (the command line, a second Koers)
 * holds the database's write lock.
 */
export interface LockWait {
  /** SQLite's busy_timeout: SQLite sleeps and retries inside the call, blocking the thread. */
  blockingMs: number;
  /** Koers retries with timers in between, the thread free, until this long after the call. */
  retryMs: number;
}

/** The app: never block the main thread; after ~10 s the user is told the database is busy. */
export const APP_LOCK_WAIT: LockWait = { blockingMs: 0, retryMs: 10_000 };

/** The command line has no window to keep responsive: SQLite may wait inside for a minute. */
export const COMMAND_LINE_LOCK_WAIT: LockWait = { blockingMs: 60_000, retryMs: 0 };

const FIRST_PAUSE_MS = 5;
const LONGEST_PAUSE_MS = 100;
/** With pauses of at least FIRST_PAUSE_MS, far more than any retryMs needs; a second bound on the loop. */
const MAX_ATTEMPTS = 10_000;

/** SQLITE_BUSY and its extended codes: another connection holds a lock we need. */
export function isBusy(error: unknown): boolean {
  return error instanceof BetterSqlite3.SqliteError && error.code.startsWith('SQLITE_BUSY');
}

/**
 * Runs `attempt` again while it fails with SQLITE_BUSY, pausing on a timer in
 * between (5 ms doubling to 100 ms), until `deadline` (a `performance.now()` time).
 * Tries at least once; the last SQLITE_BUSY is thrown when time is up.
 */
export async function retryWhileBusy<T>(attempt: () => Promise<T>, deadline: number): Promise<T> {
  for (let attempts = 1, pause = FIRST_PAUSE_MS; ; attempts++, pause = Math.min(pause * 2, LONGEST_PAUSE_MS)) {
    try {
      return await attempt();
    } catch (error) {
      if (!isBusy(error) || performance.now() + pause > deadline || attempts >= MAX_ATTEMPTS) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}

/** One holder at a time, in the order asked (first come, first served). */
export class Turns {
  #taken = false;
  readonly #waiting: Array<() => void> = [];

  async take(): Promise<void> {
    if (!this.#taken) {
      this.#taken = true;
      return;
    }
    await new Promise<void>((resolve) => this.#waiting.push(resolve));
  }

  /** Hands the turn straight to the next in line, so nobody can jump the queue. */
  give(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#taken = false;
  }
}
