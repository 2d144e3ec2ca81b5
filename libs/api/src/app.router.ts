import { accountRouter } from './routers/account.router';
import { adminRouter } from './routers/admin.router';
import { advertiserRouter } from './routers/advertiser.router';
import { authRouter } from './routers/auth.router';
import { billingRouter } from './routers/billing.router';
import { consentRouter } from './routers/consent.router';
import { earningsRouter } from './routers/earnings.router';
import { importsRouter } from './routers/imports.router';
import { notificationsRouter } from './routers/notifications.router';
import { offersRouter } from './routers/offers.router';
import { privacyRouter } from './routers/privacy.router';
import { profileRouter } from './routers/profile.router';
import { referenceRouter } from './routers/reference.router';
import { transactionsRouter } from './routers/transactions.router';
import { router } from './trpc';

export const appRouter = router({
  auth: authRouter,
  account: accountRouter,
  reference: referenceRouter,
  imports: importsRouter,
  transactions: transactionsRouter,
  profile: profileRouter,
  consent: consentRouter,
  privacy: privacyRouter,
  earnings: earningsRouter,
  offers: offersRouter,
  notifications: notificationsRouter,
  advertiser: advertiserRouter,
  billing: billingRouter,
  admin: adminRouter,
});

export type AppRouter = typeof appRouter;
