import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@dd/db';
import { createTestDatabase, insertTestCustomer, type TestDatabase } from '@dd/db/testing';
import { accountBalance, auditLedger } from '@dd/ledger';
import { createPayoutService, DEFAULT_PAYOUT_SETTINGS, writeBatchFile } from '@dd/payouts';
import { ageAccount, creditEarnings, uniqueIban } from '@dd/payouts/testing';
import { createTestQueues } from '@dd/queue/testing';
import { runErasure } from './gdpr.service';

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

const payouts = () => createPayoutService({ db, queues: redis.queues, settings: { ...DEFAULT_PAYOUT_SETTINGS, holdingDays: 0 } });

async function earner(cents: number): Promise<string> {
  const id = await insertTestCustomer(db);
  await ageAccount(db, id, 60);
  await creditEarnings(db, id, cents);
  return id;
}

const unclaimedKey = (customerId: string) => `erasure:${customerId}:unclaimed`;
const transactionsWithKey = (key: string) =>
  db.selectFrom('ledger_transactions as t').innerJoin('ledger_postings as p', 'p.transaction_id', 't.id').select(['t.kind', 'p.amount_cents']).where('t.idempotency_key', '=', key).orderBy('p.amount_cents').execute();

describe('the earnings of an erased member are never silently lost', () => {
  it('a pending payout request with an IBAN stays and is paid; the rest moves to unclaimed earnings under the erasure’s key', async () => {
    const id = await earner(5_000);
    const iban = uniqueIban();
    const request = await payouts().requestPayout(id, { amount: 2_000, iban, accountHolder: 'Eva Jansen' });
    const unclaimedBefore = await accountBalance(db, 'unclaimed_earnings');

    expect(await runErasure(db, id)).toBe('erased');

    expect(await db.selectFrom('users').select('id').where('id', '=', id).execute()).toEqual([]);
    expect(await transactionsWithKey(unclaimedKey(id))).toEqual([
      { kind: 'member.earnings_unclaimed', amount_cents: -3_000 },
      { kind: 'member.earnings_unclaimed', amount_cents: 3_000 },
    ]);
    expect(await accountBalance(db, 'unclaimed_earnings')).toBe(unclaimedBefore + 3_000);
    // What the request reserved is still on the (pseudonymous) earnings account, to be paid.
    expect(await accountBalance(db, 'member_earnings', id)).toBe(2_000);
    const erased = await db.selectFrom('audit_log').select('details').where('action', '=', 'customer.erased').where('subject_id', '=', id).executeTakeFirstOrThrow();
    expect(erased.details).toEqual({ unclaimedCents: 3_000, keptForPayoutCents: 2_000 });

    // The admin sees the request without a name, and pays it as usual.
    const listed = (await payouts().adminRequests('open')).find((r) => r.id === request.id);
    expect(listed).toMatchObject({ customerName: null, customerEmail: null, iban, status: 'approved' });
    const batch = await payouts().createBatch(ADMIN, [request.id]);
    await writeBatchFile(db, batch.id);
    await payouts().confirmBatch(ADMIN, batch.id);
    expect(await accountBalance(db, 'member_earnings', id)).toBe(0);
    expect((await db.selectFrom('payout_requests').select('status').where('id', '=', request.id).executeTakeFirstOrThrow()).status).toBe('paid');

    // The job may run again: nothing moves twice.
    expect(await runErasure(db, id)).toBe('already-erased');
    expect(await transactionsWithKey(unclaimedKey(id))).toHaveLength(2);
    expect(await auditLedger(db)).toMatchObject({ sumCents: 0, unbalancedTransactions: 0, balanceMismatches: 0 });
  });

  it('without a payout request everything moves to unclaimed earnings; a member who earned nothing changes no books', async () => {
    const id = await earner(1_234);
    expect(await runErasure(db, id)).toBe('erased');
    expect(await accountBalance(db, 'member_earnings', id)).toBe(0);
    expect(await transactionsWithKey(unclaimedKey(id))).toHaveLength(2);

    const nothing = await insertTestCustomer(db);
    const before = await db.selectFrom('ledger_transactions').select('id').execute();
    expect(await runErasure(db, nothing)).toBe('erased');
    expect(await db.selectFrom('ledger_transactions').select('id').execute()).toHaveLength(before.length);
  });

  it('a request in review that the admin rejects after the erasure goes to unclaimed earnings, not back to nobody', async () => {
    const iban = uniqueIban();
    const other = await earner(3_000);
    await payouts().requestPayout(other, { amount: 1_000, iban, accountHolder: 'Jan de Vries' });
    const id = await earner(4_000);
    const request = await payouts().requestPayout(id, { amount: 4_000, iban, accountHolder: 'Eva Jansen' });
    expect(request.status).toBe('in_review');

    expect(await runErasure(db, id)).toBe('erased');
    expect(await transactionsWithKey(unclaimedKey(id))).toEqual([]);
    const rejected = await payouts().reject(ADMIN, request.id, 'Same IBAN as another account.');
    expect(rejected.movedToUnclaimedCents).toBe(4_000);
    expect(await accountBalance(db, 'member_earnings', id)).toBe(0);
    expect(await transactionsWithKey(`payout:${request.id}:unclaimed`)).toHaveLength(2);
    expect(await auditLedger(db)).toMatchObject({ sumCents: 0, unbalancedTransactions: 0, balanceMismatches: 0 });
  });
});
