import { randomUUID } from 'node:crypto';
import type { Db } from '@dd/db';
import { DomainError } from '@dd/errors';
import type { MailOutbox } from '@dd/mail';
import { accountMailRepository } from './account-mail.repository';
import { auditRepository } from './audit.repository';
import { hashPassword, verifyPassword } from './password';
import { assertPasswordNotGuessable } from './password-policy';
import type { SessionService } from './session.service';

/**
 * A signed-in person changes their password: the current one is required (a borrowed, unlocked
 * browser is not enough), the new one follows the sign-up policy, the other sessions end and a
 * notice goes to the address.
 */
export function createPasswordChangeService(deps: { db: Db; mail: MailOutbox; sessions: SessionService }) {
  const { db, mail } = deps;
  return {
    async change(userId: string, input: { currentPassword: string; newPassword: string }, currentSessionToken: string | undefined): Promise<{ endedSessions: number }> {
      const user = await accountMailRepository.findById(db, userId);
      if (!user) throw new DomainError('NOT_SIGNED_IN', 'Your session has ended. Sign in again to continue.');
      if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
        throw new DomainError('INVALID_CREDENTIALS', 'Your current password is not correct.', { field: 'currentPassword', messageKey: 'validation.currentPasswordWrong' });
      }
      assertPasswordNotGuessable(input.newPassword, user.email, user.display_name);
      const passwordHash = await hashPassword(input.newPassword);
      const { endedSessions, outboxId } = await db.transaction().execute(async (trx) => {
        await accountMailRepository.setPasswordHash(trx, user.id, passwordHash);
        const ended = await deps.sessions.endOtherSessions(user.id, currentSessionToken, trx);
        await auditRepository.append(trx, {
          actorUserId: user.id,
          actorRole: user.role,
          action: 'auth.password_changed',
          subjectType: 'user',
          subjectId: user.id,
          details: { endedSessions: ended },
        });
        const id = await mail.add(trx, {
          // Every change is its own event: two changes in a row are two notices.
          key: `password-changed:change:${randomUUID()}`,
          kind: 'account.password-changed',
          to: user.email,
          locale: user.locale,
          params: { displayName: user.display_name, via: 'change' },
        });
        return { endedSessions: ended, outboxId: id };
      });
      // Again after the commit: a request in between may have cached a session that has just ended.
      deps.sessions.forget({ userId: user.id });
      await mail.dispatch(outboxId);
      return { endedSessions };
    },
  };
}

export type PasswordChangeService = ReturnType<typeof createPasswordChangeService>;
