/** The pages of signed-out visitors and the public pages: one chunk, loaded on demand by the router. */
export { SignInPage } from '../../features/auth/sign-in-page';
export { SignUpPage } from '../../features/auth/sign-up-page';
export { LandingPage } from '../../features/home/landing-page';
export { NotFoundPage } from '../../features/home/not-found-page';
export { LegalPage } from '../../features/legal/legal-page';
export { AccountErasedPage } from '../../features/privacy/account-erased-page';
export { AccountPage } from '../../features/account/change-password-page';
export { DevMailboxPage } from '../../features/account/dev-mailbox-page';
export { ForgotPasswordPage } from '../../features/account/forgot-password-page';
export { ResetPasswordPage } from '../../features/account/reset-password-page';
export { VerifyEmailPage } from '../../features/account/verify-email-page';
export { ConfirmEmailChangePage } from '../../features/account/confirm-email-change-page';
export { NotificationsPage } from '../../features/notifications/notifications-page';
