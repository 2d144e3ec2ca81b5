import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Db } from '@dd/db';
import { createTestDatabase, type TestDatabase } from '@dd/db/testing';
import { DomainError } from '@dd/errors';
import { distributeSale, saleKeys } from './distribution.service';
import { auditLedger } from './ledger-audit.repository';
import { accountBalance, ensureOwnedAccount, platformAccounts, post } from './ledger.service';
import { splitSale } from './revenue-share';
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

const settings = { memberShareBp: 7_000, distributionBatchSize: 1_000 };

async function rejection(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  return error as Error;
}

/** Every member's credits for the sale, straight from the postings. */
async function creditsOf(saleId: string) {
  return db
    .selectFrom('ledger_postings as p')
    .innerJoin('ledger_accounts as a', 'a.id', 'p.account_id')
    .select(['a.owner_id', 'p.amount_cents'])
    .where('p.sale_id', '=', saleId)
    .where('a.kind', '=', 'member_earnings')
    .execute();
}

async function expectPaidExactlyOnce(saleId: string, members: string[], amountCents: number) {
  const split = splitSale({ amountCents, memberShareBp: 7_000, memberKeys: members, tieSeed: saleId });
  const credits = await creditsOf(saleId);
  const byMember = new Map<string, number>();
  for (const credit of credits) {
    expect(byMember.has(credit.owner_id!)).toBe(false);
    byMember.set(credit.owner_id!, -credit.amount_cents);
  }
  expect(byMember).toEqual(new Map(split.members.filter((m) => m.cents > 0).map((m) => [m.key, m.cents])));
  const audit = await auditLedger(db);
  expect(audit).toMatchObject({ sumCents: 0, unbalancedTransactions: 0, balanceMismatches: 0, unsettledSales: 0 });
  return split;
}

describe('distributing a sale', () => {
  it('debits the advertiser once, credits every member their share and the platform its fee', async () => {
    const organisationId = await insertFundedOrganisation(db, 1_000_000);
    const members = memberIds(2_500);
    const { saleId } = await createSale(db, { idempotencyKey: `order-${randomUUID()}`, organisationId, amountCents: 250_001, memberIds: members }, settings);
    const feeBefore = await accountBalance(db, 'platform_fee');
    const progress: number[] = [];

    const result = await distributeSale(db, saleId, { onProgress: (done) => void progress.push(done) });

    expect(result).toEqual({ saleId, members: 2_500, memberPoolCents: 175_000, platformFeeCents: 75_001, batches: 3, batchesPosted: 3, alreadyDistributed: false });
    expect(progress).toEqual([1, 2, 3]);
    await expectPaidExactlyOnce(saleId, members, 250_001);
    expect(await accountBalance(db, 'advertiser_balance', organisationId)).toBe(1_000_000 - 250_001);
    expect((await accountBalance(db, 'platform_fee')) - feeBefore).toBe(75_001);
    expect(await accountBalance(db, 'sales_clearing')).toBe(0);
    expect(await db.selectFrom('sales').select('status').where('id', '=', saleId).executeTakeFirstOrThrow()).toEqual({ status: 'distributed' });

    const again = await distributeSale(db, saleId);
    expect(again).toEqual({ ...result, batchesPosted: 0, alreadyDistributed: true });
    expect(await creditsOf(saleId)).toHaveLength(2_500);
  });

  it('resumes after a crash between batches and posts only what is missing', async () => {
    const organisationId = await insertFundedOrganisation(db, 1_000_000);
    const members = memberIds(3_500);
    const { saleId } = await createSale(db, { idempotencyKey: `order-${randomUUID()}`, organisationId, amountCents: 350_000, memberIds: members }, settings);
    const crash = distributeSale(db, saleId, {
      onProgress: (done) => {
        if (done === 2) throw new Error('worker killed');
      },
    });
    await expect(crash).rejects.toThrow('worker killed');
    expect(await creditsOf(saleId)).toHaveLength(2_000);
    expect((await auditLedger(db)).sumCents).toBe(0);

    const resumed = await distributeSale(db, saleId);
    expect(resumed).toMatchObject({ batches: 4, batchesPosted: 2, alreadyDistributed: false });
    await expectPaidExactlyOnce(saleId, members, 350_000);
    expect(await accountBalance(db, 'advertiser_balance', organisationId)).toBe(650_000);
  });

  it('pays each member once when two workers distribute the same sale at the same time', async () => {
    const organisationId = await insertFundedOrganisation(db, 1_000_000);
    const members = memberIds(4_000);
    const { saleId } = await createSale(db, { idempotencyKey: `order-${randomUUID()}`, organisationId, amountCents: 123_457, memberIds: members }, settings);
    const [a, b] = await Promise.all([distributeSale(db, saleId), distributeSale(db, saleId)]);
    expect(a.batchesPosted + b.batchesPosted).toBe(4);
    await expectPaidExactlyOnce(saleId, members, 123_457);
    expect(await accountBalance(db, 'advertiser_balance', organisationId)).toBe(1_000_000 - 123_457);
  });

  it('credits nobody with zero cents when the sale is smaller than its member count', async () => {
    const organisationId = await insertFundedOrganisation(db, 1_000);
    const members = memberIds(10);
    const { saleId } = await createSale(db, { idempotencyKey: `order-${randomUUID()}`, organisationId, amountCents: 10, memberIds: members }, settings);
    await distributeSale(db, saleId);
    const split = await expectPaidExactlyOnce(saleId, members, 10);
    expect(split.members.filter((m) => m.cents > 0)).toHaveLength(7);
  });

  it('does not credit anyone when the advertiser can no longer pay at distribution time', async () => {
    const organisationId = await insertFundedOrganisation(db, 5_000);
    const { saleId } = await createSale(db, { idempotencyKey: `order-${randomUUID()}`, organisationId, amountCents: 4_000, memberIds: memberIds(5) }, settings);
    const advertiser = await ensureOwnedAccount(db, 'advertiser_balance', organisationId);
    const { platform_fee: fee } = await platformAccounts(db);
    await post(db, { idempotencyKey: `elsewhere:${saleId}`, kind: 'test.spend', postings: [{ accountId: advertiser, amountCents: 2_000 }, { accountId: fee, amountCents: -2_000 }] });
    const error = await rejection(distributeSale(db, saleId));
    expect(error).toMatchObject({ code: 'CONFLICT', reason: { code: 'insufficientBalance', params: { balanceCents: 3_000, requiredCents: 4_000 } } });
    expect(await creditsOf(saleId)).toEqual([]);
  });
});

describe('recording a sale', () => {
  it('records the same sale once per key and refuses the key for another sale', async () => {
    const organisationId = await insertFundedOrganisation(db, 100_000);
    const members = memberIds(3);
    const input = { idempotencyKey: `order-${randomUUID()}`, organisationId, amountCents: 900, memberIds: members };
    const first = await createSale(db, input, settings);
    expect(await createSale(db, { ...input, memberIds: [...members].reverse() }, settings)).toEqual({ saleId: first.saleId, created: false });
    const error = await rejection(createSale(db, { ...input, amountCents: 901 }, settings));
    expect(error).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/already used for a different sale/) });
  });

  it('refuses a purchase the balance cannot pay for, and malformed input, saying what to do', async () => {
    const organisationId = await insertFundedOrganisation(db, 500);
    const base = { idempotencyKey: `order-${randomUUID()}`, organisationId, amountCents: 900, memberIds: memberIds(3) };
    const poor = await rejection(createSale(db, base, settings));
    expect(poor).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/balance is EUR 5\.00, not enough for this purchase of EUR 9\.00\. Top up by bank transfer/) });
    const twice = await rejection(createSale(db, { ...base, amountCents: 100, memberIds: [base.memberIds[0]!, base.memberIds[0]!] }, settings));
    expect(twice).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'memberIds' }, message: expect.stringMatching(/listed twice/) });
    expect(await rejection(createSale(db, { ...base, amountCents: 0 }, settings))).toBeInstanceOf(DomainError);
    expect(await rejection(createSale(db, { ...base, memberIds: [] }, settings))).toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe('the database guards sales', () => {
  async function distributedSale() {
    const organisationId = await insertFundedOrganisation(db, 100_000);
    const members = memberIds(3);
    const { saleId } = await createSale(db, { idempotencyKey: `order-${randomUUID()}`, organisationId, amountCents: 1_000, memberIds: members }, settings);
    await distributeSale(db, saleId);
    return { saleId, members };
  }

  it('makes a second credit of a member for the same sale impossible, whatever the key', async () => {
    const { saleId, members } = await distributedSale();
    const member = await ensureOwnedAccount(db, 'member_earnings', members[0]!);
    const { platform_fee: fee } = await platformAccounts(db);
    const double = post(db, { idempotencyKey: `sneaky:${saleId}`, kind: 'sale.member_credits', saleId, postings: [{ accountId: fee, amountCents: 5 }, { accountId: member, amountCents: -5 }] });
    expect((await rejection(double)).message).toMatch(/ledger_postings_once_per_sale/);
    // Nor can a writer leave the sale id off a posting of the sale's transaction to slip past that rule.
    const unmarked = db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ id: number }>`
        insert into ledger_transactions (idempotency_key, kind, sale_id, content_hash)
        values (${`raw:${randomUUID()}`}, 'sale.member_credits', ${saleId}, ${'0'.repeat(64)}) returning id`.execute(trx);
      await sql`insert into ledger_postings (transaction_id, account_id, amount_cents) values (${rows[0]!.id}, ${fee}, 5), (${rows[0]!.id}, ${member}, -5)`.execute(trx);
    });
    expect((await rejection(unmarked)).message).toMatch(new RegExp(`has sale id none, expected ${saleId}`));
    expect(await creditsOf(saleId)).toHaveLength(3);
  });

  it('freezes a recorded sale and its member set', async () => {
    const { saleId } = await distributedSale();
    const refusals: [statement: () => Promise<unknown>, message: RegExp][] = [
      [() => sql`insert into sale_members (sale_id, customer_id) values (${saleId}, ${randomUUID()})`.execute(db), /member set of sale .* is frozen/],
      [() => sql`delete from sale_members where sale_id = ${saleId}`.execute(db), /append-only/],
      [() => sql`update sales set amount_cents = 1 where id = ${saleId}`.execute(db), /frozen once recorded; only its status changes/],
      [() => sql`update sales set status = 'pending', distributed_at = null where id = ${saleId}`.execute(db), /already distributed/],
      [() => sql`delete from sales where id = ${saleId}`.execute(db), /cannot be deleted/],
    ];
    for (const [statement, message] of refusals) expect((await rejection(statement())).message).toMatch(message);
    const miscounted = db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ id: string }>`
        insert into sales (idempotency_key, organisation_id, amount_cents, member_share_bp, member_count, members_hash, batch_size)
        select ${randomUUID()}, organisation_id, 100, 7000, 2, members_hash, 10 from sales where id = ${saleId} returning id`.execute(trx);
      await sql`insert into sale_members (sale_id, customer_id) values (${rows[0]!.id}, ${randomUUID()})`.execute(trx);
    });
    expect((await rejection(miscounted)).message).toMatch(/says 2 members but 1 were recorded/);
  });

  it('uses deterministic keys, so the books show each step of a sale once', async () => {
    const { saleId } = await distributedSale();
    const keys = (await db.selectFrom('ledger_transactions').select('idempotency_key').where('sale_id', '=', saleId).execute()).map((r) => r.idempotency_key);
    expect(keys.sort()).toEqual([saleKeys.charge(saleId), saleKeys.fee(saleId), saleKeys.members(saleId, 0)].sort());
  });
});
