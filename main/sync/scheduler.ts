import type { SyncResult } from './engine';
import { SyncError, type SyncProblem } from './transport';

/**
 * When the laptop synchronises, in the background of the main process: at start, a few seconds
 * after each change (so a burst of edits goes in one push), every minute, and when the network is
 * back; one sync at a time. When the server cannot be reached it tries again later and later (up
 * to five minutes). A problem only the user can solve (signed out, no longer a member, an update
 * needed) stops it until she acts. Pure Node with an injected clock, so the timing is tested.
 */

export interface SyncStatus {
  /** What keeps it from synchronising now, or null. */
  problem: SyncProblem | null;
  syncing: boolean;
  /** When the copy last took in everything the server had (ISO), null before the first sync. */
  syncedAt: string | null;
  /** Changes made here not yet on the server. */
  waiting: number;
  /** When it tries again after a failure (ISO), or null. */
  retryAt: string | null;
}

export interface Timers {
  now(): Date;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SchedulerDeps {
  sync(): Promise<SyncResult>;
  /** The copy's state as stored: when it last synced and how many changes wait. */
  stored(): Promise<{ syncedAt: string | null; waiting: number }>;
  timers: Timers;
  onStatus(status: SyncStatus): void;
  /** A failure the status cannot show (a bug, a full disk): logged without personal data. */
  onUnexpected(error: unknown): void;
}

export const EVERY_MS = 60_000;
export const AFTER_CHANGE_MS = 3_000;
const RETRY_MS = [10_000, 20_000, 40_000, 80_000, 160_000, 300_000] as const;
/** Problems waiting will not solve: the user signs in, is added again, or updates. */
const NEEDS_USER: ReadonlySet<SyncProblem> = new Set(['signed-out', 'not-a-member', 'update-app', 'update-server']);

export interface SyncScheduler {
  start(): void;
  /** A local write was captured: sync soon. */
  changed(): void;
  /** The network is back, or the user signed in again or asked: sync now. */
  now(): void;
  stop(): Promise<void>;
  status(): SyncStatus;
}

export function createSyncScheduler(deps: SchedulerDeps): SyncScheduler {
  const { timers } = deps;
  let status: SyncStatus = { problem: null, syncing: false, syncedAt: null, waiting: 0, retryAt: null };
  let timer: unknown = null;
  let running: Promise<void> | null = null;
  let again = false;
  let failures = 0;
  let stopped = true;

  const publish = (next: Partial<SyncStatus>) => {
    status = { ...status, ...next };
    deps.onStatus(status);
  };

  let dueAt = 0;
  /** `keepSooner`: a change made meanwhile keeps its earlier turn (the minute's round does not push it out). */
  const schedule = (ms: number, keepSooner = false) => {
    if (stopped) return;
    const at = timers.now().getTime() + ms;
    if (timer !== null) {
      if (keepSooner && dueAt <= at) return;
      timers.clearTimeout(timer);
    }
    dueAt = at;
    timer = timers.setTimeout(() => {
      timer = null;
      run();
    }, ms);
  };

  const refresh = async () => {
    try {
      publish(await deps.stored());
    } catch (error) {
      deps.onUnexpected(error);
    }
  };

  const once = async () => {
    publish({ syncing: true });
    try {
      const result = await deps.sync();
      failures = 0;
      publish({ syncing: false, problem: null, retryAt: null });
      await refresh();
      // A row changed again while its earlier change was on its way waits for the pull to bring
      // that one back; it goes with the next round, soon, not a minute later.
      schedule(result.pushed > 0 && status.waiting > 0 ? AFTER_CHANGE_MS : EVERY_MS, true);
    } catch (error) {
      const problem: SyncProblem = error instanceof SyncError ? error.problem : 'server';
      if (!(error instanceof SyncError)) deps.onUnexpected(error);
      await refresh();
      if (NEEDS_USER.has(problem)) {
        publish({ syncing: false, problem, retryAt: null });
        return;
      }
      const delay = RETRY_MS[Math.min(failures, RETRY_MS.length - 1)] ?? EVERY_MS;
      failures += 1;
      publish({ syncing: false, problem, retryAt: new Date(timers.now().getTime() + delay).toISOString() });
      schedule(delay);
    }
  };

  const run = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        await once();
      } while (again && !stopped);
    })().finally(() => {
      running = null;
    });
  };

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      void refresh();
      run();
    },
    changed() {
      if (stopped) return;
      void refresh();
      // Waiting for the user (signed out…) or for the server's back-off: the change waits too.
      if (status.problem) return;
      schedule(AFTER_CHANGE_MS);
    },
    now() {
      if (stopped) return;
      failures = 0;
      run();
    },
    async stop() {
      stopped = true;
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
      await running;
    },
    status: () => status,
  };
}
