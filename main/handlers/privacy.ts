import { addYears, format, parseISO } from 'date-fns';
import { clientRecords, closedBefore, eraseClientRows, householdOnErasure } from '../../db/queries/privacy';
import { dropDeletedFromIndex } from '../../db/search/notes';
import { truncateWalRetrying } from '../../db/wal';
import type { DomainHandlers } from '../../common/contract';
import { DEFAULT_RETENTION_YEARS } from '../../common/contract/safety';
import { fileTexts } from '../../common/i18n/files';
import { type Context, language, today } from '../context';
import { writeFileAtomic } from '../files';
import { getClient } from '../../db/queries/clients';
import { conflict, found } from '../rpc/app-error';
import { saveName } from '../save-name';
import { checkCatalogChoice } from './checks';
import { SyncError } from '../sync/transport';

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
    .map(({ firstName, lastName, retentionYears, ...row }) => ({
      ...row,
      name: `${firstName} ${lastName}`,
      purgeFrom: format(addYears(parseISO(row.closedOn), retentionYears ?? DEFAULT_RETENTION_YEARS), 'yyyy-MM-dd'),
    }))
    .filter((row) => row.purgeFrom <= day);
}

/**
 * On a key person's team laptop the access export is made from the team server's data: all of it,
 * colleagues' notes too (which this laptop may not hold), with the server's audit lines. Elsewhere
 * (alone, or a caseworker's own laptop): null, the laptop's own data is the client's file.
 */
async function teamExport(ctx: Context, clientId: string) {
  const status = await ctx.team.status();
  if (status.team?.role !== 'key_person') return null;
  try {
    const answer = await ctx.team.accessExport(clientId);
    return { answer, team: status.team.teamName, server: status.team.serverUrl, waiting: status.waiting };
  } catch (error) {
    if (!(error instanceof SyncError)) throw error;
    throw conflict(`The team server could not make the export (${error.problem})`, {
      reason: 'access_export_team',
    });
  }
}

export const privacyHandlers = {
  async 'privacy.exportClient'(ctx, input) {
    const client = found(await getClient(ctx.db, input.clientId), 'Client');
    const files = fileTexts[language(ctx)];
    const path = await ctx.desktop.chooseSaveFile({
      defaultName: saveName(`${files.names.personalData} ${client.pseudonym} ${today(ctx)}`, 'json'),
      filters: [{ name: files.types.json, extensions: ['json'] }],
    });
    if (!path) return { path };
    // Asked once she has chosen where: the server logs every export it makes.
    const fromTeam = await teamExport(ctx, client.id);
    await ctx.audit.flush();
    const records = fromTeam?.answer.records ?? (await clientRecords(ctx.db, client.id));
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['seq', 'at', 'actor', 'action', 'result'])
      .where('entity_id', '=', client.id)
      .orderBy('seq')
      .execute();
    writeFileAtomic(
      path,
      JSON.stringify(
        {
          exportedAt: ctx.now().toISOString(),
          application: `Koers ${ctx.appVersion}`,
          // Where the records come from: the team server (a key person's laptop), or this laptop.
          source: fromTeam ? { team: fromTeam.team, server: fromTeam.server } : 'this laptop',
          records,
          // The team server's log of who sent, received or exported the client's data, and this
          // laptop's own log of who opened it here.
          ...(fromTeam ? { teamAudit: fromTeam.answer.audit, changesWaitingHere: fromTeam.waiting } : {}),
          audit,
        },
        null,
        2,
      ),
    );
    return { path };
  },

  async 'privacy.erasurePlan'(ctx, input) {
    const client = found(await getClient(ctx.db, input.clientId), 'Client');
    return { household: await householdOnErasure(ctx.db, client.id) };
  },

  async 'privacy.eraseClient'(ctx, input) {
    const client = found(await getClient(ctx.db, input.clientId), 'Client');
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
