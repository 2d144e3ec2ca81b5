import type { PurchaseProductCode, SegmentNode } from '@dd/contract';

/**
 * What the segment builder hands to the purchase form (as router state): the criteria as they are
 * on screen, saved or not. A saved segment can also be opened by id: `/advertiser/purchases/new?segment=<id>`.
 */
export interface PurchaseDraft {
  segment: SegmentNode;
  savedSegmentId?: string | undefined;
  /** The saved segment's name, a starting point for the request's title. */
  name?: string | undefined;
  product?: PurchaseProductCode | undefined;
}

export const NEW_PURCHASE_PATH = '/advertiser/purchases/new';

/** The link from a saved segment to the purchase form. */
export const purchasePathForSegment = (id: string) => `${NEW_PURCHASE_PATH}?segment=${encodeURIComponent(id)}`;

/** Router state is whatever history holds: only a draft with a segment object counts. */
export function readDraft(state: unknown): PurchaseDraft | null {
  if (!state || typeof state !== 'object' || !('draft' in state)) return null;
  const draft = (state as { draft?: unknown }).draft;
  if (!draft || typeof draft !== 'object') return null;
  const { segment } = draft as { segment?: unknown };
  return segment && typeof segment === 'object' ? (draft as PurchaseDraft) : null;
}
