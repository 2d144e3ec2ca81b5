import { dutchDate } from '@dd/billing';
import type { InboxOffer } from '@dd/contract';
import type { Db } from '@dd/db';
import { DomainError } from '@dd/errors';
import { offersInboxRepository, type InboxAction, type InboxRow } from './offers-inbox.repository';

const INBOX_LIMIT = 200;

/** An offer ends at the end of its last day in the Netherlands, where the members live. */
function toInboxOffer(row: InboxRow, now: Date): InboxOffer {
  const endsOn = row.offer_ends_on ?? '';
  return {
    requestId: row.request_id,
    advertiser: row.advertiser,
    purposeStatement: row.purpose_statement,
    offer: { title: row.offer_title ?? '', body: row.offer_body ?? '', url: row.offer_url, code: row.offer_code, endsOn },
    deliveredAt: row.delivered_at.toISOString(),
    openedAt: row.opened_at?.toISOString() ?? null,
    clickedAt: row.clicked_at?.toISOString() ?? null,
    expired: endsOn !== '' && endsOn < dutchDate(now),
  };
}

const notFound = () => new DomainError('NOT_FOUND', 'This offer is not in your inbox (any more).');

/**
 * The customer's offers inbox. Opening, clicking and dismissing are recorded once per member and
 * campaign and only ever leave the platform as noised, thresholded totals (purchase results).
 */
export function createOffersInboxService(deps: { db: Db; now?: () => Date }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());

  async function act(customerId: string, requestId: string, action: InboxAction) {
    const updated = await offersInboxRepository.act(db, customerId, requestId, action, now());
    if (!updated) throw notFound();
  }

  return {
    async inbox(customerId: string): Promise<InboxOffer[]> {
      const at = now();
      return (await offersInboxRepository.list(db, customerId, INBOX_LIMIT)).map((row) => toInboxOffer(row, at));
    },

    async open(customerId: string, requestId: string): Promise<InboxOffer> {
      await act(customerId, requestId, 'open');
      const row = await offersInboxRepository.one(db, customerId, requestId);
      if (!row) throw notFound();
      return toInboxOffer(row, now());
    },

    /** Records the click and hands back where to go (null for an offer with a code only). */
    async click(customerId: string, requestId: string): Promise<{ url: string | null }> {
      await act(customerId, requestId, 'click');
      const row = await offersInboxRepository.one(db, customerId, requestId);
      if (!row) throw notFound();
      return { url: row.offer_url };
    },

    async dismiss(customerId: string, requestId: string): Promise<{ dismissed: true }> {
      await act(customerId, requestId, 'dismiss');
      return { dismissed: true };
    },
  };
}

export type OffersInboxService = ReturnType<typeof createOffersInboxService>;
