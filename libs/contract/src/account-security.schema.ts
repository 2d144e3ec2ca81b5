import { z } from 'zod';
import { emailSchema, newPasswordSchema } from './auth.schema';
import { secretText } from './text.schema';

/** A token from a mailed link: 43 base64url characters. A wrong one is answered like a used one. */
export const accountTokenSchema = z.string().trim().regex(/^[\w-]{1,100}$/, 'validation.linkInvalid');

export const verifyEmailInput = z.object({ token: accountTokenSchema });
export type VerifyEmailInput = z.input<typeof verifyEmailInput>;

export const requestPasswordResetInput = z.object({ email: emailSchema });
export type RequestPasswordResetInput = z.input<typeof requestPasswordResetInput>;

export const checkPasswordResetInput = z.object({ token: accountTokenSchema });

export const resetPasswordInput = z.object({ token: accountTokenSchema, password: newPasswordSchema });
export type ResetPasswordInput = z.input<typeof resetPasswordInput>;

export const changePasswordInput = z.object({
  currentPassword: secretText({ max: 256, messages: { required: 'validation.passwordRequired', tooLong: 'validation.passwordTooLong', hidden: 'validation.passwordHiddenCharacters' } }),
  newPassword: newPasswordSchema,
});
export type ChangePasswordInput = z.input<typeof changePasswordInput>;

/** Whether the signed-in account's address is proven (the portal's banner asks). */
export const emailStatusSchema = z.object({ verified: z.boolean() });
export type EmailStatus = z.infer<typeof emailStatusSchema>;

/** The answer of an account action that has nothing to report but success. */
export const doneSchema = z.object({ ok: z.literal(true) });
export const resetLinkStatusSchema = z.object({ valid: z.boolean() });
export const verificationResentSchema = z.object({ alreadyVerified: z.boolean() });
