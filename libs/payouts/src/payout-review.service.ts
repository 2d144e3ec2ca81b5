import { auditRepository } from '@dd/accounts';
import type { AdminPayoutRequestsPage, PayoutRequestFilter } from '@dd/contract';
import type { Db, PayoutRequestStatus } from '@dd/db';
import { DomainError } from '@dd/errors';
import { decodeCursor, pageOf } from './paging';
import { requestsRepository } from './payout-requests.repository';
import { moveUnclaimedEarnings } from './unclaimed-earnings';

export type RequestFilter = PayoutRequestFilter;

const STATUSES: Record<RequestFilter, PayoutRequestStatus[]> = {
  open: ['in_review', 'approved'],
  in_review: ['in_review'],
  approved: ['approved'],
  in_transit: ['in_transit'],
  returned: ['returned'],
  all: ['in_review', 'approved', 'rejected', 'in_transit', 'paid', 'returned'],
};

export const REQUESTS_PAGE_SIZE = 50;

/** One page of the admin's list: each request with its review reasons and the other accounts that used its IBAN. */
export async function adminRequests(
  db: Db,
  filter: RequestFilter,
  page: { cursor?: string | null; limit?: number } = {},
): Promise<AdminPayoutRequestsPage> {
  const limit = page.limit ?? REQUESTS_PAGE_SIZE;
  const after = page.cursor ? decodeCursor<[number, string, string]>(page.cursor, ['n', 't', 'u']) : null;
  const [fetched, totals] = await Promise.all([
    requestsRepository.adminRequestsPage(db, STATUSES[filter], limit, after),
    requestsRepository.requestsTotal(db, STATUSES[filter]),
  ]);
  const { rows, nextCursor } = pageOf(fetched, limit, (r) => [r.bucket, r.requested_key, r.id]);
  const linked = await requestsRepository.customersByIban(db, [...new Set(rows.map((r) => r.iban))]);
  const items = rows.map((r) => ({
    id: r.id,
    customerId: r.customer_id,
    customerName: r.display_name,
    customerEmail: r.email,
    accountCreatedAt: r.account_created_at ? r.account_created_at.toISOString() : null,
    amountCents: r.amount_cents,
    iban: r.iban,
    accountHolder: r.account_holder,
    status: r.status,
    reviewReasons: r.review_reasons,
    linkedAccounts: linked
      .filter((l) => l.iban === r.iban && l.customer_id !== r.customer_id)
      .map((l) => ({ customerId: l.customer_id, name: l.display_name, erased: l.erased })),
    requestedAt: r.requested_at.toISOString(),
    decidedAt: r.decided_at ? r.decided_at.toISOString() : null,
    decisionNote: r.decision_note,
    batchId: r.batch_id,
    endToEndId: r.end_to_end_id,
    ...returnDto(r),
  }));
  return { items, nextCursor, totalCount: totals.count, totalCents: totals.total_cents };
}

/** The return fields of a request row, as both the member's and the admin's lists show them. */
export function returnDto(r: { returned_at: Date | null; return_reason: string | null; return_note: string | null }) {
  return { returnedAt: r.returned_at ? r.returned_at.toISOString() : null, returnReason: r.return_reason, returnNote: r.return_note };
}

/** A request in review may be paid after all: the admin says why. */
export async function approveRequest(db: Db, adminId: string, requestId: string, note: string, now: Date): Promise<{ status: 'approved' }> {
  return db.transaction().execute(async (trx) => {
    const request = await requestsRepository.requestForUpdate(trx, requestId);
    if (!request) throw new DomainError('NOT_FOUND', 'This payout request does not exist.');
    if (request.status !== 'in_review') {
      throw new DomainError('CONFLICT', `Only requests in review need approval; this one is ${request.status.replace('_', ' ')}. Reload the list.`, undefined, {
        code: 'notInReview',
        params: { status: request.status },
      });
    }
    await requestsRepository.decide(trx, requestId, { status: 'approved', note, by: adminId, at: now });
    await auditRepository.append(trx, {
      actorUserId: adminId,
      actorRole: 'admin',
      action: 'payout.approved',
      subjectType: 'payout_request',
      subjectId: requestId,
      details: { note, amountCents: request.amount_cents, reviewReasons: request.review_reasons.map((r) => r.code) },
    });
    return { status: 'approved' as const };
  });
}

/**
 * Refuses a request that is not in a batch yet; the reservation ends, so the amount is available to
 * the member again. For an erased member nobody can claim it any more: it moves to unclaimed earnings.
 */
export async function rejectRequest(db: Db, adminId: string, requestId: string, note: string, now: Date): Promise<{ status: 'rejected'; movedToUnclaimedCents: number }> {
  return db.transaction().execute(async (trx) => {
    const request = await requestsRepository.requestForUpdate(trx, requestId);
    if (!request) throw new DomainError('NOT_FOUND', 'This payout request does not exist.');
    if (request.status !== 'in_review' && request.status !== 'approved') {
      throw new DomainError('CONFLICT', `This payout is ${request.status.replace('_', ' ')} and can no longer be rejected. Reload the list.`, undefined, {
        code: 'notRejectable',
        params: { status: request.status },
      });
    }
    await requestsRepository.decide(trx, requestId, { status: 'rejected', note, by: adminId, at: now });
    await auditRepository.append(trx, {
      actorUserId: adminId,
      actorRole: 'admin',
      action: 'payout.rejected',
      subjectType: 'payout_request',
      subjectId: requestId,
      details: { note, amountCents: request.amount_cents, reviewReasons: request.review_reasons.map((r) => r.code) },
    });
    const erased = !(await requestsRepository.customer(trx, request.customer_id));
    const moved = erased ? await moveUnclaimedEarnings(trx, request.customer_id, `payout:${requestId}:unclaimed`, 'rejected payout of an erased member') : null;
    return { status: 'rejected' as const, movedToUnclaimedCents: moved?.movedCents ?? 0 };
  });
}
