import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@dd/db';
import { createTestDatabase, insertTestCustomer, type TestDatabase } from '@dd/db/testing';
import { accountBalance, auditLedger } from '@dd/ledger';
import { createPayoutService, DEFAULT_PAYOUT_SETTINGS, sweepErasedEarnings, writeBatchFile } from '@dd/payouts';
import { ageAccount, creditEarnings, uniqueIban } from '@dd/payouts/testing';
import { createTestQueues } from '@dd/queue/testing';
import { runErasure } from './gdpr.service';

// Money that reaches an erased member after the erasure (docs/ARCHITECTURE.md, Erasure): a sale
// distributed later, a payout the bank returns. The payouts.reconcile job sweeps it to unclaimed.

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
const sweepKeys = (customerId: string) =>
  db.selectFrom('ledger_transactions').select(['idempotency_key', 'kind']).where('idempotency_key', 'like', `erasure:${customerId}:unclaimed:after:%`).execute();

describe('credits after the erasure', () => {
  it('a sale distributed after the erasure is swept to unclaimed earnings, once per new credit, keeping what an open request reserves', async () => {
    const id = await insertTestCustomer(db);
    await ageAccount(db, id, 60);
    await creditEarnings(db, id, 5_000);
    await payouts().requestPayout(id, { amount: 2_000, iban: uniqueIban(), accountHolder: 'Eva Jansen' });
    expect(await runErasure(db, id)).toBe('erased');
    expect(await accountBalance(db, 'member_earnings', id)).toBe(2_000);
    const unclaimed = await accountBalance(db, 'unclaimed_earnings');

    // Nothing new yet: nothing to sweep.
    expect(await sweepErasedEarnings(db)).toEqual({ members: 0, movedCents: 0 });

    await creditEarnings(db, id, 730);
    expect(await accountBalance(db, 'member_earnings', id)).toBe(2_730);
    // Two sweeps at once (the schedule and a manual run) move it once.
    const [a, b] = await Promise.all([sweepErasedEarnings(db), sweepErasedEarnings(db)]);
    expect(a.movedCents + b.movedCents).toBe(730);
    expect(a.members + b.members).toBe(1);
    expect(await accountBalance(db, 'member_earnings', id)).toBe(2_000);
    expect(await accountBalance(db, 'unclaimed_earnings')).toBe(unclaimed + 730);
    expect(await sweepErasedEarnings(db)).toEqual({ members: 0, movedCents: 0 });

    await creditEarnings(db, id, 95);
    expect(await sweepErasedEarnings(db)).toEqual({ members: 1, movedCents: 95 });
    const keys = await sweepKeys(id);
    expect(keys).toHaveLength(2);
    expect(keys.every((k) => k.kind === 'member.earnings_unclaimed')).toBe(true);
    const audit = await db.selectFrom('audit_log').select('details').where('action', '=', 'payout.earnings_unclaimed').where('subject_id', '=', id).orderBy('id').execute();
    expect(audit.map((e) => (e.details as { reason: string }).reason)).toEqual(['erasure', 'credited after erasure', 'credited after erasure']);
    expect(await auditLedger(db)).toMatchObject({ sumCents: 0, unbalancedTransactions: 0, balanceMismatches: 0 });
  });

  it('a living member’s earnings are never swept, and a returned payout of an erased member goes to unclaimed at once', async () => {
    const living = await insertTestCustomer(db);
    await creditEarnings(db, living, 1_234);

    const id = await insertTestCustomer(db);
    await ageAccount(db, id, 60);
    await creditEarnings(db, id, 3_000);
    const request = await payouts().requestPayout(id, { amount: 3_000, iban: uniqueIban(), accountHolder: 'Eva Jansen' });
    const batch = await payouts().createBatch(ADMIN, [request.id]);
    await writeBatchFile(db, batch.id);
    expect(await runErasure(db, id)).toBe('erased');
    const unclaimed = await accountBalance(db, 'unclaimed_earnings');

    await payouts().markReturned(ADMIN, request.id, { reasonCode: 'MD07', note: '' });
    expect(await accountBalance(db, 'member_earnings', id)).toBe(0);
    expect(await accountBalance(db, 'unclaimed_earnings')).toBe(unclaimed + 3_000);
    expect(await sweepErasedEarnings(db)).toEqual({ members: 0, movedCents: 0 });
    expect(await accountBalance(db, 'member_earnings', living)).toBe(1_234);
    expect(await auditLedger(db)).toMatchObject({ sumCents: 0, unbalancedTransactions: 0, balanceMismatches: 0 });
  });
});
