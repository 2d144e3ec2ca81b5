import type { Database, DbTransaction } from '@dd/db';
import { accountBalance } from '@dd/ledger';
import { LOW_BALANCE_THRESHOLD_CENTS, lowBalanceCrossed, mergeNotified, notifyOrganisation, notifyUsers, type Notified } from '@dd/notifications';
import type { LockedRequest } from './fulfilment.repository';

/**
 * In the transaction that marks the purchase delivered: its advertisers hear it was delivered, and
 * for a campaign every member it reached hears of the offer in their inbox. Both keyed to the
 * request, so a retried fulfilment tells nobody twice.
 */
export async function notifyDelivered(trx: DbTransaction<Database>, request: LockedRequest, memberIds: readonly string[]): Promise<Notified> {
  const delivered = await notifyOrganisation(trx, {
    organisationId: request.organisation_id,
    kind: 'purchases.delivered',
    key: `purchase:${request.id}:delivered`,
    params: { purchaseId: request.id, title: request.title },
  });
  if (request.product !== 'offer_campaign') return delivered;
  const offers = await notifyUsers(trx, memberIds, {
    kind: 'offers.received',
    key: `offer:${request.id}`,
    params: { advertiser: request.organisation_name },
  });
  return mergeNotified(delivered, offers);
}

/**
 * After a reservation took `movedCents` off the organisation's available balance: a warning once the
 * balance crossed below the threshold, keyed to the movement, so a retry warns nobody twice and a
 * balance that stays low is not warned about on every purchase. (The charge at delivery only gives
 * part of the reservation back, so it never lowers the available balance.)
 */
export async function notifyIfBalanceLow(trx: DbTransaction<Database>, input: { organisationId: string; movedCents: number; key: string }): Promise<Notified> {
  const balanceCents = await accountBalance(trx, 'advertiser_balance', input.organisationId);
  if (!lowBalanceCrossed(balanceCents, input.movedCents)) return { notificationIds: [], outboxIds: [] };
  return notifyOrganisation(trx, {
    organisationId: input.organisationId,
    kind: 'billing.lowBalance',
    key: `low-balance:${input.key}`,
    params: { balanceCents, thresholdCents: LOW_BALANCE_THRESHOLD_CENTS },
  });
}
