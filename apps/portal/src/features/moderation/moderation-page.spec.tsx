import { describe, expect, it } from 'vitest';
import type { ModerationItem, ReferenceData } from '@dd/contract';
import { renderPage, textOf } from '../../app/testing/render-page';
import { ModerationPage } from './moderation-page';

const text = (nl: string, en: string) => ({ nl, en });
const reference: ReferenceData = {
  categories: [
    { code: 'groceries', kind: 'sellable', label: text('Boodschappen', 'Groceries'), description: text('', '') },
    { code: 'profile_region', kind: 'profile', label: text('Provincie en gemeente', 'Province and municipality'), description: text('', '') },
  ],
  industries: [{ code: 'food', sensitive: false, label: text('Voeding', 'Food') }],
  interests: [],
  provinces: [{ code: 'NL-UT', label: text('Utrecht', 'Utrecht') }],
};

const report: ModerationItem = {
  id: '00000000-0000-4000-8000-0000000000b1',
  createdAt: '2026-11-21T10:00:00.000Z',
  title: 'Boodschappen in Utrecht',
  product: 'insight_report',
  purpose: 'insights',
  status: 'pending_review',
  purposeStatement: 'We willen weten welke leeftijdsgroepen het meest aan boodschappen uitgeven om ons assortiment aan te passen.',
  description: 'Mensen in Utrecht die maandelijks meer dan € 250 aan boodschappen uitgeven',
  categories: ['groceries', 'profile_region'],
  breakdowns: ['ageBand', 'spend:groceries'],
  offer: null,
  estimate: { kind: 'about', value: 4_300 },
  reservedCents: 10_406,
  organisation: { id: 'org-1', name: 'Bakkerij de Graaf', status: 'verified', industry: 'food' },
  history: { requests: 5, delivered: 3, rejected: 1, cancelled: 1, failed: 0 },
  checks: [
    { code: 'advertiserVerified', passed: true, params: {} },
    { code: 'noSpecialCategories', passed: true, params: {} },
    { code: 'audienceAboveMinimum', passed: true, params: { k: 100 } },
    { code: 'purposeGiven', passed: true, params: {} },
    { code: 'balanceReserved', passed: false, params: {} },
  ],
  approvalBlocked: null,
};

const campaign: ModerationItem = {
  ...report,
  id: '00000000-0000-4000-8000-0000000000b0',
  createdAt: '2026-11-19T08:00:00.000Z',
  title: 'Najaarsactie',
  product: 'offer_campaign',
  purpose: 'offers',
  breakdowns: [],
  offer: { title: 'Gratis koffie', body: 'Bij elk ontbijt een gratis kop koffie.', url: 'https://bakkerij.test/koffie', code: null, endsOn: '2026-12-31' },
  organisation: { id: 'org-2', name: 'Koffie & Co', status: 'unverified', industry: null },
  history: { requests: 0, delivered: 0, rejected: 0, cancelled: 0, failed: 0 },
  checks: [
    { code: 'advertiserVerified', passed: false, params: {} },
    { code: 'offerScreened', passed: false, params: { words: 'zwanger', topics: 'pregnancy', links: '' } },
  ],
  approvalBlocked: { code: 'offerNotApprovable', params: { words: 'zwanger', topics: 'pregnancy', links: '' } },
};

/** The approve and reject buttons of one request, as rendered. */
const buttons = (html: string, title: string) => ({
  approve: html.match(new RegExp(`<button[^>]*aria-label="‘${title}’ goedkeuren"[^>]*>|<button[^>]*aria-label="Approve ‘${title}’"[^>]*>`))?.[0],
  reject: html.match(new RegExp(`<button[^>]*aria-label="‘${title}’ afwijzen"[^>]*>|<button[^>]*aria-label="Reject ‘${title}’"[^>]*>`))?.[0],
});

const render = async (language: 'nl' | 'en', queue: ModerationItem[]) => {
  const html = await renderPage(<ModerationPage />, {
    language,
    path: '/admin/moderation',
    seed: (trpc, queryClient) => {
      queryClient.setQueryData(trpc.admin.moderation.queue.queryKey({ locale: language }), queue);
      queryClient.setQueryData(trpc.reference.all.queryKey(), reference);
    },
  });
  return { html, page: textOf(html) };
};

describe('ModerationPage', () => {
  it('says when there is nothing to review', async () => {
    const { page } = await render('nl', []);
    expect(page).toContain('Niets te beoordelen');
  });

  it('shows requests oldest first, with the organisation, its history, purpose and plain-language segment', async () => {
    const { html, page } = await render('nl', [report, campaign]);
    expect(page.indexOf('Najaarsactie')).toBeLessThan(page.indexOf('Boodschappen in Utrecht'));
    expect(page).toContain('2 aanvragen wachten');
    expect(page).toContain('Bakkerij de Graaf');
    expect(page).toContain('Geverifieerd');
    expect(page).toContain('Niet geverifieerd');
    expect(page).toContain('Voeding');
    expect(page).toContain('Geen branche opgegeven');
    expect(page).toContain('5 in totaal, inclusief deze: 3 geleverd, 1 afgewezen, 1 geannuleerd, 0 mislukt');
    expect(page).toContain('om ons assortiment aan te passen');
    expect(page).toContain('Mensen in Utrecht die maandelijks meer dan € 250 aan boodschappen uitgeven');
    expect(page).toContain('Provincie en gemeente');
    expect(page).toContain('Leeftijdsgroep, Uitgaven aan boodschappen');
    expect(page).toContain('ongeveer 4.300 mensen');
    expect(page).toContain('€ 104,06');
    // The offer as the member would see it.
    expect(page).toContain('De aanbieding zoals het lid hem ziet');
    expect(page).toContain('Gratis koffie');
    expect(page).toContain('Link: https://bakkerij.test/koffie');
    // A preview never links anywhere.
    expect(html).not.toContain('href="https://bakkerij.test/koffie"');
  });

  it('lists the automatic checks as passed or failed, with translated explanations', async () => {
    const { html, page } = await render('nl', [report, campaign]);
    expect(html).toMatch(/moderation-checks__item--passed" data-check="audienceAboveMinimum"/);
    expect(html).toMatch(/moderation-checks__item--failed" data-check="balanceReserved"/);
    expect(html).toMatch(/moderation-checks__item--failed" data-check="offerScreened"/);
    expect(page).toContain('In orde: De groep is groter dan het minimum van 100 mensen.');
    expect(page).toContain('Niet in orde: Het bedrag kon niet worden gereserveerd.');
    expect(page).toContain('Niet in orde: Lees de aanbieding goed. Woorden van de controlelijst: zwanger. Onderwerpen: zwangerschap.');
    expect(page).not.toContain('Links zonder https');
    expect(page).toContain('1 controle is niet in orde.');
    expect(page).toContain('2 controles zijn niet in orde.');
    expect(html).toContain('aria-label="‘Boodschappen in Utrecht’ goedkeuren"');
    expect(html).toContain('aria-label="‘Najaarsactie’ afwijzen"');
  });

  it('disables approving an offer the screening blocks, says why, and still allows rejecting it', async () => {
    const { html, page } = await render('nl', [report, campaign]);
    const blocked = buttons(html, 'Najaarsactie');
    expect(blocked.approve).toMatch(/ disabled=""/);
    expect(blocked.approve).toMatch(/aria-describedby="[^"]+"/);
    const describedBy = /aria-describedby="([^"]+)"/.exec(blocked.approve ?? '')?.[1];
    expect(html).toContain(`id="${describedBy}" class="moderation-card__blocked"`);
    expect(page).toContain('Goedkeuren kan niet. De aanbieding gaat over bijzondere gegevens of vraagt om persoonsgegevens (‘zwanger’).');
    expect(blocked.reject).toBeDefined();
    expect(blocked.reject).not.toMatch(/ disabled=""/);
    // The clean request next to it can be approved as before.
    const clean = buttons(html, 'Boodschappen in Utrecht');
    expect(clean.approve).toBeDefined();
    expect(clean.approve).not.toMatch(/ disabled=""/);
    expect(clean.approve).not.toContain('aria-describedby');
  });

  it('says why in English, also for a link that breaks the rules', async () => {
    const link = { ...campaign, approvalBlocked: { code: 'offerNotApprovable' as const, params: { words: '', topics: '', links: 'https://bank.example@evil.example/' } } };
    const { html, page } = await render('en', [link]);
    expect(buttons(html, 'Najaarsactie').approve).toMatch(/ disabled=""/);
    expect(page).toContain('This cannot be approved. The offer’s link breaks the rules (https only, no user name, backslash or hidden characters): https://bank.example@evil.example/.');
  });

  it('speaks English too', async () => {
    const { page } = await render('en', [report]);
    expect(page).toContain('Automatic checks');
    expect(page).toContain('Passed: The group is above the minimum of 100 people.');
    expect(page).toContain('Failed: The amount could not be reserved.');
    expect(page).toContain('Age group, Spending on groceries');
    expect(page).toContain('Approve');
  });
});
