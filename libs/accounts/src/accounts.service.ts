import type { Db, Locale } from '@dd/db';
import { DomainError } from '@dd/errors';
import type { SignInInput, SignUpAdvertiserData, SignUpCustomerInput } from '@dd/contract';
import { accountRepository } from './account.repository';
import { auditRepository } from './audit.repository';
import { burnVerifyTime, hashPassword, verifyPassword } from './password';
import { assertPasswordNotGuessable } from './password-policy';
import { assertKnownIndustry } from './organisation.rules';

/** More than this many failures on one account inside the window locks that account only. */
export const SIGN_IN_MAX_FAILURES = 10;
export const SIGN_IN_WINDOW_MS = 5 * 60_000;

type ParsedCustomer = Required<SignUpCustomerInput>;
type ParsedAdvertiser = SignUpAdvertiserData;

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';
}

const emailTaken = () =>
  new DomainError('EMAIL_TAKEN', 'An account with this email address already exists. Sign in instead, or use another address.');

export function createAccountsService(deps: { db: Db; now?: () => Date }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());

  async function assertEmailFree(email: string) {
    if (await accountRepository.findByEmail(db, email)) throw emailTaken();
  }

  return {
    async signUpCustomer(input: ParsedCustomer): Promise<string> {
      assertPasswordNotGuessable(input.password, input.email, input.displayName);
      await assertEmailFree(input.email);
      const passwordHash = await hashPassword(input.password);
      try {
        return await db.transaction().execute(async (trx) => {
          const userId = await accountRepository.insertUser(trx, {
            email: input.email,
            passwordHash,
            role: 'customer',
            displayName: input.displayName,
            locale: input.locale,
            organisationId: null,
          });
          await accountRepository.insertCustomerProfile(trx, userId);
          return userId;
        });
      } catch (error) {
        // Two sign-ups racing for one address: the unique index decides.
        if (isUniqueViolation(error)) throw emailTaken();
        throw error;
      }
    },

    async signUpAdvertiser(input: ParsedAdvertiser): Promise<string> {
      assertPasswordNotGuessable(input.password, input.email, input.displayName);
      assertKnownIndustry(input.industry);
      await assertEmailFree(input.email);
      const passwordHash = await hashPassword(input.password);
      try {
        return await db.transaction().execute(async (trx) => {
          const organisationId = await accountRepository.insertOrganisation(trx, {
            name: input.organisationName,
            contactEmail: input.contactEmail ?? input.email,
            kvkNumber: input.kvkNumber,
            vatNumber: input.vatNumber,
            contactName: input.contactName,
            industry: input.industry,
          });
          return accountRepository.insertUser(trx, {
            email: input.email,
            passwordHash,
            role: 'advertiser',
            displayName: input.displayName,
            locale: input.locale,
            organisationId,
          });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw emailTaken();
        throw error;
      }
    },

    /** Returns the user id; wrong email and wrong password look the same from outside. */
    async signIn(input: Required<SignInInput>): Promise<string> {
      const user = await accountRepository.findByEmail(db, input.email);
      const invalid = new DomainError('INVALID_CREDENTIALS', 'The email address or password is not correct.');
      if (!user) {
        await burnVerifyTime(input.password);
        throw invalid;
      }
      // An account being erased is gone for its owner already; say so only to the right password.
      if (user.erasure_requested_at !== null) {
        await burnVerifyTime(input.password);
        throw invalid;
      }
      const since = new Date(now().getTime() - SIGN_IN_WINDOW_MS);
      if ((await accountRepository.countFailuresSince(db, user.id, since)) >= SIGN_IN_MAX_FAILURES) {
        throw new DomainError(
          'TOO_MANY_ATTEMPTS',
          'Too many failed sign-in attempts for this account. Wait five minutes and try again.',
        );
      }
      if (!(await verifyPassword(user.password_hash, input.password))) {
        await accountRepository.recordFailure(db, user.id);
        throw invalid;
      }
      await accountRepository.clearFailures(db, user.id);
      return user.id;
    },

    async setLocale(userId: string, locale: Locale): Promise<void> {
      await accountRepository.setLocale(db, userId, locale);
    },

    /**
     * Creates the admin named by ADMIN_EMAIL at start-up or by `npm run admin:create`.
     * An existing account is left as it is: a restart must never reset a changed password.
     */
    async ensureAdmin(email: string, password: string): Promise<{ created: boolean }> {
      const existing = await accountRepository.findByEmail(db, email);
      if (existing) {
        if (existing.role !== 'admin') {
          throw new DomainError('CONFLICT', `The address ${email} already belongs to a ${existing.role} account; choose another admin address.`);
        }
        return { created: false };
      }
      const passwordHash = await hashPassword(password);
      await db.transaction().execute(async (trx) => {
        const userId = await accountRepository.insertUser(trx, {
          email,
          passwordHash,
          role: 'admin',
          displayName: 'Administrator',
          locale: 'nl',
          organisationId: null,
        });
        await auditRepository.append(trx, {
          actorUserId: null,
          actorRole: 'system',
          action: 'admin.created',
          subjectType: 'user',
          subjectId: userId,
        });
      });
      return { created: true };
    },
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
