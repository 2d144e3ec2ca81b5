import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAudienceMember } from '@dd/audience/testing';
import { DEFAULT_BILLING_SETTINGS } from '@dd/billing';
import { PROFILE_CATEGORY_CODES } from '@dd/categories';
import type { CreatePurchaseInput, NotificationKind } from '@dd/contract';
import type { Db } from '@dd/db';
import { createTestDatabase, type TestDatabase } from '@dd/db/testing';
import { runErasure, runExport } from '@dd/gdpr';
import { createMailTransport, sendOutboxMessage, type MailTransport } from '@dd/mail';
import { startTestSmtpServer } from '@dd/mail/testing';
import { fulfilPurchase, runWeeklySalesDigest } from '@dd/marketplace';
import { notify, LOW_BALANCE_THRESHOLD_CENTS } from '@dd/notifications';
import { DEFAULT_PAYOUT_SETTINGS, writeBatchFile } from '@dd/payouts';
import { ageAccount, creditEarnings, uniqueIban } from '@dd/payouts/testing';
import { DEFAULT_PRIVACY_SETTINGS, type PrivacySettings } from '@dd/privacy';
import { createTestQueues } from '@dd/queue/testing';
import { createAppServices, type AppServices } from './services';
import { rejection, signedInAdmin, signedUpAdvertiser, TEST_PASSWORD } from './testing/actors';
import { createTestClient, TEST_ORIGIN } from './testing/test-context';

const K = 10;
const privacy: PrivacySettings = {
  ...DEFAULT_PRIVACY_SETTINGS, minimumAudience: K, estimateEpsilonMicro: 10_000_000, estimateMonthlyEpsilonMicro: 1_000_000_000, estimatesPerMinute: 5_000, estimateQuestionsPerDay: 5_000,
  audienceEpsilonMicro: 20_000_000, campaignStatEpsilonMicro: 20_000_000, advertiserMonthlyEpsilonMicro: 1_000_000_000, memberMonthlyEpsilonMicro: 1_000_000_000,
};

let tdb: TestDatabase;
let db: Db;
let redis: ReturnType<typeof createTestQueues>;
let services: AppServices;
let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
let transport: MailTransport;
/** The members a campaign can reach. */
const audience: string[] = [];

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  redis = createTestQueues();
  services = createAppServices(db, redis.queues, { sessionTtlHours: 1, privacy, payouts: { ...DEFAULT_PAYOUT_SETTINGS, holdingDays: 0 } });
  smtp = await startTestSmtpServer();
  transport = createMailTransport({ smtpUrl: smtp.url, mailDir: 'unused' });
  const grants = PROFILE_CATEGORY_CODES.flatMap((category) => [{ category, purpose: 'insights' as const }, { category, purpose: 'offers' as const }]);
  for (let i = 0; i < 40; i++) audience.push(await insertAudienceMember(db, { features: { isAdult: true, ageBand: '35-44', province: 'NL-UT', municipality: null, householdBand: 'two', interests: ['travel'], spendBands: {} }, grants }));
}, 60_000);
afterAll(async () => {
  transport.close();
  await smtp.close();
  await redis.close();
  await tdb.drop();
});

const world = () => ({ db, queues: redis.queues, services });
const report: CreatePurchaseInput = {
  product: 'insight_report',
  title: 'Reizigers in Utrecht',
  purposeStatement: 'Inzicht in de leeftijd van reizigers in Utrecht voor onze reisfolder.',
  segment: { op: 'all', of: [{ field: 'province', in: ['NL-UT'] }, { field: 'interest', in: ['travel'] }] },
  breakdowns: ['ageBand'],
};

async function advertiser(options: { depositCents?: number; locale?: 'nl' | 'en' } = {}) {
  const { client, organisationId } = await signedUpAdvertiser(world(), { verified: true, depositCents: options.depositCents ?? 1_000_000, locale: options.locale ?? 'nl' });
  const me = (await (await client.call()).auth.me())!;
  const api = async () => (await client.call()).notifications;
  return { client, organisationId, id: me.id, email: me.email, api };
}

async function customer(locale: 'nl' | 'en' = 'nl') {
  const client = createTestClient(db, redis.queues, undefined, { services });
  const email = `klant-${randomUUID()}@example.nl`;
  await (await client.call()).auth.signUpCustomer({ displayName: 'Eva Jansen', email, password: TEST_PASSWORD, locale });
  const id = (await (await client.call()).auth.me())!.id;
  return { client, id, email, api: async () => (await client.call()).notifications };
}

async function admin() {
  const { client } = await signedInAdmin(world());
  return { moderation: async () => (await client.call()).admin.moderation, payouts: async () => (await client.call()).admin.payouts, organisations: async () => (await client.call()).admin.organisations };
}

const notificationsOf = (userId: string) => db.selectFrom('notifications').select(['kind', 'notification_key', 'params']).where('user_id', '=', userId).orderBy('created_at').execute();
const mailTo = (email: string) => db.selectFrom('mail_outbox').select(['id', 'kind', 'locale', 'params', 'status']).where('recipient', '=', email.toLowerCase()).where('kind', 'like', 'notice.%').orderBy('created_at').execute();
const kindsOf = async (userId: string) => (await notificationsOf(userId)).map((n) => n.kind);

describe('event hooks', () => {
  it('tells the advertiser their purchase was approved, in the portal and by mail, once however often the event repeats', async () => {
    const adv = await advertiser();
    const purchase = await (await adv.client.call()).advertiser.purchases.create(report);
    const boss = await admin();
    await (await boss.moderation()).decide({ id: purchase.id, decision: 'approve' });
    // A second decision is refused; the notification key makes a replayed event (a retried job) a no-op as well.
    await rejection((await boss.moderation()).decide({ id: purchase.id, decision: 'approve' }));
    await db.transaction().execute((trx) => notify(trx, { userId: adv.id, kind: 'purchases.approved', key: `purchase:${purchase.id}:approved`, params: { purchaseId: purchase.id, title: 'Reizigers in Utrecht' } }));

    expect(await notificationsOf(adv.id)).toEqual([{ kind: 'purchases.approved', notification_key: `purchase:${purchase.id}:approved`, params: { purchaseId: purchase.id, title: 'Reizigers in Utrecht' } }]);
    const mails = await mailTo(adv.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ kind: 'notice.purchases.approved', locale: 'nl', params: { title: 'Aankoop goedgekeurd', path: `/advertiser/purchases/${purchase.id}` } });
    // Dispatched after the commit: the send job is waiting.
    expect(await redis.queues.get('mail').getJob(`mail-${mails[0]!.id}`)).toBeTruthy();

    const page = await (await adv.api()).list({ locale: 'en' });
    expect(page.items).toEqual([
      expect.objectContaining({ kind: 'purchases.approved', title: 'Purchase approved', body: 'Your request "Reizigers in Utrecht" was approved and is being fulfilled.', link: `/advertiser/purchases/${purchase.id}`, read: false }),
    ]);
  });

  it('tells the advertiser a campaign was delivered and every member it reached about the offer, mailing only those who asked for it', async () => {
    const adv = await advertiser();
    const campaign: CreatePurchaseInput = {
      product: 'offer_campaign',
      title: 'Najaarsactie',
      purposeStatement: 'Reizigers korting geven op een onderhoudsbeurt voor hun fiets.',
      segment: report.segment,
      offer: { title: 'Korting op onderhoud', body: 'Tien procent korting deze maand.', url: 'https://spaak.example/actie', endsOn: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10) },
    };
    const purchase = await (await adv.client.call()).advertiser.purchases.create(campaign);
    await (await (await admin()).moderation()).decide({ id: purchase.id, decision: 'approve' });
    const mailing = audience[0]!;
    await db.insertInto('notification_preferences').values({ user_id: mailing, kind: 'offers.received', mail: true }).execute();

    const fulfil = () => fulfilPurchase({ db, queues: redis.queues, privacy, billing: DEFAULT_BILLING_SETTINGS }, purchase.id);
    expect(await fulfil()).toMatchObject({ status: 'delivered' });
    expect(await fulfil()).toMatchObject({ status: 'delivered' });

    expect(await kindsOf(adv.id)).toEqual(['purchases.approved', 'purchases.delivered']);
    const reached = await db.selectFrom('offer_deliveries').select('customer_id').where('request_id', '=', purchase.id).execute();
    const told = await db.selectFrom('notifications').select(['user_id', 'params']).where('notification_key', '=', `offer:${purchase.id}`).execute();
    expect(told.map((n) => n.user_id).sort()).toEqual(reached.map((r) => r.customer_id).sort());
    expect(told[0]!.params).toEqual({ advertiser: 'Fietsenwinkel De Spaak' });
    const offerMails = await db.selectFrom('mail_outbox').select('kind').where('kind', '=', 'notice.offers.received').where('message_key', 'like', `%offer:${purchase.id}`).execute();
    expect(offerMails).toHaveLength(reached.some((r) => r.customer_id === mailing) ? 1 : 0);
  });

  it('tells the reason of a rejection, and mails nothing to an advertiser who switched that mail off', async () => {
    const adv = await advertiser({ locale: 'en' });
    await (await adv.api()).preferences.set({ kind: 'purchases.rejected', mail: false });
    const purchase = await (await adv.client.call()).advertiser.purchases.create(report);
    await (await (await admin()).moderation()).decide({ id: purchase.id, decision: 'reject', reason: 'Het doel is niet duidelijk genoeg beschreven.' });
    expect(await kindsOf(adv.id)).toEqual(['purchases.rejected']);
    expect(await mailTo(adv.email)).toEqual([]);
    const [item] = (await (await adv.api()).list({ locale: 'nl' })).items;
    expect(item?.body).toContain('Reden: “Het doel is niet duidelijk genoeg beschreven.”');
  });

  it('tells the advertisers when their organisation is verified or rejected', async () => {
    const { client, organisationId } = await signedUpAdvertiser(world(), { withDetails: true, locale: 'en' });
    const me = (await (await client.call()).auth.me())!;
    await db.updateTable('users').set({ email_verified_at: new Date() }).where('id', '=', me.id).execute();
    const organisations = await (await admin()).organisations();
    await organisations.reject({ id: organisationId, reason: 'Het KvK-nummer hoort bij een andere onderneming.' });
    // Resubmitted, as saving corrected details does.
    await db
      .updateTable('organisations')
      .set({ status: 'unverified', rejection_reason: null, decided_at: null, decided_by: null, contact_name: 'Sanne de Vries', contact_email: me.email })
      .where('id', '=', organisationId)
      .execute();
    const listed = (await organisations.list({ status: 'unverified', limit: 100 })).items.find((o) => o.id === organisationId)!;
    await organisations.verify({ id: organisationId, detailsVersion: listed.detailsVersion });
    expect(await kindsOf(me.id)).toEqual(['organisation.rejected', 'organisation.verified']);
    expect((await mailTo(me.email)).map((m) => m.kind)).toEqual(['notice.organisation.rejected', 'notice.organisation.verified']);
  });

  it('warns once when a reservation takes the balance below the threshold, not on every purchase after', async () => {
    const adv = await advertiser({ depositCents: LOW_BALANCE_THRESHOLD_CENTS + 100 });
    const purchases = async () => (await adv.client.call()).advertiser.purchases;
    await (await purchases()).create(report);
    await (await purchases()).create({ ...report, title: 'Nog een rapport' });
    const warnings = (await notificationsOf(adv.id)).filter((n) => n.kind === 'billing.lowBalance');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.params).toMatchObject({ thresholdCents: LOW_BALANCE_THRESHOLD_CENTS });
  });

  it('tells a customer their export is ready and their payout was sent or came back; a retried job tells nothing twice', async () => {
    const eva = await customer('en');
    const requested = await (await eva.client.call()).privacy.requestExport();
    expect(await runExport(db, requested.id, new Date(), redis.queues)).toBe('ready');
    expect(await runExport(db, requested.id, new Date(), redis.queues)).toBe('already-ready');

    await ageAccount(db, eva.id, 45);
    await creditEarnings(db, eva.id, 3_000);
    const payout = await (await eva.client.call()).earnings.requestPayout({ amount: 2_000, iban: uniqueIban(), accountHolder: 'Eva Jansen' });
    const payouts = await (await admin()).payouts();
    const batch = await payouts.createBatch({ requestIds: [payout.id] });
    await writeBatchFile(db, batch.id);
    await payouts.confirmBatch({ batchId: batch.id });
    await payouts.confirmBatch({ batchId: batch.id });
    await payouts.markReturned({ requestId: payout.id, reasonCode: 'AC04', note: 'Rekening opgeheven.' });

    expect(await kindsOf(eva.id)).toEqual(['gdpr.exportReady', 'payouts.sent', 'payouts.returned']);
    const mails = await mailTo(eva.email);
    expect(mails.map((m) => m.kind)).toEqual(['notice.gdpr.exportReady', 'notice.payouts.sent', 'notice.payouts.returned']);
    expect(mails[1]).toMatchObject({ locale: 'en', params: { title: 'Payout sent', body: 'We transferred €20.00 to your bank account.' } });
  });

  it('mails the confirmation of an erasure, and keeps no trace of the address once it was sent', async () => {
    const eva = await customer('nl');
    await db.transaction().execute((trx) => notify(trx, { userId: eva.id, kind: 'payouts.sent', key: 'test:before-erasure', params: { amountCents: 100 } }));
    await (await eva.client.call()).privacy.erase({ confirmEmail: eva.email });
    expect(await runErasure(db, eva.id, redis.queues)).toBe('erased');

    const pending = await mailTo(eva.email);
    // The earlier notice went with the account; only the confirmation is waiting.
    expect(pending.map((m) => m.kind)).toEqual(['notice.gdpr.erasureDone']);
    expect(await sendOutboxMessage({ db, transport, from: 'DataDividend <no-reply@datadividend.test>', origin: TEST_ORIGIN }, pending[0]!.id)).toBe('sent');
    const received = smtp.received.filter((mail) => mail.envelopeTo.includes(eva.email.toLowerCase()));
    expect(received).toHaveLength(1);
    expect(received[0]!.text).toContain('Je account en alle gegevens die we over je bewaarden zijn verwijderd.');
    expect(await db.selectFrom('mail_outbox').select('id').where('recipient', '=', eva.email.toLowerCase()).execute()).toEqual([]);
    expect(await notificationsOf(eva.id)).toEqual([]);
  });
});

describe('the weekly digest', () => {
  it('tells each member once per ISO week what last week’s sales paid them', async () => {
    const eva = await customer('nl');
    const jan = await customer('en');
    const now = new Date('2026-11-23T08:00:00Z'); // Monday: the week before is 2026-W47.
    const receipt = (customerId: string, occurredAt: string, shareCents: number) => ({
      customer_id: customerId, occurred_at: occurredAt, advertiser_name: 'Fietsen & Zo', product: 'insight_report', purpose: 'insights', categories: ['travel'],
      audience_size: 120, share_cents: shareCents, reference: `purchase:${randomUUID()}`,
    });
    await db
      .insertInto('data_use_receipts')
      .values([
        receipt(eva.id, '2026-11-16T09:00:00Z', 12),
        receipt(eva.id, '2026-11-22T20:00:00Z', 30),
        // Sunday 23:30 in Amsterdam is still the week before; the next receipt is this week's.
        receipt(jan.id, '2026-11-22T22:30:00Z', 7),
        receipt(eva.id, '2026-11-23T00:30:00Z', 1000),
      ])
      .execute();

    const first = await runWeeklySalesDigest({ db, queues: redis.queues, now });
    const again = await runWeeklySalesDigest({ db, queues: redis.queues, now: new Date(now.getTime() + 3_600_000) });
    expect(first).toMatchObject({ week: '2026-W47', notified: 2 });
    expect(again).toMatchObject({ week: '2026-W47', notified: 0 });
    expect(await notificationsOf(eva.id)).toEqual([{ kind: 'sales.weeklyDigest', notification_key: 'sales-digest:2026-W47', params: { week: '2026-W47', sales: 2, shareCents: 42 } }]);
    expect((await notificationsOf(jan.id)).map((n) => n.params)).toEqual([{ week: '2026-W47', sales: 1, shareCents: 7 }]);
    expect((await mailTo(eva.email)).map((m) => m.kind)).toEqual(['notice.sales.weeklyDigest']);
  });
});

describe('notifications procedures', () => {
  async function seed(userId: string, count: number, kind: NotificationKind = 'payouts.sent') {
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < count; i++) await notify(trx, { userId, kind, key: `test:${randomUUID()}`, params: { amountCents: 100 * (i + 1) } } as never);
    });
  }

  it('lists newest first page by page, counts unread and marks read, each only for the signed-in user', async () => {
    const eva = await customer('nl');
    const jan = await customer('nl');
    await seed(eva.id, 5);
    await seed(jan.id, 1);

    expect(await (await eva.api()).unreadCount()).toEqual({ unread: 5 });
    const first = await (await eva.api()).list({ locale: 'nl', limit: 3 });
    const second = await (await eva.api()).list({ locale: 'nl', limit: 3, cursor: first.nextCursor });
    expect(first.items).toHaveLength(3);
    expect(second.items).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    const ids = [...first.items, ...second.items].map((item) => item.id);
    expect(new Set(ids).size).toBe(5);
    const times = [...first.items, ...second.items].map((item) => item.createdAt);
    expect([...times].sort().reverse()).toEqual(times);

    const janItem = (await (await jan.api()).list({ locale: 'nl' })).items[0]!;
    expect((await rejection((await eva.api()).markRead({ id: janItem.id }))).code).toBe('NOT_FOUND');
    expect(await (await jan.api()).unreadCount()).toEqual({ unread: 1 });

    expect(await (await eva.api()).markRead({ id: first.items[0]!.id })).toEqual({ marked: 1, unread: 4 });
    expect(await (await eva.api()).markRead({ id: first.items[0]!.id })).toEqual({ marked: 0, unread: 4 });
    expect(await (await eva.api()).markRead({ all: true })).toEqual({ marked: 4, unread: 0 });
    expect(await (await jan.api()).unreadCount()).toEqual({ unread: 1 });
    expect((await rejection((await eva.api()).list({ locale: 'nl', cursor: 'bm90LWEtY3Vyc29y' }))).code).toBe('BAD_REQUEST');
  });

  it('lists the settings of the user’s role, keeps a choice, and refuses to switch off the mail about money or account', async () => {
    const eva = await customer('nl');
    const preferences = await (await eva.api()).preferences.get();
    expect(preferences.map((p) => p.kind)).toEqual(['gdpr.exportReady', 'offers.received', 'sales.weeklyDigest', 'payouts.sent', 'payouts.returned']);
    expect(preferences.find((p) => p.kind === 'offers.received')).toEqual({ kind: 'offers.received', mail: false, mandatory: null });
    expect(preferences.find((p) => p.kind === 'payouts.sent')).toEqual({ kind: 'payouts.sent', mail: true, mandatory: 'money' });

    const updated = await (await eva.api()).preferences.set({ kind: 'offers.received', mail: true });
    expect(updated.find((p) => p.kind === 'offers.received')?.mail).toBe(true);
    const refused = await rejection((await eva.api()).preferences.set({ kind: 'payouts.sent', mail: false }));
    expect(refused.code).toBe('CONFLICT');
    expect((await rejection((await eva.api()).preferences.set({ kind: 'purchases.approved', mail: false }))).code).toBe('BAD_REQUEST');
    expect((await (await eva.api()).preferences.get()).find((p) => p.kind === 'payouts.sent')?.mail).toBe(true);

    // The choice decides the mail of the next event; the in-portal notification is written either way.
    await db.transaction().execute((trx) => notify(trx, { userId: eva.id, kind: 'offers.received', key: 'test:offer', params: { advertiser: 'Fietsen & Zo' } }));
    expect((await mailTo(eva.email)).map((m) => m.kind)).toEqual(['notice.offers.received']);
  });

  it('answers only signed-in users', async () => {
    const anonymous = createTestClient(db, redis.queues, undefined, { services });
    expect((await rejection((await anonymous.call()).notifications.unreadCount())).code).toBe('UNAUTHORIZED');
  });
});
