import type { DomainHandlers, Output } from '../../common/contract';
import { backupFolder, type Context, ownBackupsOf } from '../context';
import { conflict, notFound } from '../rpc/app-error';
import {
  BackupRefusedError,
  inspectBackup,
  listBackups,
  makeBackup,
  prune,
  putInPlace,
  withCheckedCopy,
} from '../safety/backups';

function overview(ctx: Context): Output<'backups.list'> {
  const own = ownBackupsOf(ctx);
  return {
    folder: backupFolder(ctx),
    customFolder: ctx.settings.get('backupFolder') !== null,
    databasePath: ctx.databasePath,
    ownFolder: own.folder,
    backups: listBackups(own.folder).map(({ fileName, createdAt, bytes }) => ({ fileName, createdAt, bytes })),
  };
}

/** Only this database's backups can be found: a colleague's in a shared folder are not there. */
function find(ctx: Context, fileName: string) {
  const backup = listBackups(ownBackupsOf(ctx).folder).find((b) => b.fileName === fileName);
  if (!backup) throw notFound('Backup');
  return backup;
}

/** A backup now, then the rotation (7 daily, 8 weekly) of this database's backups. */
export async function backUpNow(ctx: Context) {
  const { folder } = ownBackupsOf(ctx);
  const backup = await makeBackup(ctx.sqlite, folder, ctx.now());
  prune(folder);
  return backup;
}

export const backupHandlers = {
  async 'backups.list'(ctx) {
    return overview(ctx);
  },

  async 'backups.create'(ctx) {
    const { fileName, createdAt, bytes } = await backUpNow(ctx);
    return { fileName, createdAt, bytes };
  },

  async 'backups.inspect'(ctx, input) {
    return inspectBackup(find(ctx, input.fileName), ctx.databaseId);
  },

  async 'backups.restore'(ctx, input) {
    const backup = find(ctx, input.fileName);
    await ctx.audit.flush();
    try {
      // Checked and brought up to date first, in a private copy: the live database is touched only by a backup that passed.
      const safety = await withCheckedCopy(backup, { databaseId: ctx.databaseId, upgrade: true }, async (copy) => {
        // What is there now is kept first: a restore can itself be undone.
        const safety = await makeBackup(ctx.sqlite, ownBackupsOf(ctx).folder, ctx.now());
        await putInPlace(ctx.sqlite, copy, ctx.databasePath);
        // The audit log continues on the restored chain; reset before a queued entry can be written after the old head.
        ctx.settings.set('auditHead', null);
        // The imports of this session wrote to the database that is gone: none can be undone in this one.
        ctx.doneImports.clear();
        return safety;
      });
      ctx.emit('data.restored', {});
      return { safetyBackup: { fileName: safety.fileName, createdAt: safety.createdAt, bytes: safety.bytes } };
    } catch (error) {
      if (error instanceof BackupRefusedError) throw conflict(error.message, { reason: `backup_${error.problem}` });
      throw error;
    }
  },

  async 'backups.chooseFolder'(ctx) {
    const folder = await ctx.desktop.chooseFolder();
    if (!folder) return null;
    ctx.settings.set('backupFolder', folder);
    return overview(ctx);
  },

  async 'backups.resetFolder'(ctx) {
    ctx.settings.set('backupFolder', null);
    return overview(ctx);
  },
} satisfies DomainHandlers<Context, 'backups'>;
