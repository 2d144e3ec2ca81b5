import { describe, expect, it } from 'vitest';
import type { Viewer } from '@dd/contract';
import { AppLayout } from './app-layout';
import { navMenuTransition } from './nav-menu';
import { RoleNav } from './site-header';
import { renderPage, textOf } from './testing/render-page';

const customer: Viewer = {
  id: '00000000-0000-4000-8000-000000000001',
  email: 'sanne@example.nl',
  displayName: 'Sanne de Vries',
  role: 'customer',
  locale: 'nl',
  organisation: null,
};

const renderShell = (viewer: Viewer | null, language: 'nl' | 'en' = 'nl', path = '/') =>
  renderPage(<AppLayout />, { language, path, seed: (trpc, queryClient) => queryClient.setQueryData(trpc.auth.me.queryKey(), viewer) });

const footerOf = (html: string) => html.slice(html.indexOf('<footer'), html.indexOf('</footer>'));

describe('the footer', () => {
  it('links the terms, the privacy statement and the data overview for visitors who are signed out', async () => {
    const footer = footerOf(await renderShell(null));
    expect(footer).toContain('href="/legal/terms"');
    expect(footer).toContain('href="/legal/privacy"');
    expect(footer).toContain('href="/legal/data"');
    expect(textOf(footer)).toContain('Gebruiksvoorwaarden');
    expect(textOf(footer)).toContain('Privacyverklaring');
  });

  it('has the same links for a signed-in member, in English too', async () => {
    const footer = footerOf(await renderShell(customer, 'en', '/customer'));
    expect(footer).toMatch(/<nav aria-label="Legal information">/);
    expect(footer).toContain('href="/legal/terms"');
    expect(footer).toContain('href="/legal/privacy"');
    expect(footer).toContain('href="/legal/data"');
    expect(textOf(footer)).toContain('Terms of use');
    expect(textOf(footer)).toContain('How we use your data');
  });

  it('names the operator and its support address as the deployment configured them', async () => {
    const html = await renderPage(<AppLayout />, {
      path: '/',
      seed: (trpc, queryClient) => {
        queryClient.setQueryData(trpc.auth.me.queryKey(), null);
        queryClient.setQueryData(trpc.reference.operator.queryKey(), {
          name: 'Datadividend Nederland B.V.',
          addressLines: ['Oudegracht 1', '3511 AA Utrecht'],
          kvkNumber: '87654321',
          privacyEmail: 'privacy@datadividend.nl',
          supportEmail: 'hulp@datadividend.nl',
          example: false,
        });
      },
    });
    const footer = footerOf(html);
    expect(textOf(footer)).toContain('Datadividend Nederland B.V.');
    expect(footer).toContain('href="mailto:hulp@datadividend.nl"');
  });
});

describe('the role navigation', () => {
  const render = (initiallyOpen: boolean) =>
    renderPage(<RoleNav forRole="customer" home="/customer" initiallyOpen={initiallyOpen} />, { path: '/customer', seed: () => undefined });

  it('is a disclosure: a menu button that controls the navigation by id and says whether it is open', async () => {
    const html = await render(false);
    const button = /<button[^>]*>/.exec(html)![0];
    expect(button).toContain('aria-expanded="false"');
    const controls = /aria-controls="([^"]+)"/.exec(button)![1];
    expect(html).toContain(`<nav id="${controls}" class="site-header__nav" aria-label="Hoofdmenu">`);
    expect(textOf(html)).toContain('Menu');
    // All of the role's pages are in it.
    expect([...html.matchAll(/class="site-header__link/g)]).toHaveLength(8);
  });

  it('marks the navigation open when expanded', async () => {
    const html = await render(true);
    expect(/<button[^>]*>/.exec(html)![0]).toContain('aria-expanded="true"');
    expect(html).toContain('class="site-header__nav site-header__nav--open"');
  });

  it('opens and closes on the button, closes on Escape (focus back on the button), on navigation and on a click outside', () => {
    expect(navMenuTransition({ open: false }, 'toggle')).toEqual({ open: true, focusButton: false });
    expect(navMenuTransition({ open: true }, 'toggle')).toEqual({ open: false, focusButton: false });
    expect(navMenuTransition({ open: true }, 'escape')).toEqual({ open: false, focusButton: true });
    // Escape with the menu already closed leaves focus where it is (a dialog may own that key).
    expect(navMenuTransition({ open: false }, 'escape')).toEqual({ open: false, focusButton: false });
    expect(navMenuTransition({ open: true }, 'navigate')).toEqual({ open: false, focusButton: false });
    expect(navMenuTransition({ open: true }, 'outside')).toEqual({ open: false, focusButton: false });
  });
});
