import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Db } from '@dd/db';
import { createTestDatabase, insertTestCustomer, type TestDatabase } from '@dd/db/testing';
import { DomainError } from '@dd/errors';
import { accountBalance, auditLedger } from '@dd/ledger';
import { createTestQueues } from '@dd/queue/testing';
import { writeBatchFile } from './batch-file.job';
import { earningsSummary } from './earnings.service';
import { checkPain001, readPain001 } from './pain001.reader';
import { batchKeys } from './payout-batch.service';
import { DEFAULT_PAYOUT_SETTINGS, type PayoutSettings } from './payout.settings';
import { createPayoutService } from './payouts.service';
import { markPaidFromStatementEntries } from './statement-match';
import { reconcileStatementDebits } from './statement-reconcile';
import { ageAccount, creditEarnings, TEST_IBANS, uniqueIban } from './testing';

let tdb: TestDatabase;
let db: Db;
let redis: ReturnType<typeof createTestQueues>;
const ADMIN = randomUUID();
const SETTINGS: PayoutSettings = { ...DEFAULT_PAYOUT_SETTINGS, holdingDays: 0 };
const DAY = 86_400_000;

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  redis = createTestQueues();
});
afterAll(async () => {
  await redis.close();
  await tdb.drop();
});

const service = (settings: PayoutSettings = SETTINGS, now?: () => Date) => createPayoutService({ db, queues: redis.queues, settings, ...(now ? { now } : {}) });

/** A customer whose account is `ageDays` old, with `cents` earned from a real sale. */
async function member(cents: number, ageDays = 40): Promise<string> {
  const id = await insertTestCustomer(db);
  await ageAccount(db, id, ageDays);
  if (cents > 0) await creditEarnings(db, id, cents);
  return id;
}

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  return error as Error;
}

const ask = (customerId: string, amount: number | 'all', iban: string = uniqueIban(), s = service()) =>
  s.requestPayout(customerId, { amount, iban, accountHolder: 'Eva Jansen' });

const statusOf = async (requestId: string) =>
  (await db.selectFrom('payout_requests').select('status').where('id', '=', requestId).executeTakeFirstOrThrow()).status;

describe('limits on payout requests', () => {
  it('an account younger than 30 days cannot have its first payout; it can once old enough', async () => {
    const id = await member(5_000, 10);
    const tooNew = await failure(ask(id, 2_000));
    expect(tooNew.code).toBe('CONFLICT');
    expect(tooNew.reason?.code).toBe('accountTooNew');
    expect(tooNew.message).toMatch(/^Your first payout can be requested from \d{4}-\d{2}-\d{2}: accounts must be 30 days old first\./);
    expect((await service().summary(id)).rules.eligibleFrom).not.toBeNull();

    await ageAccount(db, id, 31);
    const payout = await ask(id, 2_000);
    expect(payout).toMatchObject({ amountCents: 2_000, status: 'approved', accountHolder: 'Eva Jansen' });
    expect(payout.iban).toMatch(/^NL\d{2}INGB\d{10}$/);
    expect((await service().summary(id)).rules.eligibleFrom).toBeNull();
  });

  it('refuses less than the minimum of EUR 10, and more than is available, naming the amount field', async () => {
    const small = await member(900);
    const below = await failure(ask(small, 'all'));
    expect(below).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'amount', messageKey: 'earnings:errors.belowMinimum' } });
    expect(below.reason).toEqual({ code: 'belowMinimum', params: { minimumCents: 1_000, availableCents: 900 } });
    expect(below.message).toBe('The minimum payout is EUR 10.00; EUR 9.00 is available now.');

    const id = await member(5_000);
    expect((await failure(ask(id, 999))).reason?.code).toBe('belowMinimum');
    const tooMuch = await failure(ask(id, 5_001));
    expect(tooMuch.reason).toEqual({ code: 'moreThanAvailable', params: { availableCents: 5_000 } });
    expect(tooMuch.message).toBe('You asked for EUR 50.01, but EUR 50.00 is available. Lower the amount.');
  });

  it('caps payouts per calendar month (EUR 250) and starts again next month', async () => {
    const id = await member(40_000);
    const november = new Date();
    const over = await failure(ask(id, 26_000));
    expect(over.reason).toEqual({ code: 'overMonthlyCap', params: { monthlyCapCents: 25_000, capLeftCents: 25_000 } });

    const first = await ask(id, 20_000);
    await service().createBatch(ADMIN, [first.id]);
    expect((await failure(ask(id, 6_000))).reason).toEqual({ code: 'overMonthlyCap', params: { monthlyCapCents: 25_000, capLeftCents: 5_000 } });
    // "Everything" takes what the cap still allows.
    const rest = await ask(id, 'all');
    expect(rest.amountCents).toBe(5_000);
    await service().createBatch(ADMIN, [rest.id]);
    const full = await failure(ask(id, 'all'));
    expect(full.reason?.code).toBe('overMonthlyCap');
    expect((await service().summary(id)).rules.capLeftCents).toBe(0);

    const nextMonth = new Date(Date.UTC(november.getUTCFullYear(), november.getUTCMonth() + 1, 15));
    const later = service(SETTINGS, () => nextMonth);
    expect((await later.summary(id)).rules.capLeftCents).toBe(25_000);
    expect((await ask(id, 'all', uniqueIban(), later)).amountCents).toBe(15_000);
  });

  it('keeps new earnings pending during the holding period', async () => {
    const id = await member(5_000);
    const holding = { ...SETTINGS, holdingDays: 7 };
    const today = await earningsSummary(db, id, holding, new Date());
    expect(today).toMatchObject({ earnedCents: 5_000, pendingCents: 5_000, availableCents: 0 });
    expect((await failure(ask(id, 'all', uniqueIban(), service(holding)))).reason?.code).toBe('belowMinimum');
    const nextWeek = new Date(Date.now() + 8 * DAY);
    expect(await earningsSummary(db, id, holding, nextWeek)).toMatchObject({ pendingCents: 0, availableCents: 5_000 });
  });

  it('refuses an IBAN with a typo or outside SEPA, and an empty name, under their fields', async () => {
    const id = await member(5_000);
    const typo = await failure(ask(id, 2_000, 'NL91ABNA0417164301'));
    expect(typo.details).toEqual({ field: 'iban', messageKey: 'earnings:validation.ibanInvalid' });
    const brazil = await failure(ask(id, 2_000, 'BR1800360305000010009795493C1'));
    expect(brazil.details).toEqual({ field: 'iban', messageKey: 'earnings:validation.ibanNotSepa' });
    const noName = await failure(service().requestPayout(id, { amount: 2_000, iban: TEST_IBANS.de, accountHolder: '  ' }));
    expect(noName.details).toEqual({ field: 'accountHolder', messageKey: 'earnings:validation.holderRequired' });
  });
});

describe('a payout cannot be requested twice', () => {
  it('one open request per member: a second one waits, and the database refuses it too', async () => {
    const id = await member(10_000);
    const [a, b] = await Promise.allSettled([ask(id, 3_000), ask(id, 3_000)]);
    expect([a.status, b.status].sort()).toEqual(['fulfilled', 'rejected']);
    const refused = (a.status === 'rejected' ? a.reason : (b as PromiseRejectedResult).reason) as DomainError;
    expect(refused.reason?.code).toBe('openRequest');
    expect((await service().summary(id)).availableCents).toBe(7_000);

    const raw = rejection(
      sql`insert into payout_requests (customer_id, amount_cents, iban, account_holder, status, end_to_end_id)
          values (${id}, 1000, ${TEST_IBANS.nl}, 'Eva', 'approved', 'DDETESTONEOPEN')`.execute(db),
    );
    expect((await raw).message).toMatch(/payout_requests_one_open/);
  });

  it('the database refuses a reservation above the earnings balance, and any change of amount or account', async () => {
    const id = await member(2_000);
    const over = await rejection(
      sql`insert into payout_requests (customer_id, amount_cents, iban, account_holder, status, end_to_end_id)
          values (${id}, 2001, ${TEST_IBANS.nl}, 'Eva', 'approved', 'DDETESTOVERBALANCE')`.execute(db),
    );
    expect(over.message).toMatch(/do not cover the 2001 cents their open payout requests reserve/);

    const request = await ask(id, 2_000);
    const changed = await rejection(sql`update payout_requests set amount_cents = 1 where id = ${request.id}`.execute(db));
    expect(changed.message).toMatch(/cannot change its amount, account or identity/);
    const skipped = await rejection(sql`update payout_requests set status = 'paid', paid_at = now() where id = ${request.id}`.execute(db));
    expect(skipped.message).toMatch(/cannot go from approved to paid/);
    expect((await rejection(sql`delete from payout_requests where id = ${request.id}`.execute(db))).message).toMatch(/cannot be deleted/);
  });
});

describe('an IBAN used by another account', () => {
  it('puts both accounts’ requests in review; the admin approves or rejects each with a reason', async () => {
    const first = await member(6_000);
    const second = await member(8_000);
    const a = await ask(first, 5_000, TEST_IBANS.nl3);
    expect(a.status).toBe('approved');
    const b = await ask(second, 7_000, TEST_IBANS.nl3);
    expect(b.status).toBe('in_review');
    expect(await statusOf(a.id)).toBe('in_review');

    const inReview = (await service().adminRequests('in_review')).filter((r) => r.iban === TEST_IBANS.nl3);
    expect(inReview.map((r) => r.id).sort()).toEqual([a.id, b.id].sort());
    for (const request of inReview) {
      expect(request.reviewReasons).toEqual([{ code: 'sharedIban', params: { otherAccounts: 1 } }]);
      expect(request.linkedAccounts).toEqual([{ customerId: request.customerId === first ? second : first, name: 'Eva Jansen', erased: false }]);
    }
    // Neither can go into a batch before a decision.
    expect((await failure(service().createBatch(ADMIN, [a.id]))).reason?.code).toBe('requestsNotApproved');

    await service().approve(ADMIN, b.id, 'Same household, checked by phone.');
    await service().reject(ADMIN, a.id, 'Second account of the same person.');
    expect(await statusOf(b.id)).toBe('approved');
    expect(await statusOf(a.id)).toBe('rejected');
    expect((await service().summary(first)).availableCents).toBe(6_000);
    expect((await failure(service().approve(ADMIN, a.id, 'Changed my mind.'))).reason?.code).toBe('notInReview');
    expect((await service().payouts(first))[0]).toMatchObject({ status: 'rejected', rejectionNote: 'Second account of the same person.' });

    const audit = await db.selectFrom('audit_log').select(['action', 'actor_role', 'subject_id']).where('subject_id', 'in', [a.id, b.id]).orderBy('id').execute();
    expect(audit.map((e) => `${e.action}:${e.actor_role}`)).toEqual([
      'payout.requested:customer',
      'payout.requested:customer',
      'payout.flagged_for_review:system',
      'payout.approved:admin',
      'payout.rejected:admin',
    ]);
  });
});

describe('a payout batch from request to paid', () => {
  it('moves the payouts in transit with the batch, writes a pain.001 file that reads back right, and pays them on confirmation', async () => {
    const members = [await member(3_000), await member(4_500), await member(12_345)];
    const requests = [await ask(members[0]!, 3_000, TEST_IBANS.nl), await ask(members[1]!, 2_550, TEST_IBANS.de), await ask(members[2]!, 'all', TEST_IBANS.be)];
    expect(requests.map((r) => r.status)).toEqual(['approved', 'approved', 'approved']);
    const ids = requests.map((r) => r.id);
    const bankBefore = await accountBalance(db, 'platform_bank');
    const transitBefore = await accountBalance(db, 'payouts_in_transit');

    const batch = await service().createBatch(ADMIN, ids);
    expect(batch).toMatchObject({ status: 'generating', payoutCount: 3, totalCents: 17_895, downloadUrl: null });
    expect(await Promise.all(ids.map(statusOf))).toEqual(['in_transit', 'in_transit', 'in_transit']);
    expect(await accountBalance(db, 'payouts_in_transit')).toBe(transitBefore + 17_895);
    expect(await accountBalance(db, 'member_earnings', members[1]!)).toBe(1_950);
    const inTransit = await db.selectFrom('ledger_transactions').select(['kind']).where('idempotency_key', '=', batchKeys.inTransit(batch.id)).execute();
    expect(inTransit).toEqual([{ kind: 'payout.in_transit' }]);
    // The worker's job was queued under the batch's id.
    expect((await redis.queues.get('payouts').getJob(`payout-batch-${batch.id}`))?.data).toEqual({ batchId: batch.id });

    const written = await writeBatchFile(db, batch.id);
    expect(written).toMatchObject({ payouts: 3, totalCents: 17_895, written: true });
    const again = await writeBatchFile(db, batch.id);
    expect(again).toMatchObject({ written: false, sha256: (written as { sha256: string }).sha256 });

    const { content, fileName } = await service().batchFile(batch.id);
    expect(fileName).toMatch(/^datadividend-payouts-\d{4}-\d{2}-\d{2}-DDM[0-9A-F]{32}\.xml$/);
    expect(checkPain001(content)).toEqual([]);
    const file = readPain001(content);
    expect(file).toMatchObject({ nbOfTxs: '3', ctrlSum: '178.95' });
    const payments = file.paymentInfos[0]!.payments;
    const stored = await db.selectFrom('payout_requests').select(['id', 'end_to_end_id']).where('id', 'in', ids).execute();
    expect(payments.map((p) => [p.endToEndId, p.amount, p.creditorIban])).toEqual([
      [stored.find((r) => r.id === ids[0])!.end_to_end_id, '30.00', TEST_IBANS.nl],
      [stored.find((r) => r.id === ids[1])!.end_to_end_id, '25.50', TEST_IBANS.de],
      [stored.find((r) => r.id === ids[2])!.end_to_end_id, '123.45', TEST_IBANS.be],
    ]);

    // No payout can be in a second batch: nothing approved is left, and the database refuses it outright.
    expect((await failure(service().createBatch(ADMIN, ids))).reason?.code).toBe('requestsNotApproved');
    const other = randomUUID();
    const twice = await rejection(
      db.transaction().execute(async (trx) => {
        await sql`insert into payout_batches (id, msg_id, pmt_inf_id, payout_count, total_cents, requested_execution_date, debtor_name, debtor_iban, debtor_bic, created_by)
          values (${other}, 'DDMTWICE', 'DDPTWICE', 1, 3000, '2026-12-01', 'DataDividend', ${TEST_IBANS.nl}, 'ABNANL2A', ${ADMIN})`.execute(trx);
        await sql`insert into payout_batch_items (batch_id, position, request_id) values (${other}, 0, ${ids[0]})`.execute(trx);
      }),
    );
    expect(twice.message).toMatch(/payout_batch_items_request_id_key/);
    expect((await rejection(sql`delete from payout_batch_items where request_id = ${ids[0]}`.execute(db))).message).toMatch(/append-only/);

    const confirmed = await service().confirmBatch(ADMIN, batch.id);
    expect(confirmed).toMatchObject({ status: 'paid', confirmedByAdmin: true });
    expect(await Promise.all(ids.map(statusOf))).toEqual(['paid', 'paid', 'paid']);
    expect(await accountBalance(db, 'platform_bank')).toBe(bankBefore - 17_895);
    expect(await accountBalance(db, 'payouts_in_transit')).toBe(transitBefore);
    expect(await service().confirmBatch(ADMIN, batch.id)).toMatchObject({ status: 'paid' });
    expect(await db.selectFrom('ledger_transactions').select('id').where('idempotency_key', '=', batchKeys.paid(batch.id)).execute()).toHaveLength(1);

    // Where the member's money is adds up to what they earned, to the cent.
    const summary = await service().summary(members[2]!);
    expect(summary).toMatchObject({ earnedCents: 12_345, paidOutCents: 12_345, availableCents: 0, inPayoutCents: 0, pendingCents: 0 });
    expect(await auditLedger(db)).toMatchObject({ sumCents: 0, unbalancedTransactions: 0, balanceMismatches: 0 });
  });

  it('a later bank statement marks payouts paid by their EndToEndId, once', async () => {
    const members = [await member(5_000), await member(5_000)];
    const [p1, p2] = [await ask(members[0]!, 1_500), await ask(members[1]!, 2_500)];
    const batch = await service().createBatch(ADMIN, [p1!.id, p2!.id]);
    await writeBatchFile(db, batch.id);
    const e2e = Object.fromEntries(
      (await db.selectFrom('payout_requests').select(['id', 'end_to_end_id']).where('id', 'in', [p1!.id, p2!.id]).execute()).map((r) => [r.id, r.end_to_end_id]),
    );

    const statement = [
      { endToEndId: e2e[p1!.id], amountCents: 1_500, direction: 'debit' as const },
      { endToEndId: e2e[p2!.id], amountCents: 2_499, direction: 'debit' as const },
      { endToEndId: `DDE${'0'.repeat(32)}`, amountCents: 100, direction: 'debit' as const },
      { endToEndId: e2e[p2!.id], amountCents: 2_500, direction: 'credit' as const },
      { endToEndId: 'NOTPROVIDED', amountCents: 999, direction: 'debit' as const },
    ];
    const first = await markPaidFromStatementEntries(db, statement);
    expect(first).toEqual({ paid: [p1!.id], alreadyPaid: [], alreadyReturned: [], reconciled: [e2e[p1!.id]], amountMismatches: [{ endToEndId: e2e[p2!.id], expectedCents: 2_500, bookedCents: 2_499 }], batchesSettled: [] });
    expect(await statusOf(p1!.id)).toBe('paid');
    expect(await statusOf(p2!.id)).toBe('in_transit');

    const again = await markPaidFromStatementEntries(db, statement);
    expect(again).toMatchObject({ paid: [], alreadyPaid: [e2e[p1!.id]] });

    const last = await markPaidFromStatementEntries(db, [{ endToEndId: e2e[p2!.id], amountCents: 2_500, direction: 'debit' }]);
    expect(last).toMatchObject({ paid: [p2!.id], batchesSettled: [batch.id] });
    expect((await service().batches()).items.find((b) => b.id === batch.id)).toMatchObject({ status: 'paid', confirmedByAdmin: false });
    const paidKeys = await db.selectFrom('ledger_transactions').select('idempotency_key').where('kind', '=', 'payout.paid').where('idempotency_key', 'like', 'payout:%').execute();
    expect(paidKeys.map((k) => k.idempotency_key).sort()).toEqual([batchKeys.payoutPaid(p1!.id), batchKeys.payoutPaid(p2!.id)].sort());
    expect(await auditLedger(db)).toMatchObject({ sumCents: 0, unbalancedTransactions: 0, balanceMismatches: 0 });
  });
});

describe('the platform bank statement import (bank_statement_entries)', () => {
  it('reconciles the open debits that carry our EndToEndIds, once, and leaves the rest open', async () => {
    const id = await member(3_000);
    const request = await ask(id, 2_750);
    const batch = await service().createBatch(ADMIN, [request.id]);
    await writeBatchFile(db, batch.id);
    const { end_to_end_id: endToEndId } = await db.selectFrom('payout_requests').select('end_to_end_id').where('id', '=', request.id).executeTakeFirstOrThrow();

    const statementId = randomUUID();
    await sql`insert into bank_statements (id, file_name, byte_size, sha256, expected_iban, status)
      values (${statementId}, 'camt053-platform.xml', 1, ${'0'.repeat(64)}, ${TEST_IBANS.nl}, 'imported')`.execute(db);
    const entry = (line: number, e2e: string | null, cents: number) => sql`
      insert into bank_statement_entries (entry_key, statement_id, line, account_iban, booked_on, direction, amount_cents, currency, end_to_end_id, status)
      values (${`key-${randomUUID()}`}, ${statementId}, ${line}, ${TEST_IBANS.nl}, '2026-11-25', 'debit', ${cents}, 'EUR', ${e2e}, 'open')`.execute(db);
    await entry(1, endToEndId, 2_750);
    await entry(2, 'NOTPROVIDED', 1_999);
    await entry(3, null, 45);

    const first = await reconcileStatementDebits(db);
    expect(first).toMatchObject({ paid: [request.id], entriesReconciled: 1, batchesSettled: [batch.id] });
    const statuses = await db.selectFrom('bank_statement_entries').select(['line', 'status']).where('statement_id', '=', statementId).orderBy('line').execute();
    expect(statuses).toEqual([
      { line: 1, status: 'reconciled' },
      { line: 2, status: 'open' },
      { line: 3, status: 'open' },
    ]);
    expect(await statusOf(request.id)).toBe('paid');
    expect(await reconcileStatementDebits(db)).toMatchObject({ paid: [], entriesReconciled: 0 });
    expect(await auditLedger(db)).toMatchObject({ sumCents: 0, unbalancedTransactions: 0, balanceMismatches: 0 });
  });
});

describe('earnings over time', () => {
  it('shows the last twelve months, this month last, with this month’s earnings', async () => {
    const id = await member(1_234);
    await creditEarnings(db, id, 766);
    const summary = await service().summary(id);
    expect(summary.monthly).toHaveLength(12);
    expect(summary.monthly.at(-1)).toEqual({ month: expect.stringMatching(/^\d{4}-\d{2}$/), earnedCents: 2_000 });
    expect(summary.monthly.slice(0, 11).every((m) => m.earnedCents === 0)).toBe(true);
    expect(summary).toMatchObject({ earnedCents: 2_000, availableCents: 2_000, hasOpenRequest: false, lastAccount: null });
  });
});
