import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Db } from '@dd/db';
import { createTestDatabase, type TestDatabase } from '@dd/db/testing';
import { auditLedger } from './ledger-audit.repository';
import { ledgerRepository } from './ledger.repository';
import { ensureOwnedAccounts, platformAccounts, postMemberCredits } from './ledger.service';
import { createSale } from './sales.service';
import { insertFundedOrganisation, memberIds } from './testing';

let tdb: TestDatabase;
let db: Db;
beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
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

/** A recorded sale with member accounts for `count` members, ready for batches of credits. */
async function saleWithAccounts(count: number) {
  const organisationId = await insertFundedOrganisation(db, 10_000_000);
  const members = memberIds(count);
  const { saleId } = await createSale(db, { idempotencyKey: `order-${randomUUID()}`, organisationId, amountCents: 1_000_000, memberIds: members });
  const accounts = await ensureOwnedAccounts(db, 'member_earnings', members);
  const { sales_clearing: clearing } = await platformAccounts(db);
  return { saleId, clearing, accountIds: members.map((m) => accounts.get(m)!) };
}

async function postingCount(saleId: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from ledger_postings p join ledger_transactions t on t.id = p.transaction_id where t.sale_id = ${saleId}`.execute(db);
  return rows[0]!.n;
}

describe('member accounts', () => {
  it('creates each account once and returns every id, also for accounts another transaction commits meanwhile', async () => {
    const members = memberIds(50);
    const early = await ensureOwnedAccounts(db, 'member_earnings', members.slice(0, 10));
    // Another transaction creates members 10–19 and commits only after our statement has started and waited for it:
    // those rows are neither inserted by our statement nor visible to its snapshot.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const other = db.transaction().execute(async (trx) => {
      await ledgerRepository.upsertOwnedAccounts(trx, 'member_earnings', members.slice(10, 20));
      await held;
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const all = ensureOwnedAccounts(db, 'member_earnings', members);
    await new Promise((resolve) => setTimeout(resolve, 200));
    release();
    await other;
    const accounts = await all;
    expect([...accounts.keys()].sort()).toEqual([...members].sort());
    for (const member of members.slice(0, 10)) expect(accounts.get(member)).toBe(early.get(member));
    const stored = await ledgerRepository.ownedAccounts(db, 'member_earnings', members);
    expect(stored).toHaveLength(50);
    for (const row of stored) expect(accounts.get(row.owner_id!)).toBe(row.id);
  });
});

describe('a batch of member credits posted by COPY', () => {
  it('posts thousands of credits once; the same batch again is a replay and another content under its key a conflict', async () => {
    const { saleId, clearing, accountIds } = await saleWithAccounts(3_000);
    const credits = accountIds.map((accountId, i) => ({ accountId, amountCents: -(1 + (i % 7)) }));
    const input = { idempotencyKey: `sale:${saleId}:members:0`, saleId, clearingAccountId: clearing, credits };
    const first = await db.transaction().execute((trx) => postMemberCredits(trx, input));
    expect(first.created).toBe(true);
    expect(await postingCount(saleId)).toBe(3_001);
    const again = await db.transaction().execute((trx) => postMemberCredits(trx, input));
    expect(again).toEqual({ ...first, created: false });
    const other = rejection(db.transaction().execute((trx) => postMemberCredits(trx, { ...input, credits: credits.slice(1) })));
    expect(await other).toMatchObject({ code: 'CONFLICT' });
    expect(await postingCount(saleId)).toBe(3_001);
    expect(await auditLedger(db)).toMatchObject({ sumCents: 0, unbalancedTransactions: 0, balanceMismatches: 0 });
  });

  it('fails as a whole when one member appears twice in the batch (primary key)', async () => {
    const { saleId, clearing, accountIds } = await saleWithAccounts(500);
    const credits = [...accountIds, accountIds[250]!].map((accountId) => ({ accountId, amountCents: -3 }));
    // The service refuses the duplicate before any query; the table refuses it too, for any other writer.
    expect((await rejection(db.transaction().execute((trx) => postMemberCredits(trx, { idempotencyKey: `dup:${saleId}`, saleId, clearingAccountId: clearing, credits })))).message).toMatch(/appears twice/);
    const raw = db.transaction().execute(async (trx) => {
      const id = (await ledgerRepository.insertTransaction(trx, { idempotency_key: `raw:${randomUUID()}`, kind: 'sale.member_credits', sale_id: saleId, content_hash: '0'.repeat(64), reference: null, metadata: null }))!;
      await ledgerRepository.copyPostings(trx, id, [{ accountId: clearing, amountCents: 3 * credits.length, saleId: null }, ...credits.map((c) => ({ ...c, saleId }))]);
    });
    expect((await rejection(raw)).message).toMatch(/ledger_postings_pkey/);
    expect(await postingCount(saleId)).toBe(0);
  });

  it('fails as a whole when the batch does not balance (checked at commit)', async () => {
    const { saleId, clearing, accountIds } = await saleWithAccounts(500);
    const raw = db.transaction().execute(async (trx) => {
      const id = (await ledgerRepository.insertTransaction(trx, { idempotency_key: `raw:${randomUUID()}`, kind: 'sale.member_credits', sale_id: saleId, content_hash: '0'.repeat(64), reference: null, metadata: null }))!;
      // One cent short on the clearing side.
      await ledgerRepository.copyPostings(trx, id, [{ accountId: clearing, amountCents: 2 * accountIds.length - 1, saleId: null }, ...accountIds.map((accountId) => ({ accountId, amountCents: -2, saleId }))]);
    });
    expect((await rejection(raw)).message).toMatch(/does not balance: its postings sum to -1 cents/);
    expect(await postingCount(saleId)).toBe(0);
  });

  it('fails as a whole when a member was already credited for the sale under another key (once per sale)', async () => {
    const { saleId, clearing, accountIds } = await saleWithAccounts(1_000);
    const credit = (ids: number[]) => ids.map((accountId) => ({ accountId, amountCents: -4 }));
    await db.transaction().execute((trx) => postMemberCredits(trx, { idempotencyKey: `sale:${saleId}:members:0`, saleId, clearingAccountId: clearing, credits: credit(accountIds.slice(0, 500)) }));
    const overlapping = db.transaction().execute((trx) =>
      postMemberCredits(trx, { idempotencyKey: `sale:${saleId}:members:1`, saleId, clearingAccountId: clearing, credits: credit(accountIds.slice(499)) }),
    );
    expect((await rejection(overlapping)).message).toMatch(/ledger_postings_once_per_sale/);
    expect(await postingCount(saleId)).toBe(501);
  });

  it('fails as a whole on a posting without the sale id (statement check) or to an account that does not exist (foreign key)', async () => {
    const { saleId, clearing, accountIds } = await saleWithAccounts(200);
    const attempt = (last: { accountId: number; saleId: string | null }) =>
      db.transaction().execute(async (trx) => {
        const id = (await ledgerRepository.insertTransaction(trx, { idempotency_key: `raw:${randomUUID()}`, kind: 'sale.member_credits', sale_id: saleId, content_hash: '0'.repeat(64), reference: null, metadata: null }))!;
        await ledgerRepository.copyPostings(trx, id, [
          { accountId: clearing, amountCents: 200, saleId: null },
          ...accountIds.slice(0, 199).map((accountId) => ({ accountId, amountCents: -1, saleId })),
          { ...last, amountCents: -1 },
        ]);
      });
    expect((await rejection(attempt({ accountId: accountIds[199]!, saleId: null }))).message).toMatch(new RegExp(`has sale id none, expected ${saleId}`));
    expect((await rejection(attempt({ accountId: 999_999_999, saleId }))).message).toMatch(/ledger_postings_account_id_fkey/);
    expect(await postingCount(saleId)).toBe(0);
  });
});
