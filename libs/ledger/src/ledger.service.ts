import type { Database, Db, DbTransaction, LedgerAccountKind } from '@dd/db';
import { DomainError } from '@dd/errors';
import { PLATFORM_ACCOUNT_KINDS, type OwnedAccountKind, type PlatformAccountKind } from './ledger.accounts';
import { assertValidTransaction, contentHash, type PostingInput, type TransactionInput } from './ledger.posting';
import { ledgerRepository } from './ledger.repository';

export interface PostedTransaction {
  transactionId: number;
  idempotencyKey: string;
  /** False when the key had been posted before with the same content: nothing happened this time. */
  created: boolean;
}

const euros = (cents: number) => `EUR ${(cents / 100).toFixed(2)}`;

/**
 * Posts one balanced transaction inside the caller's database transaction (the caller commits or
 * rolls back; the database checks the balance at commit).
 *
 * - Same idempotency key and same content: returns the first transaction, changes nothing.
 * - Same key, different content: CONFLICT, because the caller is reusing a key for another movement.
 * - Two callers posting one key at the same moment: the second waits for the first and then finds it.
 * - A debit of an advertiser balance is checked under a row lock on the account, so two spends
 *   cannot both pass on the same money.
 */
export async function postTransaction(trx: DbTransaction<Database>, input: TransactionInput): Promise<PostedTransaction> {
  const { postings } = input;
  const saleId = input.saleId ?? null;
  const { transactionId, replayed } = await insertOrReplay(trx, input);
  if (replayed) return replayed;

  const accountIds = postings.map((p) => p.accountId);
  const accounts = new Map((await ledgerRepository.accountsByIds(trx, accountIds)).map((a) => [a.id, a]));
  const unknown = accountIds.filter((id) => !accounts.has(id));
  if (unknown.length) throw new DomainError('NOT_FOUND', `Ledger account(s) ${unknown.slice(0, 5).join(', ')} do not exist; create the account first.`);

  const spent = postings.filter((p) => p.amountCents > 0 && accounts.get(p.accountId)!.kind === 'advertiser_balance');
  if (spent.length) {
    await ledgerRepository.lockAccounts(trx, spent.map((p) => p.accountId));
    const nets = new Map((await ledgerRepository.netOfAccounts(trx, spent.map((p) => p.accountId))).map((r) => [r.account_id, r.net_cents]));
    for (const posting of spent) {
      const balance = 0 - (nets.get(posting.accountId) ?? 0);
      if (balance < posting.amountCents) {
        const owner = accounts.get(posting.accountId)!.owner_id!;
        throw new DomainError(
          'CONFLICT',
          `The advertiser balance is ${euros(balance)}, not enough for ${euros(posting.amountCents)}. Top up by bank transfer with your payment reference, then try again.`,
          { organisationId: owner },
          { code: 'insufficientBalance', params: { balanceCents: balance, requiredCents: posting.amountCents } },
        );
      }
    }
  }

  // A sale's postings carry its id, except on the clearing account (which every batch of the sale uses).
  await ledgerRepository.insertPostings(
    trx,
    transactionId,
    postings.map((p) => ({ ...p, saleId: accounts.get(p.accountId)!.kind === 'sales_clearing' ? null : saleId })),
  );
  return { transactionId, idempotencyKey: input.idempotencyKey, created: true };
}

/**
 * The first step of posting: validate, then insert the transaction row unless its key exists. A key
 * posted before with the same content is a replay (nothing to do); with other content it is a CONFLICT.
 */
export async function insertOrReplay(
  trx: DbTransaction<Database>,
  input: TransactionInput,
): Promise<{ transactionId: number; replayed: null } | { transactionId: number; replayed: PostedTransaction }> {
  assertValidTransaction(input);
  const { idempotencyKey, kind, postings } = input;
  const saleId = input.saleId ?? null;
  const hash = contentHash({ kind, saleId, postings });
  const transactionId = await ledgerRepository.insertTransaction(trx, {
    idempotency_key: idempotencyKey,
    kind,
    sale_id: saleId,
    content_hash: hash,
    reference: input.reference ?? null,
    metadata: input.metadata ?? null,
    ...(input.bookedAt ? { created_at: input.bookedAt } : {}),
  });
  if (transactionId !== undefined) return { transactionId, replayed: null };
  const existing = await ledgerRepository.transactionByKey(trx, idempotencyKey);
  if (!existing) throw new Error(`Ledger transaction ${idempotencyKey} conflicted on insert but cannot be read.`);
  if (existing.content_hash !== hash) {
    throw new DomainError(
      'CONFLICT',
      `Idempotency key "${idempotencyKey}" was already used for a different ledger transaction (${existing.kind}); use a new key for a new movement of money.`,
      { idempotencyKey },
    );
  }
  return { transactionId: existing.id, replayed: { transactionId: existing.id, idempotencyKey, created: false } };
}

/**
 * One batch of a sale's member credits, posted like postTransaction (same validation, key and content
 * hash) but without reading the accounts: they are member earnings accounts the caller just ensured,
 * credited (never debited, so no balance to lock), against one debit of the clearing account. The
 * postings go in by COPY; the database checks them as it checks any insert.
 */
export async function postMemberCredits(
  trx: DbTransaction<Database>,
  input: { idempotencyKey: string; saleId: string; clearingAccountId: number; credits: readonly PostingInput[]; bookedAt?: Date | null },
): Promise<PostedTransaction> {
  const { idempotencyKey, saleId, clearingAccountId, credits } = input;
  const total = credits.reduce((sum, c) => sum - c.amountCents, 0);
  const postings = [{ accountId: clearingAccountId, amountCents: total }, ...credits];
  if (credits.some((c) => c.amountCents >= 0)) throw new Error(`Member credits of ${idempotencyKey} must all be negative postings (credits).`);
  const { transactionId, replayed } = await insertOrReplay(trx, { idempotencyKey, kind: 'sale.member_credits', saleId, bookedAt: input.bookedAt ?? null, postings });
  if (replayed) return replayed;
  // The clearing account carries no sale id (every batch of the sale uses it); each member posting does.
  await ledgerRepository.copyPostings(trx, transactionId, [
    { accountId: clearingAccountId, amountCents: total, saleId: null },
    ...credits.map((c) => ({ ...c, saleId })),
  ]);
  return { transactionId, idempotencyKey, created: true };
}

/** postTransaction in a database transaction of its own. */
export function post(db: Db, input: TransactionInput): Promise<PostedTransaction> {
  return db.transaction().execute((trx) => postTransaction(trx, input));
}

/** The accounts of these owners, created when missing; ids by owner. */
export async function ensureOwnedAccounts(
  db: Db | DbTransaction<Database>,
  kind: OwnedAccountKind,
  ownerIds: readonly string[],
): Promise<Map<string, number>> {
  if (ownerIds.length === 0) return new Map();
  const accounts = new Map((await ledgerRepository.upsertOwnedAccounts(db, kind, ownerIds)).map((r) => [r.owner_id, r.id]));
  const unseen = ownerIds.filter((owner) => !accounts.has(owner));
  if (unseen.length > 0) for (const r of await ledgerRepository.ownedAccounts(db, kind, unseen)) accounts.set(r.owner_id!, r.id);
  return accounts;
}

export async function ensureOwnedAccount(db: Db | DbTransaction<Database>, kind: OwnedAccountKind, ownerId: string): Promise<number> {
  return (await ensureOwnedAccounts(db, kind, [ownerId])).get(ownerId)!;
}

/** The platform's singleton accounts (created by the migration). */
export async function platformAccounts(db: Db | DbTransaction<Database>): Promise<Record<PlatformAccountKind, number>> {
  const rows = await ledgerRepository.platformAccounts(db);
  const byKind = new Map(rows.map((r) => [r.kind, r.id]));
  const missing = PLATFORM_ACCOUNT_KINDS.filter((kind) => !byKind.has(kind));
  if (missing.length) throw new Error(`Platform ledger accounts missing (${missing.join(', ')}); run the database migrations.`);
  return Object.fromEntries(PLATFORM_ACCOUNT_KINDS.map((kind) => [kind, byKind.get(kind)!])) as Record<PlatformAccountKind, number>;
}

/** An account's balance in its normal direction (what the advertiser may spend, what a member earned); 0 without postings. */
export async function accountBalance(db: Db | DbTransaction<Database>, kind: LedgerAccountKind, ownerId: string | null = null): Promise<number> {
  return (await ledgerRepository.balance(db, kind, ownerId))?.balance_cents ?? 0;
}

/**
 * Money an advertiser transferred to the platform's bank account: the bank (an asset) is debited and
 * the advertiser's balance credited. The key is the bank booking's own id, so importing the same
 * statement twice books nothing twice.
 */
export async function recordDeposit(
  db: Db,
  input: { organisationId: string; amountCents: number; idempotencyKey: string; reference?: string | null; bookedAt?: Date | null },
): Promise<PostedTransaction> {
  if (!Number.isSafeInteger(input.amountCents) || input.amountCents <= 0) {
    throw new DomainError('VALIDATION_FAILED', 'A deposit is a positive whole number of cents.', { field: 'amountCents' });
  }
  const advertiser = await ensureOwnedAccount(db, 'advertiser_balance', input.organisationId);
  const { platform_bank: bank } = await platformAccounts(db);
  return post(db, {
    idempotencyKey: input.idempotencyKey,
    kind: 'advertiser.deposit',
    reference: input.reference ?? null,
    bookedAt: input.bookedAt ?? null,
    postings: [
      { accountId: bank, amountCents: input.amountCents },
      { accountId: advertiser, amountCents: -input.amountCents },
    ],
  });
}
