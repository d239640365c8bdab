import type { DomainHandlers, Output } from '../contract';
import { backupFolder, type Context } from '../context';
import { notFound } from '../rpc/app-error';
import { backupContents, listBackups, makeBackup, prune, restoreInto } from '../safety/backups';
import { migrateToLatest } from '../../db/migrate';

function overview(ctx: Context): Output<'backups.list'> {
  const folder = backupFolder(ctx);
  return {
    folder,
    customFolder: ctx.settings.get('backupFolder') !== null,
    databasePath: ctx.databasePath,
    backups: listBackups(folder).map(({ fileName, createdAt, bytes }) => ({ fileName, createdAt, bytes })),
  };
}

function find(ctx: Context, fileName: string) {
  const backup = listBackups(backupFolder(ctx)).find((b) => b.fileName === fileName);
  if (!backup) throw notFound('Backup');
  return backup;
}

/** A backup now, then the rotation (7 daily, 8 weekly). */
export async function backUpNow(ctx: Context) {
  const folder = backupFolder(ctx);
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
    return backupContents(find(ctx, input.fileName));
  },

  async 'backups.restore'(ctx, input) {
    const backup = find(ctx, input.fileName);
    // What is there now is kept first: a restore can itself be undone.
    await ctx.audit.flush();
    const safety = await makeBackup(ctx.sqlite, backupFolder(ctx), ctx.now());
    await restoreInto(ctx.sqlite, backup, ctx.databasePath);
    // A backup from an older Koers is brought up to date; the audit log continues on the restored chain.
    await migrateToLatest(ctx.db);
    ctx.settings.set('auditHead', null);
    ctx.emit('data.restored', {});
    return { safetyBackup: { fileName: safety.fileName, createdAt: safety.createdAt, bytes: safety.bytes } };
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
