import { Suspense, type ReactElement } from 'react';
import type { i18n as I18n, Namespace } from 'i18next';
import { createBrowserRouter, Outlet, type RouteObject } from 'react-router';
import type * as AdminArea from './areas/admin-area';
import type * as AdvertiserArea from './areas/advertiser-area';
import type * as CustomerArea from './areas/customer-area';
import type * as PublicArea from './areas/public-area';
import { AppLayout } from './app-layout';
import { RouteErrorPage } from './route-error-page';
import { RequireSignedIn } from '../features/account/require-signed-in';
import { PublicOnly, RequireRole } from './route-guards';
import { PageLoading } from './status-views';

interface Area<M> {
  load: () => Promise<M>;
  /** The text namespaces its pages use, fetched together with the chunk (a page that asks for another one still gets it, after a moment's loading state). */
  namespaces: Namespace;
}

// One chunk per role area, fetched the first time one of its pages is opened: a visitor signing in
// never downloads the advertiser's segment builder or the admin's tools.
const publicArea: Area<typeof PublicArea> = { load: () => import('./areas/public-area'), namespaces: ['legal', 'organisation', 'account', 'twoFactor', 'notifications'] };
const customerArea: Area<typeof CustomerArea> = { load: () => import('./areas/customer-area'), namespaces: ['earnings', 'offers'] };
// An area lists every namespace its pages render, the offer preview's `offers` included: a namespace
// fetched mid-page suspends it, and the page comes back with its form state lost.
const advertiserArea: Area<typeof AdvertiserArea> = { load: () => import('./areas/advertiser-area'), namespaces: ['purchases', 'billing', 'organisation', 'offers'] };
const adminArea: Area<typeof AdminArea> = {
  load: () => import('./areas/admin-area'),
  namespaces: ['adminAudit', 'adminOperations', 'adminOrganisations', 'adminPayouts', 'bankStatements', 'earnings', 'moderation', 'purchases', 'offers'],
};

/**
 * Routes per role. `/` and the auth forms are for signed-out visitors; each role has its own
 * home, and later features nest under it (/customer/…, /advertiser/…, /admin/…).
 */
export function createRouter(i18n: I18n) {
  /**
   * A page from an area chunk. The router loads it before it renders the route (on a navigation the
   * current page stays until it is there); a chunk that fails to load (a new release replaced it, the
   * connection dropped) becomes a route error, shown by RouteErrorPage with a reload button.
   */
  function page<M>(area: Area<M>, render: (area: M) => ReactElement): RouteObject['lazy'] {
    return async () => {
      const [loaded] = await Promise.all([area.load(), i18n.loadNamespaces(area.namespaces)]);
      return { element: render(loaded) };
    };
  }

  return createBrowserRouter([
    {
      element: <AppLayout />,
      errorElement: <RouteErrorPage />,
      children: [
        {
          // While the first page's chunk loads, the header and footer are already there, with the
          // loading state where the page will be.
          hydrateFallbackElement: <PageLoading />,
          // A page whose texts are not there yet (a namespace its area does not list) waits here.
          element: (
            <Suspense fallback={<PageLoading />}>
              <Outlet />
            </Suspense>
          ),
          children: [
            {
              element: <PublicOnly />,
              children: [
                { index: true, lazy: page(publicArea, (m) => <m.LandingPage />) },
                { path: 'sign-in', lazy: page(publicArea, (m) => <m.SignInPage />) },
                { path: 'sign-up', lazy: page(publicArea, (m) => <m.SignUpPage />) },
                { path: 'forgot-password', lazy: page(publicArea, (m) => <m.ForgotPasswordPage />) },
              ],
            },
            {
              path: 'customer',
              element: <RequireRole only="customer" />,
              children: [
                { index: true, lazy: page(customerArea, (m) => <m.CustomerHomePage />) },
                { path: 'data', lazy: page(customerArea, (m) => <m.MyDataPage />) },
                { path: 'profile', lazy: page(customerArea, (m) => <m.ProfilePage />) },
                { path: 'consent', lazy: page(customerArea, (m) => <m.ConsentPage />) },
                { path: 'timeline', lazy: page(customerArea, (m) => <m.TimelinePage />) },
                { path: 'offers', lazy: page(customerArea, (m) => <m.OffersPage />) },
                { path: 'earnings', lazy: page(customerArea, (m) => <m.EarningsPage />) },
                { path: 'privacy', lazy: page(customerArea, (m) => <m.PrivacyPage />) },
              ],
            },
            {
              path: 'advertiser',
              element: <RequireRole only="advertiser" />,
              children: [
                { index: true, lazy: page(advertiserArea, (m) => <m.AdvertiserHomePage />) },
                { path: 'segments', lazy: page(advertiserArea, (m) => <m.SegmentsPage />) },
                { path: 'segments/new', lazy: page(advertiserArea, (m) => <m.SegmentBuilderPage />) },
                { path: 'segments/:id', lazy: page(advertiserArea, (m) => <m.SegmentBuilderPage />) },
                { path: 'purchases', lazy: page(advertiserArea, (m) => <m.PurchasesPage />) },
                { path: 'purchases/new', lazy: page(advertiserArea, (m) => <m.PurchaseFormPage />) },
                { path: 'purchases/:id', lazy: page(advertiserArea, (m) => <m.PurchaseDetailPage />) },
                { path: 'organisation', lazy: page(advertiserArea, (m) => <m.OrganisationPage />) },
                { path: 'billing', lazy: page(advertiserArea, (m) => <m.BillingPage />) },
                { path: 'billing/invoices/:invoiceId', lazy: page(advertiserArea, (m) => <m.InvoicePage />) },
              ],
            },
            {
              path: 'admin',
              element: <RequireRole only="admin" />,
              children: [
                { index: true, lazy: page(adminArea, (m) => <m.AdminHomePage />) },
                { path: 'moderation', lazy: page(adminArea, (m) => <m.ModerationPage />) },
                { path: 'payouts', lazy: page(adminArea, (m) => <m.AdminPayoutsPage />) },
                { path: 'bank-statements', lazy: page(adminArea, (m) => <m.BankStatementsPage />) },
                { path: 'organisations', lazy: page(adminArea, (m) => <m.AdminOrganisationsPage />) },
                { path: 'audit', lazy: page(adminArea, (m) => <m.AdminAuditPage />) },
                { path: 'operations', lazy: page(adminArea, (m) => <m.AdminOperationsPage />) },
              ],
            },
            // Public for everyone, signed in or out: linked from the footer and the sign-up form.
            { path: 'legal/terms', lazy: page(publicArea, (m) => <m.LegalPage doc="terms" />) },
            { path: 'legal/privacy', lazy: page(publicArea, (m) => <m.LegalPage doc="privacy" />) },
            { path: 'legal/data', lazy: page(publicArea, (m) => <m.LegalPage doc="data" />) },
            // Mailed links open wherever the mail is read, signed in or not.
            { path: 'verify-email', lazy: page(publicArea, (m) => <m.VerifyEmailPage />) },
            { path: 'reset-password', lazy: page(publicArea, (m) => <m.ResetPasswordPage />) },
            { path: 'confirm-email-change', lazy: page(publicArea, (m) => <m.ConfirmEmailChangePage />) },
            { path: 'account', element: <RequireSignedIn />, children: [{ index: true, lazy: page(publicArea, (m) => <m.AccountPage />) }] },
            { path: 'notifications', element: <RequireSignedIn />, children: [{ index: true, lazy: page(publicArea, (m) => <m.NotificationsPage />) }] },
            // Development only: the API answers every /dev/ path with 404 in production, this page included.
            { path: 'dev/mailbox', lazy: page(publicArea, (m) => <m.DevMailboxPage />) },
            // Public for everyone: right after erasure the session no longer exists.
            { path: 'account-erased', lazy: page(publicArea, (m) => <m.AccountErasedPage />) },
            { path: '*', lazy: page(publicArea, (m) => <m.NotFoundPage />) },
          ],
        },
      ],
    },
  ]);
}
