import type { Database, Db, DbTransaction, Locale } from '@dd/db';
import { DomainError } from '@dd/errors';
import type { MailOutbox } from '@dd/mail';
import { accountMailRepository } from './account-mail.repository';
import { accountTokenRepository } from './account-token.repository';
import { looksLikeToken, newAccountToken } from './account-token';
import { auditRepository } from './audit.repository';
import { hashToken } from './session.service';

export const EMAIL_VERIFICATION_TTL_HOURS = 24;

export interface VerificationRecipient {
  id: string;
  email: string;
  displayName: string;
  locale: Locale;
}

const linkRefused = () =>
  new DomainError('NOT_FOUND', 'This link does not work (any more): it was already used, has expired or was replaced by a newer one.', undefined, {
    code: 'tokenInvalid',
    params: {},
  });

/**
 * E-mail verification: a sign-up mails a link (24 hours, single use); following it marks the
 * address as proven. Until then a customer earns nothing and gets no offers (libs/audience and the
 * consent check leave them out) and an advertiser's organisation cannot be reviewed.
 */
export function createEmailVerificationService(deps: { db: Db; mail: MailOutbox; now?: () => Date }) {
  const { db, mail } = deps;
  const now = deps.now ?? (() => new Date());

  /** A new link in the caller's transaction (the sign-up's); older links stop working. Returns the outbox id to dispatch after the commit. */
  async function issue(trx: DbTransaction<Database>, user: VerificationRecipient): Promise<string | undefined> {
    const at = now();
    const { token, tokenHash } = newAccountToken();
    await accountTokenRepository.voidOpen(trx, user.id, 'email_verification', at);
    await accountTokenRepository.insert(trx, {
      tokenHash,
      userId: user.id,
      purpose: 'email_verification',
      email: user.email,
      expiresAt: new Date(at.getTime() + EMAIL_VERIFICATION_TTL_HOURS * 3_600_000),
    });
    return mail.add(trx, {
      key: `verify-email:${tokenHash}`,
      kind: 'account.verify-email',
      to: user.email,
      locale: user.locale,
      params: { displayName: user.displayName, token },
    });
  }

  return {
    issue,
    dispatch: (outboxId: string | undefined) => mail.dispatch(outboxId),

    async status(userId: string): Promise<{ verified: boolean }> {
      const user = await accountMailRepository.findById(db, userId);
      if (!user) throw new DomainError('NOT_FOUND', 'This account no longer exists.');
      return { verified: user.email_verified_at !== null };
    },

    /** Mails a fresh link to a signed-in account that has not verified yet (the API limits how often). */
    async resend(userId: string): Promise<{ alreadyVerified: boolean }> {
      const user = await accountMailRepository.findById(db, userId);
      if (!user) throw new DomainError('NOT_FOUND', 'This account no longer exists.');
      if (user.email_verified_at) return { alreadyVerified: true };
      const outboxId = await db
        .transaction()
        .execute((trx) => issue(trx, { id: user.id, email: user.email, displayName: user.display_name, locale: user.locale }));
      await mail.dispatch(outboxId);
      return { alreadyVerified: false };
    },

    /** Follows a link: the address is proven once, and the link is used up. */
    async verify(token: string): Promise<{ email: string }> {
      if (!looksLikeToken(token)) throw linkRefused();
      const tokenHash = hashToken(token);
      const at = now();
      return db.transaction().execute(async (trx) => {
        const user = await accountTokenRepository.findUsable(trx, tokenHash, 'email_verification', at);
        if (!user || !(await accountTokenRepository.consume(trx, tokenHash, 'email_verification', at))) throw linkRefused();
        await accountMailRepository.markVerified(trx, user.id, user.email, at);
        await auditRepository.append(trx, { actorUserId: user.id, actorRole: user.role, action: 'auth.email_verified', subjectType: 'user', subjectId: user.id });
        return { email: user.email };
      });
    },
  };
}

export type EmailVerificationService = ReturnType<typeof createEmailVerificationService>;
