import { describe, expect, it } from 'vitest';
import type { SavedSegmentSummary } from '@dd/contract';
import { renderPage, textOf } from '../../app/testing/render-page';
import { SegmentsPage } from '../segments/segments-page';
import { purchasePathForSegment, readDraft } from './purchase-draft';

// The way into the purchase form from the segments feature (its builder passes a draft as router state).
describe('buying from a segment', () => {
  it('offers “Kopen” on every saved segment, leading to the purchase form with that segment', async () => {
    const segments: SavedSegmentSummary[] = [{ id: 'a1', name: 'Reizigers in Utrecht', description: 'Mensen in Utrecht …', updatedAt: '2026-11-21T10:00:00.000Z' }];
    const html = await renderPage(<SegmentsPage />, {
      path: '/advertiser/segments',
      seed: (trpc, queryClient) => queryClient.setQueryData(trpc.advertiser.segments.list.queryKey({ locale: 'nl' }), segments),
    });
    expect(html).toContain(`href="${purchasePathForSegment('a1')}"`);
    expect(html).toContain('href="/advertiser/purchases/new?segment=a1"');
    expect(html).toContain('aria-label="Rapport of campagne kopen voor Reizigers in Utrecht"');
    expect(textOf(html)).toContain('Kopen');
  });

  it('only takes a draft with a segment from router state', () => {
    const segment = { field: 'ageBand', in: ['25-34'] } as const;
    expect(readDraft({ draft: { segment, product: 'offer_campaign' } })).toEqual({ segment, product: 'offer_campaign' });
    expect(readDraft(null)).toBeNull();
    expect(readDraft({ draft: { segment: 'x' } })).toBeNull();
    expect(readDraft({ saved: 'name' })).toBeNull();
  });
});
