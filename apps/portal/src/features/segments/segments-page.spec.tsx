import { describe, expect, it } from 'vitest';
import type { SavedSegmentSummary } from '@dd/contract';
import { renderPage, textOf } from '../../app/testing/render-page';
import { SegmentsPage } from './segments-page';

const segments: SavedSegmentSummary[] = [
  { id: 'a1', name: 'Reizigers in Utrecht', description: 'Mensen in Utrecht die interesse hebben in reizen', updatedAt: '2026-11-21T10:00:00.000Z' },
  { id: 'b2', name: 'Grote boodschappers', description: 'Mensen die maandelijks meer dan € 250 aan boodschappen uitgeven', updatedAt: '2026-11-02T10:00:00.000Z' },
];

const render = async (language: 'nl' | 'en', list: SavedSegmentSummary[]) => {
  const html = await renderPage(<SegmentsPage />, {
    language,
    path: '/advertiser/segments',
    seed: (trpc, queryClient) => queryClient.setQueryData(trpc.advertiser.segments.list.queryKey({ locale: language }), list),
  });
  return { html, page: textOf(html) };
};

describe('SegmentsPage', () => {
  it('explains what a segment is when there is none yet, and offers to build one', async () => {
    const { html, page } = await render('nl', []);
    expect(page).toContain('Je hebt nog geen segmenten');
    expect(page).toContain('Je ziet nooit wie erin zit, alleen ongeveer hoeveel mensen het zijn.');
    expect(page).toContain('Gezondheid, geloof, politiek, vakbond, seksualiteit en zwangerschap kun je nooit kiezen');
    expect(html).toContain('href="/advertiser/segments/new"');
    expect(page).toContain('Stel je eerste segment samen');
  });

  it('lists every saved segment with its plain-language description and actions named after it', async () => {
    const { html, page } = await render('nl', segments);
    expect(page).toContain('Reizigers in Utrecht');
    expect(page).toContain('Mensen in Utrecht die interesse hebben in reizen');
    expect(page).toContain('Bijgewerkt op 21 november 2026');
    expect(html).toContain('href="/advertiser/segments/a1"');
    expect(html).toContain('aria-label="Grote boodschappers verwijderen"');
    expect(html).toContain('aria-label="Naam van Reizigers in Utrecht wijzigen"');
    expect(html).toMatch(/<ul class="segment-list" aria-label="Je bewaarde segmenten">/);
  });

  it('speaks English too', async () => {
    const { page } = await render('en', []);
    expect(page).toContain('You have no segments yet');
    expect(page).toContain('New segment');
  });
});
