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
  address: { street: 'Vredenburg 40', postcode: '3511 BD', city: 'Utrecht', country: 'NL' },
  createdAt: '2026-11-20T10:00:00.000Z',
  decidedAt: null,
  rejectionReason: null,
  verificationEnded: null,
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
    // The postal address for invoices, filled in from what the organisation gave.
    expect(page).toContain('Postadres');
    expect(html).toMatch(/<input[^>]*name="address-street"[^>]*value="Vredenburg 40"/);
    expect(html).toMatch(/<input[^>]*name="address-postcode"[^>]*value="3511 BD"/);
    expect(page).toContain('Supermarkten');
  });

  it('rejected: shows the admin’s reason and offers to correct and resubmit, in English too', async () => {
    const { page } = await render('en', { ...base, status: 'rejected', rejectionReason: 'The KvK number belongs to another company.', decidedAt: '2026-11-21T10:00:00.000Z' });
    expect(page).toContain('Your organisation was rejected');
    expect(page).toContain('The KvK number belongs to another company.');
    expect(page).toContain('Correct your details below and submit them again.');
    expect(page).toContain('Submit again');
  });

  it('verified: the details stay editable, and changing name, numbers or industry is said to mean a new verification', async () => {
    const { html, page } = await render('nl', { ...base, status: 'verified', vatNumber: 'NL123456782B01', industry: 'groceries', missing: [], decidedAt: '2026-11-21T10:00:00.000Z' });
    expect(page).toContain('Je organisatie is geverifieerd');
    expect(page).toContain('Geverifieerd op 21 november 2026');
    expect(page).toContain('dan verifieert een beheerder je organisatie opnieuw');
    expect(html).not.toContain('readOnly');
    expect(html).not.toMatch(/<select[^>]*name="industry"[^>]*disabled=""/);
    // The hint on each of the four reviewed fields; not on the contact.
    expect(page.split('Wijzigen betekent opnieuw verifiëren.').length - 1).toBe(4);
    expect(html).toMatch(/<input[^>]*maxLength="200"[^>]*name="name"|<input[^>]*name="name"[^>]*maxLength="200"/);
  });

  it('verified, then changed: says that an admin reviews it again and that buying waits', async () => {
    const changed: Organisation = {
      ...base,
      vatNumber: 'NL123456782B01',
      industry: 'groceries',
      missing: [],
      verificationEnded: { cause: 'detailsChanged', at: '2026-11-22T09:00:00.000Z' },
    };
    const nl = await render('nl', changed);
    expect(nl.page).toContain('Je gewijzigde gegevens worden opnieuw bekeken');
    expect(nl.page).toContain('Op 22 november 2026 heb je de naam, het KvK-nummer, het btw-nummer of de branche gewijzigd.');
    expect(nl.page).toContain('Wacht op verificatie');
    const en = await render('en', changed);
    expect(en.page).toContain('Your changed details are being reviewed');
    expect(en.page).toContain('until then you cannot buy');
  });

  it('verification withdrawn: says so, with the admin’s reason and what to do', async () => {
    const withdrawn: Organisation = {
      ...base,
      status: 'rejected',
      vatNumber: 'NL123456782B01',
      industry: 'groceries',
      missing: [],
      decidedAt: '2026-11-23T09:00:00.000Z',
      rejectionReason: 'De KvK meldt dat de onderneming is opgeheven.',
      verificationEnded: { cause: 'withdrawn', at: '2026-11-23T09:00:00.000Z' },
    };
    const { page } = await render('nl', withdrawn);
    expect(page).toContain('De verificatie van je organisatie is ingetrokken');
    expect(page).toContain('Verificatie ingetrokken');
    expect(page).toContain('De KvK meldt dat de onderneming is opgeheven.');
    expect(page).toContain('geen schattingen zien en niet kopen');
    expect(page).toContain('Opnieuw indienen');
  });

  it('shows a loading state, then an error with a retry', async () => {
    expect((await render('nl', 'loading')).page).toContain('Laden');
    const failed = await render('nl', 'error');
    expect(failed.page).toContain('De gegevens van je organisatie kunnen nu niet worden geladen.');
    expect(failed.page).toContain('Opnieuw proberen');
  });
});
