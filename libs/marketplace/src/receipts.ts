import { sql, type Database, type DbTransaction } from '@dd/db';
import { splitSale } from '@dd/ledger';

export interface ReceiptInput {
  saleId: string;
  /** The sale as recorded: what the distribution job will split. */
  amountCents: number;
  memberShareBp: number;
  memberIds: readonly string[];
  reference: string;
  occurredAt: Date;
  advertiserName: string;
  product: string;
  purpose: string;
  /** The advertiser's purpose statement, in its own words: what the member reads on the receipt. */
  purposeStatement: string;
  categories: readonly string[];
}

/**
 * One "where my data went" receipt per member of the sale. The share is splitSale over the frozen
 * sale with the sale id as tie seed, exactly what distributeSale will credit, so the timeline never
 * promises a cent the ledger does not pay. Idempotent per (customer, reference); members who erased
 * their account in the meantime get none (their user row is gone).
 */
export async function writeReceipts(trx: DbTransaction<Database>, input: ReceiptInput): Promise<void> {
  const split = splitSale({ amountCents: input.amountCents, memberShareBp: input.memberShareBp, memberKeys: input.memberIds, tieSeed: input.saleId });
  const ids = split.members.map((m) => m.key);
  const shares = split.members.map((m) => m.cents);
  await sql`
    insert into data_use_receipts (customer_id, occurred_at, advertiser_name, product, purpose, categories, audience_size, share_cents, reference, purpose_statement)
    select t.id, ${input.occurredAt}, ${input.advertiserName}, ${input.product}, ${input.purpose}, ${sql.val([...input.categories])}::text[],
           ${input.memberIds.length}, t.cents, ${input.reference}, ${input.purposeStatement}
    from unnest(${sql.val(ids)}::uuid[], ${sql.val(shares)}::bigint[]) as t(id, cents)
    where exists (select 1 from users u where u.id = t.id)
    on conflict (customer_id, reference) do nothing`.execute(trx);
}
