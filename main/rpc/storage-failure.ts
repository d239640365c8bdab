import { AppError } from './app-error';

type StorageCode = 'busy' | 'disk_full' | 'read_only';

/** English, for logs; users read the renderer's translation of the code. */
const MESSAGES: Record<StorageCode, string> = {
  busy: 'The database is busy',
  disk_full: 'The disk is full',
  read_only: 'The database cannot be written',
};

/** SQLite result codes (extended codes carry a suffix, e.g. SQLITE_BUSY_SNAPSHOT) and OS errno names. */
function kindOf(code: string): StorageCode | null {
  if (/^SQLITE_(BUSY|LOCKED)(_|$)/.test(code)) return 'busy';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'disk_full';
  if (/^SQLITE_READONLY(_|$)/.test(code) || code === 'EROFS' || code === 'EACCES' || code === 'EPERM')
    return 'read_only';
  return null;
}

/** How deep to follow `cause`: errors re-thrown with their cause nest one or two levels. */
const MAX_CAUSES = 5;

/**
 * Tells a database or disk that cannot take the write now from a bug: another
 * program holds the write lock (after Koers waited, see db/lock-wait.ts), the disk
 * is full, or the file or folder is read-only. Null: a bug, shown as `internal`.
 */
export function storageFailure(error: unknown): AppError | null {
  for (const { code } of causesOf(error)) {
    const kind = typeof code === 'string' ? kindOf(code) : null;
    if (kind) return new AppError(kind, MESSAGES[kind]);
  }
  return null;
}

/** The error and the causes it was re-thrown with, outermost first. */
export function* causesOf(error: unknown): Generator<{ code?: unknown; message?: unknown }> {
  let current = error;
  for (let depth = 0; depth < MAX_CAUSES && typeof current === 'object' && current !== null; depth++) {
    const found = current as { code?: unknown; message?: unknown; cause?: unknown };
    yield found;
    current = found.cause;
  }
}
