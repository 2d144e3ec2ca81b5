import { accountRouter } from './routers/account.router';
import { adminRouter } from './routers/admin.router';
import { advertiserRouter } from './routers/advertiser.router';
import { authRouter } from './routers/auth.router';
import { router } from './trpc';

export const appRouter = router({
  auth: authRouter,
  account: accountRouter,
  advertiser: advertiserRouter,
  admin: adminRouter,
});

export type AppRouter = typeof appRouter;
