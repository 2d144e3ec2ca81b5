import type { OfferDto, PurchaseDetail, PurchaseSummary, SegmentNode } from '@dd/contract';
import { describeSegment, type SegmentLocale } from '@dd/segments';
import type { PurchaseRow } from './purchase.repository';

/**
 * What fulfilment adds to a request once it has run. Read by a separate reader (see
 * createPurchaseService's `results`), so this file stays about the request itself.
 */
export interface PurchaseResults {
  report: PurchaseDetail['report'];
  offerStats: PurchaseDetail['offerStats'];
  invoiceId: string | null;
}

export const NO_RESULTS: PurchaseResults = { report: null, offerStats: null, invoiceId: null };

// Stored segments were validated and canonicalised on the way in.
export const segmentOf = (row: Pick<PurchaseRow, 'segment'>) => row.segment as SegmentNode;

export function offerOf(row: PurchaseRow): OfferDto | null {
  if (row.product !== 'offer_campaign' || row.offer_title === null || row.offer_body === null || row.offer_ends_on === null) return null;
  return { title: row.offer_title, body: row.offer_body, url: row.offer_url, code: row.offer_code, endsOn: row.offer_ends_on };
}

/** Net price of what was delivered; nothing is charged before delivery. */
function chargedCents(row: PurchaseRow): number | null {
  return row.status === 'delivered' && row.billed_members !== null ? row.billed_members * row.price_per_member_cents : null;
}

export function toPurchaseSummary(row: PurchaseRow): PurchaseSummary {
  return {
    id: row.id,
    title: row.title,
    product: row.product,
    purpose: row.purpose,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    // The stored estimate is the noisy, rounded one the advertiser was shown (never below k).
    estimate: { kind: 'about', value: row.estimated_members },
    reservedCents: row.reserved_cents,
    chargedCents: chargedCents(row),
    decisionReason: row.decision_reason,
    failure: row.failure_code ? { code: row.failure_code, params: row.failure_params ?? {} } : null,
  };
}

/** The one place a request's detail is assembled; fulfilment's results come in through `results`. */
export function toPurchaseDetail(row: PurchaseRow, locale: SegmentLocale, results: PurchaseResults = NO_RESULTS): PurchaseDetail {
  return {
    ...toPurchaseSummary(row),
    purposeStatement: row.purpose_statement,
    description: describeSegment(segmentOf(row), locale),
    categories: row.categories,
    breakdowns: row.breakdowns,
    offer: offerOf(row),
    pricePerMemberCents: row.price_per_member_cents,
    deliveredAt: row.delivered_at ? row.delivered_at.toISOString() : null,
    report: results.report,
    offerStats: results.offerStats,
    invoiceId: results.invoiceId,
  };
}
