import type { Consent } from '../../../common/contract';
import { plusDays } from '../../../common/dates';

/** How many days before it ends a consent is shown as ending soon (My day lists it too). */
export const EXPIRING_WITHIN_DAYS = 30;

export type ConsentStatus = 'withdrawn' | 'expired' | 'expiring' | 'valid';

/** Where a consent stands today: withdrawn (from that day on), past its end, ending within 30 days, or valid. */
export function consentStatus(consent: Pick<Consent, 'validUntil' | 'withdrawnOn'>, today: string): ConsentStatus {
  if (consent.withdrawnOn !== null && consent.withdrawnOn <= today) return 'withdrawn';
  if (consent.validUntil === null) return 'valid';
  if (consent.validUntil < today) return 'expired';
  return consent.validUntil <= plusDays(today, EXPIRING_WITHIN_DAYS) ? 'expiring' : 'valid';
}
