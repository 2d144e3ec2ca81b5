import { createHash } from 'node:crypto';
import type { AttemptBackoff, BackoffPolicy, RefundableRateLimiter } from '@dd/queue';

/**
 * Per account, from browsers without the account's device cookie. Keyed by the normalised email,
 * whether or not an account has it, so an unknown address is throttled exactly like a known one.
 * Ten attempts in a row are free; after that each attempt waits twice as long as the last (30 s,
 * 1 min, 2 min … 15 min). An attacker cannot lock the owner out: the owner's browser has its own count.
 */
export const SIGN_IN_ACCOUNT_BACKOFF: BackoffPolicy = {
  freeAttempts: 10,
  firstDelayMs: 30_000,
  maxDelayMs: 15 * 60_000,
  forgetAfterMs: 24 * 3_600_000,
};

/** Per device cookie (a browser that signed in to the account before): the same steps, counted for that browser only. */
export const SIGN_IN_DEVICE_BACKOFF: BackoffPolicy = SIGN_IN_ACCOUNT_BACKOFF;

/**
 * Per client address: failed sign-ins across all accounts (a successful one is handed back, so an
 * office behind one address is not punished for its users signing in). Stops one address from
 * spreading guesses over many accounts, which the per-account count does not see.
 */
export const SIGN_IN_ADDRESS_LIMIT = { limit: 20, windowMs: 60 * 60_000 } as const;

export type ThrottleScope = 'address' | 'account' | 'device';

export type Admission =
  | {
      allowed: true;
      scope: 'account' | 'device';
      /** The attempt's number in its account or device count. */
      attempt: number;
      /** The wait this attempt imposes on the next one if it fails (0 while attempts are free). */
      delayMs: number;
      /** The password was right: forget the count and hand back the address's hit. */
      succeeded(): Promise<void>;
    }
  | { allowed: false; scope: ThrottleScope; retryAfterSeconds: number; firstRefusal: boolean };

const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');

/** The email as the account count knows it; hashed so Redis holds no addresses. */
export const accountThrottleKey = (email: string) => `sign-in:account:${sha256(email.trim().toLowerCase())}`;

/**
 * Decides whether a sign-in attempt may have its password checked. Every count is taken atomically
 * in Redis before the password is verified, so parallel guesses cannot slip past a limit.
 */
export function createSignInThrottle(deps: { backoff: AttemptBackoff; limiter: RefundableRateLimiter }) {
  const { backoff, limiter } = deps;
  return {
    /** `deviceTokenHash`: the cookie's hash, only when it is a live device of the account signed in to. */
    async admit(attempt: { email: string; ip: string; deviceTokenHash: string | null }, nowMs: number): Promise<Admission> {
      const addressKey = `sign-in:address:${attempt.ip}`;
      const address = await limiter.hit(addressKey, SIGN_IN_ADDRESS_LIMIT.limit, SIGN_IN_ADDRESS_LIMIT.windowMs);
      if (!address.allowed) {
        return {
          allowed: false,
          scope: 'address',
          retryAfterSeconds: Math.max(1, Math.ceil(address.retryAfterMs / 1000)),
          firstRefusal: address.count === SIGN_IN_ADDRESS_LIMIT.limit + 1,
        };
      }
      const scope = attempt.deviceTokenHash ? 'device' : 'account';
      const key = attempt.deviceTokenHash ? `sign-in:device:${attempt.deviceTokenHash}` : accountThrottleKey(attempt.email);
      const decision = await backoff.take(key, scope === 'device' ? SIGN_IN_DEVICE_BACKOFF : SIGN_IN_ACCOUNT_BACKOFF, nowMs);
      if (!decision.allowed) {
        return { allowed: false, scope, retryAfterSeconds: Math.max(1, Math.ceil(decision.retryAfterMs / 1000)), firstRefusal: decision.firstRefusal };
      }
      return {
        allowed: true,
        scope,
        attempt: decision.attempt,
        delayMs: decision.delayMs,
        async succeeded() {
          await Promise.all([backoff.reset(key), limiter.refund(addressKey, address.window)]);
        },
      };
    },
  };
}

export type SignInThrottle = ReturnType<typeof createSignInThrottle>;
