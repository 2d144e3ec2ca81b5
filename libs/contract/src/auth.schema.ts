import { z } from 'zod';
import { organisationDetailsFields } from './organisation.schema';
import { postalAddressSchema } from './postal-address.schema';
import { secretText, singleLine } from './text.schema';

/**
 * Input rules shared by the API (which enforces them) and the portal (which shows them inline).
 * Messages are i18n keys: the portal translates them, the API returns them as field errors.
 */
export const PASSWORD_MIN_LENGTH = 12;

export const emailSchema = z
  .string()
  .trim()
  .min(1, 'validation.emailRequired')
  .max(254, 'validation.emailInvalid')
  .email('validation.emailInvalid')
  .transform((v) => v.toLowerCase());

export const newPasswordSchema = secretText({
  min: PASSWORD_MIN_LENGTH,
  max: 256,
  messages: { required: 'validation.passwordTooShort', tooLong: 'validation.passwordTooLong', hidden: 'validation.passwordHiddenCharacters' },
}).refine((v) => /[a-zA-Z]/.test(v) && /[^a-zA-Z]/.test(v), 'validation.passwordTooSimple');

export const localeSchema = z.enum(['nl', 'en']);
export type LocaleCode = z.infer<typeof localeSchema>;

export const displayNameSchema = singleLine({ min: 1, max: 100, messages: { required: 'validation.nameRequired', tooLong: 'validation.nameTooLong' } });

export const signUpCustomerInput = z.object({
  displayName: displayNameSchema,
  email: emailSchema,
  password: newPasswordSchema,
  locale: localeSchema.default('nl'),
});
export type SignUpCustomerInput = z.input<typeof signUpCustomerInput>;

export const organisationNameSchema = singleLine({ min: 2, max: 200, messages: { required: 'validation.organisationRequired', tooLong: 'validation.nameTooLong' } });

export const signUpAdvertiserInput = z.object({
  displayName: displayNameSchema,
  email: emailSchema,
  password: newPasswordSchema,
  organisationName: organisationNameSchema,
  locale: localeSchema.default('nl'),
  // Registration details: optional here (the organisation page completes them before verification),
  // required by the portal's sign-up form. The contact email defaults to the account's email.
  kvkNumber: organisationDetailsFields.kvkNumber.optional(),
  vatNumber: organisationDetailsFields.vatNumber.optional(),
  contactName: organisationDetailsFields.contactName.optional(),
  contactEmail: organisationDetailsFields.contactEmail.optional(),
  industry: organisationDetailsFields.industry.optional(),
  /** The postal address for invoices; optional here like the details above, completed on the organisation page. */
  address: postalAddressSchema.optional(),
});
export type SignUpAdvertiserInput = z.input<typeof signUpAdvertiserInput>;
/** After parsing: defaults applied, details normalised. */
export type SignUpAdvertiserData = z.output<typeof signUpAdvertiserInput>;

export const signInInput = z.object({
  email: emailSchema,
  // Never validate the strength of an existing password at sign-in: only that one was given.
  password: secretText({ max: 256, messages: { required: 'validation.passwordRequired', tooLong: 'validation.passwordTooLong', hidden: 'validation.passwordHiddenCharacters' } }),
});
export type SignInInput = z.input<typeof signInInput>;

export const roleSchema = z.enum(['customer', 'advertiser', 'admin']);
export type RoleName = z.infer<typeof roleSchema>;

/** What the portal knows about the signed-in person: nothing more than it displays. */
export const viewerSchema = z.object({
  id: z.string().uuid(),
  email: z.string(),
  displayName: z.string(),
  role: roleSchema,
  locale: localeSchema,
  organisation: z
    .object({ id: z.string().uuid(), name: z.string(), status: z.enum(['unverified', 'verified', 'rejected']) })
    .nullable(),
});
export type Viewer = z.infer<typeof viewerSchema>;

export const setLocaleInput = z.object({ locale: localeSchema });
