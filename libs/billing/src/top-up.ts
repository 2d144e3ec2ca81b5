import type { Database, DbTransaction } from '@dd/db';
import { ensureOwnedAccount, platformAccounts, postTransaction, type PostedTransaction } from '@dd/ledger';

export interface TopUpInput {
  /** The bank entry's key: the same booking can only ever be booked once, to whichever advertiser. */
  entryKey: string;
  organisationId: string;
  amountCents: number;
  bookedOn: string;
  counterpartyName: string;
  paymentReference: string | null;
  /** Set when an admin assigned the payment by hand. */
  assignedBy?: string;
}

/** The ledger key of a bank entry's top-up, whatever the path that books it (automatic match or admin). */
export const topUpKey = (entryKey: string) => `bank:${entryKey}`;

/**
 * Money an advertiser transferred to the platform's account: the bank (an asset) is debited and the
 * advertiser's balance credited, inside the caller's transaction. The key is derived from the bank
 * entry, so importing the same statement again, or assigning an entry that was booked meanwhile,
 * posts nothing twice (and booking it to a different advertiser under the same key is refused).
 */
export async function bookTopUp(trx: DbTransaction<Database>, input: TopUpInput): Promise<PostedTransaction> {
  const advertiser = await ensureOwnedAccount(trx, 'advertiser_balance', input.organisationId);
  const { platform_bank: bank } = await platformAccounts(trx);
  return postTransaction(trx, {
    idempotencyKey: topUpKey(input.entryKey),
    kind: 'advertiser.deposit',
    reference: input.paymentReference,
    metadata: {
      entryKey: input.entryKey,
      bookedOn: input.bookedOn,
      counterpartyName: input.counterpartyName,
      ...(input.assignedBy ? { assignedBy: input.assignedBy } : {}),
    },
    postings: [
      { accountId: bank, amountCents: input.amountCents },
      { accountId: advertiser, amountCents: -input.amountCents },
    ],
  });
}
