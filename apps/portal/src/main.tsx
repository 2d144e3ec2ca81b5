import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import '@dd/ui/styles.css';
import { Providers } from './app/providers';
import { createRouter } from './app/router';
import { createI18n } from './i18n/create-i18n';
import { readStoredLocale } from './i18n/locale-storage';

const { i18n, ready } = createI18n(readStoredLocale());
const router = createRouter(i18n);

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const root = createRoot(container);
const render = () =>
  root.render(
    <StrictMode>
      <Providers i18n={i18n}>
        <RouterProvider router={router} />
      </Providers>
    </StrictMode>,
  );

// Dutch is bundled, so a Dutch visitor renders at once; an English one after the English texts
// arrived, instead of a page that switches language under their eyes. Texts that cannot be loaded
// fall back to Dutch rather than keeping the page blank.
void ready.then(render, render);
