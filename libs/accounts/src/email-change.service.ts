import type { Db } from '@dd/db';
import { DomainError } from '@dd/errors';
import type { MailOutbox } from '@dd/mail';
import { accountMailRepository } from './account-mail.repository';
import { accountTokenRepository } from './account-token.repository';
import { looksLikeToken, newAccountToken } from './account-token';
import { auditRepository } from './audit.repository';
import { verifyPassword } from './password';
import { hashToken, type SessionService } from './session.service';

export const EMAIL_CHANGE_TTL_HOURS = 24;

export interface PendingEmailChange {
  email: string;
  expiresAt: string;
}

const linkRefused = () =>
  new DomainError('NOT_FOUND', 'This link does not work (any more): it was already used, has expired or was replaced by a newer one.', undefined, {
    code: 'tokenInvalid',
    params: {},
  });

const addressTaken = () =>
  new DomainError(
    'CONFLICT',
    'This email address now belongs to another account, so it cannot become yours. Sign in and choose another address.',
    undefined,
    { code: 'emailTaken', params: {} },
  );

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';
}

/**
 * Changing the address one signs in with. A request (current password required) mails a link to the
 * new address (24 hours, single use, stored hashed) and a notice to the old one; following the link
 * changes the address, marks it verified, ends the other sessions and tells the old address.
 *
 * The answer and the work do not depend on whether the new address already has an account: a token
 * is stored either way (so the pending state looks the same), but for a taken address no link goes
 * out, and its owner hears that someone tried to use it.
 */
export function createEmailChangeService(deps: { db: Db; mail: MailOutbox; sessions: SessionService; supportEmail: string; now?: () => Date }) {
  const { db, mail, supportEmail } = deps;
  const now = deps.now ?? (() => new Date());

  return {
    async pending(userId: string): Promise<{ pending: PendingEmailChange | null }> {
      const open = await accountTokenRepository.findOpen(db, userId, 'email_change', now());
      return { pending: open ? { email: open.email, expiresAt: open.expires_at.toISOString() } : null };
    },

    async request(userId: string, input: { email: string; currentPassword: string }): Promise<void> {
      const user = await accountMailRepository.findById(db, userId);
      if (!user) throw new DomainError('NOT_SIGNED_IN', 'Your session has ended. Sign in again to continue.');
      if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
        throw new DomainError('INVALID_CREDENTIALS', 'Your current password is not correct.', { field: 'currentPassword', messageKey: 'validation.currentPasswordWrong' });
      }
      const email = input.email;
      if (email === user.email) {
        throw new DomainError('VALIDATION_FAILED', 'This is already your email address. Enter the new address.', { field: 'email', messageKey: 'validation.emailUnchanged' });
      }
      const at = now();
      const { token, tokenHash } = newAccountToken();
      const outboxIds = await db.transaction().execute(async (trx) => {
        const holder = await accountMailRepository.emailInUse(trx, email);
        // Only the newest request counts: an older link stops working.
        await accountTokenRepository.voidOpen(trx, user.id, 'email_change', at);
        await accountTokenRepository.insert(trx, {
          tokenHash,
          userId: user.id,
          purpose: 'email_change',
          email,
          expiresAt: new Date(at.getTime() + EMAIL_CHANGE_TTL_HOURS * 3_600_000),
        });
        await auditRepository.append(trx, {
          actorUserId: user.id,
          actorRole: user.role,
          action: 'auth.email_change_requested',
          subjectType: 'user',
          subjectId: user.id,
          details: { addressTaken: holder !== undefined },
        });
        const toNew = holder
          ? await mail.add(trx, {
              key: `email-change-taken:${tokenHash}`,
              kind: 'account.email-change-taken',
              to: email,
              locale: holder.locale,
              params: { displayName: holder.display_name, supportEmail },
            })
          : await mail.add(trx, {
              key: `email-change-confirm:${tokenHash}`,
              kind: 'account.email-change-confirm',
              to: email,
              locale: user.locale,
              params: { displayName: user.display_name, token },
            });
        const toOld = await mail.add(trx, {
          key: `email-change-requested:${tokenHash}`,
          kind: 'account.email-change-requested',
          to: user.email,
          locale: user.locale,
          params: { displayName: user.display_name, newEmail: email, supportEmail },
        });
        return [toNew, toOld];
      });
      for (const id of outboxIds) await mail.dispatch(id);
    },

    /** Withdraws an open request: its link stops working. */
    async cancel(userId: string): Promise<void> {
      await accountTokenRepository.voidOpen(db, userId, 'email_change', now());
    },

    /**
     * Follows a link: the address changes once. Every session but `keepToken`'s ends (the browser
     * that followed the link, when it is signed in to this account).
     */
    async confirm(token: string, keepToken: string | undefined): Promise<{ email: string }> {
      if (!looksLikeToken(token)) throw linkRefused();
      const tokenHash = hashToken(token);
      const at = now();
      let result: { userId: string; email: string; outboxId: string | undefined };
      try {
        result = await db.transaction().execute(async (trx) => {
          const user = await accountTokenRepository.findUsableChange(trx, tokenHash, at);
          if (!user || !(await accountTokenRepository.consume(trx, tokenHash, 'email_change', at))) throw linkRefused();
          if (await accountMailRepository.emailInUse(trx, user.new_email)) throw addressTaken();
          await accountMailRepository.setVerifiedEmail(trx, user.id, user.new_email, at);
          const endedSessions = await deps.sessions.endOtherSessions(user.id, keepToken, trx, 'security');
          await auditRepository.append(trx, {
            actorUserId: user.id,
            actorRole: user.role,
            action: 'auth.email_changed',
            subjectType: 'user',
            subjectId: user.id,
            details: { endedSessions },
          });
          const outboxId = await mail.add(trx, {
            key: `email-changed:${tokenHash}`,
            kind: 'account.email-changed',
            to: user.email,
            locale: user.locale,
            params: { displayName: user.display_name, newEmail: user.new_email, supportEmail },
          });
          return { userId: user.id, email: user.new_email, outboxId };
        });
      } catch (error) {
        // Another account took the address between the check and the update: the unique index decides.
        if (isUniqueViolation(error)) throw addressTaken();
        throw error;
      }
      // Again after the commit: a request in between may have cached a session that has just ended,
      // and every cached viewer of the account still carries the old address.
      deps.sessions.forget({ userId: result.userId });
      await mail.dispatch(result.outboxId);
      return { email: result.email };
    },
  };
}

export type EmailChangeService = ReturnType<typeof createEmailChangeService>;
