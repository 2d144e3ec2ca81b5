import { describe, expect, it } from 'vitest';
import type { InboxOffer } from '@dd/contract';
import { renderPage, textOf } from '../../app/testing/render-page';
import { OffersPage } from './offers-page';

const offers: InboxOffer[] = [
  {
    requestId: '00000000-0000-4000-8000-0000000000a1',
    advertiser: 'Bakkerij de Graaf',
    purposeStatement: 'We willen vaste klanten in de wijk laten weten wanneer er vers brood is.',
    offer: { title: '20% korting op ontbijt', body: 'Elke zaterdag vers brood met korting.', url: 'https://bakkerij.test/actie', code: 'ONTBIJT20', endsOn: '2026-12-31' },
    deliveredAt: '2026-11-20T09:00:00.000Z',
    openedAt: null,
    clickedAt: null,
    expired: false,
  },
  {
    requestId: '00000000-0000-4000-8000-0000000000a2',
    advertiser: 'Fietsenmaker Jansen',
    purposeStatement: 'Wij bieden fietsers in de buurt een onderhoudsbeurt aan.',
    offer: { title: 'Gratis onderhoudsbeurt', body: 'Kom langs in november.', url: null, code: 'FIETS', endsOn: '2026-11-01' },
    deliveredAt: '2026-10-01T09:00:00.000Z',
    openedAt: '2026-10-02T09:00:00.000Z',
    clickedAt: null,
    expired: true,
  },
];

const render = async (language: 'nl' | 'en', list: InboxOffer[]) => {
  const html = await renderPage(<OffersPage />, {
    language,
    path: '/customer/offers',
    seed: (trpc, queryClient) => queryClient.setQueryData(trpc.offers.inbox.queryKey(), list),
  });
  return { html, page: textOf(html) };
};

describe('OffersPage', () => {
  it('explains that offers only arrive with consent for offers, and links to the consent page', async () => {
    const { html, page } = await render('nl', []);
    expect(page).toContain('Nog geen aanbiedingen');
    expect(page).toContain('Aanbiedingen komen alleen als je toestemming geeft voor het doel ‘aanbiedingen’');
    expect(html).toContain('href="/customer/consent"');
    expect(page).toContain('Hij ziet alleen totalen');
  });

  it('lists each offer folded, with advertiser, code, validity, and marks new and expired ones', async () => {
    const { html, page } = await render('nl', offers);
    expect(page).toContain('Van Bakkerij de Graaf');
    expect(page).toContain('20% korting op ontbijt');
    expect(page).toContain('ONTBIJT20');
    expect(page).toContain('Geldig tot en met 31 december 2026');
    expect(page).toContain('Nieuw');
    expect(page).toContain('Verlopen');
    expect(page).toContain('Ontvangen op 20 november 2026');
    // The advertiser's purpose, in its own words, on the offer.
    expect(page).toContain('Waarom Bakkerij de Graaf dit stuurt, in eigen woorden');
    expect(page).toContain('We willen vaste klanten in de wijk laten weten wanneer er vers brood is.');
    // Folded until opened: the toggle says so and controls the hidden body.
    expect(html).toMatch(/aria-expanded="false" aria-controls="offer-00000000-0000-4000-8000-0000000000a1-body"/);
    expect(html).toMatch(/<div class="offer-card__body" id="offer-00000000-0000-4000-8000-0000000000a1-body" hidden="">/);
    // Only the first has a link: a new tab without opener or referrer.
    expect(html).toContain('href="https://bakkerij.test/actie" target="_blank" rel="noopener noreferrer"');
    expect([...html.matchAll(/target="_blank"/g)]).toHaveLength(1);
    expect(html).toContain('aria-label="Aanbieding ‘Gratis onderhoudsbeurt’ verwijderen"');
  });

  it('never renders a link that is not https', async () => {
    const unsafe: InboxOffer = { ...offers[0]!, offer: { ...offers[0]!.offer, url: 'javascript:alert(1)' } };
    const { html } = await render('nl', [unsafe]);
    expect(html).not.toContain('javascript:');
  });

  it('speaks English too', async () => {
    const { page } = await render('en', offers);
    expect(page).toContain('From Bakkerij de Graaf');
    expect(page).toContain('Valid until and including 31 December 2026');
    expect(page).toContain('Expired');
    expect(page).toContain('Show offer');
    expect(page).toContain('Why Fietsenmaker Jansen sends this, in their own words');
  });
});
