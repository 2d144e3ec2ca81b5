import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import '@dd/ui/styles.css';
import { Providers } from './app/providers';
import { createRouter } from './app/router';
import { createI18n } from './i18n/i18n';
import { readStoredLocale } from './i18n/locale-storage';

const i18n = createI18n(readStoredLocale());
const router = createRouter();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <Providers i18n={i18n}>
      <RouterProvider router={router} />
    </Providers>
  </StrictMode>,
);
