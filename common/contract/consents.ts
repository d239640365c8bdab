import { z } from 'zod';
import { CONSENT_FORMS, LEGAL_BASES } from '../enums';
import { id, localDate, optionalDate, optionalText, requiredText } from './fields';

/** Schemas of consent records (methods are listed in ./index.ts). */

export const consentSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  purpose: z.string(),
  legalBasis: z.enum(LEGAL_BASES),
  givenAs: z.enum(CONSENT_FORMS),
  givenOn: z.string(),
  validUntil: z.string().nullable(),
  withdrawnOn: z.string().nullable(),
  remark: z.string().nullable(),
  updatedAt: z.string(),
});

/** A new consent, or the corrected fields of one (`id`). Withdrawing is its own call. */
export const consentInputSchema = z.strictObject({
  id: id.optional(),
  clientId: id,
  purpose: requiredText(200),
  legalBasis: z.enum(LEGAL_BASES),
  givenAs: z.enum(CONSENT_FORMS),
  givenOn: localDate,
  validUntil: optionalDate,
  remark: optionalText(1000),
});

/** A consent of the current caseworker's caseload that ends soon, for My day. */
export const expiringConsentSchema = consentSchema.extend({
  client: z.object({ id: z.string(), firstName: z.string(), lastName: z.string(), pseudonym: z.string() }),
});
