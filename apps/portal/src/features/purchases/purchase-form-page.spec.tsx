import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import i18next from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { createMemoryRouter, Outlet, RouterProvider } from 'react-router';
import type { AppRouter } from '@dd/api';
import type { AudienceEstimateAnswer, BillingSummary, ProductPrices, PurchaseCheck, ReferenceData, SavedSegment, SegmentNode, Viewer } from '@dd/contract';
import { textOf, type Seed } from '../../app/testing/render-page';
import { createApiClient, TRPCProvider } from '../../app/trpc';
import { estimateQueryKey } from '../segments/use-segment-estimate';
import { resources } from '../../i18n/i18n';
import type { PurchaseDraft } from './purchase-draft';
import { PurchaseFormPage } from './purchase-form-page';

const viewer = (status: 'verified' | 'unverified' = 'verified'): Viewer => ({
  id: '00000000-0000-4000-8000-000000000001',
  email: 'sanne@bakkerij.test',
  displayName: 'Sanne de Vries',
  role: 'advertiser',
  locale: 'nl',
  organisation: { id: '00000000-0000-4000-8000-000000000002', name: 'Bakkerij de Graaf', status },
});

const text = (nl: string, en: string) => ({ nl, en });
const reference: ReferenceData = {
  categories: [
    { code: 'groceries', kind: 'sellable', label: text('Boodschappen', 'Groceries'), description: text('', '') },
    { code: 'profile_region', kind: 'profile', label: text('Provincie en gemeente', 'Province and municipality'), description: text('', '') },
  ],
  industries: [],
  interests: [],
  provinces: [{ code: 'NL-UT', label: text('Utrecht', 'Utrecht') }],
};
const prices: ProductPrices = {
  products: [
    { product: 'insight_report', purpose: 'insights', label: text('Inzichtrapport', 'Insight report'), pricePerMemberCents: 2 },
    { product: 'offer_campaign', purpose: 'offers', label: text('Aanbiedingscampagne', 'Offer campaign'), pricePerMemberCents: 15 },
  ],
};
const billing = (balanceCents: number): BillingSummary => ({
  balanceCents,
  reservedCents: 0,
  paymentReference: 'DD482109375557',
  topUp: { iban: 'NL91ABNA0417164300', accountName: 'DataDividend B.V.', bic: null },
  vatRateBp: 2_100,
  history: [],
});
const tree: SegmentNode = {
  op: 'all',
  of: [
    { field: 'province', in: ['NL-UT'] },
    { field: 'spend', category: 'groceries', min: 4, max: 5 },
  ],
};
const savedSegment: SavedSegment = {
  id: '00000000-0000-4000-8000-0000000000d1',
  name: 'Grote boodschappers in Utrecht',
  description: 'Mensen in Utrecht die …',
  tree,
  createdAt: '2026-11-20T10:00:00.000Z',
  updatedAt: '2026-11-21T10:00:00.000Z',
};
const answer: AudienceEstimateAnswer = {
  estimate: { kind: 'about', value: 4_300 },
  description: 'Mensen in Utrecht die maandelijks meer dan € 250 aan boodschappen uitgeven',
  categories: ['groceries', 'profile_region'],
};

interface Options {
  language?: 'nl' | 'en';
  search?: string;
  state?: { draft: PurchaseDraft };
  status?: 'verified' | 'unverified';
  balanceCents?: number;
  seed?: Seed;
}

/** Like renderPage, but with a query string and router state, which the form reads its segment from. */
async function render({ language = 'nl', search = '', state, status = 'verified', balanceCents = 17_900, seed }: Options = {}) {
  const i18n = i18next.createInstance();
  await i18n.use(initReactI18next).init({ resources, lng: language, interpolation: { escapeValue: false } });
  const queryClient = new QueryClient();
  const trpcClient = createApiClient();
  const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });
  queryClient.setQueryData(trpc.reference.all.queryKey(), reference);
  queryClient.setQueryData(trpc.advertiser.prices.queryKey(), prices);
  queryClient.setQueryData(trpc.billing.summary.queryKey(), billing(balanceCents));
  queryClient.setQueryData(trpc.advertiser.segments.get.queryKey({ id: savedSegment.id, locale: language }), savedSegment);
  for (const purpose of ['insights', 'offers'] as const) queryClient.setQueryData(estimateQueryKey({ segment: tree, purpose, locale: language }), answer);
  seed?.(trpc, queryClient);
  const page: ReactElement = <PurchaseFormPage />;
  const router = createMemoryRouter(
    [{ path: '/advertiser/purchases/new', element: <Outlet context={viewer(status)} />, children: [{ index: true, element: page }] }],
    { initialEntries: [{ pathname: '/advertiser/purchases/new', search, state }] },
  );
  const html = renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
          <RouterProvider router={router} />
        </TRPCProvider>
      </QueryClientProvider>
    </I18nextProvider>,
  );
  return { html, page: textOf(html) };
}

const fromSaved = `?segment=${savedSegment.id}`;

describe('PurchaseFormPage', () => {
  it('asks for a segment first when it has none', async () => {
    const { html, page } = await render();
    expect(page).toContain('Kies eerst een segment');
    expect(html).toContain('href="/advertiser/segments"');
  });

  it('offers both products explained in one line, the purpose statement and the report breakdowns of a saved segment', async () => {
    const { html, page } = await render({ search: fromSaved });
    expect(page).toContain('Bewaard segment ‘Grote boodschappers in Utrecht’');
    expect(page).toContain('Mensen in Utrecht die maandelijks meer dan € 250 aan boodschappen uitgeven');
    expect(page).toContain('Wat wil je kopen?');
    expect(page).toContain('Statistieken over de groep');
    expect(page).toContain('Je aanbieding in de inbox van de mensen in de groep');
    expect(html).toContain('value="Grote boodschappers in Utrecht"');
    expect(page).toContain('Waarvoor ga je dit gebruiken?');
    expect(page).toContain('minstens 20 tekens');
    expect(html).toMatch(/<textarea[^>]*name="purposeStatement"/);
    // Breakdowns: the profile tables and spending on the segment's own sellable category, in a fieldset.
    expect(html).toMatch(/<fieldset[^>]*id="purchase-breakdowns"[^>]*>\s*<legend[^>]*>Uitsplitsingen in het rapport<\/legend>/);
    const inputs = [...html.matchAll(/<input[^>]*name="breakdowns"[^>]*>/g)].map((m) => m[0]);
    const breakdowns = inputs.map((input) => /value="([^"]+)"/.exec(input)?.[1]);
    expect(breakdowns).toEqual(['ageBand', 'province', 'householdBand', 'spend:groceries']);
    expect(page).toContain('Uitgaven aan boodschappen');
    // Age band is chosen to start with.
    expect(inputs.filter((input) => input.includes('checked'))).toHaveLength(1);
    expect(inputs.find((input) => input.includes('checked'))).toContain('value="ageBand"');
    expect(html).toContain('type="submit"');
  });

  it('shows the estimate, the price per person, what will be reserved incl. VAT and the balance', async () => {
    const { html, page } = await render({ search: fromSaved });
    expect(page).toContain('ongeveer 4.300 mensen');
    expect(page).toContain('€ 0,02');
    expect(page).toContain('Wordt hoogstens gereserveerd (incl. 21% btw)');
    // (4,300 + 10%) × € 0,02 = € 94,60, plus 21% VAT
    expect(page).toContain('ongeveer € 114,47');
    expect(page).toContain('€ 179,00');
    expect(page).not.toContain('Je saldo is niet genoeg');
    expect(html).toMatch(/aria-live="polite"/);
  });

  it('tells before sending when the purchase cannot succeed, and why', async () => {
    const check: PurchaseCheck = {
      cost: '0.35',
      audience: { kind: 'fewer-than', k: 100 },
      problems: [
        { code: 'purchaseBudgetInsufficient', params: { needed: '0.35', left: '0.2', resetsOn: '2027-01-01' } },
        { code: 'breakdownConsentMissing', params: { k: 100, categories: 'profile_age' } },
      ],
    };
    const seed: Seed = (_trpc, queryClient) =>
      queryClient.setQueryData(['advertiser.purchases.check', { product: 'insight_report', segment: tree, breakdowns: ['ageBand'], locale: 'nl' }], check);
    const { page } = await render({ search: fromSaved, seed });
    expect(page).toContain('Kan deze aankoop slagen?');
    expect(page).toContain('Privacykosten van deze aankoop: ε 0.35');
    expect(page).toContain('Deze aankoop kost ε 0.35 van het privacybudget voor aankopen van je organisatie, en er is deze maand nog ε 0.2 over.');
    expect(page).toContain('Minder dan 100 mensen in dit segment gaven toestemming voor de gegevens die deze uitsplitsingen laten zien.');
  });

  it('says when the balance is short and links to top up', async () => {
    const { html, page } = await render({ search: fromSaved, balanceCents: 5_000 });
    expect(page).toContain('Je saldo is niet genoeg voor deze aankoop.');
    expect(html).toContain('href="/advertiser/billing"');
  });

  it('explains that an unverified organisation cannot buy yet, and has no send button', async () => {
    const { html, page } = await render({ search: fromSaved, status: 'unverified' });
    expect(page).toContain('Je organisatie kan nog niet kopen');
    expect(html).toContain('href="/advertiser/organisation"');
    expect(html).not.toContain('type="submit"');
  });

  it('takes an unsaved segment from the builder, and previews an offer campaign as the member will see it', async () => {
    const { html, page } = await render({ state: { draft: { segment: tree, product: 'offer_campaign' } }, language: 'en' });
    expect(page).toContain('Segment from the builder (not saved)');
    expect(page).toContain('Your offer');
    expect(html).toMatch(/<input[^>]*type="url"[^>]*id="offer-url"|<input[^>]*id="offer-url"[^>]*type="url"/);
    expect(html).toMatch(/<input[^>]*type="date"/);
    expect(page).toContain('How the member will see your offer');
    expect(page).toContain('From Bakkerij de Graaf');
    expect(page).toContain('Your headline appears here');
    // 4,730 × € 0,15 = € 709,50, plus 21% VAT
    expect(page).toContain('about € 858,50');
    expect(html).not.toContain('name="breakdowns"');
  });
});
