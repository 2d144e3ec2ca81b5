import type { Db, Locale } from '@dd/db';
import { DomainError } from '@dd/errors';
import type { SignUpAdvertiserData, SignUpCustomerInput } from '@dd/contract';
import { accountRepository } from './account.repository';
import { auditRepository } from './audit.repository';
import { hashPassword } from './password';
import { assertPasswordNotGuessable } from './password-policy';
import { assertKnownIndustry } from './organisation.rules';
import type { EmailVerificationService } from './email-verification.service';

type ParsedCustomer = Required<SignUpCustomerInput>;
type ParsedAdvertiser = SignUpAdvertiserData;

/** What the API knows about the request behind a sign-up. */
export interface SignUpAttempt {
  /** The client address (Fastify's request.ip), for the audit entry of a refused address. */
  ip: string;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';
}

/**
 * The answer for an address that already has an account (or one being erased). It names neither
 * the address nor an account: sign-up signs a new account in at once, so a refusal will always
 * differ from a success, but it says no more than it must (docs/ARCHITECTURE.md, Security).
 */
const signUpRefused = () =>
  new DomainError(
    'SIGN_UP_REFUSED',
    'We could not create an account with these details. If you already have an account, sign in; otherwise use another email address.',
  );

/** `verification` mails the link of every sign-up; only the admin bootstrap and the locale run without it. */
export function createAccountsService(deps: { db: Db; verification?: EmailVerificationService }) {
  const { db } = deps;
  const verification = () => {
    if (!deps.verification) throw new Error('Sign-up needs the e-mail verification service.');
    return deps.verification;
  };

  /**
   * Recorded for the address's owner: once the platform sends mail, they hear that someone tried to
   * sign up with their address, which is where the difference belongs (not in the answer).
   */
  async function refuseTakenAddress(email: string, attempt: SignUpAttempt): Promise<never> {
    const existing = await accountRepository.findByEmail(db, email);
    await auditRepository.append(db, {
      actorUserId: null,
      actorRole: 'system',
      action: 'auth.sign_up_address_taken',
      subjectType: 'user',
      subjectId: existing?.id ?? null,
      details: { ip: attempt.ip },
    });
    throw signUpRefused();
  }

  /**
   * The password is hashed before the address is looked up, so a taken address costs the same time
   * as a free one up to the insert, and cannot be told apart by a fast refusal.
   */
  async function prepare(input: { email: string; password: string }, attempt: SignUpAttempt): Promise<string> {
    const passwordHash = await hashPassword(input.password);
    if (await accountRepository.findByEmail(db, input.email)) await refuseTakenAddress(input.email, attempt);
    return passwordHash;
  }

  return {
    async signUpCustomer(input: ParsedCustomer, attempt: SignUpAttempt): Promise<string> {
      assertPasswordNotGuessable(input.password, input.email, input.displayName);
      const passwordHash = await prepare(input, attempt);
      try {
        const { userId, outboxId } = await db.transaction().execute(async (trx) => {
          const userId = await accountRepository.insertUser(trx, {
            email: input.email,
            passwordHash,
            role: 'customer',
            displayName: input.displayName,
            locale: input.locale,
            organisationId: null,
            emailVerified: false,
          });
          await accountRepository.insertCustomerProfile(trx, userId);
          const outboxId = await verification().issue(trx, { id: userId, email: input.email, displayName: input.displayName, locale: input.locale });
          return { userId, outboxId };
        });
        await verification().dispatch(outboxId);
        return userId;
      } catch (error) {
        // Two sign-ups racing for one address: the unique index decides.
        if (isUniqueViolation(error)) return refuseTakenAddress(input.email, attempt);
        throw error;
      }
    },

    async signUpAdvertiser(input: ParsedAdvertiser, attempt: SignUpAttempt): Promise<string> {
      assertPasswordNotGuessable(input.password, input.email, input.displayName);
      assertKnownIndustry(input.industry);
      const passwordHash = await prepare(input, attempt);
      try {
        const { userId, outboxId } = await db.transaction().execute(async (trx) => {
          const organisationId = await accountRepository.insertOrganisation(trx, {
            name: input.organisationName,
            contactEmail: input.contactEmail ?? input.email,
            kvkNumber: input.kvkNumber,
            vatNumber: input.vatNumber,
            contactName: input.contactName,
            industry: input.industry,
            address: input.address,
          });
          const userId = await accountRepository.insertUser(trx, {
            email: input.email,
            passwordHash,
            role: 'advertiser',
            displayName: input.displayName,
            locale: input.locale,
            organisationId,
            emailVerified: false,
          });
          const outboxId = await verification().issue(trx, { id: userId, email: input.email, displayName: input.displayName, locale: input.locale });
          return { userId, outboxId };
        });
        await verification().dispatch(outboxId);
        return userId;
      } catch (error) {
        if (isUniqueViolation(error)) return refuseTakenAddress(input.email, attempt);
        throw error;
      }
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
