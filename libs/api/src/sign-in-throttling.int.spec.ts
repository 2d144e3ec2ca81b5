import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, SIGN_IN_ACCOUNT_BACKOFF, SIGN_IN_ADDRESS_LIMIT } from '@dd/accounts';
import { createTestDatabase, type TestDatabase } from '@dd/db/testing';
import { isDomainError } from '@dd/errors';
import { createTestQueues } from '@dd/queue/testing';
import { createAppServices, type AppServices } from './services';
import { rejection } from './testing/actors';
import { createTestClient } from './testing/test-context';

let tdb: TestDatabase;
let redis: ReturnType<typeof createTestQueues>;
let services: AppServices;
// A fixed clock for sign-in throttling, so a wait comes out exact and the same for every account.
const NOW = new Date('2026-11-24T10:00:00Z');

beforeAll(async () => {
  tdb = await createTestDatabase();
  redis = createTestQueues();
  services = createAppServices(tdb.db, redis.queues, { sessionTtlHours: 1, now: () => NOW });
});
afterAll(async () => {
  await redis.close();
  await tdb.drop();
});

const password = 'Zonnebloem-Akker-42';
const freshEmail = () => `persoon-${randomUUID()}@example.nl`;
const client = (ip?: string) => createTestClient(tdb.db, redis.queues, undefined, { services, ...(ip ? { ip } : {}) });

async function signUp(email = freshEmail()) {
  const viewer = await (await client().call()).auth.signUpCustomer({ displayName: 'Sanne', email, password });
  return { email, id: viewer.id };
}

/** The outcome of one sign-in as the portal would see it: the code, the reason and the Retry-After header. */
async function attempt(c: ReturnType<typeof client>, email: string, pw: string) {
  try {
    await (await c.call()).auth.signIn({ email, password: pw });
    return { ok: true as const };
  } catch (error) {
    expect(error).toBeInstanceOf(TRPCError);
    const trpc = error as TRPCError;
    const cause = isDomainError(trpc.cause) ? trpc.cause : undefined;
    return {
      ok: false as const,
      code: trpc.code,
      domainCode: cause?.code,
      message: trpc.message,
      reason: cause?.reason,
      retryAfter: c.jar.headers['retry-after'],
    };
  }
}

const auditOf = (action: string) =>
  tdb.db.selectFrom('audit_log').select(['actor_user_id', 'actor_role', 'subject_id', 'details']).where('action', '=', action).orderBy('id').execute();

describe('per client address', () => {
  it('answers 429 with Retry-After once one address has failed 20 times, whichever accounts it tried', async () => {
    const ip = '198.51.100.1';
    const attacker = client(ip);
    const outcomes = [];
    for (let i = 0; i < 30; i++) outcomes.push(await attempt(attacker, freshEmail(), `Raden-${i}-wachtwoord`));

    expect(outcomes.slice(0, SIGN_IN_ADDRESS_LIMIT.limit).every((o) => !o.ok && o.code === 'UNAUTHORIZED')).toBe(true);
    const refused = outcomes.slice(SIGN_IN_ADDRESS_LIMIT.limit);
    expect(refused).toHaveLength(10);
    for (const outcome of refused) {
      expect(outcome).toMatchObject({ ok: false, code: 'TOO_MANY_REQUESTS', domainCode: 'TOO_MANY_ATTEMPTS', reason: { code: 'signInAddressLimited' } });
      const seconds = Number(outcome.ok ? NaN : outcome.reason?.params['retryAfterSeconds']);
      expect(seconds).toBeGreaterThan(0);
      expect(seconds).toBeLessThanOrEqual(3600);
      expect(outcome.ok ? undefined : outcome.retryAfter).toBe(String(seconds));
    }
    // Only the 20 admitted attempts had a password checked; the refusal is logged once, not ten times.
    const failures = (await auditOf('auth.sign_in_failed')).filter((row) => row.details['ip'] === ip);
    expect(failures).toHaveLength(20);
    expect(failures[0]).toMatchObject({ actor_user_id: null, actor_role: 'system', subject_id: null, details: { ip, scope: 'account', unknownAddress: true } });
    const throttled = (await auditOf('auth.sign_in_throttled')).filter((row) => row.details['ip'] === ip);
    expect(throttled).toEqual([{ actor_user_id: null, actor_role: 'system', subject_id: null, details: { ip, scope: 'address', retryAfterSeconds: expect.any(Number) } }]);

    // Another address is not affected.
    const { email } = await signUp();
    expect(await attempt(client('198.51.100.2'), email, password)).toEqual({ ok: true });
  });

  it('hands back the allowance of a successful sign-in, so people behind one address are not counted', async () => {
    const ip = '198.51.100.3';
    const { email } = await signUp();
    for (let i = 0; i < SIGN_IN_ADDRESS_LIMIT.limit - 1; i++) expect((await attempt(client(ip), freshEmail(), 'Fout-wachtwoord-1')).ok).toBe(false);
    expect(await attempt(client(ip), email, password)).toEqual({ ok: true });
    expect(await attempt(client(ip), freshEmail(), 'Fout-wachtwoord-1')).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(await attempt(client(ip), email, password)).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: { code: 'signInAddressLimited' } });
  });
});

describe('per account', () => {
  it('checks at most 10 of 40 parallel wrong guesses, then makes the next attempt wait', async () => {
    const { email, id } = await signUp();
    const outcomes = await Promise.all(Array.from({ length: 40 }, (_, i) => attempt(client(`203.0.113.${i}`), email, `Gok-${i}-wachtwoord`)));
    expect(outcomes.filter((o) => !o.ok && o.code === 'UNAUTHORIZED')).toHaveLength(SIGN_IN_ACCOUNT_BACKOFF.freeAttempts);
    expect(outcomes.filter((o) => !o.ok && o.code === 'TOO_MANY_REQUESTS')).toHaveLength(30);

    // Counted where it matters: only 10 passwords were verified (each verification of a wrong one is a failure entry).
    const failures = (await auditOf('auth.sign_in_failed')).filter((row) => row.subject_id === id);
    expect(failures).toHaveLength(10);
    expect(failures.map((row) => row.details['attempt']).sort((a, b) => Number(a) - Number(b))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect((await auditOf('auth.sign_in_locked')).filter((row) => row.subject_id === id)).toEqual([
      { actor_user_id: null, actor_role: 'system', subject_id: id, details: { ip: expect.any(String), scope: 'account', failures: 10, lockedSeconds: 30 } },
    ]);
    expect((await auditOf('auth.sign_in_throttled')).filter((row) => row.subject_id === id)).toEqual([
      { actor_user_id: null, actor_role: 'system', subject_id: id, details: { ip: expect.any(String), scope: 'account', retryAfterSeconds: 30 } },
    ]);

    // The right password from a browser that never signed in waits too: a growing delay, not a lock.
    expect(await attempt(client(), email, password)).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: { code: 'signInDelayed', params: { retryAfterSeconds: 30 } }, retryAfter: '30' });
  });

  it('throttles an unknown address exactly like a known one', async () => {
    const { email: known } = await signUp();
    const unknown = freshEmail();
    const runs = [];
    for (const email of [known, unknown]) {
      const outcomes = [];
      for (let i = 0; i < 11; i++) outcomes.push(await attempt(client(), email, `Gok-${i}-wachtwoord`));
      runs.push(outcomes);
    }
    expect(runs[0]).toEqual(runs[1]);
    expect(runs[0]![9]).toMatchObject({ code: 'UNAUTHORIZED', message: 'The email address or password is not correct.' });
    expect(runs[0]![10]).toEqual({
      ok: false,
      code: 'TOO_MANY_REQUESTS',
      domainCode: 'TOO_MANY_ATTEMPTS',
      message: 'Too many sign-in attempts with this email address. Try again in 30 seconds.',
      reason: { code: 'signInDelayed', params: { retryAfterSeconds: 30 } },
      retryAfter: '30',
    });
  });
});

describe('known devices', () => {
  it('lets the owner sign in from their own browser while their account is under attack', async () => {
    const { email, id } = await signUp();
    const owner = client('192.0.2.10');
    expect(await attempt(owner, email, password)).toEqual({ ok: true });
    const device = owner.jar.device!;
    expect(device).toMatch(/^[\w-]{43}$/);
    const stored = await tdb.db.selectFrom('known_devices').select(['user_id']).where('token_hash', '=', hashToken(device)).execute();
    expect(stored).toEqual([{ user_id: id }]);
    await (await owner.call()).auth.signOut();
    expect(owner.jar.device).toBe(device);

    // Fifteen guesses from elsewhere: the account now makes browsers it does not know wait.
    for (let i = 0; i < 15; i++) await attempt(client(`203.0.113.${100 + i}`), email, `Gok-${i}-wachtwoord`);
    expect(await attempt(client('192.0.2.10'), email, password)).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: { code: 'signInDelayed' } });

    // The owner's browser has its own count.
    expect(await attempt(owner, email, password)).toEqual({ ok: true });
    expect(owner.jar.device).toBe(device);
    const signedIn = (await auditOf('auth.signed_in')).filter((row) => row.subject_id === id);
    expect(signedIn).toEqual([
      { actor_user_id: id, actor_role: 'customer', subject_id: id, details: { ip: '192.0.2.10', knownDevice: false } },
      { actor_user_id: id, actor_role: 'customer', subject_id: id, details: { ip: '192.0.2.10', knownDevice: true } },
    ]);
  });

  it("does not trust another account's device cookie, or a made-up one", async () => {
    const victim = await signUp();
    const other = await signUp();
    const browser = client();
    expect(await attempt(browser, other.email, password)).toEqual({ ok: true });
    for (let i = 0; i < 10; i++) await attempt(client(), victim.email, `Gok-${i}-wachtwoord`);

    expect(await attempt(browser, victim.email, password)).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    browser.jar.device = 'x'.repeat(43);
    expect(await attempt(browser, victim.email, password)).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
  });

  it("counts the owner's own wrong passwords per device, with the same growing waits", async () => {
    const { email } = await signUp();
    const owner = client();
    expect(await attempt(owner, email, password)).toEqual({ ok: true });
    for (let i = 0; i < 10; i++) expect(await attempt(owner, email, `Vergeten-${i}-wachtwoord`)).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(await attempt(owner, email, password)).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: { code: 'signInDelayed', params: { retryAfterSeconds: 30 } } });
    // A browser without the cookie was never part of that count.
    expect(await attempt(client(), email, password)).toEqual({ ok: true });
  });
});

describe('the audit log', () => {
  it('records a failure against the account without the typed address or password', async () => {
    const { email, id } = await signUp();
    await attempt(client('192.0.2.20'), email, 'Verkeerd-wachtwoord-7');
    const [entry] = (await auditOf('auth.sign_in_failed')).filter((row) => row.subject_id === id);
    expect(entry).toEqual({ actor_user_id: null, actor_role: 'system', subject_id: id, details: { ip: '192.0.2.20', scope: 'account', attempt: 1 } });
    expect(JSON.stringify(entry)).not.toContain(email);
    expect(JSON.stringify(entry)).not.toContain('Verkeerd');
  });
});

describe('rate limits of other procedures', () => {
  const statement = readFileSync(fileURLToPath(new URL('../../data-import/fixtures/ing/ing-current-comma.csv', import.meta.url)));
  const statementForm = () => {
    const form = new FormData();
    form.append('file', new Blob([statement], { type: 'text/csv' }), 'afschrift.csv');
    return form;
  };

  it('counts sign-ups per address before their input is read, and answers 429 with Retry-After', async () => {
    const ip = '198.51.100.50';
    for (let i = 0; i < 20; i++) {
      const error = await rejection((await client(ip).call()).auth.signUpCustomer({ displayName: 'X', email: 'geen-adres', password }));
      expect(error.code).toBe('BAD_REQUEST');
    }
    const limited = client(ip);
    const before = await tdb.db.selectFrom('users').select('id').execute();
    const error = await rejection((await limited.call()).auth.signUpCustomer({ displayName: 'Echt', email: freshEmail(), password }));
    expect(error.code).toBe('TOO_MANY_REQUESTS');
    const reason = isDomainError(error.cause) ? error.cause.reason : undefined;
    expect(reason).toMatchObject({ code: 'rateLimited', params: { action: 'sign-up' } });
    expect(limited.jar.headers['retry-after']).toBe(String(reason?.params['retryAfterSeconds']));
    expect(await tdb.db.selectFrom('users').select('id').execute()).toHaveLength(before.length);
    expect(limited.jar.token).toBeUndefined();
  });

  it('limits statement uploads per account, before the file is read', async () => {
    const customer = client();
    const viewer = await (await customer.call()).auth.signUpCustomer({ displayName: 'Uploader', email: freshEmail(), password });
    for (let i = 0; i < 20; i++) {
      // Whatever the upload's own checks make of a repeated file, the limit has not been reached.
      const outcome = await (await customer.call()).imports.upload(statementForm()).then(
        () => 'stored',
        (error: TRPCError) => error.code,
      );
      expect(outcome).not.toBe('TOO_MANY_REQUESTS');
    }
    const stored = await tdb.db.selectFrom('uploads').select('id').where('customer_id', '=', viewer.id).execute();
    const error = await rejection((await customer.call()).imports.upload(statementForm()));
    expect(error.code).toBe('TOO_MANY_REQUESTS');
    const reason = isDomainError(error.cause) ? error.cause.reason : undefined;
    expect(reason).toMatchObject({ code: 'rateLimited', params: { action: 'upload' } });
    expect(customer.jar.headers['retry-after']).toBe(String(reason?.params['retryAfterSeconds']));
    expect(await tdb.db.selectFrom('uploads').select('id').where('customer_id', '=', viewer.id).execute()).toHaveLength(stored.length);
    // Another customer is not held back by this one.
    const other = client();
    await (await other.call()).auth.signUpCustomer({ displayName: 'Ander', email: freshEmail(), password });
    expect((await (await other.call()).imports.upload(statementForm())).status).toBe('stored');
  });

  it('limits export requests per account', async () => {
    const customer = client();
    await (await customer.call()).auth.signUpCustomer({ displayName: 'Exporteur', email: freshEmail(), password });
    for (let i = 0; i < 5; i++) await (await customer.call()).privacy.requestExport();
    const error = await rejection((await customer.call()).privacy.requestExport());
    expect(error.code).toBe('TOO_MANY_REQUESTS');
    expect(isDomainError(error.cause) ? error.cause.reason : undefined).toMatchObject({ code: 'rateLimited', params: { action: 'data-export' } });
    expect(Number(customer.jar.headers['retry-after'])).toBeGreaterThan(0);
  });
});
