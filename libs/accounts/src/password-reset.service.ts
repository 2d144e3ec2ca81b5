import type { Db } from '@dd/db';
import { DomainError } from '@dd/errors';
import type { MailOutbox } from '@dd/mail';
import { enqueue, type Queues } from '@dd/queue';
import { accountMailRepository } from './account-mail.repository';
import { accountTokenRepository } from './account-token.repository';
import { looksLikeToken, newAccountToken } from './account-token';
import { auditRepository } from './audit.repository';
import { hashPassword } from './password';
import { assertPasswordNotGuessable } from './password-policy';
import { hashToken, type SessionService } from './session.service';

export const PASSWORD_RESET_TTL_HOURS = 1;

const linkRefused = () =>
  new DomainError('NOT_FOUND', 'This link does not work (any more): it was already used, has expired or was replaced by a newer one.', undefined, {
    code: 'tokenInvalid',
    params: {},
  });

/**
 * The worker's part of a request (job `accounts.password-reset`): mails a link if the address has an
 * account. The outcome is for the worker's log only, never for the person asking.
 */
export async function mailPasswordResetLink(deps: { db: Db; mail: MailOutbox; now?: () => Date }, email: string): Promise<'mailed' | 'noAccount'> {
  const { db, mail } = deps;
  const user = await accountMailRepository.findByEmail(db, email);
  if (!user) return 'noAccount';
  const at = (deps.now ?? (() => new Date()))();
  const { token, tokenHash } = newAccountToken();
  const outboxId = await db.transaction().execute(async (trx) => {
    // Only the newest link works, so an older mail lying around is worth nothing.
    await accountTokenRepository.voidOpen(trx, user.id, 'password_reset', at);
    await accountTokenRepository.insert(trx, {
      tokenHash,
      userId: user.id,
      purpose: 'password_reset',
      email: user.email,
      expiresAt: new Date(at.getTime() + PASSWORD_RESET_TTL_HOURS * 3_600_000),
    });
    await auditRepository.append(trx, { actorUserId: null, actorRole: 'system', action: 'auth.password_reset_requested', subjectType: 'user', subjectId: user.id });
    return mail.add(trx, {
      key: `password-reset:${tokenHash}`,
      kind: 'account.password-reset',
      to: user.email,
      locale: user.locale,
      params: { displayName: user.display_name, token },
    });
  });
  await mail.dispatch(outboxId);
  return 'mailed';
}

/**
 * Password reset: a request mails a link (1 hour, single use, stored hashed); following it sets a
 * new password under the same policy as sign-up, ends every session, records it in the audit log
 * and mails a notice to the address.
 */
export function createPasswordResetService(deps: { db: Db; mail: MailOutbox; queues: Queues; sessions: SessionService; now?: () => Date }) {
  const { db, mail } = deps;
  const now = deps.now ?? (() => new Date());

  return {
    /**
     * The API's part of a request: the same single enqueue for every address, known or not, so
     * neither the answer nor its timing tells whether the address has an account. The worker
     * looks the address up (`mailPasswordResetLink`).
     */
    async request(email: string): Promise<void> {
      await enqueue(deps.queues, 'accounts.password-reset', { email });
    },

    /** Whether a link still works, so the portal can say so before the person types a new password. */
    async check(token: string): Promise<{ valid: boolean }> {
      if (!looksLikeToken(token)) return { valid: false };
      return { valid: !!(await accountTokenRepository.findUsable(db, hashToken(token), 'password_reset', now())) };
    },

    async complete(token: string, password: string): Promise<void> {
      if (!looksLikeToken(token)) throw linkRefused();
      const tokenHash = hashToken(token);
      const at = now();
      const user = await accountTokenRepository.findUsable(db, tokenHash, 'password_reset', at);
      if (!user) throw linkRefused();
      // Checked before the link is used up, so a refused password leaves the link working.
      assertPasswordNotGuessable(password, user.email, user.display_name);
      const passwordHash = await hashPassword(password);
      const outboxId = await db.transaction().execute(async (trx) => {
        if (!(await accountTokenRepository.consume(trx, tokenHash, 'password_reset', at))) throw linkRefused();
        await accountMailRepository.setPasswordHash(trx, user.id, passwordHash);
        // The link was mailed to the address, so following it proves the address as well.
        await accountMailRepository.markVerified(trx, user.id, user.email, at);
        const endedSessions = await deps.sessions.endOtherSessions(user.id, undefined, trx);
        await auditRepository.append(trx, {
          actorUserId: user.id,
          actorRole: user.role,
          action: 'auth.password_reset',
          subjectType: 'user',
          subjectId: user.id,
          details: { endedSessions },
        });
        return mail.add(trx, {
          key: `password-changed:reset:${tokenHash}`,
          kind: 'account.password-changed',
          to: user.email,
          locale: user.locale,
          params: { displayName: user.display_name, via: 'reset' },
        });
      });
      // Again after the commit: a request in between may have cached a session that has just ended.
      deps.sessions.forget({ userId: user.id });
      await mail.dispatch(outboxId);
    },
  };
}

export type PasswordResetService = ReturnType<typeof createPasswordResetService>;
