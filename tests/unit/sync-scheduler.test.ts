import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SyncResult } from '../../main/sync/engine';
import { createSyncScheduler, type SyncStatus } from '../../main/sync/scheduler';
import { SyncError, type SyncProblem } from '../../main/sync/transport';

/**
 * The background sync's timing (issue 18, point 4) on a fake clock: at start, after changes
 * (debounced), every minute, later and later while the server is out of reach, never while a
 * problem waits for the user, and one sync at a time.
 */

const DONE: SyncResult = { pushed: 0, pulled: 0, conflicts: 0, erasurePending: false };

function harness(outcomes: Array<SyncProblem | 'ok'> = []) {
  const started: number[] = [];
  const statuses: SyncStatus[] = [];
  const unexpected: unknown[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let release: (() => void) | null = null;
  let hold = false;
  const scheduler = createSyncScheduler({
    async sync() {
      started.push(Date.now());
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        if (hold) await new Promise<void>((resolve) => (release = resolve));
        const outcome = outcomes.shift() ?? 'ok';
        if (outcome !== 'ok') throw new SyncError(outcome, outcome);
        return DONE;
      } finally {
        inFlight -= 1;
      }
    },
    stored: async () => ({ syncedAt: '2026-12-07T10:00:00.000Z', waiting: 3 }),
    timers: {
      now: () => new Date(),
      setTimeout: (f, ms) => setTimeout(f, ms),
      clearTimeout: (h) => clearTimeout(h as never),
    },
    onStatus: (s) => statuses.push(s),
    onUnexpected: (e) => unexpected.push(e),
  });
  return {
    scheduler,
    started,
    statuses,
    unexpected,
    maxInFlight: () => maxInFlight,
    holdNext() {
      hold = true;
    },
    releaseHeld() {
      hold = false;
      release?.();
    },
    /** Seconds since the start at which each sync began. */
    at: () => started.map((t) => (t - START) / 1000),
  };
}

const START = Date.UTC(2026, 11, 7, 10, 0, 0);

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(START);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the background sync', () => {
  it("a change made during a sync keeps its turn: the minute's round after that sync does not push it out", async () => {
    const h = harness();
    h.holdNext();
    h.scheduler.start();
    await vi.advanceTimersByTimeAsync(100);
    h.scheduler.changed();
    h.releaseHeld();
    await vi.advanceTimersByTimeAsync(65_000);
    expect(h.at()).toEqual([0, 3.1, 63.1]);
    await h.scheduler.stop();
  });

  it('goes again soon when a row changed again while its earlier change was on its way, then every minute', async () => {
    const started: number[] = [];
    // The first sync pushes, and one change waits for that push to come back with the pull.
    const waiting = [1, 1, 0, 0, 0];
    const scheduler = createSyncScheduler({
      async sync() {
        started.push((Date.now() - START) / 1000);
        return { ...DONE, pushed: started.length === 1 ? 1 : started.length === 2 ? 1 : 0 };
      },
      stored: async () => ({ syncedAt: null, waiting: waiting.shift() ?? 0 }),
      timers: {
        now: () => new Date(),
        setTimeout: (f, ms) => setTimeout(f, ms),
        clearTimeout: (h) => clearTimeout(h as never),
      },
      onStatus: () => undefined,
      onUnexpected: (e) => {
        throw e;
      },
    });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(70_000);
    expect(started).toEqual([0, 3, 63]);
    await scheduler.stop();
  });

  it('syncs at start and then every minute, and shows when and how much waits', async () => {
    const h = harness();
    h.scheduler.start();
    await vi.advanceTimersByTimeAsync(150_000);
    expect(h.at()).toEqual([0, 60, 120]);
    expect(h.scheduler.status()).toEqual({
      problem: null,
      syncing: false,
      syncedAt: '2026-12-07T10:00:00.000Z',
      waiting: 3,
      retryAt: null,
    });
    expect(h.statuses.some((s) => s.syncing)).toBe(true);
    await h.scheduler.stop();
  });

  it('a burst of changes goes in one sync, a few seconds after the last', async () => {
    const h = harness();
    h.scheduler.start();
    await vi.advanceTimersByTimeAsync(10_000);
    for (let i = 0; i < 5; i++) {
      h.scheduler.changed();
      await vi.advanceTimersByTimeAsync(1_000);
    }
    await vi.advanceTimersByTimeAsync(5_000);
    expect(h.at()).toEqual([0, 17]);
    await h.scheduler.stop();
  });

  it('tries again later and later while the server is out of reach, and says when', async () => {
    const h = harness(['offline', 'offline', 'offline', 'busy']);
    h.scheduler.start();
    await vi.advanceTimersByTimeAsync(1);
    expect(h.scheduler.status()).toMatchObject({ problem: 'offline', retryAt: '2026-12-07T10:00:10.000Z' });
    // A change meanwhile waits for the retry instead of knocking again.
    h.scheduler.changed();
    await vi.advanceTimersByTimeAsync(200_000);
    expect(h.at()).toEqual([0, 10, 30, 70, 150]);
    expect(h.scheduler.status()).toMatchObject({ problem: null, retryAt: null });
    await h.scheduler.stop();
  });

  it('stops while only the user can help, and goes on when she acts', async () => {
    const h = harness(['signed-out']);
    h.scheduler.start();
    await vi.advanceTimersByTimeAsync(600_000);
    h.scheduler.changed();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(h.at()).toEqual([0]);
    expect(h.scheduler.status()).toMatchObject({ problem: 'signed-out', retryAt: null, waiting: 3 });
    // She signed in again.
    h.scheduler.now();
    await vi.advanceTimersByTimeAsync(1);
    expect(h.at()).toEqual([0, 1200]);
    expect(h.scheduler.status().problem).toBeNull();
    await h.scheduler.stop();
  });

  it('runs one sync at a time: a change during one brings one more after it', async () => {
    const h = harness();
    h.holdNext();
    h.scheduler.start();
    await vi.advanceTimersByTimeAsync(1);
    h.scheduler.now();
    h.scheduler.now();
    h.releaseHeld();
    await vi.advanceTimersByTimeAsync(1);
    // Both asks during the first sync make one more, right after it.
    expect(h.at()).toEqual([0, 0.001]);
    expect(h.maxInFlight()).toBe(1);
    await h.scheduler.stop();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(h.at()).toEqual([0, 0.001]);
  });

  it('a failure that is not a sync problem is logged and tried again later', async () => {
    const h = harness();
    const scheduler = createSyncScheduler({
      sync: async () => {
        throw new Error('disk full');
      },
      stored: async () => ({ syncedAt: null, waiting: 0 }),
      timers: {
        now: () => new Date(),
        setTimeout: (f, ms) => setTimeout(f, ms),
        clearTimeout: (x) => clearTimeout(x as never),
      },
      onStatus: () => {},
      onUnexpected: (e) => h.unexpected.push(e),
    });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(1);
    expect(scheduler.status()).toMatchObject({ problem: 'server', retryAt: '2026-12-07T10:00:10.000Z' });
    expect(h.unexpected).toEqual([expect.objectContaining({ message: 'disk full' })]);
    await scheduler.stop();
  });
});
