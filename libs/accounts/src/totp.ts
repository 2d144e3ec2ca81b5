import { createHash, randomInt } from 'node:crypto';
import { generateSecret, generateSync, generateURI, verifySync } from 'otplib';

/** RFC 6238 as every authenticator app implements it: SHA-1, 6 digits, 30-second steps. */
export const TOTP_PERIOD_SECONDS = 30;
/** The issuer an authenticator app shows next to the account. */
export const TOTP_ISSUER = 'DataDividend';
/** Recovery codes handed out at set-up. */
export const RECOVERY_CODE_COUNT = 10;

/** 160 random bits, base32: what authenticator apps expect (RFC 4226 recommends 160). */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

export function otpauthUri(secret: string, email: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: email, secret });
}

export const timeStepAt = (nowMs: number) => Math.floor(nowMs / 1000 / TOTP_PERIOD_SECONDS);

/** The code for a time step (tests and the set-up helpers compute what an app would show). */
export function totpCodeAt(secret: string, nowMs: number): string {
  return generateSync({ secret, epoch: Math.floor(nowMs / 1000) });
}

/**
 * The time step `code` belongs to, if it is the code of the current step or one step either side
 * (clocks of phones drift) and later than `afterStep`, the last step accepted before: a code seen
 * once cannot be used again, even while it is still in the window.
 */
export function acceptedTimeStep(secret: string, code: string, nowMs: number, afterStep: number | null): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const result = verifySync({
    secret,
    token: code,
    epoch: Math.floor(nowMs / 1000),
    epochTolerance: TOTP_PERIOD_SECONDS,
    ...(afterStep === null ? {} : { afterTimeStep: afterStep }),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

// No 0/o, 1/l/i: a code read off paper is typed back without guessing.
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const RECOVERY_GROUPS = 3;
const RECOVERY_GROUP_LENGTH = 4;

/** A recovery code: 12 characters of a 31-letter alphabet (59 bits), shown as `abcd-efgh-jkmn`. */
export function newRecoveryCode(): string {
  const groups = Array.from({ length: RECOVERY_GROUPS }, () =>
    Array.from({ length: RECOVERY_GROUP_LENGTH }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join(''),
  );
  return groups.join('-');
}

/** What a person may type for a recovery code (any case, with or without dashes and spaces), in stored form; null when it cannot be one. */
export function normaliseRecoveryCode(input: string): string | null {
  const compact = input.toLowerCase().replace(/[\s-]/g, '');
  if (compact.length !== RECOVERY_GROUPS * RECOVERY_GROUP_LENGTH) return null;
  if (![...compact].every((c) => RECOVERY_ALPHABET.includes(c))) return null;
  return compact;
}

/** SHA-256 is enough: the codes are random with 59 bits each, so nothing is left to stretch. */
export const hashRecoveryCode = (normalised: string) => createHash('sha256').update(`recovery:${normalised}`).digest('base64url');
