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

/** One of the signed-in person's sessions: an opaque id and what helps recognise it. */
export const ownSessionSchema = z.object({
  id: z.string().uuid(),
  /** Browser and operating-system families ("Firefox", "Windows"); null when not recognised. */
  browser: z.string().nullable(),
  os: z.string().nullable(),
  createdAt: z.string(),
  lastUsedAt: z.string(),
  /** The session of the browser asking. */
  current: z.boolean(),
});
export type OwnSessionView = z.infer<typeof ownSessionSchema>;
export const ownSessionsSchema = z.array(ownSessionSchema);

export const endSessionInput = z.object({ sessionId: z.string().uuid('validation.invalid') });
export type EndSessionInput = z.input<typeof endSessionInput>;
/** `signedOut`: the session ended was this browser's own. */
export const sessionEndedSchema = z.object({ signedOut: z.boolean() });

/** Why this browser's session ended, for the sign-in page: after inactivity, or ended from elsewhere. */
export const sessionEndNoticeSchema = z.object({ reason: z.enum(['idle', 'ended']).nullable() });
export type SessionEndNoticeView = z.infer<typeof sessionEndNoticeSchema>;

/** The field is `email` (the new address) so the per-recipient rate limit counts it. */
export const requestEmailChangeInput = z.object({
  email: emailSchema,
  currentPassword: secretText({ max: 256, messages: { required: 'validation.passwordRequired', tooLong: 'validation.passwordTooLong', hidden: 'validation.passwordHiddenCharacters' } }),
});
export type RequestEmailChangeInput = z.input<typeof requestEmailChangeInput>;

/** An e-mail change waiting for its link to be followed: the new address and until when the link works. */
export const emailChangeStatusSchema = z.object({ pending: z.object({ email: z.string(), expiresAt: z.string() }).nullable() });
export type EmailChangeStatus = z.infer<typeof emailChangeStatusSchema>;

export const confirmEmailChangeInput = z.object({ token: accountTokenSchema });
export type ConfirmEmailChangeInput = z.input<typeof confirmEmailChangeInput>;
