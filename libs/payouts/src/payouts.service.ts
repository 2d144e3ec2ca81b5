import type { PayoutDto, RequestPayoutInput } from '@dd/contract';
import type { Db } from '@dd/db';
import type { Queues } from '@dd/queue';
import { earningsSummary } from './earnings.service';
import { batchFile, confirmBatch, createBatch, listBatches } from './payout-batch.service';
import { requestPayout } from './payout-request.service';
import { requeueBatchFile } from './batch-file-queue';
import { adminRequests, approveRequest, rejectRequest, returnDto, type RequestFilter } from './payout-review.service';
import { markReturned } from './payout-returns.service';
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
        ...returnDto(r),
      }));
    },

    /** The first page of a filter, as a list (tests, scripts); the API pages with adminRequestsPage. */
    adminRequests: async (filter: RequestFilter) => (await adminRequests(db, filter, { limit: 200 })).items,
    adminRequestsPage: (filter: RequestFilter, page: { cursor?: string | null; limit?: number }) => adminRequests(db, filter, page),
    approve: (adminId: string, requestId: string, note: string) => approveRequest(db, adminId, requestId, note, now()),
    reject: (adminId: string, requestId: string, note: string) => rejectRequest(db, adminId, requestId, note, now()),
    createBatch: (adminId: string, requestIds?: readonly string[]) => createBatch({ db, queues }, adminId, requestIds, settings, now()),
    batches: (page: { cursor?: string | null; limit?: number } = {}) => listBatches({ db, queues }, page, now()),
    requeueBatch: (adminId: string, batchId: string) => requeueBatchFile({ db, queues }, adminId, batchId, now()),
    markReturned: (adminId: string, requestId: string, reason: { reasonCode: string; note: string }) => markReturned(db, adminId, requestId, reason, now()),
    confirmBatch: (adminId: string, batchId: string) => confirmBatch(db, adminId, batchId, now()),
    batchFile: (batchId: string) => batchFile(db, batchId),
  };
}

export type PayoutService = ReturnType<typeof createPayoutService>;
