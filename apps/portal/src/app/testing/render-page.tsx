import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import i18next from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { createMemoryRouter, RouterProvider } from 'react-router';
import type { AppRouter } from '@dd/api';
import { resources } from '../../i18n/i18n';
import { createApiClient, TRPCProvider } from '../trpc';

export type Seed = (trpc: ReturnType<typeof createTRPCOptionsProxy<AppRouter>>, queryClient: QueryClient) => void;

/**
 * Renders one page to HTML in Node with its answers already in the cache: no browser, no network.
 * For checking what a page shows in states the browser tests cannot reach (a sale, a minor).
 */
export async function renderPage(page: ReactElement, options: { language?: 'nl' | 'en'; path?: string; seed: Seed }): Promise<string> {
  const i18n = i18next.createInstance();
  await i18n.use(initReactI18next).init({ resources, lng: options.language ?? 'nl', interpolation: { escapeValue: false } });
  const queryClient = new QueryClient();
  const trpcClient = createApiClient();
  options.seed(createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient }), queryClient);
  const path = options.path ?? '/';
  const router = createMemoryRouter([{ path, element: page }], { initialEntries: [path] });
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
          <RouterProvider router={router} />
        </TRPCProvider>
      </QueryClientProvider>
    </I18nextProvider>,
  );
}

/** The visible text of rendered HTML, with all white space (including no-break spaces) as single spaces. */
export function textOf(html: string): string {
  return html.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/\s+/g, ' ');
}
