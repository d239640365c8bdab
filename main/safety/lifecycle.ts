import type { Context } from '../context';
import { backUpNow } from '../handlers/backups';
import { isDue } from './backups';
import { backupFolder, ownBackupsOf } from '../context';
import { adoptFlatBackups } from './flat-backups';

/** At start: this database's backups of the old flat layout are taken over, then a backup when the newest is older than a day (or there is none). */
export async function backupIfDue(ctx: Context): Promise<boolean> {
  const own = ownBackupsOf(ctx);
  await adoptFlatBackups(backupFolder(ctx), own, ctx.db);
  if (!isDue(own.folder, ctx.now())) return false;
  await backUpNow(ctx);
  return true;
}
