import { describe, expect, it } from 'vitest';
import type { OperatorDetails } from '@dd/contract';
import { renderPage, textOf, type Seed } from '../../app/testing/render-page';
import { legalEn } from './legal.en';
import { legalNl } from './legal.nl';
import { LEGAL_DOCS, LegalPage } from './legal-page';

type Tree = string | Tree[] | { [key: string]: Tree };
const shape = (tree: Tree): unknown =>
  typeof tree === 'string' ? 'text' : Array.isArray(tree) ? tree.map(shape) : Object.fromEntries(Object.entries(tree).map(([key, value]) => [key, shape(value)]));

const OPERATOR: OperatorDetails = {
  name: 'Datadividend Nederland B.V.',
  addressLines: ['Oudegracht 1', '3511 AA Utrecht'],
  kvkNumber: '87654321',
  privacyEmail: 'privacy@datadividend.nl',
  supportEmail: 'hulp@datadividend.nl',
  example: false,
};
const withOperator =
  (operator: OperatorDetails): Seed =>
  (trpc, queryClient) =>
    queryClient.setQueryData(trpc.reference.operator.queryKey(), operator);

describe('the legal pages', () => {
  it('have the same sections and lists in Dutch and English', () => {
    expect(shape(legalEn as unknown as Tree)).toEqual(shape(legalNl as unknown as Tree));
  });

  it('state the numbers of the product as built', () => {
    const privacy = JSON.stringify(legalNl.privacy) + JSON.stringify(legalNl.data);
    expect(privacy).toContain('7 dagen'); // the export ZIP
    expect(privacy).toContain('ε = 4'); // the member's monthly budget
    expect(privacy).toContain('minder dan 20'); // the report cell threshold
    expect(privacy).toContain('100 mensen'); // k
    expect(JSON.stringify(legalEn.data)).toContain('cells below 20');
  });

  it('renders each document with its sections and links to the other two', async () => {
    for (const doc of LEGAL_DOCS) {
      for (const language of ['nl', 'en'] as const) {
        const html = await renderPage(<LegalPage doc={doc} />, { language, path: `/legal/${doc}`, seed: () => undefined });
        const content = (language === 'nl' ? legalNl : legalEn)[doc];
        expect(html).toContain(`<h1 id="legal-title" class="legal-page__title">${content.title}</h1>`);
        expect([...html.matchAll(/<h2 class="legal-page__heading">/g)]).toHaveLength(content.sections.length);
        for (const other of LEGAL_DOCS.filter((d) => d !== doc)) expect(html).toContain(`href="/legal/${other}"`);
        expect(html).not.toContain(`href="/legal/${doc}"`);
      }
    }
    expect(textOf(await renderPage(<LegalPage doc="privacy" />, { path: '/legal/privacy', seed: () => undefined }))).toContain('Autoriteit Persoonsgegevens');
  });

  it('name the configured operator and its contacts, in both languages, and say so when they are examples', async () => {
    for (const language of ['nl', 'en'] as const) {
      const terms = textOf(await renderPage(<LegalPage doc="terms" />, { language, path: '/legal/terms', seed: withOperator(OPERATOR) }));
      expect(terms).toContain('Datadividend Nederland B.V., Oudegracht 1, 3511 AA Utrecht (KvK 87654321)');
      expect(terms).toContain('hulp@datadividend.nl');
      const privacy = textOf(await renderPage(<LegalPage doc="privacy" />, { language, path: '/legal/privacy', seed: withOperator(OPERATOR) }));
      expect(privacy).toContain('privacy@datadividend.nl');
      expect(privacy).not.toContain('{{');
      const example = textOf(await renderPage(<LegalPage doc="privacy" />, { language, path: '/legal/privacy', seed: withOperator({ ...OPERATOR, example: true }) }));
      expect(example).toContain(language === 'nl' ? 'voorbeeldgegevens' : 'example details');
      expect(privacy).not.toContain(language === 'nl' ? 'voorbeeldgegevens' : 'example details');
    }
  });
});
