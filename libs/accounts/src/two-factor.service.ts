import { toDataURL } from 'qrcode';
import type { Db } from '@dd/db';
import type { TwoFactorChallenge } from '@dd/contract';
import { DomainError } from '@dd/errors';
import type { RefundableRateLimiter } from '@dd/queue';
import { newAccountToken } from './account-token';
import { auditRepository } from './audit.repository';
import { hashToken } from './session.service';
import type { SecretBox } from './two-factor.crypto';
import { twoFactorRepository } from './two-factor.repository';
import { acceptedTimeStep, hashRecoveryCode, newRecoveryCode, newTotpSecret, normaliseRecoveryCode, otpauthUri, RECOVERY_CODE_COUNT } from './totp';

/** How long the second step may take after a correct password. */
export const TWO_FACTOR_CHALLENGE_TTL_MINUTES = 5;
/** Wrong codes (and recovery codes) per account in a window: 6 digits must not be guessable by trying. */
export const TWO_FACTOR_CODE_LIMIT = { limit: 5, windowMs: 15 * 60_000 } as const;

const expired = () =>
  new DomainError('INVALID_CREDENTIALS', 'Your sign-in has expired. Enter your e-mail address and password again.', undefined, { code: 'twoFactorExpired', params: {} });

const wrongCode = (used: boolean) =>
  used
    ? new DomainError('INVALID_CREDENTIALS', 'This code was used already. Wait for the next code in your authenticator app.', { field: 'code', messageKey: 'twoFactor:errors.codeUsed' })
    : new DomainError('INVALID_CREDENTIALS', 'The code is not correct. Enter the current code from your authenticator app, or a recovery code.', {
        field: 'code',
        messageKey: 'twoFactor:errors.codeWrong',
      });

/**
 * The second step of an admin's sign-in (TOTP, RFC 6238): after a correct password the sign-in
 * hands out a challenge instead of a session; the session starts only once it is answered with a
 * code, a recovery code, or (the first time) a confirmed authenticator set-up. See
 * docs/ARCHITECTURE.md, Two-factor sign-in.
 */
export function createTwoFactorService(deps: { db: Db; limiter: RefundableRateLimiter; box: SecretBox; now?: () => Date }) {
  const { db, limiter, box } = deps;
  const now = deps.now ?? (() => new Date());

  const audit = (action: string, userId: string, details: Record<string, unknown>) =>
    auditRepository.append(db, { actorUserId: userId, actorRole: 'admin', action, subjectType: 'user', subjectId: userId, details });

  async function liveChallenge(token: string, kind: 'verify' | 'set_up') {
    const challenge = await twoFactorRepository.findLiveChallenge(db, hashToken(token), now());
    if (!challenge || challenge.kind !== kind || challenge.role !== 'admin') throw expired();
    return challenge;
  }

  /** Counts an attempt before any code is checked, so parallel guesses cannot slip past the limit. */
  async function admit(userId: string, ip: string) {
    const key = `two-factor:account:${userId}`;
    const hit = await limiter.hit(key, TWO_FACTOR_CODE_LIMIT.limit, TWO_FACTOR_CODE_LIMIT.windowMs);
    if (!hit.allowed) {
      const retryAfterSeconds = Math.max(1, Math.ceil(hit.retryAfterMs / 1000));
      if (hit.count === TWO_FACTOR_CODE_LIMIT.limit + 1) await audit('auth.two_factor_throttled', userId, { ip, retryAfterSeconds });
      throw new DomainError('TOO_MANY_ATTEMPTS', `Too many wrong codes. Try again in ${retryAfterSeconds} seconds.`, { retryAfterSeconds }, {
        code: 'twoFactorLimited',
        params: { retryAfterSeconds },
      });
    }
    return { succeeded: () => limiter.refund(key, hit.window) };
  }

  async function consume(token: string): Promise<void> {
    if (!(await twoFactorRepository.consumeChallenge(db, hashToken(token), now()))) throw expired();
  }

  return {
    /** After a correct password: the challenge to answer, with a new secret when the admin has no authenticator yet. */
    async begin(user: { id: string; email: string }): Promise<TwoFactorChallenge> {
      const { token, tokenHash } = newAccountToken();
      const expiresAt = new Date(now().getTime() + TWO_FACTOR_CHALLENGE_TTL_MINUTES * 60_000);
      const expiresInSeconds = TWO_FACTOR_CHALLENGE_TTL_MINUTES * 60;
      if (await twoFactorRepository.findCredential(db, user.id)) {
        await twoFactorRepository.insertChallenge(db, { tokenHash, userId: user.id, kind: 'verify', setUpSecretCiphertext: null, expiresAt });
        return { secondStep: 'code', token, expiresInSeconds };
      }
      // Each set-up attempt gets a secret of its own, kept with its challenge until confirmed.
      const secret = newTotpSecret();
      await twoFactorRepository.insertChallenge(db, { tokenHash, userId: user.id, kind: 'set_up', setUpSecretCiphertext: box.seal(user.id, secret), expiresAt });
      const uri = otpauthUri(secret, user.email);
      return { secondStep: 'setUp', token, expiresInSeconds, setUp: { secret, otpauthUri: uri, qrDataUrl: await toDataURL(uri, { errorCorrectionLevel: 'M', margin: 1, width: 240 }) } };
    },

    /** A current code or an unused recovery code answers the challenge; the user id whose session may start. */
    async verify(token: string, code: string, ip: string): Promise<{ userId: string }> {
      const challenge = await liveChallenge(token, 'verify');
      const userId = challenge.user_id;
      const admission = await admit(userId, ip);
      const credential = await twoFactorRepository.findCredential(db, userId);
      if (!credential) throw expired();

      const recovery = normaliseRecoveryCode(code);
      if (recovery) {
        if (!(await twoFactorRepository.useRecoveryCode(db, userId, hashRecoveryCode(recovery), now()))) {
          await audit('auth.two_factor_failed', userId, { ip, method: 'recovery' });
          throw wrongCode(false);
        }
        await consume(token);
        await admission.succeeded();
        await audit('auth.two_factor_recovery_used', userId, { ip, remaining: await twoFactorRepository.countUnusedRecoveryCodes(db, userId) });
        return { userId };
      }

      const secret = box.open(userId, credential.secret_ciphertext);
      const at = now().getTime();
      const step = acceptedTimeStep(secret, code, at, credential.last_used_step);
      // Only the atomic step update decides: two requests with the same code cannot both pass.
      if (step === null || !(await twoFactorRepository.advanceStep(db, userId, step))) {
        const replayed = step !== null || acceptedTimeStep(secret, code, at, null) !== null;
        await audit('auth.two_factor_failed', userId, { ip, method: 'totp', ...(replayed ? { replayed: true } : {}) });
        throw wrongCode(replayed);
      }
      await consume(token);
      await admission.succeeded();
      await audit('auth.two_factor_succeeded', userId, { ip, method: 'totp' });
      return { userId };
    },

    /**
     * The first code from the newly scanned authenticator confirms the set-up: the credential is
     * stored and ten recovery codes are made, returned this once. The session waits for `finishSetUp`.
     */
    async confirmSetUp(token: string, code: string, ip: string): Promise<{ recoveryCodes: string[] }> {
      const challenge = await liveChallenge(token, 'set_up');
      const userId = challenge.user_id;
      if (challenge.set_up_confirmed_at || !challenge.set_up_secret_ciphertext) throw expired();
      const admission = await admit(userId, ip);
      const secret = box.open(userId, challenge.set_up_secret_ciphertext);
      const step = acceptedTimeStep(secret, code, now().getTime(), null);
      if (step === null) {
        await audit('auth.two_factor_failed', userId, { ip, method: 'setUp' });
        throw wrongCode(false);
      }
      const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
      await db.transaction().execute(async (trx) => {
        // Another browser finished a set-up first: this one's secret is not the account's.
        if (!(await twoFactorRepository.insertCredential(trx, { userId, secretCiphertext: box.seal(userId, secret), lastUsedStep: step }))) throw expired();
        await twoFactorRepository.replaceRecoveryCodes(trx, userId, recoveryCodes.map((c) => hashRecoveryCode(normaliseRecoveryCode(c)!)));
        if (!(await twoFactorRepository.markSetUpConfirmed(trx, hashToken(token), now()))) throw expired();
        await auditRepository.append(trx, { actorUserId: userId, actorRole: 'admin', action: 'auth.two_factor_set_up', subjectType: 'user', subjectId: userId, details: { ip } });
      });
      await admission.succeeded();
      return { recoveryCodes };
    },

    /** The admin saved the recovery codes: the set-up challenge is used up and the session may start. */
    async finishSetUp(token: string, ip: string): Promise<{ userId: string }> {
      const challenge = await liveChallenge(token, 'set_up');
      if (!challenge.set_up_confirmed_at) throw expired();
      await consume(token);
      await audit('auth.two_factor_succeeded', challenge.user_id, { ip, method: 'setUp' });
      return { userId: challenge.user_id };
    },

  };
}

export type TwoFactorService = ReturnType<typeof createTwoFactorService>;

