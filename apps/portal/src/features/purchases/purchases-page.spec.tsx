import { describe, expect, it } from 'vitest';
import type { PurchaseSummary } from '@dd/contract';
import { renderPage, textOf } from '../../app/testing/render-page';
import { PurchasesPage } from './purchases-page';

const base: PurchaseSummary = {
  id: '00000000-0000-4000-8000-0000000000c1',
  title: 'Boodschappen in Utrecht',
  product: 'insight_report',
  purpose: 'insights',
  status: 'pending_review',
  createdAt: '2026-11-21T10:00:00.000Z',
  estimate: { kind: 'about', value: 4_300 },
  reservedCents: 10_406,
  chargedCents: null,
  decisionReason: null,
  failure: null,
};
const purchases: PurchaseSummary[] = [
  base,
  { ...base, id: '00000000-0000-4000-8000-0000000000c2', title: 'Najaarsactie', product: 'offer_campaign', purpose: 'offers', status: 'delivered', chargedCents: 61_500 },
  { ...base, id: '00000000-0000-4000-8000-0000000000c3', title: 'Te klein', status: 'failed', estimate: { kind: 'fewer-than', k: 100 } },
];

const render = async (language: 'nl' | 'en', list: PurchaseSummary[]) => {
  const html = await renderPage(<PurchasesPage />, {
    language,
    path: '/advertiser/purchases',
    seed: (trpc, queryClient) => queryClient.setQueryData(trpc.advertiser.purchases.list.queryKey({ locale: language }), list),
  });
  return { html, page: textOf(html) };
};

describe('PurchasesPage', () => {
  it('starts from the segment builder when there is nothing yet', async () => {
    const { html, page } = await render('nl', []);
    expect(page).toContain('Je hebt nog niets gekocht');
    expect(html).toContain('href="/advertiser/segments/new"');
    expect(page).toContain('Naar de segmentbouwer');
  });

  it('lists every request with its status, estimate and amounts, linked to its detail', async () => {
    const { html, page } = await render('nl', purchases);
    expect(page).toContain('Wacht op beoordeling');
    expect(page).toContain('Geleverd');
    expect(page).toContain('Mislukt');
    expect(page).toContain('ongeveer 4.300 mensen');
    expect(page).toContain('minder dan 100 mensen');
    expect(page).toContain('€ 104,06');
    expect(page).toContain('Afgeschreven (excl. btw) € 615,00');
    expect(page).toContain('Afgeschreven (excl. btw) nog niets');
    expect(page).toContain('Aanbiedingscampagne');
    expect(html).toContain('href="/advertiser/purchases/00000000-0000-4000-8000-0000000000c2"');
  });

  it('filters by every status, with a labelled select', async () => {
    const { html } = await render('nl', purchases);
    expect(html).toMatch(/<label[^>]*for="[^"]+"[^>]*>Status<\/label>/);
    const options = [...html.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1]);
    expect(options).toEqual(['', 'pending_review', 'approved', 'rejected', 'cancelled', 'fulfilling', 'delivered', 'failed']);
  });

  it('speaks English too', async () => {
    const { page } = await render('en', purchases);
    expect(page).toContain('Awaiting review');
    expect(page).toContain('about 4,300 people');
    expect(page).toContain('All statuses');
  });
});
