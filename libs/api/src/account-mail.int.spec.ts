import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mailPasswordResetLink } from '@dd/accounts';
import { createTestDatabase, type TestDatabase } from '@dd/db/testing';
import { isDomainError } from '@dd/errors';
import { createMailOutbox, createMailTransport, sendOutboxMessage, type MailTransport } from '@dd/mail';
import { startTestSmtpServer, type ReceivedMail } from '@dd/mail/testing';
import { createTestQueues } from '@dd/queue/testing';
import { createAppServices, type AppServices } from './services';
import { createTestClient, TEST_ORIGIN } from './testing/test-context';

let tdb: TestDatabase;
let redis: ReturnType<typeof createTestQueues>;
let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
let transport: MailTransport;
let services: AppServices;
/** A browser of its own against the one API process these tests talk to (one set of services, one session cache). */
const browser = () => createTestClient(tdb.db, redis.queues, undefined, { services });
beforeAll(async () => {
  tdb = await createTestDatabase();
  redis = createTestQueues();
  services = createAppServices(tdb.db, redis.queues, { sessionTtlHours: 1 });
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
const freshEmail = () => `lid${++counter}-${Date.now()}@example.nl`;
const FROM = 'DataDividend <no-reply@datadividend.test>';

/** Runs what the worker would with the jobs waiting on the mail queue, through the real SMTP server. */
async function runMailJobs(): Promise<void> {
  const queue = redis.queues.get('mail');
  for (;;) {
    const jobs = await queue.getJobs(['waiting', 'prioritized']);
    if (jobs.length === 0) return;
    for (const job of jobs) {
      if (job.name === 'accounts.password-reset') {
        await mailPasswordResetLink({ db: tdb.db, mail: createMailOutbox({ db: tdb.db, queues: redis.queues }) }, (job.data as { email: string }).email);
      } else if (job.name === 'mail.send') {
        await sendOutboxMessage({ db: tdb.db, transport, from: FROM, origin: TEST_ORIGIN }, (job.data as { outboxId: string }).outboxId);
      }
      await job.remove();
    }
  }
}

async function mailTo(email: string): Promise<ReceivedMail[]> {
  await runMailJobs();
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

async function signUpCustomer(options: { displayName?: string; locale?: 'nl' | 'en' } = {}) {
  const email = freshEmail();
  const client = browser();
  const viewer = await (await client.call()).auth.signUpCustomer({ displayName: options.displayName ?? 'Sanne de Vries', email, password: strong, locale: options.locale ?? 'nl' });
  return { email, client, viewer };
}

describe('the verification mail of a sign-up', () => {
  it('arrives over SMTP in the account language, with a text and an HTML part, escaped names and links to the portal only', async () => {
    const { email } = await signUpCustomer({ displayName: '<script>alert(1)</script> & Co', locale: 'en' });
    const [mail, ...more] = await mailTo(email);
    expect(more).toEqual([]);
    expect(mail!.subject).toBe('Confirm your email address for DataDividend');
    expect(mail!.from).toBe(FROM);
    expect(mail!.text).toContain('Hello <script>alert(1)</script> & Co,');
    expect(mail!.html).toContain('Hello &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co,');
    expect(mail!.html).not.toContain('<script>');
    // No tracking pixel or other remote resource; every link goes to the portal.
    expect(mail!.html).not.toMatch(/<img|src=/i);
    const hrefs = [...mail!.html.matchAll(/href="([^"]+)"/g)].map((match) => match[1]!);
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href.startsWith(`${TEST_ORIGIN}/`)).toBe(true);
    expect(tokenIn(mail!, '/verify-email')).toMatch(/^[\w-]{43}$/);
  });

  it('is in Dutch for a Dutch advertiser', async () => {
    const email = freshEmail();
    await (await browser().call()).auth.signUpAdvertiser({ displayName: 'Joost Bakker', email, password: strong, organisationName: 'Bakker B.V.', locale: 'nl' });
    const [mail] = await mailTo(email);
    expect(mail!.subject).toBe('Bevestig je e-mailadres bij DataDividend');
    expect(mail!.text).toContain('Hallo Joost Bakker,');
  });

  it('verifies the address once; the link is then used up, and an expired link never works', async () => {
    const { email, client } = await signUpCustomer();
    expect(await (await client.call()).account.emailStatus()).toEqual({ verified: false });
    const token = tokenIn((await mailTo(email))[0]!, '/verify-email');
    // Another browser (not signed in) may follow the link.
    const stranger = browser();
    expect(await (await stranger.call()).auth.verifyEmail({ token })).toEqual({ ok: true });
    expect(await (await client.call()).account.emailStatus()).toEqual({ verified: true });
    expect(reasonOf(await refusal((await stranger.call()).auth.verifyEmail({ token })))).toBe('tokenInvalid');

    const second = await signUpCustomer();
    const expired = tokenIn((await mailTo(second.email))[0]!, '/verify-email');
    await tdb.db.updateTable('account_tokens').set({ expires_at: new Date(Date.now() - 1000) }).where('user_id', '=', second.viewer.id).execute();
    expect(reasonOf(await refusal((await stranger.call()).auth.verifyEmail({ token: expired })))).toBe('tokenInvalid');
    expect(await (await second.client.call()).account.emailStatus()).toMatchObject({ verified: false });
  });

  it('can be sent again, which voids the older link, up to a limit per account', async () => {
    const { email, client } = await signUpCustomer();
    const first = tokenIn((await mailTo(email))[0]!, '/verify-email');
    expect(await (await client.call()).account.resendVerification()).toEqual({ alreadyVerified: false });
    const mails = await mailTo(email);
    expect(mails).toHaveLength(2);
    const stranger = browser();
    expect(reasonOf(await refusal((await stranger.call()).auth.verifyEmail({ token: first })))).toBe('tokenInvalid');
    await (await client.call()).account.resendVerification();
    await (await client.call()).account.resendVerification();
    const limited = await refusal((await client.call()).account.resendVerification());
    expect(limited.code).toBe('TOO_MANY_REQUESTS');
    expect(reasonOf(limited)).toBe('rateLimited');
  });
});

describe('password reset', () => {
  it('answers an unknown address exactly like a known one, and mails only the known one', async () => {
    const { email } = await signUpCustomer();
    await mailTo(email);
    const unknown = freshEmail();
    const answers = [];
    for (const address of [email, unknown]) answers.push(await (await browser().call()).auth.requestPasswordReset({ email: address }));
    expect(answers[0]).toEqual(answers[1]);
    // Both requests did the same visible work: one job each on the queue.
    expect(await redis.queues.get('mail').getJobCountByTypes('waiting', 'prioritized')).toBe(2);
    expect((await mailTo(email)).map((mail) => mail.subject)).toEqual(['Bevestig je e-mailadres bij DataDividend', 'Nieuw wachtwoord instellen voor DataDividend']);
    expect(await mailTo(unknown)).toEqual([]);
  });

  it('sets a new password under the sign-up policy, ends every session, records it and mails a notice', async () => {
    const { email, client, viewer } = await signUpCustomer({ locale: 'en' });
    const other = browser();
    await (await other.call()).auth.signIn({ email, password: strong });
    await (await browser().call()).auth.requestPasswordReset({ email });
    const token = tokenIn((await mailTo(email)).find((mail) => mail.subject.startsWith('Set a new password'))!, '/reset-password');

    const stranger = browser();
    expect(await (await stranger.call()).auth.checkPasswordReset({ token })).toEqual({ valid: true });
    // A guessable password is refused and leaves the link working.
    const weak = await refusal((await stranger.call()).auth.resetPassword({ token, password: 'Wachtwoord123' }));
    expect(isDomainError(weak.cause) && weak.cause.code).toBe('WEAK_PASSWORD');
    const newPassword = 'Regenboog-Molen-77';
    expect(await (await stranger.call()).auth.resetPassword({ token, password: newPassword })).toEqual({ ok: true });

    expect(await (await client.call()).auth.me()).toBeNull();
    expect(await (await other.call()).auth.me()).toBeNull();
    expect(reasonOf(await refusal((await stranger.call()).auth.resetPassword({ token, password: 'Nog-Een-Ander-88' })))).toBe('tokenInvalid');
    expect(await (await stranger.call()).auth.checkPasswordReset({ token })).toEqual({ valid: false });
    await refusal((await browser().call()).auth.signIn({ email, password: strong }));
    await (await browser().call()).auth.signIn({ email, password: newPassword });

    const audit = await tdb.db.selectFrom('audit_log').select(['action', 'details']).where('subject_id', '=', viewer.id).where('action', 'like', 'auth.password%').orderBy('id').execute();
    expect(audit).toEqual([
      { action: 'auth.password_reset_requested', details: {} },
      { action: 'auth.password_reset', details: { endedSessions: 2 } },
    ]);
    const notice = (await mailTo(email)).find((mail) => mail.subject === 'Your DataDividend password was changed');
    expect(notice?.text).toContain('reset through a link from your email');
    // Once sent, the outbox keeps no token.
    const kept = await tdb.db.selectFrom('mail_outbox').select(['status', 'params']).where('recipient', '=', email).execute();
    expect(kept.every((row) => row.status === 'sent' && Object.keys(row.params).length === 0)).toBe(true);
  });

  it('is limited per recipient address, whether the address has an account or not', async () => {
    for (const address of [freshEmail(), (await signUpCustomer()).email]) {
      for (let i = 0; i < 3; i++) await (await browser().call()).auth.requestPasswordReset({ email: address });
      const limited = await refusal((await browser().call()).auth.requestPasswordReset({ email: address }));
      expect(limited.code).toBe('TOO_MANY_REQUESTS');
    }
    await runMailJobs();
  });
});

describe('password change', () => {
  it('needs the current password, keeps this session, ends the others and mails a notice', async () => {
    const { email, client } = await signUpCustomer();
    const other = browser();
    await (await other.call()).auth.signIn({ email, password: strong });
    const wrong = await refusal((await client.call()).account.changePassword({ currentPassword: 'Niet-Het-Goede-1', newPassword: 'Regenboog-Molen-77' }));
    expect(wrong.code).toBe('UNAUTHORIZED');
    expect(await (await client.call()).account.changePassword({ currentPassword: strong, newPassword: 'Regenboog-Molen-77' })).toEqual({ ok: true });
    expect(await (await client.call()).auth.me()).not.toBeNull();
    expect(await (await other.call()).auth.me()).toBeNull();
    expect((await mailTo(email)).map((mail) => mail.subject)).toContain('Je DataDividend-wachtwoord is gewijzigd');
  });
});

describe('the mail.send job', () => {
  it('sends a message once however often it runs', async () => {
    const { email } = await signUpCustomer();
    const jobs = await redis.queues.get('mail').getJobs(['waiting']);
    const outboxId = (jobs.find((job) => job.name === 'mail.send')!.data as { outboxId: string }).outboxId;
    const deps = { db: tdb.db, transport, from: FROM, origin: TEST_ORIGIN };
    expect(await sendOutboxMessage(deps, outboxId)).toBe('sent');
    expect(await sendOutboxMessage(deps, outboxId)).toBe('alreadySent');
    expect(await Promise.all([sendOutboxMessage(deps, outboxId), sendOutboxMessage(deps, outboxId)])).toEqual(['alreadySent', 'alreadySent']);
    expect(await mailTo(email)).toHaveLength(1);
    const row = await tdb.db.selectFrom('mail_outbox').select(['status', 'attempts']).where('id', '=', outboxId).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'sent', attempts: 5 });
  });
});
