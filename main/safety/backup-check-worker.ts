import { parentPort, workerData } from 'node:worker_threads';
import { type CheckRequest, checkBackupCopy } from './backup-check';

/** Worker entry: check one copy of a backup, post the result, end. */
void checkBackupCopy(workerData as CheckRequest).then((result) => parentPort?.postMessage(result));
