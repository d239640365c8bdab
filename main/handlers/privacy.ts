import { addYears, format, parseISO } from 'date-fns';
import { clientRecords, closedBefore, eraseClientRows } from '../../db/queries/privacy';
import type { DomainHandlers } from '../contract';
import { DEFAULT_RETENTION_YEARS } from '../contract/safety';
import { type Context, language, today } from '../context';
import { writeFileAtomic } from '../files';
import { conflict } from '../rpc/app-error';
import { saveName } from '../save-name';
import { checkCatalogChoice, requireClient } from './checks';

const WORDS = { nl: 'Gegevens', da: 'Oplysninger', en: 'Personal data' } as const;

/**
 * Erases clients for good: every row, with secure_delete so the freed pages are
 * overwritten, then a checkpoint so the write-ahead log keeps no old copy either.
 */
async function erase(ctx: Context, clientIds: readonly string[]): Promise<void> {
  await ctx.audit.flush();
  ctx.sqlite.pragma('secure_delete = ON');
  try {
    await ctx.db.transaction().execute(async (trx) => {
      for (const id of clientIds) await eraseClientRows(trx, id);
    });
  } finally {
    ctx.sqlite.pragma('secure_delete = OFF');
  }
  ctx.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  for (const scope of ['clients', 'notes', 'scorings', 'actions'] as const) ctx.emit('data.changed', { scope });
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
    const path = await ctx.desktop.chooseSaveFile({ defaultName: saveName(`${WORDS[language(ctx)]} ${client.pseudonym} ${today(ctx)}`, 'json'), filters: [{ name: 'JSON', extensions: ['json'] }] });
    if (!path) return { path };
    await ctx.audit.flush();
    const records = await clientRecords(ctx.db, client.id);
    const audit = await ctx.db.selectFrom('audit_log').select(['seq', 'at', 'actor', 'action', 'result']).where('entity_id', '=', client.id).orderBy('seq').execute();
    writeFileAtomic(path, JSON.stringify({ exportedAt: ctx.now().toISOString(), application: `Koers ${ctx.appVersion}`, records, audit }, null, 2));
    return { path };
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
    await ctx.db.updateTable('catalog_item').set({ retention_years: input.years }).where('id', '=', input.targetGroupId).execute();
    ctx.emit('data.changed', { scope: 'catalog' });
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
