import type { Database, DbTransaction } from '@dd/db';
import { notify } from '@dd/notifications';

// Keyed to the payout, not to the path that booked it: paid by the admin's confirmation or by the
// bank statement, the member hears of it once. Mail follows with mail.sweep (these run without a queue at hand).

export function notifyPayoutSent(trx: DbTransaction<Database>, payout: { id: string; customer_id: string; amount_cents: number }) {
  return notify(trx, { userId: payout.customer_id, kind: 'payouts.sent', key: `payout:${payout.id}:sent`, params: { amountCents: payout.amount_cents } });
}

export function notifyPayoutReturned(trx: DbTransaction<Database>, payout: { id: string; customer_id: string; amount_cents: number }, reasonCode: string) {
  return notify(trx, { userId: payout.customer_id, kind: 'payouts.returned', key: `payout:${payout.id}:returned`, params: { amountCents: payout.amount_cents, reasonCode } });
}
