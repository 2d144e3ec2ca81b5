import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BILLING_SETTINGS, recordPurchase, runStatementImport } from '@dd/billing';
import { camt053Document, FIXTURE_REFERENCES } from '@dd/billing/testing';
import { createTestDatabase, type TestDatabase } from '@dd/db/testing';
import { auditLedger } from '@dd/ledger';
import { memberIds } from '@dd/ledger/testing';
import { createTestQueues } from '@dd/queue/testing';
import { createAppServices, type AppServices } from './services';
import { rejection } from './testing/actors';
import { createTestClient } from './testing/test-context';
import { signInWithSecondStep } from './testing/two-factor';

const PASSWORD = 'correct horse battery staple 42';
const IBAN = DEFAULT_BILLING_SETTINGS.platformIban;

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


async function advertiser(organisationName = 'Fietsenwinkel De Spaak') {
  const client = createTestClient(tdb.db, redis.queues, undefined, { services });
  await (await client.call()).auth.signUpAdvertiser({ displayName: 'Sanne de Vries', email: `adv-${randomUUID()}@example.nl`, password: PASSWORD, organisationName, locale: 'nl' });
  const me = await (await client.call()).auth.me();
  return { client, organisationId: me!.organisation!.id };
}

async function admin() {
  const email = `beheer-${randomUUID()}@example.nl`;
  await services.accounts.ensureAdmin(email, PASSWORD);
  const client = createTestClient(tdb.db, redis.queues, undefined, { services });
  await signInWithSecondStep(client, email, PASSWORD);
  return client;
}

async function customer() {
  const client = createTestClient(tdb.db, redis.queues, undefined, { services });
  await (await client.call()).auth.signUpCustomer({ displayName: 'Eva Jansen', email: `klant-${randomUUID()}@example.nl`, password: PASSWORD });
  return client;
}

function statementForm(bytes: Buffer, name = 'camt053.xml') {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), name);
  return form;
}

describe('the advertiser’s billing procedures', () => {
  it('shows how to top up: the platform account and a reference of their own, which stays the same', async () => {
    const { client } = await advertiser();
    const summary = await (await client.call()).billing.summary();
    expect(summary).toEqual({
      balanceCents: 0,
      reservedCents: 0,
      paymentReference: expect.stringMatching(/^DD\d{12}$/),
      topUp: { iban: IBAN, accountName: 'DataDividend B.V.', bic: 'ABNANL2A' },
      vatRateBp: 2_100,
      history: [],
    });
    expect((await (await client.call()).billing.summary()).paymentReference).toBe(summary.paymentReference);
    expect(await (await client.call()).billing.invoices()).toEqual([]);
    const other = await advertiser('Supermarkt Noord');
    expect((await (await other.client.call()).billing.summary()).paymentReference).not.toBe(summary.paymentReference);
  });

  it('is for advertisers only, and the admin procedures for admins only', async () => {
    const person = await customer();
    expect(await rejection((await person.call()).billing.summary())).toMatchObject({ code: 'FORBIDDEN' });
    const { client } = await advertiser();
    expect(await rejection((await client.call()).admin.billing.unmatched())).toMatchObject({ code: 'FORBIDDEN' });
    expect(await rejection((await client.call()).admin.billing.uploadStatement(statementForm(Buffer.from('x'))))).toMatchObject({ code: 'FORBIDDEN' });
    const signedOut = createTestClient(tdb.db, redis.queues, undefined, { services });
    expect(await rejection((await signedOut.call()).billing.invoices())).toMatchObject({ code: 'UNAUTHORIZED' });
  });
});

describe('the admin imports the platform statement and resolves what did not match', () => {
  it('uploads, imports, lists, assigns and dismisses; the advertiser then sees the money', async () => {
    const { client: advertiserClient, organisationId } = await advertiser('Bakkerij de Graaf B.V.');
    const { paymentReference } = await (await advertiserClient.call()).billing.summary();
    const adminClient = await admin();
    const bytes = camt053Document({
      iban: IBAN,
      entries: [
        { amountCents: 150_000, bookedOn: '2026-11-18', bankReference: `API-${randomUUID()}`, counterpartyName: 'Bakkerij de Graaf B.V.', remittance: `Opwaardering ${paymentReference}` },
        { amountCents: 20_000, bookedOn: '2026-11-18', bankReference: `API-${randomUUID()}`, counterpartyName: 'Onbekend B.V.', remittance: 'Voor de campagne' },
        { amountCents: 5_000, bookedOn: '2026-11-19', bankReference: `API-${randomUUID()}`, counterpartyName: 'Twee Tegelijk', remittance: `${paymentReference} ${FIXTURE_REFERENCES.unknown}` },
        { amountCents: -4_200, bookedOn: '2026-11-19', bankReference: `API-${randomUUID()}`, counterpartyName: 'E. de Vries', remittance: 'Uitbetaling' },
      ],
    });

    const stored = await (await adminClient.call()).admin.billing.uploadStatement(statementForm(bytes, 'ABN-2026-11-19.xml'));
    expect(stored).toMatchObject({ fileName: 'ABN-2026-11-19.xml', status: 'stored', uploadedBy: 'Administrator' });
    expect(await runStatementImport(tdb.db, stored.id)).toMatchObject({ status: 'imported', booked: 1, unmatched: 2 });

    const [listed] = (await (await adminClient.call()).admin.billing.statements()).filter((s) => s.id === stored.id);
    expect(listed).toMatchObject({ status: 'imported', entriesTotal: 4, counts: { booked: 1, unmatched: 2, dismissed: 0, open: 1 } });
    const unmatched = (await (await adminClient.call()).admin.billing.unmatched()).filter((c) => c.statementId === stored.id);
    expect(unmatched.map((c) => [c.amountCents, c.reason])).toEqual([
      [20_000, 'noReference'],
      [5_000, 'ambiguous'],
    ]);
    const advertisers = await (await adminClient.call()).admin.billing.advertisers();
    expect(advertisers.find((a) => a.id === organisationId)).toEqual({ id: organisationId, name: 'Bakkerij de Graaf B.V.', kvkNumber: null, status: 'unverified', paymentReference });

    // A dismissal needs a note; the form gets the field error as an i18n key.
    const noNote = await rejection((await adminClient.call()).admin.billing.dismiss({ entryId: unmatched[1]!.id, note: ' ' }));
    expect(adminClient.errorShape(noNote, 'admin.billing.dismiss').data).toMatchObject({ domainCode: 'VALIDATION_FAILED', fieldErrors: { note: ['bankStatements:review.noteRequired'] } });

    await (await adminClient.call()).admin.billing.assign({ entryId: unmatched[0]!.id, organisationId, note: 'Gebeld met de bakkerij' });
    await (await adminClient.call()).admin.billing.dismiss({ entryId: unmatched[1]!.id, note: 'Teruggestort: twee referenties' });
    const again = await rejection((await adminClient.call()).admin.billing.assign({ entryId: unmatched[0]!.id, organisationId }));
    expect(adminClient.errorShape(again, 'admin.billing.assign').data).toMatchObject({ domainCode: 'CONFLICT', reason: { code: 'entryAlreadyResolved' } });
    expect((await (await adminClient.call()).admin.billing.unmatched()).filter((c) => c.statementId === stored.id)).toEqual([]);

    const summary = await (await advertiserClient.call()).billing.summary();
    expect(summary.balanceCents).toBe(170_000);
    expect(summary.history.map((h) => [h.kind, h.amountCents, h.balanceAfterCents, h.counterpartyName, h.bookedOn])).toEqual([
      ['topUp', 20_000, 170_000, 'Onbekend B.V.', '2026-11-18'],
      ['topUp', 150_000, 150_000, 'Bakkerij de Graaf B.V.', '2026-11-18'],
    ]);
    expect(await auditLedger(tdb.db)).toMatchObject({ sumCents: 0, unbalancedTransactions: 0, balanceMismatches: 0 });
  });

  it('lists a file that is not a CAMT.053 statement as failed, with a reason the portal can translate', async () => {
    const adminClient = await admin();
    // The API stores it without reading it; the import job refuses it and the list says why.
    const stored = await (await adminClient.call()).admin.billing.uploadStatement(statementForm(Buffer.from('Datum;Bedrag\n'), 'export.csv'));
    expect(stored).toMatchObject({ status: 'stored', error: null });
    expect(await runStatementImport(tdb.db, stored.id)).toEqual({ status: 'failed' });
    const [listed] = (await (await adminClient.call()).admin.billing.statements()).filter((s) => s.id === stored.id);
    expect(listed).toMatchObject({ status: 'failed', error: { code: 'formatUnsupported', params: { formats: 'ING CSV, Rabobank CSV, ABN AMRO TAB, CAMT.053 XML' } } });
    const empty = await rejection((await adminClient.call()).admin.billing.uploadStatement(statementForm(Buffer.alloc(0), 'leeg.xml')));
    expect(adminClient.errorShape(empty, 'admin.billing.uploadStatement').data).toMatchObject({ domainCode: 'VALIDATION_FAILED', reason: { code: 'fileEmpty' } });
    const missing = await rejection((await adminClient.call()).admin.billing.uploadStatement(new FormData()));
    expect(adminClient.errorShape(missing, 'admin.billing.uploadStatement').data).toMatchObject({ fieldErrors: { file: ['validation.fileRequired'] } });
  });
});

describe('invoices through the API', () => {
  it('lists the advertiser’s invoices and opens one, but never another organisation’s', async () => {
    const { client, organisationId } = await advertiser('Drukkerij Van Dijk');
    const adminClient = await admin();
    const { paymentReference } = await (await client.call()).billing.summary();
    const stored = await (await adminClient.call()).admin.billing.uploadStatement(
      statementForm(camt053Document({ iban: IBAN, entries: [{ amountCents: 100_000, bookedOn: '2026-11-20', bankReference: `INV-${randomUUID()}`, remittance: paymentReference }] })),
    );
    await runStatementImport(tdb.db, stored.id);
    const { invoice } = await recordPurchase(
      { db: tdb.db, queues: redis.queues },
      { idempotencyKey: `order-${randomUUID()}`, organisationId, amountCents: 60_000, memberIds: memberIds(1_200), description: 'Inzichtrapport' },
      DEFAULT_BILLING_SETTINGS,
    );

    const list = await (await client.call()).billing.invoices();
    expect(list).toEqual([expect.objectContaining({ id: invoice.invoiceId, number: invoice.number, netCents: 60_000, vatCents: 12_600, totalCents: 72_600 })]);
    const shown = await (await client.call()).billing.invoice({ invoiceId: invoice.invoiceId });
    expect(shown).toMatchObject({ number: invoice.number, buyer: { name: 'Drukkerij Van Dijk' }, lines: [{ description: 'Inzichtrapport', quantity: 1_200, unitPriceCents: 50, netCents: 60_000 }] });
    expect((await (await client.call()).billing.summary()).balanceCents).toBe(100_000 - 72_600);

    const stranger = await advertiser('Iemand Anders');
    expect(await rejection((await stranger.client.call()).billing.invoice({ invoiceId: invoice.invoiceId }))).toMatchObject({ code: 'NOT_FOUND' });
    const badId = await rejection((await client.call()).billing.invoice({ invoiceId: 'not-a-uuid' }));
    expect(client.errorShape(badId, 'billing.invoice').data).toMatchObject({ fieldErrors: { invoiceId: ['validation.invalidId'] } });
  });
});
