import BetterSqlite3 from 'better-sqlite3';
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import {
  type BackupContents,
  type BackupInfo,
  newestGoodBackup,
  type OwnBackups,
  restrictToUser,
  withCheckedCopy,
} from './backups';
import type { Settings } from '../settings';

/** The database failed `quick_check` at open: it is not opened, and not replaced by an empty one. */
export class DamagedDatabaseError extends Error {
  constructor(
    readonly path: string,
    readonly report: string,
  ) {
    super(`The database ${path} is damaged: ${report}`);
    this.name = 'DamagedDatabaseError';
  }
}

/** `quick_check` of a database file before Koers uses it; a missing file is fine (first start). */
export function checkDatabaseFile(path: string): void {
  if (!existsSync(path)) return;
  let report: string;
  try {
    const db = new BetterSqlite3(path, { fileMustExist: true });
    try {
      db.pragma('trusted_schema = OFF');
      report = String(db.pragma('quick_check', { simple: true }));
    } finally {
      db.close();
    }
  } catch (error) {
    // Only a file SQLite calls corrupt or not a database is damaged. Locked by another program,
    // read-only or unreadable is not: moving such a file aside would lose nothing but help no one.
    if (!(error instanceof BetterSqlite3.SqliteError && /^SQLITE_(CORRUPT|NOTADB)/.test(error.code))) throw error;
    report = error.message;
  }
  if (report !== 'ok') throw new DamagedDatabaseError(path, report);
}

export interface Recovery {
  /** Where the damaged file (and its -wal/-shm) now is. */
  movedTo: string;
  newest: { backup: BackupInfo; contents: BackupContents } | null;
}

/**
 * Moves the damaged file aside (kept for support, never deleted) and finds the newest
 * backup of this database that passes every check. `own` is null when Koers does not
 * know which database this was (damaged before this version ever opened it): then no
 * backup is offered rather than possibly a colleague's.
 */
export async function setAside(path: string, own: OwnBackups | null, now: Date): Promise<Recovery> {
  const movedTo = `${path}.damaged-${now.toISOString().slice(0, 19).replace(/:/g, '')}Z`;
  renameSync(path, movedTo);
  for (const suffix of ['-wal', '-shm']) if (existsSync(path + suffix)) renameSync(path + suffix, movedTo + suffix);
  return { movedTo, newest: own ? await newestGoodBackup(own) : null };
}

/**
 * Puts a backup in place of the missing database file (nothing has it open): the
 * checked, up-to-date private copy, never the file from the backup folder itself.
 * A backup that fails a check throws BackupRefusedError and nothing is put in place.
 */
export async function restoreFile(
  backup: BackupInfo,
  path: string,
  databaseId: string,
  settings: Pick<Settings, 'set'>,
): Promise<void> {
  await withCheckedCopy(backup, { databaseId, upgrade: true }, async (copy) => {
    const partial = `${path}.restoring`;
    copyFileSync(copy, partial);
    restrictToUser(partial);
    for (const suffix of ['-wal', '-shm']) rmSync(path + suffix, { force: true });
    renameSync(partial, path);
    // The audit log goes on from the restored chain, not from the newest entry of the damaged file.
    settings.set('auditHead', null);
  });
}
