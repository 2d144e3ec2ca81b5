import { describe, expect, it } from 'vitest';
import type { IndustryDto, Organisation } from '@dd/contract';
import { renderPage, textOf, type Seed } from '../../app/testing/render-page';
import { OrganisationPage } from './organisation-page';

const industries: IndustryDto[] = [
  { code: 'groceries', sensitive: false, label: { nl: 'Supermarkten', en: 'Supermarkets' } },
  { code: 'gambling', sensitive: true, label: { nl: 'Gokken en casino', en: 'Gambling and casinos' } },
];

const base: Organisation = {
  id: '00000000-0000-4000-8000-000000000002',
  name: 'Bakkerij de Graaf',
  status: 'unverified',
  kvkNumber: '12345678',
  vatNumber: null,
  contactName: 'Sanne de Vries',
  contactEmail: 'sanne@bakkerij.test',
  industry: null,
  createdAt: '2026-11-20T10:00:00.000Z',
  decidedAt: null,
  rejectionReason: null,
  missing: ['vatNumber', 'industry'],
};

const render = async (language: 'nl' | 'en', organisation: Organisation | 'loading' | 'error') => {
  const seed: Seed = (trpc, queryClient) => {
    queryClient.setQueryData(trpc.reference.industries.queryKey(), industries);
    const key = trpc.advertiser.organisation.queryKey();
    if (organisation === 'error') {
      // A failed first load: without retryOnMount the page shows the error instead of loading again.
      queryClient.setQueryDefaults(key, { retryOnMount: false });
      queryClient.getQueryCache().build(queryClient, { queryKey: key }).setState({ status: 'error', error: new Error('offline'), fetchStatus: 'idle' });
    } else if (organisation !== 'loading') queryClient.setQueryData(key, organisation);
  };
  const html = await renderPage(<OrganisationPage />, { language, path: '/advertiser/organisation', seed });
  return { html, page: textOf(html) };
};

describe('the advertiser’s organisation page', () => {
  it('unverified: may explore but not buy, and says which details are still missing', async () => {
    const { html, page } = await render('nl', base);
    expect(page).toContain('Rondkijken mag, kopen nog niet');
    expect(page).toContain('Vul eerst deze gegevens aan, anders kunnen we niet verifiëren: btw-nummer, branche.');
    expect(page).toContain('Wacht op verificatie');
    expect(html).toMatch(/<input[^>]*name="kvkNumber"[^>]*value="12345678"/);
    expect(html).toMatch(/<input[^>]*aria-required="true"[^>]*name="vatNumber"|<input[^>]*name="vatNumber"[^>]*aria-required="true"/);
    expect(html).not.toContain('readOnly');
    expect(page).toContain('Gegevens opslaan');
    expect(page).toContain('Supermarkten');
  });

  it('rejected: shows the admin’s reason and offers to correct and resubmit, in English too', async () => {
    const { page } = await render('en', { ...base, status: 'rejected', rejectionReason: 'The KvK number belongs to another company.', decidedAt: '2026-11-21T10:00:00.000Z' });
    expect(page).toContain('Your organisation was rejected');
    expect(page).toContain('The KvK number belongs to another company.');
    expect(page).toContain('Correct your details below and submit them again.');
    expect(page).toContain('Submit again');
  });

  it('verified: name, numbers and industry are fixed, the contact is not', async () => {
    const { html, page } = await render('nl', { ...base, status: 'verified', vatNumber: 'NL123456789B01', industry: 'groceries', missing: [], decidedAt: '2026-11-21T10:00:00.000Z' });
    expect(page).toContain('Je organisatie is geverifieerd');
    expect(page).toContain('Geverifieerd op 21 november 2026');
    expect(html).toMatch(/<input[^>]*readOnly=""[^>]*name="kvkNumber"/);
    expect(html).toMatch(/<input[^>]*readOnly=""[^>]*name="vatNumber"/);
    expect(html).toMatch(/<select[^>]*name="industry"[^>]*disabled=""/);
    expect(html).toMatch(/<input[^>]*name="contactName"/);
    expect(html).not.toMatch(/<input[^>]*readOnly=""[^>]*name="contactName"/);
    expect(page).toContain('Vastgelegd bij de verificatie');
  });

  it('shows a loading state, then an error with a retry', async () => {
    expect((await render('nl', 'loading')).page).toContain('Laden');
    const failed = await render('nl', 'error');
    expect(failed.page).toContain('De gegevens van je organisatie kunnen nu niet worden geladen.');
    expect(failed.page).toContain('Opnieuw proberen');
  });
});
