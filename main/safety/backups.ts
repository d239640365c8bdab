import BetterSqlite3 from 'better-sqlite3';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A backup file: `koers-2026-11-23T083015123Z.sqlite`, its time in the name (UTC, to the millisecond). */
export interface BackupInfo {
  fileName: string;
  path: string;
  createdAt: string;
  bytes: number;
}

export interface BackupContents {
  clients: number;
  scorings: number;
  notes: number;
  /** `integrity_check` of the copy said ok. */
  intact: boolean;
}

const NAME = /^koers-(\d{4})-(\d{2})-(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z\.sqlite$/;
const DAY_MS = 86_400_000;
/** What the rotation keeps: the newest backup of each of the last 7 days and of each of the last 8 weeks that have one. */
export const KEEP = { daily: 7, weekly: 8 } as const;

function fileNameAt(time: number): string {
  return `koers-${new Date(time).toISOString().slice(0, 23).replace(/[:.]/g, '')}Z.sqlite`;
}

/** Only the user may read the folder and files, where the OS supports it (POSIX modes; Windows keeps its ACLs). */
export function restrictToUser(path: string, folder = false): void {
  if (process.platform === 'win32') return;
  chmodSync(path, folder ? 0o700 : 0o600);
}

function integrityOk(path: string): boolean {
  const db = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
  try {
    return db.pragma('integrity_check', { simple: true }) === 'ok';
  } finally {
    db.close();
  }
}

/**
 * Backs the open database up: SQLite's online backup into a local temporary file,
 * `integrity_check` on it, then a copy into the backup folder under a temporary
 * name and a rename. Koers never opens a database in the backup folder itself,
 * which may be a network drive.
 */
export async function makeBackup(sqlite: BetterSqlite3.Database, folder: string, now: Date): Promise<BackupInfo> {
  mkdirSync(folder, { recursive: true });
  restrictToUser(folder, true);
  // Two backups in the same millisecond (a restore right after "back up now") must not overwrite each other.
  let time = now.getTime();
  while (existsSync(join(folder, fileNameAt(time)))) time += 1;
  const fileName = fileNameAt(time);
  const local = join(tmpdir(), `koers-backup-${process.pid}-${Date.now()}.sqlite`);
  const partial = join(folder, `.${fileName}.partial`);
  try {
    await sqlite.backup(local);
    if (!integrityOk(local)) throw new Error('The backup copy failed its integrity check');
    copyFileSync(local, partial);
    restrictToUser(partial);
    renameSync(partial, join(folder, fileName));
  } finally {
    rmSync(local, { force: true });
    rmSync(partial, { force: true });
  }
  return describe(folder, fileName);
}

function describe(folder: string, fileName: string): BackupInfo {
  const match = NAME.exec(fileName);
  if (!match) throw new Error(`Not a backup: ${fileName}`);
  const [, y, mo, d, h, mi, s, ms] = match;
  const path = join(folder, fileName);
  return { fileName, path, createdAt: `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`, bytes: statSync(path).size };
}

/** The backups in a folder, newest first. */
export function listBackups(folder: string): BackupInfo[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => NAME.test(name))
    .map((name) => describe(folder, name))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export function isDue(folder: string, now: Date): boolean {
  const newest = listBackups(folder)[0];
  return !newest || now.getTime() - Date.parse(newest.createdAt) >= DAY_MS;
}

/** Monday-based week number since the epoch: backups in the same week share it. */
function weekOf(iso: string): number {
  return Math.floor((Date.parse(iso.slice(0, 10)) / DAY_MS + 3) / 7);
}

/** Deletes what the rotation does not keep; returns the names deleted. */
export function prune(folder: string): string[] {
  const backups = listBackups(folder);
  const keep = new Set<string>();
  const days = new Set<string>();
  const weeks = new Set<number>();
  for (const backup of backups) {
    const day = backup.createdAt.slice(0, 10);
    if (!days.has(day) && days.size < KEEP.daily) {
      days.add(day);
      keep.add(backup.fileName);
    }
    const week = weekOf(backup.createdAt);
    if (!weeks.has(week) && weeks.size < KEEP.weekly) {
      weeks.add(week);
      keep.add(backup.fileName);
    }
  }
  const removed = backups.filter((b) => !keep.has(b.fileName));
  for (const backup of removed) rmSync(backup.path, { force: true });
  return removed.map((b) => b.fileName);
}

/** Copies a backup to a local temporary file and runs `fn` on it read-only (never a database on the backup drive). */
function withLocalCopy<T>(backup: BackupInfo, fn: (db: BetterSqlite3.Database, path: string) => T): T {
  const local = join(tmpdir(), `koers-inspect-${process.pid}-${Date.now()}.sqlite`);
  copyFileSync(backup.path, local);
  try {
    const db = new BetterSqlite3(local, { readonly: true, fileMustExist: true });
    try {
      return fn(db, local);
    } finally {
      db.close();
    }
  } finally {
    rmSync(local, { force: true });
  }
}

/** What a backup holds, for the restore dialog. */
export function backupContents(backup: BackupInfo): BackupContents {
  return withLocalCopy(backup, (db) => {
    const intact = db.pragma('quick_check', { simple: true }) === 'ok';
    const count = (table: string, where: string) => (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get() as { n: number }).n;
    return { clients: count('client', 'deleted_at IS NULL'), scorings: count('scoring', 'deleted_at IS NULL'), notes: count('note', 'deleted_at IS NULL'), intact };
  });
}

/**
 * Puts a backup's contents into the open database with SQLite's backup API, from a
 * local copy: the app's connection stays open and sees the restored data at once.
 */
export async function restoreInto(sqlite: BetterSqlite3.Database, backup: BackupInfo, databasePath: string): Promise<void> {
  const local = join(tmpdir(), `koers-restore-${process.pid}-${Date.now()}.sqlite`);
  copyFileSync(backup.path, local);
  const source = new BetterSqlite3(local, { readonly: true, fileMustExist: true });
  try {
    if (source.pragma('integrity_check', { simple: true }) !== 'ok') throw new Error('The backup failed its integrity check');
    await source.backup(databasePath);
  } finally {
    source.close();
    rmSync(local, { force: true });
  }
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
}

/** The newest backup that reads back intact, for recovery after damage. */
export function newestGoodBackup(folder: string): { backup: BackupInfo; contents: BackupContents } | null {
  for (const backup of listBackups(folder)) {
    try {
      const contents = backupContents(backup);
      if (contents.intact) return { backup, contents };
    } catch {
      // An unreadable backup is skipped; an older one may be fine.
    }
  }
  return null;
}
