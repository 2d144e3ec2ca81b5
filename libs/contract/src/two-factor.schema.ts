import { z } from 'zod';

/**
 * The second step of an admin's sign-in. Messages are keys of the portal's `twoFactor` namespace.
 * The challenge token is the random value the sign-in answered with (43 base64url characters).
 */
const challengeToken = z.string().regex(/^[\w-]{43}$/, 'twoFactor:validation.expired');

/** Six digits (a space in the middle allowed, as apps show them) or a recovery code (`abcd-efgh-jkmn`, any case). */
export const twoFactorCodeSchema = z
  .string()
  .trim()
  .min(1, 'twoFactor:validation.codeRequired')
  .max(40, 'twoFactor:validation.codeInvalid')
  .refine((v) => /^\d{3} ?\d{3}$/.test(v) || /^[a-z0-9]{4}[- ]?[a-z0-9]{4}[- ]?[a-z0-9]{4}$/i.test(v), 'twoFactor:validation.codeInvalid')
  .transform((v) => (/^\d{3} \d{3}$/.test(v) ? v.replace(' ', '') : v));

export const twoFactorCodeInput = z.object({ token: challengeToken, code: twoFactorCodeSchema });
export type TwoFactorCodeInput = z.input<typeof twoFactorCodeInput>;

export const twoFactorTokenInput = z.object({ token: challengeToken });
export type TwoFactorTokenInput = z.input<typeof twoFactorTokenInput>;

/** What a correct password of an admin answers instead of a session. */
export const twoFactorChallengeSchema = z.object({
  secondStep: z.enum(['code', 'setUp']),
  token: z.string(),
  expiresInSeconds: z.number().int(),
  /** Only for `setUp`: the new secret as a QR code (data URL), as an otpauth URI and as text to type in. */
  setUp: z.object({ secret: z.string(), otpauthUri: z.string(), qrDataUrl: z.string() }).optional(),
});
export type TwoFactorChallenge = z.infer<typeof twoFactorChallengeSchema>;

export const recoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });
