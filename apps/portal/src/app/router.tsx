import { createBrowserRouter } from 'react-router';
import { SignInPage } from '../features/auth/sign-in-page';
import { SignUpPage } from '../features/auth/sign-up-page';
import { BankStatementsPage } from '../features/bank-statements/bank-statements-page';
import { BillingPage } from '../features/billing/billing-page';
import { InvoicePage } from '../features/billing/invoice-page';
import { AdminAuditPage } from '../features/admin-audit/admin-audit-page';
import { AdminOperationsPage } from '../features/admin-operations/admin-operations-page';
import { AdminOrganisationsPage } from '../features/admin-organisations/admin-organisations-page';
import { AdminPayoutsPage } from '../features/admin-payouts/admin-payouts-page';
import { ConsentPage } from '../features/consent/consent-page';
import { EarningsPage } from '../features/earnings/earnings-page';
import { AdminHomePage } from '../features/home/admin-home-page';
import { AdvertiserHomePage } from '../features/home/advertiser-home-page';
import { CustomerHomePage } from '../features/home/customer-home-page';
import { LandingPage } from '../features/home/landing-page';
import { NotFoundPage } from '../features/home/not-found-page';
import { ModerationPage } from '../features/moderation/moderation-page';
import { LegalPage } from '../features/legal/legal-page';
import { MyDataPage } from '../features/my-data/my-data-page';
import { OffersPage } from '../features/offers/offers-page';
import { OrganisationPage } from '../features/organisation/organisation-page';
import { AccountErasedPage } from '../features/privacy/account-erased-page';
import { PrivacyPage } from '../features/privacy/privacy-page';
import { ProfilePage } from '../features/profile/profile-page';
import { PurchaseDetailPage } from '../features/purchases/purchase-detail-page';
import { PurchaseFormPage } from '../features/purchases/purchase-form-page';
import { PurchasesPage } from '../features/purchases/purchases-page';
import { SegmentBuilderPage } from '../features/segments/segment-builder-page';
import { SegmentsPage } from '../features/segments/segments-page';
import { TimelinePage } from '../features/timeline/timeline-page';
import { AppLayout } from './app-layout';
import { RouteErrorPage } from './route-error-page';
import { PublicOnly, RequireRole } from './route-guards';

/**
 * Routes per role. `/` and the auth forms are for signed-out visitors; each role has its own
 * home, and later features nest under it (/customer/…, /advertiser/…, /admin/…).
 */
export function createRouter() {
  return createBrowserRouter([
    {
      element: <AppLayout />,
      errorElement: <RouteErrorPage />,
      children: [
        {
          element: <PublicOnly />,
          children: [
            { index: true, element: <LandingPage /> },
            { path: 'sign-in', element: <SignInPage /> },
            { path: 'sign-up', element: <SignUpPage /> },
          ],
        },
        {
          path: 'customer',
          element: <RequireRole only="customer" />,
          children: [
            { index: true, element: <CustomerHomePage /> },
            { path: 'data', element: <MyDataPage /> },
            { path: 'profile', element: <ProfilePage /> },
            { path: 'consent', element: <ConsentPage /> },
            { path: 'timeline', element: <TimelinePage /> },
            { path: 'offers', element: <OffersPage /> },
            { path: 'earnings', element: <EarningsPage /> },
            { path: 'privacy', element: <PrivacyPage /> },
          ],
        },
        {
          path: 'advertiser',
          element: <RequireRole only="advertiser" />,
          children: [
            { index: true, element: <AdvertiserHomePage /> },
            { path: 'segments', element: <SegmentsPage /> },
            { path: 'segments/new', element: <SegmentBuilderPage /> },
            { path: 'segments/:id', element: <SegmentBuilderPage /> },
            { path: 'purchases', element: <PurchasesPage /> },
            { path: 'purchases/new', element: <PurchaseFormPage /> },
            { path: 'purchases/:id', element: <PurchaseDetailPage /> },
            { path: 'organisation', element: <OrganisationPage /> },
            { path: 'billing', element: <BillingPage /> },
            { path: 'billing/invoices/:invoiceId', element: <InvoicePage /> },
          ],
        },
        {
          path: 'admin',
          element: <RequireRole only="admin" />,
          children: [
            { index: true, element: <AdminHomePage /> },
            { path: 'moderation', element: <ModerationPage /> },
            { path: 'payouts', element: <AdminPayoutsPage /> },
            { path: 'bank-statements', element: <BankStatementsPage /> },
            { path: 'organisations', element: <AdminOrganisationsPage /> },
            { path: 'audit', element: <AdminAuditPage /> },
            { path: 'operations', element: <AdminOperationsPage /> },
          ],
        },
        // Public for everyone, signed in or out: linked from the footer and the sign-up form.
        { path: 'legal/terms', element: <LegalPage doc="terms" /> },
        { path: 'legal/privacy', element: <LegalPage doc="privacy" /> },
        { path: 'legal/data', element: <LegalPage doc="data" /> },
        // Public for everyone: right after erasure the session no longer exists.
        { path: 'account-erased', element: <AccountErasedPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
