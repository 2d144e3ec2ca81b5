import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@dd/db/testing';
import { isDomainError } from '@dd/errors';
import { hashToken } from '@dd/accounts';
import { createTestQueues } from '@dd/queue/testing';
import { createTestClient } from './testing/test-context';
import { signInWithSecondStep } from './testing/two-factor';

let tdb: TestDatabase;
let redis: ReturnType<typeof createTestQueues>;
let queues: ReturnType<typeof createTestQueues>['queues'];
beforeAll(async () => {
  tdb = await createTestDatabase();
  redis = createTestQueues();
  queues = redis.queues;
});
afterAll(async () => {
  await redis.close();
  await tdb.drop();
});

const strong = 'Zonnebloem-Akker-42';
let counter = 0;
const freshEmail = () => `person${++counter}-${Date.now()}@example.nl`;

async function catchError(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

const domainCode = (error: TRPCError) => (isDomainError(error.cause) ? error.cause.code : undefined);
const countUsers = async () => Number((await tdb.db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('sign-up', () => {
  it('creates a customer with an empty profile and signs them in', async () => {
    const client = createTestClient(tdb.db, queues);
    const email = freshEmail();
    const viewer = await (await client.call()).auth.signUpCustomer({ displayName: 'Sanne de Vries', email: email.toUpperCase(), password: strong });
    expect(viewer).toMatchObject({ email, displayName: 'Sanne de Vries', role: 'customer', locale: 'nl', organisation: null });
    expect(client.jar.token).toMatch(/^[\w-]{43}$/);
    expect(await (await client.call()).auth.me()).toMatchObject({ id: viewer.id });
    const profile = await tdb.db.selectFrom('customer_profiles').select('user_id').where('user_id', '=', viewer.id).executeTakeFirst();
    expect(profile?.user_id).toBe(viewer.id);
    const stored = await tdb.db.selectFrom('users').select('password_hash').where('id', '=', viewer.id).executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('creates an advertiser together with an unverified organisation', async () => {
    const client = createTestClient(tdb.db, queues);
    const viewer = await (await client.call()).auth.signUpAdvertiser({
      displayName: 'Joost Bakker',
      email: freshEmail(),
      password: strong,
      organisationName: 'Bakker Media B.V.',
      locale: 'en',
    });
    expect(viewer.role).toBe('advertiser');
    expect(viewer.locale).toBe('en');
    expect(viewer.organisation).toMatchObject({ name: 'Bakker Media B.V.', status: 'unverified' });
  });

  it('refuses a taken email without naming it, writes nothing and records the attempt for the owner', async () => {
    const email = freshEmail();
    const first = await (await createTestClient(tdb.db, queues).call()).auth.signUpCustomer({ displayName: 'Eerste', email, password: strong });
    const before = await countUsers();
    const client = createTestClient(tdb.db, queues, undefined, { ip: '192.0.2.7' });
    const error = await catchError((await client.call()).auth.signUpAdvertiser({ displayName: 'Tweede', email, password: strong, organisationName: 'Dubbel B.V.' }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(domainCode(error)).toBe('SIGN_UP_REFUSED');
    expect(error.message).toBe('We could not create an account with these details. If you already have an account, sign in; otherwise use another email address.');
    expect(error.message).not.toContain(email);
    expect(await countUsers()).toBe(before);
    const orgs = await tdb.db.selectFrom('organisations').select('id').where('name', '=', 'Dubbel B.V.').execute();
    expect(orgs).toEqual([]);
    expect(client.jar.token).toBeUndefined();
    // The difference goes to the owner (by mail, once the platform sends mail), not into the answer.
    const audit = await tdb.db.selectFrom('audit_log').select(['actor_user_id', 'actor_role', 'subject_id', 'details']).where('action', '=', 'auth.sign_up_address_taken').execute();
    expect(audit).toEqual([{ actor_user_id: null, actor_role: 'system', subject_id: first.id, details: { ip: '192.0.2.7' } }]);
  });

  it("answers an admin's address exactly like any other taken address", async () => {
    const services = createTestClient(tdb.db, queues).services;
    await services.accounts.ensureAdmin('beheer@example.nl', strong);
    const customer = freshEmail();
    await (await createTestClient(tdb.db, queues).call()).auth.signUpCustomer({ displayName: 'Klant', email: customer, password: strong });
    const answers = [];
    for (const email of ['beheer@example.nl', customer]) {
      const error = await catchError((await createTestClient(tdb.db, queues).call()).auth.signUpCustomer({ displayName: 'Nieuw', email, password: strong }));
      answers.push({ code: error.code, domainCode: domainCode(error), message: error.message });
    }
    expect(answers[0]).toEqual(answers[1]);
  });

  it('refuses a short password field by field and writes nothing', async () => {
    const before = await countUsers();
    const error = await catchError((await createTestClient(tdb.db, queues).call()).auth.signUpCustomer({ displayName: 'Kort', email: freshEmail(), password: 'kort1' }));
    expect(error.code).toBe('BAD_REQUEST');
    const issues = (error.cause as unknown as { issues: { path: string[]; message: string }[] }).issues;
    expect(issues.map((i) => [i.path[0], i.message])).toEqual([['password', 'validation.passwordTooShort']]);
    expect(await countUsers()).toBe(before);
  });

  it('refuses a long but guessable password', async () => {
    const before = await countUsers();
    const error = await catchError((await createTestClient(tdb.db, queues).call()).auth.signUpCustomer({ displayName: 'Wim', email: freshEmail(), password: 'Wachtwoord123' }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(domainCode(error)).toBe('WEAK_PASSWORD');
    expect(error.message).toBe('This password is too easy to guess. Avoid common words and your name or email address.');
    expect(await countUsers()).toBe(before);
  });

  it('refuses a malformed email', async () => {
    const error = await catchError((await createTestClient(tdb.db, queues).call()).auth.signUpCustomer({ displayName: 'X', email: 'niet-een-adres', password: strong }));
    const issues = (error.cause as unknown as { issues: { path: string[]; message: string }[] }).issues;
    expect(issues.map((i) => [i.path[0], i.message])).toEqual([['email', 'validation.emailInvalid']]);
  });
});

// Throttling of sign-in (per address, account and known device) is tested in sign-in-throttling.int.spec.ts.
describe('sign-in and sign-out', () => {
  it('signs in with the right password and out again, revoking the session', async () => {
    const email = freshEmail();
    await (await createTestClient(tdb.db, queues).call()).auth.signUpCustomer({ displayName: 'Fleur', email, password: strong });
    const client = createTestClient(tdb.db, queues);
    await (await client.call()).auth.signIn({ email, password: strong });
    const token = client.jar.token!;
    expect(await client.services.sessions.resolve(token)).not.toBeNull();
    await (await client.call()).auth.signOut();
    expect(client.jar.token).toBeUndefined();
    expect(await client.services.sessions.resolve(token)).toBeNull();
    const row = await tdb.db.selectFrom('sessions').select('revoked_at').where('token_hash', '=', hashToken(token)).executeTakeFirstOrThrow();
    expect(row.revoked_at).toBeInstanceOf(Date);
  });

  it('answers a wrong password and an unknown email with the same error', async () => {
    const email = freshEmail();
    await (await createTestClient(tdb.db, queues).call()).auth.signUpCustomer({ displayName: 'Daan', email, password: strong });
    const wrong = await catchError((await createTestClient(tdb.db, queues).call()).auth.signIn({ email, password: 'Verkeerd-wachtwoord-1' }));
    const unknown = await catchError((await createTestClient(tdb.db, queues).call()).auth.signIn({ email: freshEmail(), password: strong }));
    for (const error of [wrong, unknown]) {
      expect(error.code).toBe('UNAUTHORIZED');
      expect(error.message).toBe('The email address or password is not correct.');
    }
  });
});

describe('authorization and CSRF', () => {
  it('refuses a customer calling advertiser and admin procedures', async () => {
    const client = createTestClient(tdb.db, queues);
    await (await client.call()).auth.signUpCustomer({ displayName: 'Klant', email: freshEmail(), password: strong });
    const asAdvertiser = await catchError((await client.call()).advertiser.organisation());
    const asAdmin = await catchError((await client.call()).admin.overview());
    expect(asAdvertiser.code).toBe('FORBIDDEN');
    expect(asAdvertiser.message).toBe('This part of DataDividend is only for advertiser accounts.');
    expect(asAdmin.code).toBe('FORBIDDEN');
    expect(asAdmin.message).toBe('This part of DataDividend is only for admin accounts.');
  });

  it('refuses signed-out callers of signed-in procedures', async () => {
    const error = await catchError((await createTestClient(tdb.db, queues).call()).account.setLocale({ locale: 'en' }));
    expect(error.code).toBe('UNAUTHORIZED');
    expect(error.message).toBe('Your session has ended. Sign in again to continue.');
  });

  it('refuses a mutation without the tRPC header or from another origin, writing nothing', async () => {
    const before = await countUsers();
    for (const headers of [{ origin: 'http://portal.test' }, { origin: 'https://evil.example', trpcSource: 'portal' }, { trpcSource: 'portal' }]) {
      const error = await catchError((await createTestClient(tdb.db, queues, headers).call()).auth.signUpCustomer({ displayName: 'X', email: freshEmail(), password: strong }));
      expect(error.code).toBe('FORBIDDEN');
      expect(domainCode(error)).toBe('CSRF_REJECTED');
    }
    expect(await countUsers()).toBe(before);
  });

  it('lets the admin read platform totals', async () => {
    const services = createTestClient(tdb.db, queues).services;
    await services.accounts.ensureAdmin('beheer@example.nl', strong);
    expect(await services.accounts.ensureAdmin('beheer@example.nl', 'Ander-Wachtwoord-99')).toEqual({ created: false });
    const client = createTestClient(tdb.db, queues);
    await signInWithSecondStep(client, 'beheer@example.nl', strong);
    const overview = await (await client.call()).admin.overview();
    expect(overview.admins).toBe(1);
    expect(overview.customers).toBeGreaterThan(3);
    const audit = await tdb.db.selectFrom('audit_log').select(['action', 'actor_role']).execute();
    expect(audit).toContainEqual({ action: 'admin.created', actor_role: 'system' });
  });
});
