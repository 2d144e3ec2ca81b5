import { createHash } from 'node:crypto';
import type { Database, Db, DbTransaction } from '@dd/db';
import { DomainError } from '@dd/errors';
import { enqueue, type Queues } from '@dd/queue';
import { DEFAULT_LEDGER_SETTINGS, type LedgerSettings } from './ledger.settings';
import { accountBalance, ensureOwnedAccount, platformAccounts, postTransaction, type PostedTransaction } from './ledger.service';
import { salesRepository, type SaleRow } from './sales.repository';

export interface CreateSaleInput {
  /** The marketplace's id for the purchase: recording it twice records one sale. */
  idempotencyKey: string;
  organisationId: string;
  amountCents: number;
  /** The delivered members (customer ids); this set is frozen with the sale. */
  memberIds: readonly string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const invalid = (message: string, field: string) => new DomainError('VALIDATION_FAILED', message, { field });

function membersHash(sortedIds: readonly string[]): string {
  return createHash('sha256').update(sortedIds.join('\n')).digest('hex');
}

const euros = (cents: number) => `EUR ${(cents / 100).toFixed(2)}`;

/** The BullMQ job id of a sale's distribution: enqueuing it twice queues one job. */
export const distributionJobId = (saleId: string) => `distribute-${saleId}`;

/**
 * Records a sale and its frozen member set, with the member share and batch size of today's settings,
 * in one transaction. Refuses early when the advertiser's balance cannot pay for it (the charge
 * itself happens under a row lock in chargeSale, by the distribution job or by the caller).
 */
export async function createSale(
  db: Db,
  input: CreateSaleInput,
  settings: LedgerSettings = DEFAULT_LEDGER_SETTINGS,
  /** Money the caller returns to the balance in the charging transaction (a purchase's reservation): it counts in the early check. */
  options: { releasedCents?: number; /** History only (the demo seed): when the sale was made; default now. */ createdAt?: Date } = {},
): Promise<{ saleId: string; created: boolean }> {
  const { idempotencyKey, organisationId, amountCents } = input;
  if (idempotencyKey.length === 0 || idempotencyKey.length > 200) throw invalid('A sale needs an idempotency key of 1 to 200 characters.', 'idempotencyKey');
  if (!UUID.test(organisationId)) throw invalid(`Organisation id "${organisationId}" is not a lowercase UUID.`, 'organisationId');
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0) throw invalid('The amount of a sale is a positive whole number of cents.', 'amountCents');
  if (input.memberIds.length === 0) throw invalid('A sale needs at least one delivered member.', 'memberIds');
  const memberIds = [...input.memberIds].sort();
  for (let i = 0; i < memberIds.length; i++) {
    if (!UUID.test(memberIds[i]!)) throw invalid(`Member id "${memberIds[i]}" is not a lowercase UUID.`, 'memberIds');
    if (i > 0 && memberIds[i] === memberIds[i - 1]) throw invalid(`Member ${memberIds[i]} is listed twice; each member is paid once per sale.`, 'memberIds');
  }
  const hash = membersHash(memberIds);
  const same = (sale: SaleRow) => sale.organisation_id === organisationId && sale.amount_cents === amountCents && sale.members_hash === hash;
  const replay = (sale: SaleRow) => {
    if (!same(sale)) {
      throw new DomainError('CONFLICT', `Sale key "${idempotencyKey}" was already used for a different sale; use a new key for a new purchase.`, { idempotencyKey });
    }
    return { saleId: sale.id, created: false };
  };

  const existing = await salesRepository.saleByKey(db, idempotencyKey);
  if (existing) return replay(existing);
  const balance = (await accountBalance(db, 'advertiser_balance', organisationId)) + (options.releasedCents ?? 0);
  if (balance < amountCents) {
    throw new DomainError(
      'CONFLICT',
      `The advertiser balance is ${euros(balance)}, not enough for this purchase of ${euros(amountCents)}. Top up by bank transfer with your payment reference, then try again.`,
      { organisationId },
      { code: 'insufficientBalance', params: { balanceCents: balance, requiredCents: amountCents } },
    );
  }
  return db.transaction().execute(async (trx) => {
    const saleId = await salesRepository.insertSale(trx, {
      idempotency_key: idempotencyKey,
      organisation_id: organisationId,
      amount_cents: amountCents,
      member_share_bp: settings.memberShareBp,
      member_count: memberIds.length,
      members_hash: hash,
      batch_size: settings.distributionBatchSize,
      ...(options.createdAt ? { created_at: options.createdAt } : {}),
    });
    if (saleId === undefined) return replay((await salesRepository.saleByKey(trx, idempotencyKey))!);
    await salesRepository.insertMembers(trx, saleId, memberIds);
    return { saleId, created: true };
  });
}

/**
 * Debits the advertiser for the sale into the clearing account, once: the key and the database's
 * one-posting-per-account-per-sale rule both see to that. Call it in the purchase's own transaction
 * to charge at once; the distribution job calls it too and then finds it done.
 */
export async function chargeSale(
  trx: DbTransaction<Database>,
  sale: Pick<SaleRow, 'id' | 'organisation_id' | 'amount_cents'>,
  bookedAt: Date | null = null,
): Promise<PostedTransaction> {
  const advertiser = await ensureOwnedAccount(trx, 'advertiser_balance', sale.organisation_id);
  const { sales_clearing: clearing } = await platformAccounts(trx);
  return postTransaction(trx, {
    idempotencyKey: `sale:${sale.id}:charge`,
    kind: 'sale.charge',
    saleId: sale.id,
    bookedAt,
    postings: [
      { accountId: advertiser, amountCents: sale.amount_cents },
      { accountId: clearing, amountCents: -sale.amount_cents },
    ],
  });
}

/** Queues the sale's distribution (one job per sale, whatever the number of calls). */
export function enqueueDistribution(queues: Queues, saleId: string) {
  return enqueue(queues, 'ledger.distribute', { saleId }, { jobId: distributionJobId(saleId) });
}
