import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { listBackups, makeBackupFolder, type OwnBackups, withCheckedCopy } from './backups';

/** Written into a database's own folder once the flat files beside it were looked at. */
const MARKER = '.flat-layout-checked';

/**
 * Before backups were kept per database, every Koers wrote `koers-….sqlite` straight
 * into the backup folder, a shared one too. Once per backup folder, the files there
 * that provably come from this database move into its own folder: their database id
 * is this one's, or (made before databases had an id) their oldest audit entry is in
 * this database's audit log with the same number and hash (the chain makes that entry
 * unique to one database and its backups). Every other file (a colleague's, a
 * damaged one, one that is not Koers's) stays where it is, never listed, pruned or
 * deleted. Returns the names moved.
 */
export async function adoptFlatBackups(backupFolder: string, own: OwnBackups, db: Kysely<Database>): Promise<string[]> {
  const marker = join(own.folder, MARKER);
  if (existsSync(marker) || !existsSync(backupFolder)) return [];
  makeBackupFolder(own.folder);
  const moved: string[] = [];
  for (const backup of listBackups(backupFolder)) {
    const target = join(own.folder, backup.fileName);
    if (existsSync(target)) continue;
    // A refused or unreadable file stays where it is.
    const check = await withCheckedCopy(
      backup,
      { databaseId: null, upgrade: false },
      async (_copy, result) => result,
    ).catch(() => null);
    if (!check) continue;
    const ours =
      check.databaseId === own.databaseId ||
      (check.databaseId === null &&
        check.firstAudit !== null &&
        (await db.selectFrom('audit_log').select('hash').where('seq', '=', check.firstAudit.seq).executeTakeFirst())
          ?.hash === check.firstAudit.hash);
    if (!ours) continue;
    renameSync(backup.path, target);
    moved.push(backup.fileName);
  }
  writeFileSync(marker, '', { mode: 0o600 });
  return moved;
}
