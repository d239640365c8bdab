import { Worker } from 'node:worker_threads';
import { workerScript } from '../worker-path';
import type { CheckRequest, CheckResult } from './backup-check';

/** Long enough to check and bring up to date a large caseload from an old Koers; a hostile file is stopped after it. */
export const CHECK_LIMIT_MS = 120_000;

/**
 * Checks a copy of a backup in a worker thread with a time limit: a file built to
 * make SQLite work forever costs the worker, never the main thread, and ends in a
 * refusal. Never rejects.
 */
export function checkInWorker(request: CheckRequest, milliseconds = CHECK_LIMIT_MS): Promise<CheckResult> {
  const { path, execArgv } = workerScript(import.meta.url, 'backup-check-worker');
  return new Promise((resolve) => {
    const worker = new Worker(path, { workerData: request, execArgv, resourceLimits: { maxOldGenerationSizeMb: 256 } });
    let settled = false;
    const finish = (result: CheckResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
      void worker.terminate();
    };
    const timer = setTimeout(() => finish({ usable: false, problem: 'timeout' }), milliseconds);
    worker.on('message', finish);
    worker.on('error', () => finish({ usable: false, problem: 'damaged' }));
    worker.on('exit', () => finish({ usable: false, problem: 'damaged' }));
  });
}
