import type { Context } from '../context';
import { backUpNow } from '../handlers/backups';
import { isDue } from './backups';
import { backupFolder } from '../context';

/** At start: a backup when the newest is older than a day (or there is none). */
export async function backupIfDue(ctx: Context): Promise<boolean> {
  if (!isDue(backupFolder(ctx), ctx.now())) return false;
  await backUpNow(ctx);
  return true;
}
