import { describe, expect, it } from 'vitest';
import type { PrivacyBudgetMeter, PurchaseSummary } from '@dd/contract';
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
  { ...base, id: '00000000-0000-4000-8000-0000000000c4', title: 'Vastgelopen', status: 'failed', failure: { code: 'fulfilmentTimedOut', params: { minutes: 30 } } },
];
const meter: PrivacyBudgetMeter = {
  period: '2026-12',
  resetsOn: '2027-01-01',
  purchases: { budget: '20', used: '2.5', left: '17.5', usedShare: 0.125, reportsLeft: 50, campaignsLeft: 25 },
  estimates: { budget: '20', used: '0.02', left: '19.98', usedShare: 0.001, questionsLeft: 999 },
};

const render = async (language: 'nl' | 'en', list: PurchaseSummary[]) => {
  const html = await renderPage(<PurchasesPage />, {
    language,
    path: '/advertiser/purchases',
    seed: (trpc, queryClient) => {
      queryClient.setQueryData(trpc.advertiser.purchases.list.queryKey({ locale: language }), list);
      queryClient.setQueryData(trpc.advertiser.purchases.budget.queryKey(), meter);
    },
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

  it('shows why a purchase failed and what to do, in the list itself', async () => {
    const { page } = await render('nl', purchases);
    expect(page).toContain('Het uitvoeren was niet binnen 30 minuten klaar');
    expect(page).toContain('het gereserveerde bedrag staat weer op je saldo');
    expect((await render('en', purchases)).page).toContain('Fulfilment did not finish within 30 minutes');
  });

  it('shows the organisation’s privacy budget as a meter with its numbers written out, and when it resets', async () => {
    const { html, page } = await render('nl', purchases);
    expect(html).toMatch(/<meter[^>]*value="0.125"[^>]*aria-label="Aankopen: ε 2,5 van 20 gebruikt"/);
    expect(page).toContain('ε 2,5 van 20 gebruikt, nog 17,5 over');
    expect(page).toContain('Genoeg voor ongeveer 50 inzichtrapporten met één tabel of ongeveer 25 aanbiedingscampagnes.');
    expect(page).toContain('Nog ongeveer 999 nieuwe vragen');
    expect(page).toContain('Begint opnieuw op 1 januari 2027.');
    const en = (await render('en', purchases)).page;
    expect(en).toContain('ε 2.5 of 20 used, 17.5 left');
    expect(en).toContain('Starts again on 1 January 2027.');
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
