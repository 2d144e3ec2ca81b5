import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Db } from '@dd/db';
import { createTestDatabase, insertTestCustomer, type TestDatabase } from '@dd/db/testing';
import { DomainError } from '@dd/errors';
import { accountBalance, auditLedger } from '@dd/ledger';
import { createTestQueues } from '@dd/queue/testing';
import { writeBatchFile } from './batch-file.job';
import { DEFAULT_PAYOUT_SETTINGS } from './payout.settings';
import { returnKeys, reconcileStatementReturns } from './payout-returns.service';
import { createPayoutService } from './payouts.service';
import { markPaidFromStatementEntries } from './statement-match';
import { reconcileStatementDebits } from './statement-reconcile';
import { ageAccount, creditEarnings, TEST_IBANS, uniqueIban } from './testing';

let tdb: TestDatabase;
let db: Db;
let redis: ReturnType<typeof createTestQueues>;
const ADMIN = randomUUID();

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  redis = createTestQueues();
});
afterAll(async () => {
  await redis.close();
  await tdb.drop();
});

const service = () => createPayoutService({ db, queues: redis.queues, settings: { ...DEFAULT_PAYOUT_SETTINGS, holdingDays: 0 } });

/** A member with `cents` earned who asked for `payout` of it; the request is in a batch whose file is written. */
async function paidOut(cents: number, payout: number) {
  const id = await insertTestCustomer(db);
  await ageAccount(db, id, 40);
  await creditEarnings(db, id, cents);
  const request = await service().requestPayout(id, { amount: payout, iban: uniqueIban(), accountHolder: 'Eva Jansen' });
  const batch = await service().createBatch(ADMIN, [request.id]);
  await writeBatchFile(db, batch.id);
  const { end_to_end_id: endToEndId } = await db.selectFrom('payout_requests').select('end_to_end_id').where('id', '=', request.id).executeTakeFirstOrThrow();
  return { id, request, batch, endToEndId };
}

const row = (requestId: string) =>
  db.selectFrom('payout_requests').select(['status', 'return_reason', 'return_note', 'returned_at', 'paid_at']).where('id', '=', requestId).executeTakeFirstOrThrow();
const postingsOf = (key: string) =>
  db
    .selectFrom('ledger_transactions as t')
    .innerJoin('ledger_postings as p', 'p.transaction_id', 't.id')
    .innerJoin('ledger_accounts as a', 'a.id', 'p.account_id')
    .select(['t.kind', 'a.kind as account', 'p.amount_cents'])
    .where('t.idempotency_key', '=', key)
    .orderBy('p.amount_cents')
    .execute();

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('a payout the bank returns (admin action)', () => {
  it('in transit: the money goes back to the member’s available earnings by a new transaction, and they can ask again', async () => {
    const { id, request, batch } = await paidOut(5_000, 3_000);
    const transitBefore = await accountBalance(db, 'payouts_in_transit');
    const bankBefore = await accountBalance(db, 'platform_bank');
    expect(await service().summary(id)).toMatchObject({ earnedCents: 5_000, availableCents: 2_000, inPayoutCents: 3_000 });

    expect(await service().markReturned(ADMIN, request.id, { reasonCode: 'AC04', note: 'Rekening opgeheven volgens ING.' })).toEqual({ status: 'returned', alreadyReturned: false });
    expect(await row(request.id)).toMatchObject({ status: 'returned', return_reason: 'AC04', return_note: 'Rekening opgeheven volgens ING.', paid_at: null });
    expect(await postingsOf(returnKeys.returned(request.id))).toEqual([
      { kind: 'payout.returned', account: 'member_earnings', amount_cents: -3_000 },
      { kind: 'payout.returned', account: 'payouts_in_transit', amount_cents: 3_000 },
    ]);
    expect(await accountBalance(db, 'payouts_in_transit')).toBe(transitBefore - 3_000);
    expect(await accountBalance(db, 'platform_bank')).toBe(bankBefore);

    // Earned stays what sales credited (the return is not new money, nor pending): it all adds up.
    const summary = await service().summary(id);
    expect(summary).toMatchObject({ earnedCents: 5_000, availableCents: 5_000, pendingCents: 0, inPayoutCents: 0, paidOutCents: 0, hasOpenRequest: false, lastAccount: null });
    expect(summary.rules.capLeftCents).toBe(25_000);
    const [listed] = await service().payouts(id);
    expect(listed).toMatchObject({ status: 'returned', returnReason: 'AC04', returnNote: 'Rekening opgeheven volgens ING.', returnedAt: expect.any(String) });

    // Twice is a no-op; the member asks again, to another account.
    expect(await service().markReturned(ADMIN, request.id, { reasonCode: 'MD07', note: '' })).toEqual({ status: 'returned', alreadyReturned: true });
    expect(await postingsOf(returnKeys.returned(request.id))).toHaveLength(2);
    const again = await service().requestPayout(id, { amount: 'all', iban: uniqueIban(), accountHolder: 'Eva Jansen' });
    expect(again).toMatchObject({ amountCents: 5_000, status: 'approved' });

    // The batch had only this payout: returned, so the batch is settled.
    expect((await service().batches()).items.find((b) => b.id === batch.id)).toMatchObject({ status: 'paid', confirmedByAdmin: false });
    const audit = await db.selectFrom('audit_log').select(['action', 'actor_role', 'details']).where('subject_id', '=', request.id).where('action', '=', 'payout.returned').execute();
    expect(audit).toEqual([{ action: 'payout.returned', actor_role: 'admin', details: expect.objectContaining({ reasonCode: 'AC04', amountCents: 3_000, wasPaid: false, adminId: ADMIN }) }]);
    expect(await auditLedger(db)).toMatchObject({ sumCents: 0, unbalancedTransactions: 0, balanceMismatches: 0 });
  });

  it('after it was booked paid: the bank account gets the money back; a later debit line for it books nothing', async () => {
    const { id, request, batch, endToEndId } = await paidOut(4_000, 4_000);
    await service().confirmBatch(ADMIN, batch.id);
    const bankBefore = await accountBalance(db, 'platform_bank');
    await service().markReturned(ADMIN, request.id, { reasonCode: 'MD07', note: '' });
    expect(await row(request.id)).toMatchObject({ status: 'returned', return_reason: 'MD07', return_note: null, paid_at: expect.any(Date) });
    expect(await postingsOf(returnKeys.returned(request.id))).toEqual([
      { kind: 'payout.returned', account: 'member_earnings', amount_cents: -4_000 },
      { kind: 'payout.returned', account: 'platform_bank', amount_cents: 4_000 },
    ]);
    expect(await accountBalance(db, 'platform_bank')).toBe(bankBefore + 4_000);
    expect(await service().summary(id)).toMatchObject({ earnedCents: 4_000, availableCents: 4_000, paidOutCents: 0 });

    const debit = await markPaidFromStatementEntries(db, [{ endToEndId, amountCents: 4_000, direction: 'debit' }]);
    expect(debit).toMatchObject({ paid: [], alreadyReturned: [endToEndId], reconciled: [endToEndId] });
    expect(await auditLedger(db)).toMatchObject({ sumCents: 0, unbalancedTransactions: 0, balanceMismatches: 0 });
  });

  it('refuses a request that never went to the bank, and the database refuses a return skipping the rules', async () => {
    const id = await insertTestCustomer(db);
    await ageAccount(db, id, 40);
    await creditEarnings(db, id, 2_000);
    const open = await service().requestPayout(id, { amount: 2_000, iban: uniqueIban(), accountHolder: 'Eva Jansen' });
    const refused = await failure(service().markReturned(ADMIN, open.id, { reasonCode: 'AC04', note: '' }));
    expect(refused).toMatchObject({ code: 'CONFLICT', reason: { code: 'notReturnable', params: { status: 'approved' } } });
    const raw = await sql`update payout_requests set status = 'returned', returned_at = now(), return_reason = 'AC04' where id = ${open.id}`.execute(db).catch((e: Error) => e);
    expect((raw as Error).message).toMatch(/cannot go from approved to returned/);
    const sent = await paidOut(2_000, 2_000);
    const noReason = await sql`update payout_requests set status = 'returned', returned_at = now() where id = ${sent.request.id}`.execute(db).catch((e: Error) => e);
    expect((noReason as Error).message).toMatch(/payout_requests_returned_check/);
    const backwards = await sql`update payout_requests set status = 'approved' where id = ${sent.request.id}`.execute(db).catch((e: Error) => e);
    expect((backwards as Error).message).toMatch(/cannot go from in_transit to approved/);
  });
});

describe('a returned payout on the platform’s bank statement (CAMT.053)', () => {
  const camt = (endToEndId: string, cents: number, reason: string | null) =>
    Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt><Id>S1</Id>
  <Acct><Id><IBAN>${TEST_IBANS.nl}</IBAN></Id></Acct>
  <Ntry><Amt Ccy="EUR">${(cents / 100).toFixed(2)}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-11-26</Dt></BookgDt>
    <NtryDtls><TxDtls><Refs><EndToEndId>${endToEndId}</EndToEndId></Refs>
      ${reason ? `<RtrInf><OrgnlBkTxCd><Prtry><Cd>N541</Cd></Prtry></OrgnlBkTxCd><Rsn><Cd>${reason}</Cd></Rsn><AddtlInf>RETOUR</AddtlInf></RtrInf>` : ''}
    </TxDtls></NtryDtls></Ntry>
</Stmt></BkToCstmrStmt></Document>`);

  async function statementWith(endToEndId: string, cents: number, reason: string | null, status: 'open' | 'unmatched') {
    const statementId = randomUUID();
    await sql`insert into bank_statements (id, file_name, byte_size, sha256, expected_iban, status)
      values (${statementId}, 'camt053-return.xml', 1, ${'0'.repeat(64)}, ${TEST_IBANS.nl}, 'imported')`.execute(db);
    await sql`insert into bank_statement_files (statement_id, bytes) values (${statementId}, ${camt(endToEndId, cents, reason)})`.execute(db);
    await sql`insert into bank_statement_entries (entry_key, statement_id, line, account_iban, booked_on, direction, amount_cents, currency, end_to_end_id, status, reason)
      values (${`key-${randomUUID()}`}, ${statementId}, 1, ${TEST_IBANS.nl}, '2026-11-26', 'credit', ${cents}, 'EUR', ${endToEndId}, ${status}, ${status === 'unmatched' ? 'noReference' : null})`.execute(db);
    return statementId;
  }
  const entryStatus = async (statementId: string) => (await db.selectFrom('bank_statement_entries').select('status').where('statement_id', '=', statementId).executeTakeFirstOrThrow()).status;

  it('books the return with the statement’s reason code, closes the entry, and does it once', async () => {
    const { id, request, endToEndId } = await paidOut(6_000, 2_500);
    const other = await paidOut(3_000, 1_500);
    const withReason = await statementWith(endToEndId, 2_500, 'AC04', 'unmatched');
    const withoutReason = await statementWith(other.endToEndId, 1_500, null, 'open');
    const wrongAmount = await statementWith(endToEndId, 2_499, 'AC04', 'unmatched');

    const first = await reconcileStatementReturns(db);
    expect(first.returned.sort()).toEqual([request.id, other.request.id].sort());
    expect(first).toMatchObject({ entriesReconciled: 2, amountMismatches: [{ endToEndId, expectedCents: 2_500, bookedCents: 2_499 }] });
    expect(await row(request.id)).toMatchObject({ status: 'returned', return_reason: 'AC04' });
    // A return that names no reason is "not specified (agent generated)".
    expect(await row(other.request.id)).toMatchObject({ status: 'returned', return_reason: 'MS03' });
    expect([await entryStatus(withReason), await entryStatus(withoutReason), await entryStatus(wrongAmount)]).toEqual(['reconciled', 'reconciled', 'unmatched']);
    expect(await service().summary(id)).toMatchObject({ earnedCents: 6_000, availableCents: 6_000, inPayoutCents: 0 });

    expect(await reconcileStatementReturns(db)).toMatchObject({ returned: [], entriesReconciled: 0 });
    // The original debit arriving later is accounted for without booking.
    const debitStatement = randomUUID();
    await sql`insert into bank_statements (id, file_name, byte_size, sha256, expected_iban, status) values (${debitStatement}, 'd.xml', 1, ${'1'.repeat(64)}, ${TEST_IBANS.nl}, 'imported')`.execute(db);
    await sql`insert into bank_statement_entries (entry_key, statement_id, line, account_iban, booked_on, direction, amount_cents, currency, end_to_end_id, status)
      values (${`key-${randomUUID()}`}, ${debitStatement}, 1, ${TEST_IBANS.nl}, '2026-11-25', 'debit', 2500, 'EUR', ${endToEndId}, 'open')`.execute(db);
    expect(await reconcileStatementDebits(db)).toMatchObject({ paid: [], alreadyReturned: [endToEndId], entriesReconciled: 1 });
    expect(await postingsOf(returnKeys.returned(request.id))).toHaveLength(2);
    expect(await auditLedger(db)).toMatchObject({ sumCents: 0, unbalancedTransactions: 0, balanceMismatches: 0 });
  });
});
