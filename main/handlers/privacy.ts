import { addYears, format, parseISO } from 'date-fns';
import { clientRecords, closedBefore, eraseClientRows, householdOnErasure } from '../../db/queries/privacy';
import { dropDeletedFromIndex } from '../../db/search/notes';
import { truncateWalRetrying } from '../../db/wal';
import type { DomainHandlers } from '../../common/contract';
import { DEFAULT_RETENTION_YEARS } from '../../common/contract/safety';
import { fileTexts } from '../../common/i18n/files';
import { type Context, language, today } from '../context';
import { writeFileAtomic } from '../files';
import { conflict } from '../rpc/app-error';
import { saveName } from '../save-name';
import { checkCatalogChoice, requireClient } from './checks';

/**
 * Erases clients for good: every row (secure_delete overwrites them, db/connection.ts),
 * the words of their notes in the full-text index, then the write-ahead log, which
 * still holds the pages as they were. When another program keeps the log from being
 * emptied the erasure is done in the database but not yet on disk: that is reported,
 * not ok. The next erasure, and closing Koers (open-koers.ts), empty it then.
 */
async function erase(ctx: Context, clientIds: readonly string[]): Promise<void> {
  await ctx.audit.flush();
  await ctx.db.transaction().execute(async (trx) => {
    for (const id of clientIds) await eraseClientRows(trx, id);
    await dropDeletedFromIndex(trx);
  });
  if (!(await truncateWalRetrying(ctx.db)))
    throw conflict(
      'Erased in the database; the write-ahead log could not be emptied yet',
      { reason: 'erase_pending' },
      { committed: true },
    );
}

/** Closed cases past their target group's retention period (default 10 years) on this day. */
async function dueForPurge(ctx: Context) {
  const day = today(ctx);
  return (await closedBefore(ctx.db))
    .map((row) => ({
      clientId: row.id,
      pseudonym: row.pseudonym,
      name: `${row.firstName} ${row.lastName}`,
      targetGroupId: row.targetGroupId,
      closedOn: row.closedOn,
      purgeFrom: format(addYears(parseISO(row.closedOn), row.retentionYears ?? DEFAULT_RETENTION_YEARS), 'yyyy-MM-dd'),
    }))
    .filter((row) => row.purgeFrom <= day);
}

export const privacyHandlers = {
  async 'privacy.exportClient'(ctx, input) {
    const client = await requireClient(ctx.db, input.clientId);
    const files = fileTexts[language(ctx)];
    const path = await ctx.desktop.chooseSaveFile({
      defaultName: saveName(`${files.names.personalData} ${client.pseudonym} ${today(ctx)}`, 'json'),
      filters: [{ name: files.types.json, extensions: ['json'] }],
    });
    if (!path) return { path };
    await ctx.audit.flush();
    const records = await clientRecords(ctx.db, client.id);
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['seq', 'at', 'actor', 'action', 'result'])
      .where('entity_id', '=', client.id)
      .orderBy('seq')
      .execute();
    writeFileAtomic(
      path,
      JSON.stringify(
        { exportedAt: ctx.now().toISOString(), application: `Koers ${ctx.appVersion}`, records, audit },
        null,
        2,
      ),
    );
    return { path };
  },

  async 'privacy.erasurePlan'(ctx, input) {
    const client = await requireClient(ctx.db, input.clientId);
    return { household: await householdOnErasure(ctx.db, client.id) };
  },

  async 'privacy.eraseClient'(ctx, input) {
    const client = await requireClient(ctx.db, input.clientId);
    // Typed by hand in the dialog: an erasure cannot be undone.
    if (input.confirm.trim() !== client.pseudonym) throw conflict('Confirmation does not match', { reason: 'confirm' });
    await erase(ctx, [client.id]);
    return { ok: true as const };
  },

  async 'privacy.retention'(ctx) {
    return dueForPurge(ctx);
  },

  async 'privacy.setRetention'(ctx, input) {
    await checkCatalogChoice(ctx.db, input.targetGroupId, 'target_group', 'targetGroupId');
    await ctx.db
      .updateTable('catalog_item')
      .set({ retention_years: input.years })
      .where('id', '=', input.targetGroupId)
      .execute();
    return { ok: true as const };
  },

  async 'privacy.purge'(ctx, input) {
    // Only what is due: a list that went stale in the renderer cannot purge a reopened or younger case.
    const due = new Set((await dueForPurge(ctx)).map((row) => row.clientId));
    const ids = input.clientIds.filter((id) => due.has(id));
    if (ids.length > 0) await erase(ctx, ids);
    return { erased: ids.length };
  },
} satisfies DomainHandlers<Context, 'privacy'>;
