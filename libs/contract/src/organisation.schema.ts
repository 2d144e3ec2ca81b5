import { z } from 'zod';

/**
 * An advertiser organisation's registration details: the rules the sign-up form and the
 * organisation page show inline and the API enforces. Messages are i18n keys; the ones of this
 * file live in the portal's `organisation` namespace. The database keeps the same shapes
 * (migration 20261123T190000-marketplace), so a malformed number can never be stored.
 */

export const organisationStatusSchema = z.enum(['unverified', 'verified', 'rejected']);
export type OrganisationStatusCode = z.infer<typeof organisationStatusSchema>;

export const KVK_PATTERN = /^[0-9]{8}$/;
export const VAT_PATTERN = /^NL[0-9]{9}B[0-9]{2}$/;

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
  .transform(normaliseKvkNumber)
  .pipe(z.string().min(1, 'organisation:validation.kvkRequired').regex(KVK_PATTERN, 'organisation:validation.kvkInvalid'));

export const vatNumberSchema = z
  .string()
  .transform(normaliseVatNumber)
  .pipe(z.string().min(1, 'organisation:validation.vatRequired').regex(VAT_PATTERN, 'organisation:validation.vatInvalid'));

export const contactNameSchema = z
  .string()
  .trim()
  .min(1, 'organisation:validation.contactNameRequired')
  .max(100, 'organisation:validation.contactNameTooLong');

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
export const industryInputSchema = z.string().trim().min(1, 'organisation:validation.industryRequired').max(60, 'organisation:validation.industryUnknown');

export const organisationNameInputSchema = z.string().trim().min(2, 'validation.organisationRequired').max(200, 'validation.nameTooLong');

/** What an advertiser may state about its organisation; optional at sign-up, complete before verification. */
export const organisationDetailsFields = {
  kvkNumber: kvkNumberSchema,
  vatNumber: vatNumberSchema,
  contactName: contactNameSchema,
  contactEmail: contactEmailSchema,
  industry: industryInputSchema,
};

/** The organisation page: complete or correct the details (a rejected organisation resubmits by saving). */
export const updateOrganisationInput = z.object({ name: organisationNameInputSchema, ...organisationDetailsFields });
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
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  /** The admin's reason, shown to the advertiser while the organisation is rejected. */
  rejectionReason: z.string().nullable(),
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
});
export type AdminOrganisation = z.infer<typeof adminOrganisationSchema>;

export const adminOrganisationsPageSchema = z.object({
  items: z.array(adminOrganisationSchema),
  nextCursor: z.string().nullable(),
});
export type AdminOrganisationsPage = z.infer<typeof adminOrganisationsPageSchema>;

export const REJECTION_REASON_MIN = 10;
export const REJECTION_REASON_MAX = 1000;

export const rejectionReasonSchema = z
  .string()
  .trim()
  .min(REJECTION_REASON_MIN, 'adminOrganisations:validation.reasonTooShort')
  .max(REJECTION_REASON_MAX, 'adminOrganisations:validation.reasonTooLong');

export const verifyOrganisationInput = z.object({ id: z.uuid('validation.invalidId') });
export const rejectOrganisationInput = z.object({ id: z.uuid('validation.invalidId'), reason: rejectionReasonSchema });
export type RejectOrganisationInput = z.input<typeof rejectOrganisationInput>;
