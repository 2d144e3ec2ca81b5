import { randomBytes } from 'node:crypto';
import type { Db, Role } from '@dd/db';
import { DomainError } from '@dd/errors';
import type { SignInInput } from '@dd/contract';
import { accountRepository } from './account.repository';
import { auditRepository } from './audit.repository';
import { knownDeviceRepository } from './known-device.repository';
import { burnVerifyTime, verifyPassword } from './password';
import { hashToken } from './session.service';
import type { SignInThrottle, ThrottleScope } from './sign-in-throttle';

/** How long a browser stays a known device of the account without signing in again. */
export const KNOWN_DEVICE_TTL_DAYS = 180;
/** Known devices kept per account; signing in on an eleventh forgets the one unused the longest. */
export const KNOWN_DEVICES_PER_ACCOUNT = 10;

/** What the API knows about the request behind a sign-in. */
export interface SignInAttempt {
  /** The client address (Fastify's request.ip). */
  ip: string;
  /** The device cookie, if the browser sent one. */
  deviceToken: string | undefined;
}

export interface DeviceCookie {
  token: string;
  expiresAt: Date;
}

const invalidCredentials = () => new DomainError('INVALID_CREDENTIALS', 'The email address or password is not correct.');

/** The same words and reason for a known and an unknown address: the answer must not tell them apart. */
function tooManyAttempts(scope: ThrottleScope, retryAfterSeconds: number): DomainError {
  const byAddress = scope === 'address';
  return new DomainError(
    'TOO_MANY_ATTEMPTS',
    byAddress
      ? `Too many failed sign-ins from your network. Try again in ${retryAfterSeconds} seconds.`
      : `Too many sign-in attempts with this email address. Try again in ${retryAfterSeconds} seconds.`,
    { retryAfterSeconds },
    { code: byAddress ? 'signInAddressLimited' : 'signInDelayed', params: { retryAfterSeconds } },
  );
}

/**
 * Sign-in with throttling per client address, per account and per known device (see
 * docs/ARCHITECTURE.md, Security). Every attempt, refusal and wait is written to the audit log.
 */
export function createSignInService(deps: { db: Db; throttle: SignInThrottle; now?: () => Date }) {
  const { db, throttle } = deps;
  const now = deps.now ?? (() => new Date());

  /** The device row if the cookie is a live known device of exactly this account. */
  async function trustedDevice(token: string | undefined, email: string, at: Date) {
    if (!token || token.length > 128) return undefined;
    const device = await knownDeviceRepository.findActive(db, hashToken(token), at);
    return device && device.email === email ? device : undefined;
  }

  async function rememberDevice(userId: string, existing: { token: string; tokenHash: string } | undefined, at: Date): Promise<DeviceCookie> {
    const expiresAt = new Date(at.getTime() + KNOWN_DEVICE_TTL_DAYS * 86_400_000);
    if (existing) {
      await knownDeviceRepository.touch(db, existing.tokenHash, at, expiresAt);
      return { token: existing.token, expiresAt };
    }
    const token = randomBytes(32).toString('base64url');
    await knownDeviceRepository.insert(db, { tokenHash: hashToken(token), userId, expiresAt });
    await knownDeviceRepository.prune(db, userId, at, KNOWN_DEVICES_PER_ACCOUNT);
    return { token, expiresAt };
  }

  const audit = (action: string, subjectId: string | null, details: Record<string, unknown>, actor?: { id: string; role: 'customer' | 'advertiser' | 'admin' }) =>
    auditRepository.append(db, {
      actorUserId: actor?.id ?? null,
      actorRole: actor?.role ?? 'system',
      action,
      subjectType: 'user',
      subjectId,
      details,
    });

  return {
    /** The user id and the device cookie to set; wrong email and wrong password look the same from outside. */
    async signIn(input: Required<SignInInput>, attempt: SignInAttempt): Promise<{ userId: string; email: string; role: Role; device: DeviceCookie }> {
      const email = input.email.trim().toLowerCase();
      const at = now();
      const device = await trustedDevice(attempt.deviceToken, email, at);
      const admission = await throttle.admit({ email, ip: attempt.ip, deviceTokenHash: device?.token_hash ?? null }, at.getTime());
      if (!admission.allowed) {
        // Once per wait, not per refused request: a flood of refusals must not flood the log.
        if (admission.firstRefusal) {
          const subject = admission.scope === 'address' ? null : ((await accountRepository.findByEmail(db, email))?.id ?? null);
          await audit('auth.sign_in_throttled', subject, { ip: attempt.ip, scope: admission.scope, retryAfterSeconds: admission.retryAfterSeconds });
        }
        throw tooManyAttempts(admission.scope, admission.retryAfterSeconds);
      }

      const user = await accountRepository.findByEmail(db, email);
      // An account being erased is gone for its owner already; it answers like an unknown address.
      const usable = user && user.erasure_requested_at === null ? user : undefined;
      let verified = false;
      if (usable) verified = await verifyPassword(usable.password_hash, input.password);
      else await burnVerifyTime(input.password);

      if (!usable || !verified) {
        const base = { ip: attempt.ip, scope: admission.scope };
        await audit('auth.sign_in_failed', user?.id ?? null, { ...base, attempt: admission.attempt, ...(user ? {} : { unknownAddress: true }) });
        if (admission.delayMs > 0) {
          await audit('auth.sign_in_locked', user?.id ?? null, { ...base, failures: admission.attempt, lockedSeconds: Math.ceil(admission.delayMs / 1000) });
        }
        throw invalidCredentials();
      }

      await admission.succeeded();
      const cookie = await rememberDevice(usable.id, device && attempt.deviceToken ? { token: attempt.deviceToken, tokenHash: device.token_hash } : undefined, at);
      // An admin is signed in only after the second step (two-factor.service.ts); the password alone is a step.
      const action = usable.role === 'admin' ? 'auth.password_accepted' : 'auth.signed_in';
      await audit(action, usable.id, { ip: attempt.ip, knownDevice: device !== undefined }, { id: usable.id, role: usable.role });
      return { userId: usable.id, email: usable.email, role: usable.role, device: cookie };
    },
  };
}

export type SignInService = ReturnType<typeof createSignInService>;
