import { describe, expect, it } from 'vitest';
import type { ConsentState, ReferenceData } from '@dd/contract';
import { renderPage, textOf } from '../../app/testing/render-page';
import { ConsentPage } from './consent-page';

const text = (nl: string, en: string) => ({ nl, en });
const reference: ReferenceData = {
  categories: [
    { code: 'profile_region', kind: 'profile', label: text('Provincie en gemeente', 'Province and municipality'), description: text('Als je dit deelt, telt je regio mee.', 'If you share this, your region counts.') },
    { code: 'groceries', kind: 'sellable', label: text('Boodschappen', 'Groceries'), description: text('', '') },
    { code: 'health', kind: 'special', label: text('Gezondheid', 'Health'), description: text('', '') },
  ],
  industries: [
    { code: 'gambling', sensitive: true, label: text('Gokken en casino', 'Gambling and casinos') },
    { code: 'retail', sensitive: false, label: text('Detailhandel', 'Retail') },
  ],
  interests: [],
  provinces: [],
};
const state = (extra: Partial<ConsentState>): ConsentState => ({
  policyVersion: '2026-11-01',
  cells: [
    { category: 'groceries', purpose: 'insights', granted: false, expiresAt: null, expired: false, recordedAt: null },
    { category: 'groceries', purpose: 'offers', granted: false, expiresAt: '2026-10-01T00:00:00.000Z', expired: true, recordedAt: '2026-07-01T10:00:00.000Z' },
  ],
  excludedIndustries: [],
  canConsent: true,
  blockedReason: null,
  ...extra,
});

const render = (consent: ConsentState) =>
  renderPage(<ConsentPage />, {
    path: '/customer/consent',
    seed: (trpc, queryClient) => {
      queryClient.setQueryData(trpc.consent.get.queryKey(), consent);
      queryClient.setQueryData(trpc.consent.history.queryKey(), []);
      queryClient.setQueryData(trpc.reference.all.queryKey(), reference);
    },
  });

const switches = (html: string) => [...html.matchAll(/<input[^>]*role="switch"[^>]*>/g)].map((m) => m[0]);

describe('ConsentPage', () => {
  it('shows one switch per consent category and purpose, all off, and expired grants as expired', async () => {
    const html = await render(state({}));
    expect(switches(html)).toHaveLength(4);
    expect(switches(html).every((s) => !s.includes('checked') && !s.includes('disabled'))).toBe(true);
    const page = textOf(html);
    expect(page).toContain('Boodschappen: Anonieme statistieken');
    expect(page).toContain('Boodschappen: Aanbiedingen in je inbox');
    expect(page).toMatch(/Verlopen op (30 september|1 oktober) 2026/);
    // Special categories are not offered at all.
    expect(page).not.toContain('Gezondheid: ');
    expect(page).toContain('groepen van minstens 100 mensen');
    expect(page).toContain('Je naam, je e-mailadres, je volledige postcode of je losse transacties.');
  });

  it('explains why a minor cannot consent, links to the profile and renders no enabled switch', async () => {
    const html = await render(state({ canConsent: false, blockedReason: 'minor' }));
    const page = textOf(html);
    expect(page).toContain('Je kunt nog geen toestemming geven');
    expect(page).toContain('jonger dan 18');
    expect(html).toContain('href="/customer/profile"');
    expect(switches(html)).toHaveLength(4);
    expect(switches(html).every((s) => s.includes('disabled'))).toBe(true);
  });

  it('offers the profile facts as their own group above the spending categories, each with what sharing means', async () => {
    const cells = [
      { category: 'profile_region', purpose: 'insights' as const, granted: true, expiresAt: null, expired: false, recordedAt: '2026-11-01T10:00:00.000Z' },
      { category: 'profile_region', purpose: 'offers' as const, granted: false, expiresAt: null, expired: false, recordedAt: null },
      ...state({}).cells,
    ];
    const nl = textOf(await render(state({ cells })));
    expect(nl).toMatch(/Over jou .*Provincie en gemeente Als je dit deelt, telt je regio mee\. .*Je uitgaven .*Boodschappen/);
    const html = await renderPage(<ConsentPage />, {
      path: '/customer/consent',
      language: 'en',
      seed: (trpc, queryClient) => {
        queryClient.setQueryData(trpc.consent.get.queryKey(), state({ cells }));
        queryClient.setQueryData(trpc.consent.history.queryKey(), []);
        queryClient.setQueryData(trpc.reference.all.queryKey(), reference);
      },
    });
    expect(textOf(html)).toMatch(/About you .*Province and municipality If you share this, your region counts\. .*Your spending .*Groceries/);
    const region = switches(html).find((s) => s.includes('aria-describedby="consent-explanation-profile_region"') && s.includes('checked'));
    expect(region).toBeDefined();
    expect(html).toContain('id="consent-explanation-profile_region"');
  });

  it('asks for the birth year first when it is missing', async () => {
    const page = textOf(await render(state({ canConsent: false, blockedReason: 'birth_year_missing' })));
    expect(page).toContain('Vul eerst je geboortejaar in');
  });
});
