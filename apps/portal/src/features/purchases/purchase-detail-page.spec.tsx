import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import { Outlet, Route, Routes } from 'react-router';
import type { PurchaseDetail, ReferenceData, SegmentOptions, Viewer } from '@dd/contract';
import { renderPage, textOf } from '../../app/testing/render-page';
import { PurchaseDetailPage } from './purchase-detail-page';

const viewer: Viewer = {
  id: '00000000-0000-4000-8000-000000000001',
  email: 'sanne@bakkerij.test',
  displayName: 'Sanne de Vries',
  role: 'advertiser',
  locale: 'nl',
  organisation: { id: '00000000-0000-4000-8000-000000000002', name: 'Bakkerij de Graaf', status: 'verified' },
};

const text = (nl: string, en: string) => ({ nl, en });
const reference: ReferenceData = {
  categories: [
    { code: 'groceries', kind: 'sellable', label: text('Boodschappen', 'Groceries'), description: text('', '') },
    { code: 'profile_region', kind: 'profile', label: text('Provincie en gemeente', 'Province and municipality'), description: text('', '') },
  ],
  industries: [],
  interests: [],
  provinces: [
    { code: 'NL-UT', label: text('Utrecht', 'Utrecht') },
    { code: 'NL-NH', label: text('Noord-Holland', 'North Holland') },
  ],
};
const options: SegmentOptions = {
  ageBands: [
    { code: '18-24', label: text('18–24 jaar', '18–24') },
    { code: '25-34', label: text('25–34 jaar', '25–34') },
  ],
  householdBands: [],
  municipalities: [],
  spendBands: [
    { band: 1, fromCents: null, toCents: 2_500 },
    { band: 2, fromCents: 2_500, toCents: 10_000 },
  ],
};

const pending: PurchaseDetail = {
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
  purposeStatement: 'We willen ons assortiment afstemmen op leeftijdsgroepen.',
  description: 'Mensen in Utrecht die maandelijks meer dan € 250 aan boodschappen uitgeven',
  categories: ['groceries', 'profile_region'],
  breakdowns: ['ageBand', 'province', 'spend:groceries'],
  offer: null,
  pricePerMemberCents: 2,
  invoiceId: null,
  deliveredAt: null,
  report: null,
  offerStats: null,
};

const delivered: PurchaseDetail = {
  ...pending,
  status: 'delivered',
  chargedCents: 8_400,
  invoiceId: '00000000-0000-4000-8000-00000000000a',
  deliveredAt: '2026-11-22T10:00:00.000Z',
  report: {
    epsilon: '0.3',
    tables: [
      {
        breakdown: 'ageBand',
        epsilon: '0.1',
        threshold: 10,
        cells: [
          { cell: '18-24', count: 1_250 },
          { cell: '25-34', count: null },
          { cell: 'unknown', count: 40 },
        ],
      },
      { breakdown: 'province', epsilon: '0.1', threshold: 10, cells: [{ cell: 'NL-UT', count: 4_200 }, { cell: 'NL-NH', count: null }] },
      { breakdown: 'spend:groceries', epsilon: '0.1', threshold: 10, cells: [{ cell: '0', count: 12 }, { cell: '2', count: 800 }] },
    ],
  },
};

const campaign: PurchaseDetail = {
  ...pending,
  title: 'Najaarsactie',
  product: 'offer_campaign',
  purpose: 'offers',
  status: 'delivered',
  breakdowns: [],
  chargedCents: 61_500,
  deliveredAt: '2026-11-22T10:00:00.000Z',
  offer: { title: 'Gratis koffie', body: 'Bij elk ontbijt een gratis kop koffie.', url: 'https://bakkerij.test/koffie', code: 'KOFFIE', endsOn: '2026-12-31' },
  offerStats: { delivered: { kind: 'about', value: 4_100 }, opened: { kind: 'about', value: 1_200 }, clicked: { kind: 'fewer-than', k: 100 }, releasedAt: '2026-11-21T14:00:00.000Z', nextReleaseAt: '2026-11-27T14:00:00.000Z' },
};

const asAdvertiser = (page: ReactElement) => (
  <Routes>
    <Route element={<Outlet context={viewer} />}>
      <Route path="*" element={page} />
    </Route>
  </Routes>
);

const render = async (purchase: PurchaseDetail, language: 'nl' | 'en' = 'nl') => {
  const html = await renderPage(asAdvertiser(<PurchaseDetailPage />), {
    language,
    path: '/advertiser/purchases/:id',
    seed: (trpc, queryClient) => {
      // The memory router's entry is the pattern itself, so the id it reads is ":id".
      queryClient.setQueryData(trpc.advertiser.purchases.get.queryKey({ id: ':id', locale: language }), purchase);
      queryClient.setQueryData(trpc.reference.all.queryKey(), reference);
      queryClient.setQueryData(trpc.reference.segmentOptions.queryKey(), options);
    },
  });
  return { html, page: textOf(html) };
};

describe('PurchaseDetailPage', () => {
  it('shows a pending request as in review, with its segment and purpose, and lets it be cancelled', async () => {
    const { html, page } = await render(pending);
    expect(page).toContain('Wacht op beoordeling');
    expect(html).toMatch(/aria-current="step"[^>]*>[\s\S]*?Beoordeling/);
    expect(page).toContain('Mensen in Utrecht die maandelijks meer dan € 250 aan boodschappen uitgeven');
    expect(page).toContain('We willen ons assortiment afstemmen op leeftijdsgroepen.');
    expect(page).toContain('Leeftijdsgroep, Provincie, Uitgaven aan boodschappen');
    expect(page).toContain('€ 0,02');
    expect(page).toContain('Aanvraag annuleren');
    expect(page).not.toContain('Je inzichtrapport');
  });

  it('cannot be cancelled once decided, and shows the admin’s reason for a rejection', async () => {
    const { page } = await render({ ...pending, status: 'rejected', decisionReason: 'Het doel is te vaag omschreven.' });
    expect(page).toContain('Je aanvraag is afgewezen');
    expect(page).toContain('Het doel is te vaag omschreven.');
    expect(page).not.toContain('Aanvraag annuleren');
  });

  it('translates why fulfilment failed, with its parameters', async () => {
    const failed = await render({ ...pending, status: 'failed', failure: { code: 'differencing', params: { k: 100 } } });
    expect(failed.page).toContain('minder dan 100 mensen) van een groep die je eerder kocht');
    expect(failed.page).not.toContain('Aanvraag annuleren');
    const budget = await render({ ...pending, status: 'failed', failure: { code: 'privacyBudget', params: {} } }, 'en');
    expect(budget.page).toContain('privacy budget for this month is used up');
    const unknown = await render({ ...pending, status: 'failed', failure: { code: 'somethingNew', params: {} } });
    expect(unknown.page).toContain('Er ging iets mis bij het uitvoeren.');
  });

  it('shows a delivered report as one chart and table per breakdown, with suppressed cells and the epsilon spent', async () => {
    const { html, page } = await render(delivered);
    expect(page).not.toContain('Aanvraag annuleren');
    expect(page).toContain('Privacykosten van dit rapport: ε = 0,3');
    expect(page).toContain('ε = 0,1 · cellen onder 10 weggelaten');
    expect([...html.matchAll(/<figure class="dd-bar-chart report-chart"/g)]).toHaveLength(3);
    expect([...html.matchAll(/<table class="dd-table/g)]).toHaveLength(3);
    // Cells with their labels; a suppressed cell never has a number.
    expect(page).toContain('18–24 jaar');
    expect(page).toContain('1.250');
    expect(page).toContain('Onbekend');
    expect(page).toContain('Utrecht');
    expect(page).toContain('Noord-Holland');
    expect(page).toContain('geen uitgaven');
    expect(page).toContain('€ 25 tot € 100');
    expect(html).toContain('&lt; 10');
    expect(page).toContain('minder dan 10 (weggelaten)');
    expect(page).toContain('Download als CSV');
    expect(html).toContain('href="/advertiser/billing/invoices/00000000-0000-4000-8000-00000000000a"');
    expect(page).toContain('€ 84,00');
  });

  it('shows a delivered campaign as thresholded totals and the offer as members saw it', async () => {
    const { page } = await render(campaign);
    expect(page).toContain('Bezorgd ongeveer 4.100');
    expect(page).toContain('Geopend ongeveer 1.200');
    expect(page).toContain('Aangeklikt minder dan 100');
    // Counted on a schedule: the page says when, and that nothing moves until the next count.
    expect(page).toMatch(/Geopend en aangeklikt zoals geteld op .*2026/);
    expect(page).toMatch(/De volgende telling volgt op .*2026/);
    expect(page).toContain('Van Bakkerij de Graaf');
    expect(page).toContain('Gratis koffie');
    expect(page).toContain('KOFFIE');
    expect(page).not.toContain('Download als CSV');
  });

  it('says a campaign’s opens and clicks are not counted yet before the first scheduled count', async () => {
    const { page } = await render({ ...campaign, offerStats: { delivered: { kind: 'about', value: 4_100 }, opened: null, clicked: null, releasedAt: null, nextReleaseAt: '2026-11-21T14:00:00.000Z' } });
    expect(page).toContain('Bezorgd ongeveer 4.100');
    expect(page).toContain('Geopend Nog niet geteld');
    expect(page).not.toContain('zoals geteld op');
  });

  it('speaks English too', async () => {
    const { page } = await render(delivered, 'en');
    expect(page).toContain('Your insight report');
    expect(page).toContain('fewer than 10 (left out)');
    expect(page).toContain('Spending on groceries');
  });
});
