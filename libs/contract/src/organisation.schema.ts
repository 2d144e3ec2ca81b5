import { z } from 'zod';
import { postalAddressOutputSchema, postalAddressSchema } from './postal-address.schema';
import { plainText, singleLine } from './text.schema';

/**
 * An advertiser organisation's registration details: the rules the sign-up form and the
 * organisation page show inline and the API enforces. Messages are i18n keys; the ones of this
 * file live in the portal's `organisation` namespace. The database keeps the same shapes
 * (migration 20261123T190000-marketplace), so a malformed number can never be stored.
 */

export const organisationStatusSchema = z.enum(['unverified', 'verified', 'rejected']);
export type OrganisationStatusCode = z.infer<typeof organisationStatusSchema>;

/**
 * A KvK number is 8 digits. It is checked for that shape only: the KvK dropped the eleven test
 * (elfproef) for new numbers in 2016 and publishes no other check digit, so any further "check"
 * would refuse real companies. Whether the number exists is what the admin verifies.
 */
export const KVK_PATTERN = /^[0-9]{8}$/;
export const VAT_PATTERN = /^NL[0-9]{9}B[0-9]{2}$/;

/** The eleven test (elfproef) of a 9-digit RSIN or BSN: 9·d1 + 8·d2 + … + 2·d8 − d9 is a multiple of 11. */
export function passesElevenTest(digits: string): boolean {
  if (!/^[0-9]{9}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
  return (sum - Number(digits[8])) % 11 === 0;
}

/** ISO 7064 MOD 97-10 over letters and digits (A = 10 … Z = 35, so N = 23, L = 21, B = 11): the remainder is 1. */
export function passesMod97(text: string): boolean {
  if (!/^[0-9A-Z]+$/.test(text)) return false;
  let remainder = 0;
  for (const char of text) {
    const value = char >= 'A' ? String(char.charCodeAt(0) - 55) : char;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/**
 * A Dutch VAT identification number (btw-id) that can exist: NL, 9 digits, B, 2 digits (not 00), and
 * a check that passes. The Belastingdienst accepts either of two: numbers derived from an RSIN (and
 * sole proprietors' old numbers derived from a BSN) pass the eleven test on the 9 digits; the btw-id
 * sole proprietors have had since 1 January 2020 is not derived from the BSN and instead passes
 * MOD 97-10 over the whole text, "NL" and "B" included.
 */
export function isValidDutchVatNumber(vat: string): boolean {
  const match = /^NL([0-9]{9})B([0-9]{2})$/.exec(vat);
  if (!match || /^0+$/.test(match[1]!) || match[2] === '00') return false;
  return passesElevenTest(match[1]!) || passesMod97(vat);
}

/** "1234 56.78" → "12345678": people copy the number with the spaces and dots the KvK prints. */
export function normaliseKvkNumber(text: string): string {
  return text.replace(/[\s.]/g, '');
}

/** "nl 8588.67.197 b01" → "NL858867197B01": the form the Belastingdienst validates. */
export function normaliseVatNumber(text: string): string {
  return text.replace(/[\s.]/g, '').toUpperCase();
}

export const kvkNumberSchema = z
  .string()
  .max(40, 'organisation:validation.kvkInvalid')
  .transform(normaliseKvkNumber)
  .pipe(z.string().min(1, { message: 'organisation:validation.kvkRequired', abort: true }).regex(KVK_PATTERN, 'organisation:validation.kvkInvalid'));

export const vatNumberSchema = z
  .string()
  .max(40, 'organisation:validation.vatInvalid')
  .transform(normaliseVatNumber)
  .pipe(
    z
      .string()
      .min(1, { message: 'organisation:validation.vatRequired', abort: true })
      .regex(VAT_PATTERN, { message: 'organisation:validation.vatInvalid', abort: true })
      .refine(isValidDutchVatNumber, 'organisation:validation.vatCheckFailed'),
  );

export const contactNameSchema = singleLine({
  min: 1,
  max: 100,
  messages: { required: 'organisation:validation.contactNameRequired', tooLong: 'organisation:validation.contactNameTooLong' },
});

export const contactEmailSchema = z
  .string()
  .trim()
  .min(1, 'organisation:validation.contactEmailRequired')
  .max(254, 'organisation:validation.contactEmailInvalid')
  .email('organisation:validation.contactEmailInvalid')
  .transform((v) => v.toLowerCase());

/**
 * An industry code from the reference data (the list customers can exclude). The contract cannot
 * import the server's catalogue; the API checks the code and answers `organisation:validation.industryUnknown`.
 */
export const industryInputSchema = singleLine({
  min: 1,
  max: 60,
  messages: { required: 'organisation:validation.industryRequired', tooLong: 'organisation:validation.industryUnknown', hidden: 'organisation:validation.industryUnknown' },
});

export const organisationNameInputSchema = singleLine({ min: 2, max: 200, messages: { required: 'validation.organisationRequired', tooLong: 'validation.nameTooLong' } });

/** What an advertiser may state about its organisation; optional at sign-up, complete before verification. */
export const organisationDetailsFields = {
  kvkNumber: kvkNumberSchema,
  vatNumber: vatNumberSchema,
  contactName: contactNameSchema,
  contactEmail: contactEmailSchema,
  industry: industryInputSchema,
};

/** The organisation page: complete or correct the details (a rejected organisation resubmits by saving). */
export const updateOrganisationInput = z.object({
  name: organisationNameInputSchema,
  ...organisationDetailsFields,
  /** The postal address for invoices; left as it is when absent (organisations from before it was asked have none). */
  address: postalAddressSchema.optional(),
});
export type UpdateOrganisationInput = z.input<typeof updateOrganisationInput>;

/** The details an admin needs before verifying; named as the input fields are. */
export const ORGANISATION_REQUIRED_DETAILS = ['kvkNumber', 'vatNumber', 'contactName', 'contactEmail', 'industry'] as const;
export type OrganisationDetail = (typeof ORGANISATION_REQUIRED_DETAILS)[number];

/** The advertiser's own organisation, as its organisation page shows it. */
export const organisationSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: organisationStatusSchema,
  kvkNumber: z.string().nullable(),
  vatNumber: z.string().nullable(),
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  industry: z.string().nullable(),
  /** The postal address printed on invoices; null until the organisation gave one. */
  address: postalAddressOutputSchema.nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  /** The admin's reason, shown to the advertiser while the organisation is rejected (or its verification withdrawn). */
  rejectionReason: z.string().nullable(),
  /**
   * Set when the organisation was verified before and is not any more: its name, KvK, VAT number or
   * industry changed (back in review), or an admin withdrew the verification. Cleared by the next decision.
   */
  verificationEnded: z.object({ cause: z.enum(['detailsChanged', 'withdrawn']), at: z.string() }).nullable(),
  /** Details still missing before an admin can verify. */
  missing: z.array(z.enum(ORGANISATION_REQUIRED_DETAILS)),
});
export type Organisation = z.infer<typeof organisationSchema>;

// ——— Admin: verification ———

export const ORGANISATIONS_PAGE_SIZE = 25;

export const adminOrganisationsInput = z.object({
  status: organisationStatusSchema.optional(),
  /** The id of the last organisation of the previous page. */
  cursor: z.uuid('validation.invalidId').optional(),
  limit: z.number().int().min(1).max(100).default(ORGANISATIONS_PAGE_SIZE),
});
export type AdminOrganisationsInput = z.input<typeof adminOrganisationsInput>;

export const adminOrganisationSchema = organisationSchema.extend({
  /** The advertiser accounts of the organisation (their sign-up email is the default contact). */
  accounts: z.number().int(),
  /**
   * A fingerprint of the details shown (name, numbers, industry, contact). Verifying sends it back:
   * the server verifies only if the details are still the ones the admin looked at.
   */
  detailsVersion: z.string(),
});
export type AdminOrganisation = z.infer<typeof adminOrganisationSchema>;

export const adminOrganisationsPageSchema = z.object({
  items: z.array(adminOrganisationSchema),
  nextCursor: z.string().nullable(),
});
export type AdminOrganisationsPage = z.infer<typeof adminOrganisationsPageSchema>;

export const REJECTION_REASON_MIN = 10;
export const REJECTION_REASON_MAX = 1000;

export const rejectionReasonSchema = plainText({
  min: REJECTION_REASON_MIN,
  max: REJECTION_REASON_MAX,
  messages: {
    required: 'adminOrganisations:validation.reasonTooShort',
    tooShort: 'adminOrganisations:validation.reasonTooShort',
    tooLong: 'adminOrganisations:validation.reasonTooLong',
  },
});

export const DETAILS_VERSION_PATTERN = /^[0-9a-f]{64}$/;

/** Verify exactly what was shown: `detailsVersion` is the list item's; a change since then is refused (reason `detailsChanged`). */
export const verifyOrganisationInput = z.object({
  id: z.uuid('validation.invalidId'),
  detailsVersion: z.string('adminOrganisations:validation.versionMissing').regex(DETAILS_VERSION_PATTERN, 'adminOrganisations:validation.versionMissing'),
});
export type VerifyOrganisationInput = z.input<typeof verifyOrganisationInput>;
export const rejectOrganisationInput = z.object({ id: z.uuid('validation.invalidId'), reason: rejectionReasonSchema });
export type RejectOrganisationInput = z.input<typeof rejectOrganisationInput>;
/** Withdraw a verification (the organisation can no longer estimate or buy); the advertiser reads the reason. */
export const withdrawVerificationInput = z.object({ id: z.uuid('validation.invalidId'), reason: rejectionReasonSchema });
export type WithdrawVerificationInput = z.input<typeof withdrawVerificationInput>;
