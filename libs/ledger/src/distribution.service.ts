import type { Db } from '@dd/db';
import { DomainError } from '@dd/errors';
import { ledgerRepository } from './ledger.repository';
import { ensureOwnedAccounts, platformAccounts, postMemberCredits, postTransaction } from './ledger.service';
import type { PostingInput } from './ledger.posting';
import { BASIS_POINTS, splitSale } from './revenue-share';
import { chargeSale } from './sales.service';
import { salesRepository } from './sales.repository';

export interface DistributionResult {
  saleId: string;
  members: number;
  memberPoolCents: number;
  platformFeeCents: number;
  batches: number;
  /** Batches posted by this run; the others were posted by an earlier, interrupted run. */
  batchesPosted: number;
  /** True when an earlier run had already finished the sale. */
  alreadyDistributed: boolean;
}

export interface DistributionOptions {
  /** Called after each batch of members, e.g. to report job progress. */
  onProgress?: (batchesDone: number, batches: number) => Promise<void> | void;
  /** History only (the demo seed writes past sales): when the postings happened; default now. */
  bookedAt?: Date;
}

/** Member batches posted at the same time, each in its own transaction: two keep both cores of a small server busy. */
const BATCHES_IN_FLIGHT = 2;

/** Idempotency keys of a sale's transactions: deterministic, so a rerun posts exactly the same ones. */
export const saleKeys = {
  charge: (saleId: string) => `sale:${saleId}:charge`,
  members: (saleId: string, batch: number) => `sale:${saleId}:members:${batch}`,
  fee: (saleId: string) => `sale:${saleId}:fee`,
};

/**
 * Pays out one sale: debit the advertiser (once), credit the members in batches of the sale's batch
 * size (one database transaction each), credit the platform fee and mark the sale distributed.
 *
 * Every step is its own committed transaction with a deterministic key, and the split is a pure
 * function of the frozen sale, so a run killed at any point and started again (or two runs at once)
 * posts each step exactly once: finished batches are skipped by key, a batch that was in flight is
 * either committed or not at all, and the database refuses a second credit of a member for the sale.
 */
export async function distributeSale(db: Db, saleId: string, options: DistributionOptions = {}): Promise<DistributionResult> {
  const sale = await salesRepository.saleById(db, saleId);
  if (!sale) throw new DomainError('VALIDATION_FAILED', `Sale ${saleId} does not exist; there is nothing to distribute.`, { field: 'saleId' });
  const batches = Math.ceil(sale.member_count / sale.batch_size);
  if (sale.status === 'distributed') {
    const pool = Number((BigInt(sale.amount_cents) * BigInt(sale.member_share_bp)) / BigInt(BASIS_POINTS));
    const summary = { members: sale.member_count, memberPoolCents: pool, platformFeeCents: sale.amount_cents - pool };
    return { saleId, ...summary, batches, batchesPosted: 0, alreadyDistributed: true };
  }
  const memberIds = await salesRepository.memberIds(db, saleId);
  const split = splitSale({ amountCents: sale.amount_cents, memberShareBp: sale.member_share_bp, memberKeys: memberIds, tieSeed: sale.id });
  const result = { saleId, members: split.members.length, memberPoolCents: split.memberPoolCents, platformFeeCents: split.platformFeeCents, batches };

  const platform = await platformAccounts(db);
  const bookedAt = options.bookedAt ?? null;
  await db.transaction().execute((trx) => chargeSale(trx, sale, bookedAt));

  const posted = new Set((await ledgerRepository.transactionKeysOfSale(db, saleId)).map((r) => r.idempotency_key));
  const pending = Array.from({ length: batches }, (_, batch) => ({
    batch,
    key: saleKeys.members(saleId, batch),
    members: split.members.slice(batch * sale.batch_size, (batch + 1) * sale.batch_size).filter((m) => m.cents > 0),
  })).filter(({ key, members }) => !posted.has(key) && members.length > 0);
  const pendingByBatch = new Map(pending.map((p) => [p.batch, p]));

  const postBatch = async (batch: number): Promise<boolean> => {
    const work = pendingByBatch.get(batch);
    if (!work) return false;
    // Accounts first, in their own short statement: creating one twice is harmless, and the batch
    // transaction then holds no locks on new account rows while it posts.
    const accounts = await ensureOwnedAccounts(db, 'member_earnings', work.members.map((m) => m.key));
    const credits: PostingInput[] = work.members.map((m) => ({ accountId: accounts.get(m.key)!, amountCents: -m.cents }));
    const { created } = await db.transaction().execute((trx) =>
      postMemberCredits(trx, { idempotencyKey: work.key, saleId, clearingAccountId: platform.sales_clearing, credits, bookedAt }),
    );
    return created;
  };
  // Batches touch disjoint members, so BATCHES_IN_FLIGHT of them (accounts and postings) run at once on their
  // own connections; the database checks each as it commits. Progress is reported in batch order per group.
  let batchesPosted = 0;
  for (let first = 0; first < batches; first += BATCHES_IN_FLIGHT) {
    const group = Array.from({ length: Math.min(BATCHES_IN_FLIGHT, batches - first) }, (_, k) => first + k);
    const created = await Promise.all(group.map(postBatch));
    batchesPosted += created.filter(Boolean).length;
    for (const batch of group) await options.onProgress?.(batch + 1, batches);
  }

  await db.transaction().execute(async (trx) => {
    if (split.platformFeeCents > 0) {
      await postTransaction(trx, {
        idempotencyKey: saleKeys.fee(saleId),
        kind: 'sale.platform_fee',
        saleId,
        bookedAt,
        postings: [
          { accountId: platform.sales_clearing, amountCents: split.platformFeeCents },
          { accountId: platform.platform_fee, amountCents: -split.platformFeeCents },
        ],
      });
    }
    const left = await ledgerRepository.saleClearingNet(trx, saleId, platform.sales_clearing);
    if (left !== 0) throw new Error(`Sale ${saleId} leaves ${left} cents in the clearing account after distribution; the split and the postings disagree.`);
    await salesRepository.markDistributed(trx, saleId, bookedAt);
  });
  return { ...result, batchesPosted, alreadyDistributed: false };
}

