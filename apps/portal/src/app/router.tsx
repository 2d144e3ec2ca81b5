import { createBrowserRouter } from 'react-router';
import { SignInPage } from '../features/auth/sign-in-page';
import { SignUpPage } from '../features/auth/sign-up-page';
import { AdminHomePage } from '../features/home/admin-home-page';
import { AdvertiserHomePage } from '../features/home/advertiser-home-page';
import { CustomerHomePage } from '../features/home/customer-home-page';
import { LandingPage } from '../features/home/landing-page';
import { NotFoundPage } from '../features/home/not-found-page';
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
        { path: 'customer', element: <RequireRole only="customer" />, children: [{ index: true, element: <CustomerHomePage /> }] },
        { path: 'advertiser', element: <RequireRole only="advertiser" />, children: [{ index: true, element: <AdvertiserHomePage /> }] },
        { path: 'admin', element: <RequireRole only="admin" />, children: [{ index: true, element: <AdminHomePage /> }] },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
