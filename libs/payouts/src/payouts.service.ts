import type { PayoutDto, RequestPayoutInput } from '@dd/contract';
import type { Db } from '@dd/db';
import type { Queues } from '@dd/queue';
import { earningsSummary } from './earnings.service';
import { batchFile, confirmBatch, createBatch, listBatches } from './payout-batch.service';
import { requestPayout } from './payout-request.service';
import { adminRequests, approveRequest, rejectRequest, type RequestFilter } from './payout-review.service';
import { DEFAULT_PAYOUT_SETTINGS, type PayoutSettings } from './payout.settings';
import { requestsRepository } from './payout-requests.repository';

/** Earnings and payouts for the API: one method per use case, for customers and for the admin. */
export function createPayoutService(deps: { db: Db; queues: Queues; settings?: PayoutSettings; now?: () => Date }) {
  const { db, queues } = deps;
  const settings = deps.settings ?? DEFAULT_PAYOUT_SETTINGS;
  const now = deps.now ?? (() => new Date());

  return {
    settings,

    summary: (customerId: string) => earningsSummary(db, customerId, settings, now()),

    async requestPayout(customerId: string, input: { amount: RequestPayoutInput['amount']; iban: string; accountHolder: string }): Promise<PayoutDto> {
      const { requestId } = await requestPayout(db, customerId, input, settings, now());
      return (await this.payouts(customerId)).find((p) => p.id === requestId)!;
    },

    async payouts(customerId: string): Promise<PayoutDto[]> {
      return (await requestsRepository.customerRequests(db, customerId)).map((r) => ({
        id: r.id,
        amountCents: r.amount_cents,
        iban: r.iban,
        accountHolder: r.account_holder,
        status: r.status,
        requestedAt: r.requested_at.toISOString(),
        paidAt: r.paid_at ? r.paid_at.toISOString() : null,
        rejectionNote: r.status === 'rejected' ? r.decision_note : null,
      }));
    },

    adminRequests: (filter: RequestFilter) => adminRequests(db, filter),
    approve: (adminId: string, requestId: string, note: string) => approveRequest(db, adminId, requestId, note, now()),
    reject: (adminId: string, requestId: string, note: string) => rejectRequest(db, adminId, requestId, note, now()),
    createBatch: (adminId: string, requestIds?: readonly string[]) => createBatch({ db, queues }, adminId, requestIds, settings, now()),
    batches: () => listBatches(db),
    confirmBatch: (adminId: string, batchId: string) => confirmBatch(db, adminId, batchId, now()),
    batchFile: (batchId: string) => batchFile(db, batchId),
  };
}

export type PayoutService = ReturnType<typeof createPayoutService>;
