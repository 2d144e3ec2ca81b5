import { describe, expect, it } from 'vitest';
import type { AdminOrganisation, AdminOrganisationsPage, IndustryDto } from '@dd/contract';
import { renderPage, textOf } from '../../app/testing/render-page';
import { AdminOrganisationsPage as Page, organisationsInput } from './admin-organisations-page';

const industries: IndustryDto[] = [{ code: 'groceries', sensitive: false, label: { nl: 'Supermarkten', en: 'Supermarkets' } }];

const complete: AdminOrganisation = {
  id: '00000000-0000-4000-8000-0000000000a1',
  name: 'Bakkerij de Graaf',
  status: 'unverified',
  kvkNumber: '12345678',
  vatNumber: 'NL123456782B01',
  contactName: 'Sanne de Vries',
  contactEmail: 'inkoop@bakkerij.test',
  industry: 'groceries',
  address: null,
  createdAt: '2026-11-20T10:00:00.000Z',
  decidedAt: null,
  rejectionReason: null,
  verificationEnded: null,
  missing: [],
  accounts: 2,
  detailsVersion: 'a'.repeat(64),
};
const incomplete: AdminOrganisation = { ...complete, id: '00000000-0000-4000-8000-0000000000b2', name: 'Fietsenwinkel De Spaak', kvkNumber: null, vatNumber: null, industry: null, missing: ['kvkNumber', 'vatNumber', 'industry'], accounts: 1 };

const render = async (language: 'nl' | 'en', page: AdminOrganisationsPage, filter: 'unverified' | 'verified' | 'rejected' | 'all' = 'unverified') => {
  const html = await renderPage(<Page />, {
    language,
    path: '/admin/organisations',
    seed: (trpc, queryClient) => {
      queryClient.setQueryData(trpc.reference.industries.queryKey(), industries);
      queryClient.setQueryData(trpc.admin.organisations.list.queryKey(organisationsInput(filter, undefined)), page);
    },
  });
  return { html, text: textOf(html) };
};

describe('the admin’s advertisers page', () => {
  it('starts with the organisations waiting for verification, with every detail the decision is about', async () => {
    const { html, text } = await render('nl', { items: [complete, incomplete], nextCursor: null });
    expect(text).toContain('Wachten op verificatie');
    expect(text).toContain('Bakkerij de Graaf');
    expect(text).toContain('12345678');
    expect(text).toContain('NL123456782B01');
    expect(text).toContain('Supermarkten');
    expect(text).toContain('inkoop@bakkerij.test');
    expect(text).toContain('2 accounts');
    expect(text).toContain('Verifiëren organisatie Bakkerij de Graaf');
    expect(text).toContain('Afwijzen organisatie Fietsenwinkel De Spaak');
    // The incomplete one says what is missing and cannot be verified yet.
    expect(text).toContain('Nog niet compleet: KvK-nummer, btw-nummer, branche.');
    expect(text).toContain('ontbreekt');
    // The row buttons (the closed dialog has a "Verifiëren" button of its own, without an organisation's name).
    const buttons = [...html.matchAll(/<button[^>]*>(?:(?!<\/button>).)*Verifiëren<span class="dd-visually-hidden"> organisatie(?:(?!<\/button>).)*<\/button>/g)].map((m) => m[0]);
    expect(buttons).toHaveLength(2);
    expect(buttons[0]).not.toContain('disabled=""');
    expect(buttons[1]).toContain('disabled=""');
    expect(text).not.toContain('Volgende pagina');
  });

  it('says when an organisation waiting again had been verified before', async () => {
    const changed: AdminOrganisation = { ...complete, verificationEnded: { cause: 'detailsChanged', at: '2026-11-22T09:00:00.000Z' } };
    const { text } = await render('nl', { items: [changed], nextCursor: null });
    expect(text).toContain('Was geverifieerd; op 22 november 2026 wijzigde de adverteerder naam, KvK-nummer, btw-nummer of branche.');
    expect(text).toContain('Verifiëren organisatie Bakkerij de Graaf');
    const withdrawn: AdminOrganisation = { ...complete, verificationEnded: { cause: 'withdrawn', at: '2026-11-22T09:00:00.000Z' } };
    expect((await render('en', { items: [withdrawn], nextCursor: null })).text).toContain('Was verified; the verification was withdrawn on 22 November 2026.');
  });

  it('offers to withdraw a verification, and only that, for a verified organisation', async () => {
    const verified: AdminOrganisation = { ...complete, status: 'verified', decidedAt: '2026-11-21T10:00:00.000Z' };
    const { html, text } = await render('en', { items: [verified], nextCursor: null });
    expect(text).toContain('Withdraw verification organisation Bakkerij de Graaf');
    expect(html).not.toMatch(/Reject<span class="dd-visually-hidden"> organisation/);
    expect(html).not.toMatch(/Verify<span class="dd-visually-hidden"> organisation/);
    const nl = await render('nl', { items: [verified], nextCursor: null });
    expect(nl.text).toContain('Verificatie intrekken organisatie Bakkerij de Graaf');
    // A waiting organisation has no withdraw button.
    expect((await render('nl', { items: [complete], nextCursor: null })).text).not.toContain('Verificatie intrekken organisatie');
  });

  it('offers the next page when there is one, and explains an empty queue, in English too', async () => {
    const paged = await render('nl', { items: [complete], nextCursor: complete.id });
    expect(paged.text).toContain('Volgende pagina');
    const empty = await render('en', { items: [], nextCursor: null });
    expect(empty.text).toContain('No organisations are waiting for verification.');
    expect(empty.text).toContain('Advertisers');
  });

  it('builds the list input without empty keys', () => {
    expect(organisationsInput('all', undefined)).toEqual({});
    expect(organisationsInput('rejected', 'c1')).toEqual({ status: 'rejected', cursor: 'c1' });
  });
});
