import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@dd/db/testing';
import { runStatementImport } from '@dd/billing';
import { DEFAULT_PAYOUT_SETTINGS, reconcileStatementReturns, writeBatchFile } from '@dd/payouts';
import { ageAccount, creditEarnings, uniqueIban } from '@dd/payouts/testing';
import { createTestQueues } from '@dd/queue/testing';
import { createAppServices, type AppServices } from './services';
import { createTestClient } from './testing/test-context';
import { signInWithSecondStep } from './testing/two-factor';

let tdb: TestDatabase;
let redis: ReturnType<typeof createTestQueues>;
let services: AppServices;
const PASSWORD = 'Zonnebloem-Akker-42';

beforeAll(async () => {
  tdb = await createTestDatabase();
  redis = createTestQueues();
  services = createAppServices(tdb.db, redis.queues, { sessionTtlHours: 1, payouts: { ...DEFAULT_PAYOUT_SETTINGS, holdingDays: 0 } });
});
afterAll(async () => {
  await redis.close();
  await tdb.drop();
});

async function catchError(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

let counter = 0;
/** A signed-in customer whose account is old enough, with `cents` earned. */
async function customer(cents: number) {
  const client = createTestClient(tdb.db, redis.queues, undefined, { services });
  const email = `uitbetaling${++counter}-${Date.now()}@example.nl`;
  await (await client.call()).auth.signUpCustomer({ displayName: 'Eva Jansen', email, password: PASSWORD });
  const id = (await (await client.call()).auth.me())!.id;
  await ageAccount(tdb.db, id, 45);
  await creditEarnings(tdb.db, id, cents);
  return { client, id };
}

async function admin() {
  // A new admin each time: a third sign-in of one admin within 30 s would wait for a new code.
  const email = `beheer-${randomUUID()}@example.nl`;
  await services.accounts.ensureAdmin(email, PASSWORD);
  const client = createTestClient(tdb.db, redis.queues, undefined, { services });
  await signInWithSecondStep(client, email, PASSWORD);
  return client;
}

describe('earnings procedures (customer)', () => {
  it('summarises earnings, refuses a bad request with field errors, and records a good one', async () => {
    const { client } = await customer(4_000);
    const summary = await (await client.call()).earnings.summary();
    expect(summary).toMatchObject({ earnedCents: 4_000, availableCents: 4_000, pendingCents: 0, inPayoutCents: 0, paidOutCents: 0, hasOpenRequest: false });
    expect(summary.rules).toMatchObject({ minimumCents: 1_000, monthlyCapCents: 25_000, capLeftCents: 25_000, eligibleFrom: null });
    expect(summary.monthly).toHaveLength(12);

    const typo = await catchError((await client.call()).earnings.requestPayout({ amount: 2_000, iban: 'NL91ABNA0417164301', accountHolder: 'Eva Jansen' }));
    expect(client.errorShape(typo, 'earnings.requestPayout').data).toMatchObject({ domainCode: 'VALIDATION_FAILED', fieldErrors: { iban: ['earnings:validation.ibanInvalid'] } });

    const tooMuch = await catchError((await client.call()).earnings.requestPayout({ amount: 4_001, iban: uniqueIban(), accountHolder: 'Eva Jansen' }));
    const shape = client.errorShape(tooMuch, 'earnings.requestPayout');
    expect(shape.message).toBe('You asked for EUR 40.01, but EUR 40.00 is available. Lower the amount.');
    expect(shape.data).toMatchObject({
      domainCode: 'VALIDATION_FAILED',
      fieldErrors: { amount: ['earnings:errors.moreThanAvailable'] },
      reason: { code: 'moreThanAvailable', params: { availableCents: 4_000 } },
    });

    const iban = uniqueIban();
    const payout = await (await client.call()).earnings.requestPayout({ amount: 'all', iban: iban.replace(/(.{4})/g, '$1 ').toLowerCase(), accountHolder: ' Eva  Jansen ' });
    expect(payout).toMatchObject({ amountCents: 4_000, iban, accountHolder: 'Eva Jansen', status: 'approved', paidAt: null });
    expect(await (await client.call()).earnings.payouts()).toEqual([payout]);
    expect(await (await client.call()).earnings.summary()).toMatchObject({ availableCents: 0, inPayoutCents: 4_000, hasOpenRequest: true, lastAccount: { iban, accountHolder: 'Eva Jansen' } });

    const second = await catchError((await client.call()).earnings.requestPayout({ amount: 1_000, iban, accountHolder: 'Eva Jansen' }));
    expect(client.errorShape(second, 'earnings.requestPayout').data).toMatchObject({ domainCode: 'CONFLICT', reason: { code: 'openRequest' } });
  });

  it('keeps customers out of the admin payout procedures', async () => {
    const { client } = await customer(1_000);
    const error = await catchError((await client.call()).admin.payouts.requests({ status: 'open' }));
    expect(error.code).toBe('FORBIDDEN');
  });
});

describe('admin payout procedures', () => {
  it('reviews, batches, serves the file and confirms', async () => {
    const iban = uniqueIban();
    const a = await customer(3_000);
    const b = await customer(5_000);
    const first = await (await a.client.call()).earnings.requestPayout({ amount: 3_000, iban, accountHolder: 'Eva Jansen' });
    const second = await (await b.client.call()).earnings.requestPayout({ amount: 5_000, iban, accountHolder: 'Eva Jansen' });
    expect(second.status).toBe('in_review');
    const adminClient = await admin();
    const api = async () => (await adminClient.call()).admin.payouts;

    const inReview = (await (await api()).requests({ status: 'in_review' })).items;
    expect(inReview.map((r) => r.id).sort()).toEqual([first.id, second.id].sort());
    expect(inReview[0]).toMatchObject({ reviewReasons: [{ code: 'sharedIban', params: { otherAccounts: 1 } }], customerName: 'Eva Jansen' });

    const noReason = await catchError((await api()).reject({ requestId: first.id, note: '' }));
    expect(adminClient.errorShape(noReason, 'admin.payouts.reject').data).toMatchObject({ fieldErrors: { note: ['adminPayouts:validation.noteRequired'] } });
    await (await api()).reject({ requestId: first.id, note: 'A second account of one person.' });
    await (await api()).approve({ requestId: second.id, note: 'Checked: a shared household account.' });
    expect((await (await a.client.call()).earnings.payouts())[0]).toMatchObject({ status: 'rejected', rejectionNote: 'A second account of one person.' });

    const batch = await (await api()).createBatch({ requestIds: [second.id] });
    expect(batch).toMatchObject({ status: 'generating', payoutCount: 1, totalCents: 5_000, downloadUrl: null });
    const notYet = await catchError((await api()).confirmBatch({ batchId: batch.id }));
    expect(adminClient.errorShape(notYet, 'admin.payouts.confirmBatch').data).toMatchObject({ domainCode: 'CONFLICT', reason: { code: 'fileNotReady' } });
    const again = await catchError((await api()).createBatch({ requestIds: [second.id] }));
    expect(adminClient.errorShape(again, 'admin.payouts.createBatch').data).toMatchObject({ domainCode: 'CONFLICT', reason: { code: 'requestsNotApproved' } });

    await writeBatchFile(tdb.db, batch.id);
    const [listed] = (await (await api()).batches({})).items.filter((x) => x.id === batch.id);
    expect(listed).toMatchObject({ status: 'ready', downloadUrl: `/api/admin/payout-batches/${batch.id}/pain001.xml` });
    expect(await (await api()).confirmBatch({ batchId: batch.id })).toMatchObject({ status: 'paid', confirmedByAdmin: true });
    expect(await (await b.client.call()).earnings.summary()).toMatchObject({ paidOutCents: 5_000, inPayoutCents: 0, availableCents: 0 });

    const audit = await tdb.db.selectFrom('audit_log').select('action').where('actor_role', '=', 'admin').where('action', 'like', 'payout.%').execute();
    expect(audit.map((e) => e.action).sort()).toEqual(['payout.approved', 'payout.batch_confirmed', 'payout.batch_created', 'payout.rejected']);
  });
});

describe('returned payouts and stuck batches (admin)', () => {
  const camt = (endToEndId: string, cents: number) =>
    Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
  <GrpHdr><MsgId>RETURN-1</MsgId><CreDtTm>2026-11-27T06:00:00</CreDtTm></GrpHdr>
  <Stmt><Id>RETURN-1</Id><CreDtTm>2026-11-27T06:00:00</CreDtTm>
    <Acct><Id><IBAN>${DEFAULT_PAYOUT_SETTINGS.platformIban}</IBAN></Id><Ccy>EUR</Ccy></Acct>
    <Ntry><Amt Ccy="EUR">${(cents / 100).toFixed(2)}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
      <BookgDt><Dt>2026-11-26</Dt></BookgDt><ValDt><Dt>2026-11-26</Dt></ValDt><AcctSvcrRef>RET-${endToEndId}</AcctSvcrRef>
      <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>ICDT</Cd><SubFmlyCd>RRTN</SubFmlyCd></Fmly></Domn></BkTxCd>
      <NtryDtls><TxDtls><Refs><EndToEndId>${endToEndId}</EndToEndId></Refs>
        <RltdPties><Dbtr><Nm>Eva Jansen</Nm></Dbtr></RltdPties>
        <RmtInf><Ustrd>RETOUR DataDividend uitbetaling</Ustrd></RmtInf>
        <RtrInf><Rsn><Cd>MD07</Cd></Rsn><AddtlInf>OVERLEDEN</AddtlInf></RtrInf>
      </TxDtls></NtryDtls></Ntry>
  </Stmt></BkToCstmrStmt></Document>`);

  it('books a return by hand and from an imported statement; the member sees why and asks again', async () => {
    const adminClient = await admin();
    const api = async () => (await adminClient.call()).admin.payouts;
    const a = await customer(2_000);
    const b = await customer(3_000);
    const first = await (await a.client.call()).earnings.requestPayout({ amount: 2_000, iban: uniqueIban(), accountHolder: 'Eva Jansen' });
    const second = await (await b.client.call()).earnings.requestPayout({ amount: 3_000, iban: uniqueIban(), accountHolder: 'Eva Jansen' });
    const batch = await (await api()).createBatch({ requestIds: [first.id, second.id] });
    await writeBatchFile(tdb.db, batch.id);

    const noReason = await catchError((await api()).markReturned({ requestId: first.id, reasonCode: '' as 'AC04' }));
    expect(adminClient.errorShape(noReason, 'admin.payouts.markReturned').data).toMatchObject({ fieldErrors: { reasonCode: ['adminPayouts:validation.returnReasonRequired'] } });
    expect(await (await api()).markReturned({ requestId: first.id, reasonCode: 'AC04', note: 'Volgens de bank opgeheven.' })).toEqual({ status: 'returned', alreadyReturned: false });
    expect((await (await a.client.call()).earnings.payouts())[0]).toMatchObject({ status: 'returned', returnReason: 'AC04', returnNote: 'Volgens de bank opgeheven.' });
    expect(await (await a.client.call()).earnings.summary()).toMatchObject({ availableCents: 2_000, inPayoutCents: 0, hasOpenRequest: false });
    const returned = (await (await api()).requests({ status: 'returned' })).items;
    expect(returned.map((r) => [r.id, r.status, r.returnReason])).toEqual([[first.id, 'returned', 'AC04']]);

    // The bank's statement with the other return, through the billing import and the payouts job.
    const { end_to_end_id: e2e } = await tdb.db.selectFrom('payout_requests').select('end_to_end_id').where('id', '=', second.id).executeTakeFirstOrThrow();
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(camt(e2e, 3_000))]), 'camt053-retour.xml');
    const statement = await (await adminClient.call()).admin.billing.uploadStatement(form);
    expect(await runStatementImport(tdb.db, statement.id)).toMatchObject({ status: 'imported' });
    expect(await reconcileStatementReturns(tdb.db)).toMatchObject({ returned: [second.id], entriesReconciled: 1 });
    expect((await (await b.client.call()).earnings.payouts())[0]).toMatchObject({ status: 'returned', returnReason: 'MD07', returnNote: null });
    const entry = await tdb.db.selectFrom('bank_statement_entries').select(['status', 'direction']).where('statement_id', '=', statement.id).execute();
    expect(entry).toEqual([{ status: 'reconciled', direction: 'credit' }]);
    // The batch's payouts all came back: it is settled.
    expect((await (await api()).batches({})).items.find((x) => x.id === batch.id)).toMatchObject({ status: 'paid' });
    const again = await (await b.client.call()).earnings.requestPayout({ amount: 'all', iban: uniqueIban(), accountHolder: 'Eva Jansen' });
    expect(again).toMatchObject({ amountCents: 3_000, status: 'approved' });
  });

  it('"generate again" is for admins only and leaves a finished batch alone', async () => {
    const adminClient = await admin();
    const api = async () => (await adminClient.call()).admin.payouts;
    const { client } = await customer(1_500);
    const request = await (await client.call()).earnings.requestPayout({ amount: 1_500, iban: uniqueIban(), accountHolder: 'Eva Jansen' });
    expect((await catchError((await client.call()).admin.payouts.requeueBatch({ batchId: request.id }))).code).toBe('FORBIDDEN');
    const batch = await (await api()).createBatch({ requestIds: [request.id] });
    expect(batch).toMatchObject({ fileJob: 'queued', stuck: false });
    expect(await (await api()).requeueBatch({ batchId: batch.id })).toEqual({ requeued: false });
    await writeBatchFile(tdb.db, batch.id);
    await redis.queues.get('payouts').obliterate({ force: true });
    expect(await (await api()).requeueBatch({ batchId: batch.id })).toEqual({ requeued: false });
    expect(await redis.queues.get('payouts').getJob(`payout-batch-${batch.id}`)).toBeUndefined();
  });
});

