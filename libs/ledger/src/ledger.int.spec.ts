import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Db } from '@dd/db';
import { createTestDatabase, insertTestCustomer, type TestDatabase } from '@dd/db/testing';
import { DomainError } from '@dd/errors';
import { auditLedger } from './ledger-audit.repository';
import { accountBalance, ensureOwnedAccount, platformAccounts, post, postTransaction } from './ledger.service';
import type { PlatformAccountKind } from './ledger.accounts';
import { insertFundedOrganisation } from './testing';

let tdb: TestDatabase;
let db: Db;
let platform: Record<PlatformAccountKind, number>;
beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  platform = await platformAccounts(db);
});
afterAll(async () => {
  await tdb.drop();
});

async function rejection(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  return error as Error;
}

/** Writes a ledger transaction with raw SQL, past the service: only the database's own rules apply. */
async function rawTransaction(postings: [accountId: number, amount: number][], saleId: string | null = null) {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ id: number }>`
      insert into ledger_transactions (idempotency_key, kind, sale_id, content_hash)
      values (${`raw:${randomUUID()}`}, 'test.raw', ${saleId}, ${'0'.repeat(64)}) returning id`.execute(trx);
    const id = rows[0]!.id;
    for (const [accountId, amount] of postings) {
      await sql`insert into ledger_postings (transaction_id, account_id, amount_cents, sale_id) values (${id}, ${accountId}, ${amount}, ${saleId})`.execute(trx);
    }
    return id;
  });
}

describe('the database keeps the books', () => {
  it('accepts a balanced transaction whose postings arrive in separate statements (checked at commit)', async () => {
    const id = await rawTransaction([
      [platform.platform_bank, 500],
      [platform.unclaimed_earnings, -200],
      [platform.platform_fee, -300],
    ]);
    expect(id).toBeGreaterThan(0);
  });

  it('refuses at commit a transaction that does not balance or has fewer than two postings', async () => {
    expect((await rejection(rawTransaction([[platform.platform_bank, 100], [platform.platform_fee, -99]]))).message).toMatch(/does not balance: its postings sum to 1 cents/);
    expect((await rejection(rawTransaction([[platform.platform_bank, 100]]))).message).toMatch(/has 1 posting\(s\)/);
    expect((await rejection(rawTransaction([]))).message).toMatch(/has 0 posting\(s\)/);
    expect((await rejection(rawTransaction([[platform.platform_bank, 0], [platform.platform_fee, 0]]))).message).toMatch(/amount_cents_check|check constraint/);
  });

  it('refuses postings added to a transaction committed earlier', async () => {
    const id = await rawTransaction([[platform.platform_bank, 7], [platform.platform_fee, -7]]);
    const late = db.transaction().execute(async (trx) => {
      await sql`insert into ledger_postings (transaction_id, account_id, amount_cents) values (${id}, ${platform.unclaimed_earnings}, 5), (${id}, ${platform.payouts_in_transit}, -5)`.execute(trx);
    });
    expect((await rejection(late)).message).toMatch(/was committed earlier; postings are only added while it is created/);
  });

  it('keeps transactions, postings and accounts append-only', async () => {
    await rawTransaction([[platform.platform_bank, 1], [platform.platform_fee, -1]]);
    for (const statement of [
      sql`update ledger_postings set amount_cents = amount_cents * 2`,
      sql`delete from ledger_postings`,
      sql`truncate ledger_postings`,
      sql`update ledger_transactions set kind = 'changed'`,
      sql`delete from ledger_transactions`,
      sql`delete from ledger_accounts where owner_id is null`,
    ]) {
      expect((await rejection(statement.execute(db))).message).toMatch(/is append-only: a correction is a new ledger transaction/);
    }
  });

  it('never lets an advertiser balance go below zero, even for a writer that skips the service', async () => {
    const organisationId = await insertFundedOrganisation(db, 1_000);
    const advertiser = await ensureOwnedAccount(db, 'advertiser_balance', organisationId);
    await rawTransaction([[advertiser, 600], [platform.platform_fee, -600]]);
    const overdraw = rawTransaction([[advertiser, 500], [platform.platform_fee, -500]]);
    expect((await rejection(overdraw)).message).toMatch(new RegExp(`leave the balance of organisation ${organisationId} at -100 cents`));
    expect(await accountBalance(db, 'advertiser_balance', organisationId)).toBe(400);
  });

  it("keeps a member's account and earnings when the customer is erased", async () => {
    const customerId = await insertTestCustomer(db);
    const member = await ensureOwnedAccount(db, 'member_earnings', customerId);
    await post(db, { idempotencyKey: `bonus:${customerId}`, kind: 'test.bonus', postings: [{ accountId: platform.platform_fee, amountCents: 250 }, { accountId: member, amountCents: -250 }] });
    await db.transaction().execute(async (trx) => {
      await sql`select set_config('dd.erasure', 'on', true)`.execute(trx);
      await trx.deleteFrom('users').where('id', '=', customerId).execute();
    });
    expect(await db.selectFrom('users').select('id').where('id', '=', customerId).executeTakeFirst()).toBeUndefined();
    expect(await accountBalance(db, 'member_earnings', customerId)).toBe(250);
  });

  it('derives balances that equal the sum of the postings, and the whole ledger sums to zero', async () => {
    const audit = await auditLedger(db);
    expect(audit).toMatchObject({ sumCents: 0, unbalancedTransactions: 0, balanceMismatches: 0, unsettledSales: 0 });
    expect(audit.postings).toBeGreaterThan(5);
  });
});

describe('postTransaction', () => {
  const spend = (accountId: number, cents: number, key = `spend:${randomUUID()}`) =>
    post(db, { idempotencyKey: key, kind: 'test.spend', postings: [{ accountId, amountCents: cents }, { accountId: platform.platform_fee, amountCents: -cents }] });

  it('returns the first result for the same key and content, with no second effect', async () => {
    const organisationId = await insertFundedOrganisation(db, 10_000);
    const advertiser = await ensureOwnedAccount(db, 'advertiser_balance', organisationId);
    const first = await spend(advertiser, 1_234, 'spend:once');
    // Listed in another order and with other metadata: the same movement of money.
    const again = await post(db, {
      idempotencyKey: 'spend:once',
      kind: 'test.spend',
      metadata: { note: 'retried' },
      postings: [{ accountId: platform.platform_fee, amountCents: -1_234 }, { accountId: advertiser, amountCents: 1_234 }],
    });
    expect(first).toMatchObject({ created: true, idempotencyKey: 'spend:once' });
    expect(again).toEqual({ ...first, created: false });
    expect(await accountBalance(db, 'advertiser_balance', organisationId)).toBe(10_000 - 1_234);
  });

  it('refuses the same key with different content', async () => {
    const organisationId = await insertFundedOrganisation(db, 10_000);
    const advertiser = await ensureOwnedAccount(db, 'advertiser_balance', organisationId);
    await spend(advertiser, 100, 'spend:reused');
    const error = await rejection(spend(advertiser, 101, 'spend:reused'));
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/already used for a different ledger transaction \(test\.spend\); use a new key/) });
    expect(await accountBalance(db, 'advertiser_balance', organisationId)).toBe(9_900);
  });

  it('posts once when the same key arrives from several connections at the same moment', async () => {
    const organisationId = await insertFundedOrganisation(db, 10_000);
    const advertiser = await ensureOwnedAccount(db, 'advertiser_balance', organisationId);
    const results = await Promise.all(Array.from({ length: 8 }, () => spend(advertiser, 700, 'spend:race')));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.transactionId)).size).toBe(1);
    expect(await accountBalance(db, 'advertiser_balance', organisationId)).toBe(9_300);
  });

  it('lets concurrent spends take only the money that is there (row lock on the advertiser account)', async () => {
    const organisationId = await insertFundedOrganisation(db, 1_000);
    const advertiser = await ensureOwnedAccount(db, 'advertiser_balance', organisationId);
    const outcomes = await Promise.allSettled(Array.from({ length: 8 }, () => spend(advertiser, 300)));
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected').map((o) => o.reason as DomainError);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(3);
    expect(refused).toHaveLength(5);
    for (const error of refused) {
      expect(error).toMatchObject({ code: 'CONFLICT', reason: { code: 'insufficientBalance', params: { balanceCents: 100, requiredCents: 300 } } });
      expect(error.message).toBe('The advertiser balance is EUR 1.00, not enough for EUR 3.00. Top up by bank transfer with your payment reference, then try again.');
    }
    expect(await accountBalance(db, 'advertiser_balance', organisationId)).toBe(100);
  });

  it('refuses malformed transactions before touching the database, saying what to fix', async () => {
    const cases: [postings: { accountId: number; amountCents: number }[], message: RegExp][] = [
      [[{ accountId: platform.platform_bank, amountCents: 5 }], /at least two accounts/],
      [[{ accountId: platform.platform_bank, amountCents: 5 }, { accountId: platform.platform_fee, amountCents: -4 }], /sum to 1 cents; debits and credits must cancel out/],
      [[{ accountId: platform.platform_bank, amountCents: 5 }, { accountId: platform.platform_bank, amountCents: -5 }], /appears twice in one transaction; merge/],
      [[{ accountId: platform.platform_bank, amountCents: 0.5 }, { accountId: platform.platform_fee, amountCents: -0.5 }], /whole, non-zero cents/],
    ];
    for (const [postings, message] of cases) {
      const error = await rejection(post(db, { idempotencyKey: `bad:${randomUUID()}`, kind: 'test.bad', postings }));
      expect(error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(message) });
    }
    const unknown = await rejection(post(db, { idempotencyKey: `bad:${randomUUID()}`, kind: 'test.bad', postings: [{ accountId: 999_999, amountCents: 5 }, { accountId: platform.platform_fee, amountCents: -5 }] }));
    expect(unknown).toMatchObject({ code: 'NOT_FOUND', message: 'Ledger account(s) 999999 do not exist; create the account first.' });
    expect(await db.selectFrom('ledger_transactions').select('id').where('kind', '=', 'test.bad').execute()).toEqual([]);
  });

  it('rolls back with the caller: a transaction is posted only when the caller commits', async () => {
    const key = `rollback:${randomUUID()}`;
    const rolledBack = db.transaction().execute(async (trx) => {
      await postTransaction(trx, { idempotencyKey: key, kind: 'test.rollback', postings: [{ accountId: platform.platform_bank, amountCents: 9 }, { accountId: platform.platform_fee, amountCents: -9 }] });
      throw new Error('caller failed after posting');
    });
    await expect(rolledBack).rejects.toThrow('caller failed after posting');
    expect(await db.selectFrom('ledger_transactions').select('id').where('idempotency_key', '=', key).executeTakeFirst()).toBeUndefined();
  });
});
