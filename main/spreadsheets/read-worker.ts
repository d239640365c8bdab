import { parentPort, workerData } from 'node:worker_threads';
import { readWorkbook } from './read';
import { type Limits, SpreadsheetError } from './problems';

/** Worker entry: read one file, post the workbook or the problem, end. */
const { path, limits } = workerData as { path: string; limits: Limits };
readWorkbook(path, limits).then(
  (workbook) => parentPort?.postMessage({ ok: true, workbook }),
  (error: unknown) =>
    parentPort?.postMessage(
      error instanceof SpreadsheetError
        ? { ok: false, problem: error.problem, limit: error.limit }
        : { ok: false, problem: 'damaged' },
    ),
);
