import { accountRouter } from './routers/account.router';
import { adminRouter } from './routers/admin.router';
import { advertiserRouter } from './routers/advertiser.router';
import { authRouter } from './routers/auth.router';
import { consentRouter } from './routers/consent.router';
import { importsRouter } from './routers/imports.router';
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
  advertiser: advertiserRouter,
  admin: adminRouter,
});

export type AppRouter = typeof appRouter;
