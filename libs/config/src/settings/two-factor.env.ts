import { z } from 'zod';
import { requireInProduction, type IssueSink } from './env-rules';

/**
 * The key admins' TOTP secrets are encrypted with (AES-256-GCM): 32 random bytes, base64 or hex
 * (`openssl rand -base64 32`). A database copy without it holds no usable secret. Unset outside
 * production, the API keeps a generated one in `.data/totp-encryption.key`.
 */
export const twoFactorEnvShape = {
  TOTP_ENCRYPTION_KEY: z
    .string()
    .trim()
    .refine((value) => decodeKey(value) !== undefined, 'must be 32 bytes, base64 (44 characters) or hex (64 characters)')
    .transform((value) => decodeKey(value)!)
    .optional(),
};

function decodeKey(value: string): Buffer | undefined {
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(value)) return Buffer.from(value, value.includes('-') || value.includes('_') ? 'base64url' : 'base64');
  return undefined;
}

/** A generated key in production would change with each container and lock every admin out. */
export function checkTwoFactorKey(env: { NODE_ENV?: unknown } & Record<string, unknown>, ctx: IssueSink): void {
  requireInProduction(env, ctx, ['TOTP_ENCRYPTION_KEY'], 'admins’ authenticator secrets are encrypted with it');
}
