import { Worker } from 'node:worker_threads';
import { workerScript } from '../worker-path';
import { type Limits, LIMITS, type SpreadsheetProblem, SpreadsheetError } from './problems';
import type { Workbook } from './workbook';

type Reply = { ok: true; workbook: Workbook } | { ok: false; problem: SpreadsheetProblem; limit?: number };

/**
 * Reads a spreadsheet in a worker thread with a memory cap and a time limit, so
 * a huge, hostile or broken file fails with a reason and main stays responsive.
 */
export function readInWorker(path: string, limits: Limits = LIMITS): Promise<Workbook> {
  const { path: script, execArgv } = workerScript(import.meta.url, 'read-worker');
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, {
      workerData: { path, limits },
      execArgv,
      resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 64 },
    });
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
      void worker.terminate();
    };
    const timer = setTimeout(
      () => finish(() => reject(new SpreadsheetError('timeout', limits.milliseconds))),
      limits.milliseconds,
    );
    worker.on('message', (reply: Reply) =>
      finish(() => (reply.ok ? resolve(reply.workbook) : reject(new SpreadsheetError(reply.problem, reply.limit)))),
    );
    worker.on('error', (error: Error & { code?: string }) =>
      finish(() =>
        reject(new SpreadsheetError(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'file_too_big' : 'damaged')),
      ),
    );
    worker.on('exit', () => finish(() => reject(new SpreadsheetError('damaged'))));
  });
}
