import type { DomainHandlers, FieldIssue } from '../../common/contract';
import { plusDays } from '../../common/dates';
import { getClient } from '../../db/queries/clients';
import {
  expiringConsents,
  getConsent,
  insertConsent,
  listConsents,
  removeConsent,
  updateConsent,
  withdrawConsent,
} from '../../db/queries/consents';
import { actor, type Context, today } from '../context';
import { found, invalidInput } from '../rpc/app-error';

/** How far ahead My day looks for consents that end. */
const EXPIRING_WITHIN_DAYS = 30;

/** A consent is given on a day that has come, and ends or is withdrawn no earlier than that day. */
function checkDates(givenOn: string, later: Record<string, string | null>, todayDate: string): void {
  const issues: FieldIssue[] = [];
  if (givenOn > todayDate) issues.push({ field: 'givenOn', rule: 'future_date' });
  for (const [field, date] of Object.entries(later))
    if (date !== null && date < givenOn) issues.push({ field, rule: 'before_given' });
  if (issues.length > 0) throw invalidInput(...issues);
}

export const consentHandlers = {
  async 'consents.list'(ctx, input) {
    found(await getClient(ctx.db, input.clientId), 'Client');
    return listConsents(ctx.db, input.clientId);
  },

  async 'consents.save'(ctx, input) {
    const { id, ...consent } = input;
    const at = ctx.now().toISOString();
    const savedId = await ctx.db.transaction().execute(async (trx) => {
      found(await getClient(trx, consent.clientId), 'Client');
      const existing = id === undefined ? undefined : found(await getConsent(trx, consent.clientId, id), 'Consent');
      // A correction keeps the withdrawal valid: it cannot come before the consent was given.
      checkDates(
        consent.givenOn,
        { validUntil: consent.validUntil, withdrawnOn: existing?.withdrawnOn ?? null },
        today(ctx),
      );
      if (id === undefined) return insertConsent(trx, consent, at, actor(ctx));
      await updateConsent(trx, id, consent, at, actor(ctx));
      return id;
    });
    return found(await getConsent(ctx.db, consent.clientId, savedId), 'Consent');
  },

  async 'consents.withdraw'(ctx, input) {
    await ctx.db.transaction().execute(async (trx) => {
      const consent = found(await getConsent(trx, input.clientId, input.id), 'Consent');
      checkDates(consent.givenOn, { withdrawnOn: input.withdrawnOn }, today(ctx));
      if (input.withdrawnOn > today(ctx)) throw invalidInput({ field: 'withdrawnOn', rule: 'future_date' });
      await withdrawConsent(trx, input.id, input.withdrawnOn, ctx.now().toISOString(), actor(ctx));
    });
    return found(await getConsent(ctx.db, input.clientId, input.id), 'Consent');
  },

  async 'consents.remove'(ctx, input) {
    found(await getConsent(ctx.db, input.clientId, input.id), 'Consent');
    await removeConsent(ctx.db, input.id, ctx.now().toISOString(), actor(ctx));
    return { ok: true as const };
  },

  async 'consents.expiring'(ctx, input) {
    const from = today(ctx);
    return expiringConsents(ctx.db, {
      from,
      until: plusDays(from, EXPIRING_WITHIN_DAYS),
      ...(input.caseworkerId ? { caseworkerId: input.caseworkerId } : {}),
    });
  },
} satisfies DomainHandlers<Context, 'consents'>;
