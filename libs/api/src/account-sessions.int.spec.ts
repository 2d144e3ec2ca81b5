import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOwnSessionsService, createSessionService, hashToken, SESSION_TOUCH_INTERVAL_MS } from '@dd/accounts';
import { createTestDatabase, type TestDatabase } from '@dd/db/testing';
import { isDomainError } from '@dd/errors';
import { createMailTransport, sendOutboxMessage, type MailTransport } from '@dd/mail';
import { startTestSmtpServer, type ReceivedMail } from '@dd/mail/testing';
import { createTestQueues } from '@dd/queue/testing';
import { createAppServices, type AppServices } from './services';
import { DEFAULT_OPERATOR_DETAILS } from './operator-details';
import { createTestClient, TEST_ORIGIN } from './testing/test-context';

const CHROME_LINUX = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const FIREFOX_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';
const DAY = 86_400_000;

let tdb: TestDatabase;
let redis: ReturnType<typeof createTestQueues>;
let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
let transport: MailTransport;
let services: AppServices;
/** A browser of its own against the one API process these tests talk to (one set of services, one session cache). */
const browser = (userAgent?: string) => createTestClient(tdb.db, redis.queues, undefined, { services, ...(userAgent ? { userAgent } : {}) });
beforeAll(async () => {
  tdb = await createTestDatabase();
  redis = createTestQueues();
  services = createAppServices(tdb.db, redis.queues, { sessionTtlHours: 24 * 14 });
  smtp = await startTestSmtpServer();
  transport = createMailTransport({ smtpUrl: smtp.url, mailDir: 'unused' });
});
afterAll(async () => {
  transport.close();
  await smtp.close();
  await redis.close();
  await tdb.drop();
});
beforeEach(() => {
  smtp.received.length = 0;
});

const strong = 'Zonnebloem-Akker-42';
let counter = 0;
const freshEmail = () => `sessie${++counter}-${Date.now()}@example.nl`;
const FROM = 'DataDividend <no-reply@datadividend.test>';

/** Sends what waits on the mail queue through the real SMTP server, as the worker would. */
async function mailTo(email: string): Promise<ReceivedMail[]> {
  const queue = redis.queues.get('mail');
  for (;;) {
    const jobs = await queue.getJobs(['waiting', 'prioritized']);
    if (jobs.length === 0) break;
    for (const job of jobs) {
      if (job.name === 'mail.send') await sendOutboxMessage({ db: tdb.db, transport, from: FROM, origin: TEST_ORIGIN }, (job.data as { outboxId: string }).outboxId);
      await job.remove();
    }
  }
  return smtp.received.filter((mail) => mail.envelopeTo.includes(email));
}

const tokenIn = (mail: ReceivedMail, path: string) => new URL(new RegExp(`${TEST_ORIGIN}${path}\\?token=[\\w-]+`).exec(mail.text)![0]).searchParams.get('token')!;

async function refusal(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}
const reasonOf = (error: TRPCError) => (isDomainError(error.cause) ? error.cause.reason?.code : undefined);

async function signUpCustomer(options: { locale?: 'nl' | 'en'; userAgent?: string } = {}) {
  const email = freshEmail();
  const client = browser(options.userAgent ?? CHROME_LINUX);
  const viewer = await (await client.call()).auth.signUpCustomer({ displayName: 'Sanne de Vries', email, password: strong, locale: options.locale ?? 'nl' });
  return { email, client, viewer };
}

async function signedInElsewhere(email: string, userAgent = FIREFOX_WINDOWS, password = strong) {
  const client = browser(userAgent);
  await (await client.call()).auth.signIn({ email, password });
  return client;
}

const auditOf = (userId: string, prefix: string) =>
  tdb.db.selectFrom('audit_log').select(['action', 'details']).where('subject_id', '=', userId).where('action', 'like', `${prefix}%`).orderBy('id').execute();

describe('the sessions list', () => {
  it('shows the signed-in person their own live sessions only, with device and times, marks this one, and no token or hash', async () => {
    const { email, client, viewer } = await signUpCustomer();
    const other = await signedInElsewhere(email);
    const stranger = await signUpCustomer();

    const list = await (await client.call()).account.sessions();
    expect(list).toHaveLength(2);
    expect(list.map((s) => [s.browser, s.os, s.current]).sort()).toEqual([
      ['Chrome', 'Linux', true],
      ['Firefox', 'Windows', false],
    ]);
    for (const session of list) {
      expect(session.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(Date.parse(session.lastUsedAt)).toBeGreaterThanOrEqual(Date.parse(session.createdAt));
    }
    const rows = await tdb.db.selectFrom('sessions').select(['token_hash', 'public_id']).where('user_id', '=', viewer.id).execute();
    const serialised = JSON.stringify(list);
    for (const secret of [client.jar.token!, other.jar.token!, ...rows.map((row) => row.token_hash)]) expect(serialised).not.toContain(secret);
    expect(list.map((s) => s.id).sort()).toEqual(rows.map((row) => row.public_id).sort());

    // The other browser sees the same two, with itself as "this device".
    expect((await (await other.call()).account.sessions()).find((s) => s.current)?.browser).toBe('Firefox');
    const strangers = await (await stranger.client.call()).account.sessions();
    expect(strangers).toHaveLength(1);
    expect(strangers.some((s) => list.some((own) => own.id === s.id))).toBe(false);
    // Not signed in, nothing is listed.
    expect((await refusal((await browser().call()).account.sessions())).code).toBe('UNAUTHORIZED');
  });

  it('ends one session at once, even one this process has cached, and refuses another person’s session id', async () => {
    const { email, client, viewer } = await signUpCustomer();
    const other = await signedInElsewhere(email);
    // Both are in the session cache now.
    expect(await (await other.call()).auth.me()).not.toBeNull();
    const target = (await (await client.call()).account.sessions()).find((s) => !s.current)!;

    const stranger = await signUpCustomer();
    const foreign = await refusal((await stranger.client.call()).account.endSession({ sessionId: target.id }));
    expect(foreign.code).toBe('NOT_FOUND');
    expect(await (await other.call()).auth.me()).not.toBeNull();

    expect(await (await client.call()).account.endSession({ sessionId: target.id })).toEqual({ signedOut: false });
    expect(await (await other.call()).auth.me()).toBeNull();
    expect((await refusal((await other.call()).account.sessions())).code).toBe('UNAUTHORIZED');
    expect(await (await other.call()).account.sessionEndNotice()).toEqual({ reason: 'ended' });
    expect(await (await client.call()).auth.me()).not.toBeNull();
    expect((await (await client.call()).account.sessions()).map((s) => s.id)).not.toContain(target.id);
    // Ending it again says it has ended.
    expect(reasonOf(await refusal((await client.call()).account.endSession({ sessionId: target.id })))).toBe('sessionGone');
    expect(await auditOf(viewer.id, 'auth.session')).toEqual([{ action: 'auth.session_ended', details: { sessionId: target.id, current: false } }]);
  });

  it('ending this browser’s own session signs it out', async () => {
    const { client } = await signUpCustomer();
    const [own] = await (await client.call()).account.sessions();
    expect(await (await client.call()).account.endSession({ sessionId: own!.id })).toEqual({ signedOut: true });
    expect(client.jar.token).toBeUndefined();
  });

  it('"sign out everywhere else" keeps this browser; "everywhere" ends this one too', async () => {
    const { email, client, viewer } = await signUpCustomer();
    const second = await signedInElsewhere(email);
    const third = await signedInElsewhere(email, CHROME_LINUX);
    for (const b of [client, second, third]) expect(await (await b.call()).auth.me()).not.toBeNull();

    expect(await (await client.call()).account.endOtherSessions()).toEqual({ ok: true });
    expect(await (await client.call()).auth.me()).not.toBeNull();
    expect(await (await second.call()).auth.me()).toBeNull();
    expect(await (await third.call()).auth.me()).toBeNull();
    expect((await (await client.call()).account.sessions()).map((s) => s.current)).toEqual([true]);

    const fourth = await signedInElsewhere(email);
    const keptToken = client.jar.token;
    expect(await (await fourth.call()).account.signOutEverywhere()).toEqual({ ok: true });
    expect(fourth.jar.token).toBeUndefined();
    expect(await (await fourth.call()).auth.me()).toBeNull();
    client.jar.token = keptToken;
    expect(await (await client.call()).auth.me()).toBeNull();
    expect(await auditOf(viewer.id, 'auth.sessions')).toEqual([
      { action: 'auth.sessions_ended', details: { scope: 'others', ended: 2 } },
      { action: 'auth.sessions_ended', details: { scope: 'all', ended: 2 } },
    ]);
  });
});

describe('the idle timeout', () => {
  it('ends a customer’s session after 7 days unused and an admin’s after 12 hours, whatever the cache holds', async () => {
    const customer = await signUpCustomer();
    const adminEmail = `beheer-idle-${Date.now()}@example.nl`;
    await services.accounts.ensureAdmin(adminEmail, strong);
    const admin = await tdb.db.selectFrom('users').select('id').where('email', '=', adminEmail).executeTakeFirstOrThrow();
    let clock = new Date();
    // A long cache TTL: the idle bound must hold on a cache hit too.
    const sessions = createSessionService({ db: tdb.db, ttlHours: 24 * 14, now: () => clock, cacheTtlMs: 60_000 });
    const own = createOwnSessionsService({ db: tdb.db, sessions, now: () => clock });
    const customerSession = await sessions.issue(customer.viewer.id);
    const adminSession = await sessions.issue(admin.id);
    const start = clock.getTime();
    expect(await sessions.resolve(customerSession.token)).toMatchObject({ id: customer.viewer.id });
    expect(await sessions.resolve(adminSession.token)).toMatchObject({ role: 'admin' });

    clock = new Date(start + 12 * 3_600_000 - 1_000);
    expect(await sessions.resolve(adminSession.token)).not.toBeNull();
    clock = new Date(start + 12 * 3_600_000 + 1_000);
    expect(await sessions.resolve(adminSession.token)).toBeNull();
    // Once looked up, the row says why it ended.
    expect(await sessions.resolve(adminSession.token)).toBeNull();
    expect(await own.endNotice(adminSession.token)).toBe('idle');
    const ended = await tdb.db.selectFrom('sessions').select(['end_reason']).where('token_hash', '=', hashToken(adminSession.token)).executeTakeFirstOrThrow();
    expect(ended.end_reason).toBe('idle');

    clock = new Date(start + 7 * DAY - 1_000);
    expect(await sessions.resolve(customerSession.token)).not.toBeNull();
    clock = new Date(start + 7 * DAY + 1_000);
    expect(await sessions.resolve(customerSession.token)).toBeNull();
    expect(await own.endNotice(customerSession.token)).toBe('idle');
    expect((await own.list({ id: customer.viewer.id, role: 'customer' }, undefined)).some((s) => s.current)).toBe(false);
  });

  it('records a use at most once per touch interval, and counts the idle time from it', async () => {
    const { viewer } = await signUpCustomer();
    let clock = new Date();
    // No cache: every resolve reads the row, so only the touch interval keeps writes rare.
    const sessions = createSessionService({ db: tdb.db, ttlHours: 24 * 14, now: () => clock, cacheTtlMs: 0 });
    const { token } = await sessions.issue(viewer.id);
    const start = clock.getTime();
    const lastUsed = async () =>
      (await tdb.db.selectFrom('sessions').select('last_used_at').where('token_hash', '=', hashToken(token)).executeTakeFirstOrThrow()).last_used_at.getTime();

    clock = new Date(start + SESSION_TOUCH_INTERVAL_MS - 1_000);
    await sessions.resolve(token);
    expect(await lastUsed()).toBe(start);
    clock = new Date(start + SESSION_TOUCH_INTERVAL_MS + 1_000);
    await sessions.resolve(token);
    const touched = start + SESSION_TOUCH_INTERVAL_MS + 1_000;
    expect(await lastUsed()).toBe(touched);
    clock = new Date(touched + 60_000);
    await sessions.resolve(token);
    expect(await lastUsed()).toBe(touched);

    // Alive 7 days after the first use, because it was used since.
    clock = new Date(start + 7 * DAY + 1_000);
    expect(await sessions.resolve(token)).not.toBeNull();
  });

  it('tells the sign-in page that inactivity ended the session when its row has aged past the timeout', async () => {
    const { client, viewer } = await signUpCustomer();
    await tdb.db
      .updateTable('sessions')
      .set({ last_used_at: new Date(Date.now() - 8 * DAY) })
      .where('user_id', '=', viewer.id)
      .execute();
    // Another API process, whose cache never saw the session.
    const elsewhere = createTestClient(tdb.db, redis.queues, undefined, { services: createAppServices(tdb.db, redis.queues, { sessionTtlHours: 24 * 14 }) });
    elsewhere.jar.token = client.jar.token;
    expect(await (await elsewhere.call()).auth.me()).toBeNull();
    expect(await (await elsewhere.call()).account.sessionEndNotice()).toEqual({ reason: 'idle' });
    // A visitor without a session hears nothing.
    expect(await (await browser().call()).account.sessionEndNotice()).toEqual({ reason: null });
  });
});

describe('changing the e-mail address', () => {
  it('mails a link to the new address and a notice to the old one; the link changes and verifies the address and ends the other sessions', async () => {
    const { email, client, viewer } = await signUpCustomer({ locale: 'en' });
    const other = await signedInElsewhere(email);
    await mailTo(email);
    smtp.received.length = 0;
    const newEmail = freshEmail();

    const wrong = await refusal((await client.call()).account.requestEmailChange({ email: newEmail, currentPassword: 'Niet-Het-Goede-1' }));
    expect(wrong.code).toBe('UNAUTHORIZED');
    expect((await refusal((await client.call()).account.requestEmailChange({ email, currentPassword: strong }))).code).toBe('BAD_REQUEST');
    expect(await (await client.call()).account.requestEmailChange({ email: newEmail.toUpperCase(), currentPassword: strong })).toEqual({ ok: true });
    const { pending } = await (await client.call()).account.emailChange();
    expect(pending?.email).toBe(newEmail);
    expect(Date.parse(pending!.expiresAt) - Date.now()).toBeGreaterThan(23 * 3_600_000);

    const [confirmation, ...moreToNew] = await mailTo(newEmail);
    expect(moreToNew).toEqual([]);
    expect(confirmation!.subject).toBe('Confirm your new email address for DataDividend');
    const token = tokenIn(confirmation!, '/confirm-email-change');
    const [requested] = await mailTo(email);
    expect(requested!.subject).toBe('A change of your email address was requested');
    expect(requested!.text).toContain(newEmail);
    expect(requested!.text).toContain(DEFAULT_OPERATOR_DETAILS.supportEmail);
    expect(requested!.text).not.toContain(token);
    // The token is stored hashed only.
    expect(await tdb.db.selectFrom('account_tokens').select('token_hash').where('token_hash', '=', token).executeTakeFirst()).toBeUndefined();

    // Followed in a browser that is not signed in: every session of the account ends.
    const stranger = browser();
    expect(await (await stranger.call()).account.confirmEmailChange({ token })).toEqual({ ok: true });
    expect(await (await client.call()).auth.me()).toBeNull();
    expect(await (await other.call()).auth.me()).toBeNull();
    const user = await tdb.db.selectFrom('users').select(['email', 'email_verified_at']).where('id', '=', viewer.id).executeTakeFirstOrThrow();
    expect(user.email).toBe(newEmail);
    expect(user.email_verified_at).not.toBeNull();
    expect(reasonOf(await refusal((await stranger.call()).account.confirmEmailChange({ token })))).toBe('tokenInvalid');

    await refusal((await browser().call()).auth.signIn({ email, password: strong }));
    const signedIn = browser();
    expect(await (await signedIn.call()).auth.signIn({ email: newEmail, password: strong })).toMatchObject({ id: viewer.id, email: newEmail });
    expect(await (await signedIn.call()).account.emailChange()).toEqual({ pending: null });

    const changed = (await mailTo(email)).find((mail) => mail.subject === 'Your DataDividend email address was changed');
    expect(changed?.text).toContain(newEmail);
    expect(await auditOf(viewer.id, 'auth.email')).toEqual([
      { action: 'auth.email_change_requested', details: { addressTaken: false } },
      { action: 'auth.email_changed', details: { endedSessions: 2 } },
    ]);
  });

  it('keeps the browser that follows the link signed in when it is the account’s own', async () => {
    const { email, client } = await signUpCustomer();
    const other = await signedInElsewhere(email);
    const newEmail = freshEmail();
    await (await client.call()).account.requestEmailChange({ email: newEmail, currentPassword: strong });
    const token = tokenIn((await mailTo(newEmail))[0]!, '/confirm-email-change');
    await (await client.call()).account.confirmEmailChange({ token });
    expect(await (await client.call()).auth.me()).toMatchObject({ email: newEmail });
    expect(await (await other.call()).auth.me()).toBeNull();
  });

  it('answers the same for an address that has an account, mails its owner instead of a link, and changes nothing', async () => {
    const taker = await signUpCustomer({ locale: 'en' });
    const { email, client, viewer } = await signUpCustomer();
    await mailTo(taker.email);
    smtp.received.length = 0;

    expect(await (await client.call()).account.requestEmailChange({ email: taker.email, currentPassword: strong })).toEqual({ ok: true });
    expect((await (await client.call()).account.emailChange()).pending?.email).toBe(taker.email);
    const [toTaker, ...more] = await mailTo(taker.email);
    expect(more).toEqual([]);
    expect(toTaker!.subject).toBe('Someone tried to use your email address');
    expect(toTaker!.text).not.toMatch(/token=/);
    expect((await mailTo(email)).map((mail) => mail.subject)).toEqual(['Wijziging van je e-mailadres aangevraagd']);
    expect((await tdb.db.selectFrom('users').select('email').where('id', '=', viewer.id).executeTakeFirstOrThrow()).email).toBe(email);
  });

  it('fails with a clear reason when the address was taken in the meantime', async () => {
    const { email, client, viewer } = await signUpCustomer();
    const newEmail = freshEmail();
    await (await client.call()).account.requestEmailChange({ email: newEmail, currentPassword: strong });
    const token = tokenIn((await mailTo(newEmail))[0]!, '/confirm-email-change');
    await (await browser().call()).auth.signUpCustomer({ displayName: 'Iemand Anders', email: newEmail, password: strong });

    const taken = await refusal((await client.call()).account.confirmEmailChange({ token }));
    expect(taken.code).toBe('CONFLICT');
    expect(reasonOf(taken)).toBe('emailTaken');
    expect((await tdb.db.selectFrom('users').select('email').where('id', '=', viewer.id).executeTakeFirstOrThrow()).email).toBe(email);
    expect(await (await client.call()).auth.me()).not.toBeNull();
  });

  it('refuses an expired link, a link replaced by a newer request and a withdrawn one', async () => {
    const { client, viewer } = await signUpCustomer();
    const first = freshEmail();
    await (await client.call()).account.requestEmailChange({ email: first, currentPassword: strong });
    const older = tokenIn((await mailTo(first))[0]!, '/confirm-email-change');
    const second = freshEmail();
    await (await client.call()).account.requestEmailChange({ email: second, currentPassword: strong });
    const newer = tokenIn((await mailTo(second))[0]!, '/confirm-email-change');
    expect(reasonOf(await refusal((await client.call()).account.confirmEmailChange({ token: older })))).toBe('tokenInvalid');

    await tdb.db.updateTable('account_tokens').set({ expires_at: new Date(Date.now() - 1_000) }).where('token_hash', '=', hashToken(newer)).execute();
    expect(reasonOf(await refusal((await client.call()).account.confirmEmailChange({ token: newer })))).toBe('tokenInvalid');
    expect(await (await client.call()).account.emailChange()).toEqual({ pending: null });

    const third = freshEmail();
    await (await client.call()).account.requestEmailChange({ email: third, currentPassword: strong });
    const withdrawn = tokenIn((await mailTo(third))[0]!, '/confirm-email-change');
    expect(await (await client.call()).account.cancelEmailChange()).toEqual({ ok: true });
    expect(await (await client.call()).account.emailChange()).toEqual({ pending: null });
    expect(reasonOf(await refusal((await client.call()).account.confirmEmailChange({ token: withdrawn })))).toBe('tokenInvalid');
    expect((await tdb.db.selectFrom('users').select('email_verified_at').where('id', '=', viewer.id).executeTakeFirstOrThrow()).email_verified_at).toBeNull();
  });

  it('is limited per recipient address, like the other requests that send mail', async () => {
    const target = freshEmail();
    for (let i = 0; i < 3; i++) {
      const { client } = await signUpCustomer();
      await (await client.call()).account.requestEmailChange({ email: target, currentPassword: strong });
    }
    const { client } = await signUpCustomer();
    const limited = await refusal((await client.call()).account.requestEmailChange({ email: target, currentPassword: strong }));
    expect(limited.code).toBe('TOO_MANY_REQUESTS');
    expect(reasonOf(limited)).toBe('rateLimited');
    await mailTo(target);
  });
});
