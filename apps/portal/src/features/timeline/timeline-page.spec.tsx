import { describe, expect, it } from 'vitest';
import type { DataUseReceipt, PrivacyBudgetUsage, ReferenceData } from '@dd/contract';
import { renderPage, textOf } from '../../app/testing/render-page';
import { TimelinePage } from './timeline-page';

const text = (nl: string, en: string) => ({ nl, en });
const reference: ReferenceData = {
  categories: [
    { code: 'groceries', kind: 'sellable', label: text('Boodschappen', 'Groceries'), description: text('', '') },
    { code: 'travel', kind: 'sellable', label: text('Reizen', 'Travel'), description: text('', '') },
  ],
  industries: [],
  interests: [],
  provinces: [],
};
const receipts: DataUseReceipt[] = [
  {
    id: 2,
    occurredAt: '2026-11-20T10:00:00Z',
    advertiserName: 'Fietsenwinkel De Spaak',
    product: 'offer_campaign',
    purpose: 'offers',
    purposeStatement: 'We bieden fietsers in Utrecht korting op een onderhoudsbeurt.',
    categories: ['travel'],
    audienceSize: 1250,
    shareCents: 37,
  },
  {
    id: 1,
    occurredAt: '2026-11-02T10:00:00Z',
    advertiserName: 'Supermarkt Noord',
    product: 'insight_report',
    purpose: 'insights',
    purposeStatement: null,
    categories: ['groceries', 'travel'],
    audienceSize: 480,
    shareCents: 112,
  },
];

const noBudgetUsed: PrivacyBudgetUsage = { period: '2026-11', budget: '4', used: '0', usedShare: 0, reports: [] };
const budgetUsed: PrivacyBudgetUsage = {
  period: '2026-11',
  budget: '4',
  used: '1.5',
  usedShare: 0.375,
  reports: [
    { id: 'r2', title: 'Fietsers in Utrecht', advertiser: 'Fietsenwinkel De Spaak', at: '2026-11-20T10:00:00Z', epsilon: '0.75' },
    { id: 'r1', title: 'Boodschappen per regio', advertiser: 'Supermarkt Noord', at: '2026-11-02T10:00:00Z', epsilon: '0.75' },
  ],
};

const render = async (language: 'nl' | 'en', data: DataUseReceipt[], budget: PrivacyBudgetUsage = noBudgetUsed) =>
  textOf(
    await renderPage(<TimelinePage />, {
      language,
      seed: (trpc, queryClient) => {
        queryClient.setQueryData(trpc.privacy.timeline.queryKey(), data);
        queryClient.setQueryData(trpc.privacy.budget.queryKey(), budget);
        queryClient.setQueryData(trpc.reference.all.queryKey(), reference);
      },
    }),
  );

describe('TimelinePage', () => {
  it('lists every sale with advertiser, product, purpose, categories, group size and share', async () => {
    const page = await render('nl', receipts);
    expect(page).toContain('Fietsenwinkel De Spaak');
    expect(page).toContain('Aanbiedingscampagne');
    expect(page).toContain('Aanbiedingen in je inbox');
    expect(page).toContain('Inzichtrapport');
    expect(page).toContain('Boodschappen');
    expect(page).toContain('1.250 mensen');
    expect(page).toContain('Totaal verdiend € 1,49');
    expect(page).toContain('2 verkopen');
  });

  it('shows the advertiser\'s purpose in its own words, as plain text, with each sale that has one', async () => {
    const nl = await render('nl', receipts);
    expect(nl).toContain('Waarvoor Fietsenwinkel De Spaak het gebruikt, in eigen woorden');
    expect(nl).toContain('We bieden fietsers in Utrecht korting op een onderhoudsbeurt.');
    expect(nl).not.toContain('Waarvoor Supermarkt Noord het gebruikt');
    const en = await render('en', receipts);
    expect(en).toContain('What Fietsenwinkel De Spaak uses it for, in their own words');
  });

  it('explains the empty timeline, in English too', async () => {
    const page = await render('en', []);
    expect(page).toContain('Your data has not gone anywhere yet');
    expect(page).toContain('which advertiser, which product, for which purpose, which categories, when, and what your share is');
  });

  it('shows how much of the privacy budget reports used this month, and which reports', async () => {
    const page = await render('nl', receipts, budgetUsed);
    expect(page).toContain('Je privacybudget deze maand');
    expect(page).toContain('Gebruikt in november 2026');
    expect(page).toContain('1,5 van 4 gebruikt');
    expect(page).toContain('Fietsers in Utrecht');
    expect(page).toContain('0,75');
    const english = await render('en', [], budgetUsed);
    expect(english).toContain('1.5 of 4 used');
    expect(english).toContain('Epsilon used');
  });

  it('says so when no report used the data this month', async () => {
    expect(await render('en', [], noBudgetUsed)).toContain('No report has used your data this month.');
  });

  it('shows the newest 50 sales of many, with a button for more, and totals over all of them', async () => {
    const many = Array.from({ length: 120 }, (_, i): DataUseReceipt => ({ ...receipts[1]!, id: 1_000 - i, advertiserName: `Adverteerder ${i}`, shareCents: 10 }));
    const page = await render('nl', many);
    expect(page).toContain('Adverteerder 0 ');
    expect(page).toContain('Adverteerder 49 ');
    expect(page).not.toContain('Adverteerder 50 ');
    expect(page).toContain('De nieuwste 50 van 120 verkopen.');
    expect(page).toContain('Nog 50 verkopen tonen');
    expect(page).toContain('Totaal verdiend € 12,00');
    expect(page).toContain('120 verkopen');
    const english = await render('en', many.slice(0, 51));
    expect(english).toContain('Showing the newest 50 of 51 sales.');
    expect(english).toContain('Show 1 more sale');
    expect(await render('en', many.slice(0, 50))).not.toContain('Show');
  });
});
