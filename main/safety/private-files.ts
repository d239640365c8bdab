import { chmodSync } from 'node:fs';
import { chmod, copyFile, mkdtemp, rm, writeFile, constants } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Only the user may read the folder or file, where the OS supports it (POSIX modes; Windows keeps its ACLs). */
export function restrictToUser(path: string, folder = false): void {
  if (process.platform === 'win32') return;
  chmodSync(path, folder ? 0o700 : 0o600);
}

/**
 * Runs `work` in a new folder of the OS temp folder that only this user can enter
 * (mkdtemp: a name nobody can predict, mode 700), and removes the folder with all it
 * holds when `work` ends, however it ends. The OS temp folder is shared by every user
 * of the machine: Koers never writes a fixed or guessable name there.
 */
export async function inPrivateTempFolder<T>(work: (folder: string) => Promise<T>): Promise<T> {
  const folder = await mkdtemp(join(tmpdir(), 'koers-'));
  try {
    return await work(folder);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** A new, empty file readable by the user only (SQLite keeps the mode of a file it writes into); refuses a name that exists. */
export async function createPrivateFile(path: string): Promise<void> {
  await writeFile(path, '', { mode: 0o600, flag: 'wx' });
}

/** Copies a file to a new name, readable by the user only whatever the source's mode. */
export async function copyPrivately(from: string, to: string): Promise<void> {
  await copyFile(from, to, constants.COPYFILE_EXCL);
  if (process.platform !== 'win32') await chmod(to, 0o600);
}
