import type { Db } from '@dd/db';
import { DomainError } from '@dd/errors';
import { accountRepository } from './account.repository';
import { auditRepository } from './audit.repository';
import { twoFactorRepository } from './two-factor.repository';

/**
 * For an admin who lost both the phone and the recovery codes (`npm run admin:create -- --email …
 * --reset-two-factor`, run by whoever operates the server): removes the authenticator and its
 * recovery codes, so the next sign-in with the password sets up a new one. Audited.
 */
export async function resetAdminTwoFactor(db: Db, email: string): Promise<{ removed: boolean }> {
  const user = await accountRepository.findByEmail(db, email.trim().toLowerCase());
  if (!user || user.role !== 'admin') throw new DomainError('NOT_FOUND', `There is no admin account with the address ${email}.`);
  return db.transaction().execute(async (trx) => {
    const deleted = await twoFactorRepository.deleteCredential(trx, user.id);
    await twoFactorRepository.deleteRecoveryCodes(trx, user.id);
    const removed = deleted.numDeletedRows === 1n;
    await auditRepository.append(trx, { actorUserId: null, actorRole: 'system', action: 'auth.two_factor_reset', subjectType: 'user', subjectId: user.id, details: { removed } });
    return { removed };
  });
}
