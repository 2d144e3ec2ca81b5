import type { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { AudienceEstimateAnswer, ProductPrices, ReferenceData, SavedSegment, SegmentNode, SegmentOptions } from '@dd/contract';
import { renderPage, textOf, type Seed } from '../../app/testing/render-page';
import { stateFromTree, treeFromState, type BuilderState } from './builder-state';
import { SegmentBuilderPage } from './segment-builder-page';
import { estimateQueryKey } from './use-segment-estimate';

const text = (nl: string, en: string) => ({ nl, en });
const reference: ReferenceData = {
  categories: [
    { code: 'profile_age', kind: 'profile', label: text('Leeftijdsgroep', 'Age group'), description: text('', '') },
    { code: 'profile_region', kind: 'profile', label: text('Provincie en gemeente', 'Province and municipality'), description: text('', '') },
    { code: 'groceries', kind: 'sellable', label: text('Boodschappen', 'Groceries'), description: text('', '') },
    { code: 'travel', kind: 'sellable', label: text('Reizen', 'Travel'), description: text('', '') },
    { code: 'health', kind: 'special', label: text('Gezondheid', 'Health'), description: text('', '') },
    { code: 'pregnancy_baby', kind: 'protected_life_event', label: text('Zwangerschap en baby', 'Pregnancy and baby'), description: text('', '') },
    { code: 'savings', kind: 'internal', label: text('Sparen', 'Savings'), description: text('', '') },
  ],
  industries: [],
  interests: [
    { code: 'sport', label: text('Sport', 'Sport') },
    { code: 'travel', label: text('Reizen', 'Travel') },
  ],
  provinces: [
    { code: 'NL-UT', label: text('Utrecht', 'Utrecht') },
    { code: 'NL-NH', label: text('Noord-Holland', 'North Holland') },
  ],
};
const options: SegmentOptions = {
  ageBands: [
    { code: '18-24', label: text('18–24 jaar', '18–24') },
    { code: '25-34', label: text('25–34 jaar', '25–34') },
    { code: '65+', label: text('65 jaar of ouder', '65 or over') },
  ],
  householdBands: [{ code: 'single', label: text('1 persoon', '1 person') }],
  municipalities: [
    { province: 'NL-UT', municipalities: ['Amersfoort', 'Utrecht'] },
    { province: 'NL-NH', municipalities: ['Amsterdam', 'Haarlem'] },
  ],
  spendBands: [
    { band: 1, fromCents: null, toCents: 2_500 },
    { band: 2, fromCents: 2_500, toCents: 10_000 },
    { band: 3, fromCents: 10_000, toCents: 25_000 },
    { band: 4, fromCents: 25_000, toCents: 50_000 },
    { band: 5, fromCents: 50_000, toCents: null },
  ],
};
const prices: ProductPrices = {
  products: [
    { product: 'insight_report', purpose: 'insights', label: text('Inzichtrapport', 'Insight report'), pricePerMemberCents: 2 },
    { product: 'offer_campaign', purpose: 'offers', label: text('Aanbiedingscampagne', 'Offer campaign'), pricePerMemberCents: 15 },
  ],
};

/** A saved segment in the builder's shape: a criterion, an excluded spend band range, a group. */
const tree: SegmentNode = {
  op: 'all',
  of: [
    { field: 'province', in: ['NL-UT'] },
    { op: 'not', of: { field: 'spend', category: 'groceries', min: 3, max: 5 } },
    { op: 'any', of: [{ field: 'interest', in: ['travel'] }, { field: 'municipality', in: ['Amsterdam'] }] },
  ],
};
const saved = (segmentTree: SegmentNode): SavedSegment => ({
  id: 'seg-1',
  name: 'Reizigers in Utrecht',
  description: 'Mensen in Utrecht die …',
  tree: segmentTree,
  createdAt: '2026-11-20T10:00:00.000Z',
  updatedAt: '2026-11-21T10:00:00.000Z',
});
const answer = (estimate: AudienceEstimateAnswer['estimate']): AudienceEstimateAnswer => ({
  estimate,
  description: 'Mensen in Utrecht die niet maandelijks meer dan € 100 aan boodschappen uitgeven en (interesse hebben in reizen of in de gemeente Amsterdam wonen)',
  categories: ['groceries', 'profile_interests', 'profile_region'],
});

type Trpc = Parameters<Seed>[0];

function seedCommon(trpc: Trpc, queryClient: QueryClient) {
  queryClient.setQueryData(trpc.reference.all.queryKey(), reference);
  queryClient.setQueryData(trpc.reference.segmentOptions.queryKey(), options);
  queryClient.setQueryData(trpc.advertiser.prices.queryKey(), prices);
}

/** The builder sends the tree of its form, which for a saved builder-shaped tree is the tree itself. */
const sentTree = (segmentTree: SegmentNode) => treeFromState(stateFromTree(segmentTree) as BuilderState);

async function renderEdit(language: 'nl' | 'en', segmentTree: SegmentNode, extra?: Seed) {
  return renderPage(<SegmentBuilderPage />, {
    language,
    path: '/advertiser/segments/:id',
    seed: (trpc, queryClient) => {
      seedCommon(trpc, queryClient);
      queryClient.setQueryData(trpc.advertiser.segments.get.queryKey({ id: ':id', locale: language }), saved(segmentTree));
      extra?.(trpc, queryClient);
    },
  });
}

function estimateKey(_trpc: Trpc, segmentTree: SegmentNode, language: 'nl' | 'en') {
  return estimateQueryKey({ segment: sentTree(segmentTree), purpose: 'insights', locale: language });
}

/** An estimate that failed as the API answers it (a TRPCClientError carries the formatted `data`). */
function seedFailedEstimate(queryClient: QueryClient, queryKey: readonly unknown[], data: Record<string, unknown>) {
  const error = Object.assign(new Error('failed'), { data });
  // A rendered page would ask again on mount; the test only looks at the failed state.
  queryClient.setQueryDefaults(queryKey, { retryOnMount: false });
  const query = queryClient.getQueryCache().build(queryClient, { queryKey });
  query.setState({ ...query.state, status: 'error', fetchStatus: 'idle', error, errorUpdatedAt: Date.now(), errorUpdateCount: 1 });
}

const optionsOf = (html: string, label: string) => {
  const select = new RegExp(`<label[^>]*for="([^"]+)"[^>]*>${label}</label>`).exec(html);
  if (!select) return [];
  const body = new RegExp(`<select[^>]*id="${select[1]}"[^>]*>([\\s\\S]*?)</select>`).exec(html)?.[1] ?? '';
  return [...body.matchAll(/<option[^>]*>([^<]*)<\/option>/g)].map((m) => (m[1] ?? '').replace(/\s+/g, ' '));
};

describe('SegmentBuilderPage', () => {
  it('starts a new segment with one empty criterion, the purpose choice and the prices per person', async () => {
    const html = await renderPage(<SegmentBuilderPage />, { path: '/advertiser/segments/new', seed: seedCommon });
    const page = textOf(html);
    expect(page).toContain('Nieuw segment');
    expect(page).toContain('Waarvoor wil je dit segment gebruiken?');
    expect(page).toContain('Mensen die voldoen aan alle criteria minstens één criterium');
    expect(page).toContain('Criterium 1');
    expect(page).toContain('Kies minstens één waarde. Tot dan telt dit criterium niet mee.');
    expect(page).toContain('Kies een criterium om de beschrijving en de geschatte groep te zien.');
    expect(page).toContain('Inzichtrapport');
    expect(page).toContain('€ 0,02 per persoon');
    expect(page).toContain('€ 0,15 per persoon');
    // Adult age bands only, from the server's list, as checkboxes inside a fieldset with a legend.
    expect(html).toMatch(/<fieldset[^>]*>\s*<legend[^>]*>Leeftijdsgroepen<\/legend>/);
    expect(page).toContain('18–24 jaar');
    expect(page).not.toMatch(/minor|onder de 18 jaar/);
    // The live region for the estimate is polite.
    expect(html).toMatch(/aria-live="polite"/);
    expect(optionsOf(html, 'Kenmerk')).toEqual(['Leeftijd', 'Provincie', 'Gemeente', 'Huishouden', 'Interesses', 'Uitgaven per maand']);
    // The only free text is the name.
    expect([...html.matchAll(/<input[^>]*type="text"[^>]*>/g)]).toHaveLength(1);
  });

  it('shows a saved segment as rows: exclusion, the spend range in euros, a group, the municipality picker', async () => {
    const html = await renderEdit('nl', tree, (trpc, queryClient) => queryClient.setQueryData(estimateKey(trpc, tree, 'nl'), answer({ kind: 'about', value: 4_300 })));
    const page = textOf(html);
    expect(page).toContain('Reizigers in Utrecht');
    expect(page).toContain('Uitgesloten');
    expect(page).toContain('Mensen die per maand meer dan € 100 aan boodschappen uitgeven.');
    expect(page).toContain('Groep 1');
    expect(page).toContain('In deze groep: mensen die voldoen aan');
    expect(page).toContain('Gekozen gemeenten Amsterdam');
    expect(html).toContain('aria-label="Amsterdam weghalen"');
    expect(page).toContain('Criterium 4');
    // Spending criteria offer sellable categories only: never special, protected or internal ones.
    expect(optionsOf(html, 'Categorie')).toEqual(['Kies een categorie', 'Boodschappen', 'Reizen']);
    expect(optionsOf(html, 'Van')).toEqual(['minder dan € 25', '€ 25 tot € 100', '€ 100 tot € 250', '€ 250 tot € 500', '€ 500 of meer']);
    // The estimate beside it, and the price of the product for this purpose.
    expect(page).toContain('Mensen in Utrecht die niet maandelijks meer dan € 100 aan boodschappen uitgeven');
    expect(page).toContain('Ongeveer 4.300 mensen');
    expect(page).toContain('ongeveer € 86,00');
    expect(page).toContain('Voor een aanbiedingscampagne telt wie toestemming gaf voor aanbiedingen.');
    expect(page).toContain('Boodschappen');
    expect(page).toContain('Wijzigingen bewaren');
    expect(html).toContain('value="Reizigers in Utrecht"');
  });

  it('shows "fewer than k" without a number or a price', async () => {
    const page = textOf(await renderEdit('nl', tree, (trpc, queryClient) => queryClient.setQueryData(estimateKey(trpc, tree, 'nl'), answer({ kind: 'fewer-than', k: 100 }))));
    expect(page).toContain('Minder dan 100 mensen');
    expect(page).toContain('Geen prijs: de groep is te klein.');
    expect(page).not.toContain('ongeveer €');
  });

  it('speaks English too', async () => {
    const page = textOf(await renderEdit('en', tree, (trpc, queryClient) => queryClient.setQueryData(estimateKey(trpc, tree, 'en'), answer({ kind: 'about', value: 4_300 }))));
    expect(page).toContain('Who belongs in it?');
    expect(page).toContain('Exclude people who match this');
    expect(page).toContain('About 4,300 people');
    expect(page).toContain('about € 86,00');
    expect(page).toContain('People who spend more than € 100 a month on groceries.');
  });

  it('says when the rate limit is hit, and translates a refused criterion', async () => {
    const limited = textOf(
      await renderEdit('nl', tree, (trpc, queryClient) => seedFailedEstimate(queryClient, estimateKey(trpc, tree, 'nl'), { domainCode: 'TOO_MANY_ATTEMPTS', httpStatus: 429 })),
    );
    expect(limited).toContain('Even geduld');
    expect(limited).toContain('Wacht een minuut en probeer het opnieuw.');
    expect(limited).toContain('Opnieuw schatten');

    const perMinute = textOf(
      await renderEdit('nl', tree, (trpc, queryClient) =>
        seedFailedEstimate(queryClient, estimateKey(trpc, tree, 'nl'), { domainCode: 'TOO_MANY_ATTEMPTS', httpStatus: 429, reason: { code: 'estimateRateLimited', params: { retryAfterSeconds: 42 } } }),
      ),
    );
    expect(perMinute).toContain('Probeer het over 42 seconden opnieuw.');
    const daily = textOf(
      await renderEdit('en', tree, (trpc, queryClient) =>
        seedFailedEstimate(queryClient, estimateKey(trpc, tree, 'en'), { domainCode: 'TOO_MANY_ATTEMPTS', httpStatus: 429, reason: { code: 'estimateDailyLimit', params: { limit: 1000 } } }),
      ),
    );
    expect(daily).toContain('Enough new questions for now');
    expect(daily).toContain('asked 1000 different questions in the last 24 hours');
    // Retrying now would not help, so no retry button.
    expect(daily).not.toContain('Estimate again');

    const spent = textOf(
      await renderEdit('nl', tree, (trpc, queryClient) =>
        seedFailedEstimate(queryClient, estimateKey(trpc, tree, 'nl'), { domainCode: 'TOO_MANY_ATTEMPTS', httpStatus: 429, reason: { code: 'estimateBudgetSpent', params: { budget: '20' } } }),
      ),
    );
    expect(spent).toContain('Schattingsbudget voor deze maand op');
    expect(spent).toContain('nieuwe kunnen volgende maand weer');
    expect(spent).not.toContain('Opnieuw schatten');
    const unverified = textOf(
      await renderEdit('en', tree, (trpc, queryClient) =>
        seedFailedEstimate(queryClient, estimateKey(trpc, tree, 'en'), { domainCode: 'CONFLICT', httpStatus: 409, reason: { code: 'estimateOrganisationNotVerified', params: {} } }),
      ),
    );
    expect(unverified).toContain('Your organisation is not verified yet');
    expect(unverified).toContain('You can build and save segments meanwhile');
    expect(unverified).not.toContain('Estimate again');

    const refused = await renderEdit('en', tree, (trpc, queryClient) =>
      seedFailedEstimate(queryClient, estimateKey(trpc, tree, 'en'), {
        domainCode: 'VALIDATION_FAILED',
        fieldErrors: { criteria: ['segment.unknown'] },
        reason: { code: 'segment.unknown', params: { kind: 'unknown', path: 'of.2.of.1.in.0', subject: 'Atlantis', count: 1 } },
      }),
    );
    const page = textOf(refused);
    expect(page).toContain('This segment cannot be used like this');
    expect(page).toContain('We do not know ‘Atlantis’ (any more). Choose a value from the list.');
    // …and marks the criterion it is about: the municipality row in the group (criterion 4).
    expect(refused).toMatch(/criterion-row--invalid[^>]*data-row="[^"]+">\s*<fieldset[^>]*>\s*<legend[^>]*>Criterion 4</);
  });

  it('says so when a saved segment does not fit the builder, and starts afresh below', async () => {
    const nested: SegmentNode = { op: 'not', of: { op: 'any', of: [{ field: 'interest', in: ['sport'] }, { field: 'province', in: ['NL-UT'] }] } };
    const page = textOf(await renderEdit('nl', nested));
    expect(page).toContain('Dit segment past niet in de bouwer');
    expect(page).toContain('Criterium 1');
  });
});
