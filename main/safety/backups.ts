import BetterSqlite3 from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupProblem } from '../../common/contract/safety';
import { type BackupContents, type CheckResult, toRollbackJournal } from './backup-check';
import { checkInWorker } from './check-in-worker';
import { copyPrivately, createPrivateFile, inPrivateTempFolder, restrictToUser } from './private-files';

export { restrictToUser } from './private-files';
export type { BackupContents } from './backup-check';

/** A backup file: `koers-2026-11-23T083015123Z.sqlite`, its time in the name (UTC, to the millisecond). */
export interface BackupInfo {
  fileName: string;
  path: string;
  createdAt: string;
  bytes: number;
}

/** One database's backups: the folder named after its id inside the backup folder. */
export interface OwnBackups {
  folder: string;
  databaseId: string;
}

/** A backup that failed a check: nothing was changed. */
export class BackupRefusedError extends Error {
  constructor(readonly problem: BackupProblem) {
    super(`The backup cannot be restored: ${problem}`);
    this.name = 'BackupRefusedError';
  }
}

const NAME = /^koers-(\d{4})-(\d{2})-(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z\.sqlite$/;
const DAY_MS = 86_400_000;
/** What the rotation keeps: the newest backup of each of the last 7 days and of each of the last 8 weeks that have one. */
export const KEEP = { daily: 7, weekly: 8 } as const;

function fileNameAt(time: number): string {
  return `koers-${new Date(time).toISOString().slice(0, 23).replace(/[:.]/g, '')}Z.sqlite`;
}

/**
 * The backups of one database live in a folder named after its id, so colleagues who
 * share a backup folder (a network drive) never list, prune or restore each other's.
 */
export function ownBackups(backupFolder: string, databaseId: string): OwnBackups {
  return { folder: join(backupFolder, databaseId), databaseId };
}

/** Creates a backup folder, private; of the folders above it, those Koers creates are private too, one the user chose (maybe shared) is left as it is. */
export function makeBackupFolder(folder: string): void {
  const created = mkdirSync(folder, { recursive: true });
  if (created !== undefined) restrictToUser(created, true);
  restrictToUser(folder, true);
}

function integrityOk(path: string): boolean {
  const db = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
  try {
    db.pragma('trusted_schema = OFF');
    return db.pragma('integrity_check', { simple: true }) === 'ok';
  } finally {
    db.close();
  }
}

/**
 * Backs the open database up into `folder`: SQLite's online backup into a private
 * temporary folder, `integrity_check` on it, then a copy into the backup folder under
 * a temporary name and a rename. Koers never opens a database in the backup folder
 * itself, which may be a network drive. The backup is a rollback-journal file, so
 * reading it never leaves a -wal or -shm file.
 */
export async function makeBackup(sqlite: BetterSqlite3.Database, folder: string, now: Date): Promise<BackupInfo> {
  makeBackupFolder(folder);
  // Two backups in the same millisecond (a restore right after "back up now") must not overwrite each other.
  let time = now.getTime();
  while (existsSync(join(folder, fileNameAt(time)))) time += 1;
  const fileName = fileNameAt(time);
  const partial = join(folder, `.${fileName}.partial`);
  await inPrivateTempFolder(async (temp) => {
    const local = join(temp, 'backup.sqlite');
    await createPrivateFile(local);
    try {
      await sqlite.backup(local);
      toRollbackJournal(local);
      if (!integrityOk(local)) throw new Error('The backup copy failed its integrity check');
      copyFileSync(local, partial);
      restrictToUser(partial);
      renameSync(partial, join(folder, fileName));
    } finally {
      rmSync(partial, { force: true });
    }
  });
  return describe(folder, fileName);
}

function describe(folder: string, fileName: string): BackupInfo {
  const match = NAME.exec(fileName);
  if (!match) throw new Error(`Not a backup: ${fileName}`);
  const [, y, mo, d, h, mi, s, ms] = match;
  const path = join(folder, fileName);
  return { fileName, path, createdAt: `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`, bytes: statSync(path).size };
}

/** The backups in a folder (not its subfolders), newest first. */
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

type Usable = Extract<CheckResult, { usable: true }>;

/**
 * Copies a backup into a private temporary folder, checks the copy in a worker
 * (migration history, schema, integrity, which database it belongs to) and, for
 * `upgrade`, brings it up to date and gives it `databaseId`. Then `use` gets that very
 * copy: what is put in place is what was checked, never the file on the (maybe
 * shared) backup drive. A failed check throws BackupRefusedError. The copy is
 * removed in every path.
 */
export async function withCheckedCopy<T>(
  backup: BackupInfo,
  request: { databaseId: string | null; upgrade: boolean },
  use: (copy: string, check: Usable) => Promise<T>,
): Promise<T> {
  return inPrivateTempFolder(async (temp) => {
    const copy = join(temp, 'check.sqlite');
    await copyPrivately(backup.path, copy);
    const check = await checkInWorker({ path: copy, ...request });
    if (!check.usable) throw new BackupRefusedError(check.problem);
    return use(copy, check);
  });
}

/** What a backup holds, or why it cannot be restored (for the restore dialog and recovery at start). */
export async function inspectBackup(
  backup: BackupInfo,
  databaseId: string | null,
): Promise<({ usable: true } & BackupContents) | { usable: false; problem: BackupProblem }> {
  try {
    return await withCheckedCopy(backup, { databaseId, upgrade: false }, async (_copy, check) => ({
      usable: true,
      ...check.contents,
    }));
  } catch (error) {
    if (error instanceof BackupRefusedError) return { usable: false, problem: error.problem };
    throw error;
  }
}

/**
 * Puts a checked copy's contents into the open database with SQLite's backup API: the
 * app's connection stays open and sees the restored data at once.
 */
export async function putInPlace(sqlite: BetterSqlite3.Database, copy: string, databasePath: string): Promise<void> {
  const source = new BetterSqlite3(copy, { readonly: true, fileMustExist: true });
  try {
    source.pragma('trusted_schema = OFF');
    await source.backup(databasePath);
  } finally {
    source.close();
  }
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
}

/** The newest backup that passes every check, for recovery after damage. */
export async function newestGoodBackup(
  own: OwnBackups,
): Promise<{ backup: BackupInfo; contents: BackupContents } | null> {
  for (const backup of listBackups(own.folder)) {
    // A refused or unreadable backup is skipped; an older one may be fine.
    const check = await inspectBackup(backup, own.databaseId).catch(() => null);
    if (check?.usable)
      return { backup, contents: { clients: check.clients, scorings: check.scorings, notes: check.notes } };
  }
  return null;
}
