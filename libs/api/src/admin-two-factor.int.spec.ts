import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetAdminTwoFactor, timeStepAt, totpCodeAt, TOTP_PERIOD_SECONDS } from '@dd/accounts';
import type { TwoFactorChallenge } from '@dd/contract';
import { createTestDatabase, type TestDatabase } from '@dd/db/testing';
import { isDomainError } from '@dd/errors';
import { createTestQueues } from '@dd/queue/testing';
import { createAppServices, type AppServices } from './services';
import { rejection } from './testing/actors';
import { createTestClient } from './testing/test-context';
import { isChallenge } from './testing/two-factor';

let tdb: TestDatabase;
let redis: ReturnType<typeof createTestQueues>;
let services: AppServices;
beforeAll(async () => {
  tdb = await createTestDatabase();
  redis = createTestQueues();
  services = createAppServices(tdb.db, redis.queues, { sessionTtlHours: 1 });
});
afterAll(async () => {
  await redis.close();
  await tdb.drop();
});

const PASSWORD = 'Grachtenpand-Winter-12';
const client = () => createTestClient(tdb.db, redis.queues, undefined, { services });
type Client = ReturnType<typeof client>;
const codeAt = (secret: string, step: number) => totpCodeAt(secret, step * TOTP_PERIOD_SECONDS * 1000);
/** Six digits that are none of the codes accepted now (the window and the step after it, should the clock tick). */
const wrongCode = (secret: string) => {
  const window = [-1, 0, 1, 2].map((d) => codeAt(secret, timeStepAt(Date.now()) + d));
  return ['000000', '111111', '222222', '333333', '444444'].find((c) => !window.includes(c))!;
};
const domainCode = (error: { cause?: unknown }) => (isDomainError(error.cause) ? error.cause.code : undefined);

/** Refused as a challenge that is gone (expired, used, or of the other kind): back to the password. */
async function expectExpired(call: Promise<unknown>) {
  const { cause } = await rejection(call);
  expect(isDomainError(cause) && { code: cause.code, reason: cause.reason?.code }).toEqual({ code: 'INVALID_CREDENTIALS', reason: 'twoFactorExpired' });
}
const audit = async (userId: string) =>
  (await tdb.db.selectFrom('audit_log').select('action').where('subject_id', '=', userId).orderBy('id').execute()).map((row) => row.action);

async function newAdmin() {
  const email = `beheer-${randomUUID()}@example.nl`;
  await services.accounts.ensureAdmin(email, PASSWORD);
  const { id } = await tdb.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  return { email, id };
}

async function passwordStep(browser: Client, email: string): Promise<TwoFactorChallenge> {
  const answer = await (await browser.call()).auth.signIn({ email, password: PASSWORD });
  if (!isChallenge(answer)) throw new Error('expected the second step');
  return answer;
}

/** An admin with an authenticator set up (by a first sign-in), its secret, recovery codes and the step its confirmation used. */
async function adminWithAuthenticator() {
  const admin = await newAdmin();
  const browser = client();
  const challenge = await passwordStep(browser, admin.email);
  const secret = challenge.setUp!.secret;
  const step = timeStepAt(Date.now());
  const { recoveryCodes } = await (await browser.call()).auth.twoFactorConfirmSetUp({ token: challenge.token, code: codeAt(secret, step) });
  await (await browser.call()).auth.twoFactorFinishSetUp({ token: challenge.token });
  return { ...admin, secret, recoveryCodes, step };
}

describe('an admin signing in with the password alone', () => {
  it('gets no session, and no admin procedure answers', async () => {
    const admin = await newAdmin();
    const browser = client();
    const challenge = await passwordStep(browser, admin.email);
    expect(challenge).toMatchObject({ secondStep: 'setUp', expiresInSeconds: 300 });
    expect(browser.jar.token).toBeUndefined();
    expect(await (await browser.call()).auth.me()).toBeNull();
    expect(domainCode(await rejection((await browser.call()).admin.overview()))).toBe('NOT_SIGNED_IN');
    expect(await tdb.db.selectFrom('sessions').select('token_hash').where('user_id', '=', admin.id).execute()).toEqual([]);
    expect(await audit(admin.id)).toContain('auth.password_accepted');
    expect(await audit(admin.id)).not.toContain('auth.signed_in');
  });

  it('cannot skip the code by finishing a set-up with a code challenge', async () => {
    const admin = await adminWithAuthenticator();
    const attacker = client();
    const challenge = await passwordStep(attacker, admin.email);
    expect(challenge.secondStep).toBe('code');
    expect(challenge.setUp).toBeUndefined();
    await expectExpired((await attacker.call()).auth.twoFactorFinishSetUp({ token: challenge.token }));
    expect(attacker.jar.token).toBeUndefined();
  });
});

describe('setting up the authenticator at the first sign-in', () => {
  it('shows the QR code and the secret, confirms with a code, hands out ten recovery codes once, then starts the session', async () => {
    const admin = await newAdmin();
    const browser = client();
    const challenge = await passwordStep(browser, admin.email);
    const { secret, otpauthUri, qrDataUrl } = challenge.setUp!;
    expect(otpauthUri).toBe(`otpauth://totp/DataDividend:${encodeURIComponent(admin.email)}?secret=${secret}&issuer=DataDividend`);
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);

    const stored = await tdb.db.selectFrom('two_factor_challenges').select('set_up_secret_ciphertext').executeTakeFirstOrThrow();
    expect(stored.set_up_secret_ciphertext).not.toContain(secret);

    // "I saved them" before the code: no session.
    await expectExpired((await browser.call()).auth.twoFactorFinishSetUp({ token: challenge.token }));
    const wrong = await rejection((await browser.call()).auth.twoFactorConfirmSetUp({ token: challenge.token, code: wrongCode(secret) }));
    expect(browser.errorShape(wrong, 'auth.twoFactorConfirmSetUp').data).toMatchObject({ domainCode: 'INVALID_CREDENTIALS', fieldErrors: { code: ['twoFactor:errors.codeWrong'] } });

    const { recoveryCodes } = await (await browser.call()).auth.twoFactorConfirmSetUp({ token: challenge.token, code: codeAt(secret, timeStepAt(Date.now())) });
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(browser.jar.token).toBeUndefined();
    const credential = await tdb.db.selectFrom('two_factor_credentials').select('secret_ciphertext').where('user_id', '=', admin.id).executeTakeFirstOrThrow();
    expect(credential.secret_ciphertext).not.toContain(secret);
    const hashes = await tdb.db.selectFrom('two_factor_recovery_codes').select('code_hash').where('user_id', '=', admin.id).execute();
    expect(hashes).toHaveLength(10);
    expect(hashes.some(({ code_hash }) => recoveryCodes.some((code) => code_hash.includes(code.replace(/-/g, ''))))).toBe(false);
    // Confirmed once: the same challenge cannot make a second set of codes.
    await expectExpired((await browser.call()).auth.twoFactorConfirmSetUp({ token: challenge.token, code: codeAt(secret, timeStepAt(Date.now()) + 1) }));

    const viewer = await (await browser.call()).auth.twoFactorFinishSetUp({ token: challenge.token });
    expect(viewer).toMatchObject({ id: admin.id, role: 'admin' });
    expect((await (await browser.call()).admin.overview()).admins).toBeGreaterThanOrEqual(1);
    // The challenge is used up: a second "I saved them" starts nothing.
    await expectExpired((await client().call()).auth.twoFactorFinishSetUp({ token: challenge.token }));
    expect(await audit(admin.id)).toEqual(expect.arrayContaining(['auth.password_accepted', 'auth.two_factor_failed', 'auth.two_factor_set_up', 'auth.two_factor_succeeded']));
  });

  it('asks for a code, not a set-up, at the next sign-in', async () => {
    const admin = await adminWithAuthenticator();
    const browser = client();
    const challenge = await passwordStep(browser, admin.email);
    expect(challenge.secondStep).toBe('code');
    const viewer = await (await browser.call()).auth.twoFactorVerify({ token: challenge.token, code: codeAt(admin.secret, admin.step + 1) });
    expect(viewer.role).toBe('admin');
    expect(browser.jar.token).toBeDefined();
    // The challenge was single use.
    await expectExpired((await client().call()).auth.twoFactorVerify({ token: challenge.token, code: codeAt(admin.secret, admin.step + 1) }));
  });
});

describe('codes', () => {
  it('refuses a code used already, even within its window', async () => {
    const admin = await adminWithAuthenticator();
    // The set-up's own code (step admin.step) is spent.
    const first = client();
    const replay = await rejection((await first.call()).auth.twoFactorVerify({ token: (await passwordStep(first, admin.email)).token, code: codeAt(admin.secret, admin.step) }));
    expect(first.errorShape(replay, 'auth.twoFactorVerify').data).toMatchObject({ domainCode: 'INVALID_CREDENTIALS', fieldErrors: { code: ['twoFactor:errors.codeUsed'] } });

    const next = codeAt(admin.secret, admin.step + 1);
    const a = client();
    await (await a.call()).auth.twoFactorVerify({ token: (await passwordStep(a, admin.email)).token, code: next });
    const b = client();
    const again = await rejection((await b.call()).auth.twoFactorVerify({ token: (await passwordStep(b, admin.email)).token, code: next }));
    expect(b.errorShape(again, 'auth.twoFactorVerify').data).toMatchObject({ fieldErrors: { code: ['twoFactor:errors.codeUsed'] } });
    expect(b.jar.token).toBeUndefined();
    expect(await audit(admin.id)).toContain('auth.two_factor_failed');
  });

  it('throttles wrong codes: the sixth attempt in 15 minutes is refused, even with the right code', async () => {
    const admin = await adminWithAuthenticator();
    const browser = client();
    const { token } = await passwordStep(browser, admin.email);
    const wrong = wrongCode(admin.secret);
    for (let i = 0; i < 5; i++) {
      expect(domainCode(await rejection((await browser.call()).auth.twoFactorVerify({ token, code: wrong })))).toBe('INVALID_CREDENTIALS');
    }
    const limited = await rejection((await browser.call()).auth.twoFactorVerify({ token, code: codeAt(admin.secret, admin.step + 1) }));
    expect(limited.code).toBe('TOO_MANY_REQUESTS');
    expect(browser.errorShape(limited, 'auth.twoFactorVerify').data).toMatchObject({ domainCode: 'TOO_MANY_ATTEMPTS', reason: { code: 'twoFactorLimited' } });
    expect(browser.jar.headers['retry-after']).toMatch(/^\d+$/);
    expect(browser.jar.token).toBeUndefined();
    expect(await audit(admin.id)).toContain('auth.two_factor_throttled');
  });

  it('takes each recovery code once', async () => {
    const admin = await adminWithAuthenticator();
    const code = admin.recoveryCodes[3]!;
    const a = client();
    const viewer = await (await a.call()).auth.twoFactorVerify({ token: (await passwordStep(a, admin.email)).token, code: code.toUpperCase() });
    expect(viewer.id).toBe(admin.id);
    const b = client();
    const again = await rejection((await b.call()).auth.twoFactorVerify({ token: (await passwordStep(b, admin.email)).token, code }));
    expect(domainCode(again)).toBe('INVALID_CREDENTIALS');
    expect(b.jar.token).toBeUndefined();
    const row = await tdb.db.selectFrom('audit_log').select('details').where('subject_id', '=', admin.id).where('action', '=', 'auth.two_factor_recovery_used').executeTakeFirstOrThrow();
    expect(row.details).toMatchObject({ remaining: 9 });
  });

  it('refuses a challenge after five minutes', async () => {
    const admin = await adminWithAuthenticator();
    const browser = client();
    const { token } = await passwordStep(browser, admin.email);
    await tdb.db.updateTable('two_factor_challenges').set({ expires_at: new Date(Date.now() - 1000) }).where('user_id', '=', admin.id).where('used_at', 'is', null).execute();
    const expired = await rejection((await browser.call()).auth.twoFactorVerify({ token, code: codeAt(admin.secret, admin.step + 1) }));
    expect(browser.errorShape(expired, 'auth.twoFactorVerify').data).toMatchObject({ domainCode: 'INVALID_CREDENTIALS', reason: { code: 'twoFactorExpired' } });
  });
});

describe('a reset by the operator (admin:create --reset-two-factor)', () => {
  it('removes the authenticator and its recovery codes: the next sign-in sets up a new one', async () => {
    const admin = await adminWithAuthenticator();
    expect(await resetAdminTwoFactor(tdb.db, admin.email.toUpperCase())).toEqual({ removed: true });
    expect(await tdb.db.selectFrom('two_factor_recovery_codes').select('code_hash').where('user_id', '=', admin.id).execute()).toEqual([]);
    const browser = client();
    expect((await passwordStep(browser, admin.email)).secondStep).toBe('setUp');
    expect(await audit(admin.id)).toContain('auth.two_factor_reset');
    await expect(resetAdminTwoFactor(tdb.db, 'niemand@example.nl')).rejects.toThrow(/no admin account/);
  });
});

describe('customers and advertisers', () => {
  it('sign in with their password alone, as before', async () => {
    const email = `klant-${randomUUID()}@example.nl`;
    await (await client().call()).auth.signUpCustomer({ displayName: 'Eva Jansen', email, password: PASSWORD });
    const browser = client();
    const viewer = await (await browser.call()).auth.signIn({ email, password: PASSWORD });
    expect(isChallenge(viewer)).toBe(false);
    expect(viewer).toMatchObject({ email, role: 'customer' });
    expect(browser.jar.token).toBeDefined();
    expect(await tdb.db.selectFrom('two_factor_challenges').innerJoin('users', 'users.id', 'two_factor_challenges.user_id').select('token_hash').where('users.email', '=', email).execute()).toEqual([]);
  });
});
