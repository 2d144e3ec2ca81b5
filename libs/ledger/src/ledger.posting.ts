import { createHash } from 'node:crypto';
import { DomainError } from '@dd/errors';

export interface PostingInput {
  accountId: number;
  /** Integer cents: positive debits the account, negative credits it; never zero. */
  amountCents: number;
}

export interface TransactionInput {
  /** Unique for ever: posting the same key again returns the first result, with other content it is refused. */
  idempotencyKey: string;
  /** What kind of movement, e.g. `advertiser.deposit`, `sale.member_credits`. */
  kind: string;
  postings: readonly PostingInput[];
  /** Set on a sale's own transactions; each account can then appear only once per sale. */
  saleId?: string | null;
  /** Free text such as a bank reference; not part of the content compared for idempotency. */
  reference?: string | null;
  /** Context for people reading the books; not part of the content compared for idempotency. */
  metadata?: Record<string, unknown> | null;
  /**
   * When the movement happened, for writing history (the demo seed's past sales); default: now.
   * Not part of the content compared for idempotency. Live code never sets it.
   */
  bookedAt?: Date | null;
}

const KIND = /^[a-z][a-z_]*(\.[a-z][a-z_]*)*$/;

const invalid = (message: string, field: string) => new DomainError('VALIDATION_FAILED', message, { field });

/** Refuses, before any query, a transaction the database would refuse anyway, with a message that says why. */
export function assertValidTransaction(input: TransactionInput): void {
  const { idempotencyKey, kind, postings } = input;
  if (idempotencyKey.length === 0 || idempotencyKey.length > 200) {
    throw invalid('A ledger transaction needs an idempotency key of 1 to 200 characters, e.g. "sale:<id>:charge".', 'idempotencyKey');
  }
  if (!KIND.test(kind)) throw invalid(`Ledger transaction kind "${kind}" is invalid: use lowercase dotted words such as "sale.charge".`, 'kind');
  if (postings.length < 2) throw invalid('A ledger transaction moves money between at least two accounts; add the other side.', 'postings');
  const seen = new Set<number>();
  let sum = 0n;
  for (const { accountId, amountCents } of postings) {
    if (!Number.isSafeInteger(amountCents) || amountCents === 0) {
      throw invalid(`Posting amounts are whole, non-zero cents; account ${accountId} has ${amountCents}.`, 'postings');
    }
    if (seen.has(accountId)) throw invalid(`Account ${accountId} appears twice in one transaction; merge its postings into one.`, 'postings');
    seen.add(accountId);
    sum += BigInt(amountCents);
  }
  if (sum !== 0n) throw invalid(`The postings of ${idempotencyKey} sum to ${sum} cents; debits and credits must cancel out exactly.`, 'postings');
}

/**
 * The content the idempotency key stands for: kind, sale and postings (in account order, so the
 * order they were listed in does not matter). Reference and metadata are descriptive and left out.
 */
export function contentHash(input: Pick<TransactionInput, 'kind' | 'saleId' | 'postings'>): string {
  const postings = [...input.postings].sort((a, b) => a.accountId - b.accountId).map((p) => `${p.accountId}:${p.amountCents}`);
  return createHash('sha256')
    .update(JSON.stringify([input.kind, input.saleId ?? null]))
    .update('\n')
    .update(postings.join(','))
    .digest('hex');
}
