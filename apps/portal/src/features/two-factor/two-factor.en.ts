import type { TwoFactorTranslations } from './two-factor.nl';

export const twoFactorEn: TwoFactorTranslations = {
  code: {
    title: 'Enter your sign-in code',
    description: 'Your admin account is protected with two-step verification. Enter the 6-digit code from your authenticator app.',
    label: '6-digit code',
    hint: 'The code is in your authenticator app under DataDividend and changes every 30 seconds.',
    submit: 'Sign in',
    useRecovery: 'I don’t have my phone: use a recovery code',
    useApp: 'Use the code from the app instead',
  },
  recovery: {
    title: 'Enter a recovery code',
    description: 'Enter one of the recovery codes you saved during set-up. Each recovery code works once.',
    label: 'Recovery code',
    hint: 'For example abcd-efgh-jkmn. Capitals and dashes do not matter.',
  },
  setUp: {
    title: 'Set up two-step verification',
    description: 'Admins sign in with their password and a code from an authenticator app. Set this up once, now.',
    scanStep: 'Open an authenticator app (such as Google Authenticator, Microsoft Authenticator or 1Password) and scan this QR code.',
    qrAlt: 'QR code to add DataDividend ({{email}}) to your authenticator app',
    manualStep: 'Can’t scan? Enter this key by hand instead (time-based, 6 digits):',
    secretLabel: 'Key for manual entry',
    confirmStep: 'Then enter the code the app shows now.',
    submit: 'Confirm',
  },
  recoveryCodes: {
    title: 'Save your recovery codes',
    description: 'If you don’t have your phone at hand, sign in with one of these codes. Each code works once. You only see them now.',
    listLabel: 'Recovery codes',
    copy: 'Copy codes',
    copied: 'The codes are on the clipboard.',
    saved: 'I saved them',
  },
  expired: 'Your sign-in expired (after 5 minutes). Sign in again with your email address and password.',
  throttled: 'Too many wrong codes. Try again in {{wait}}.',
  backToSignIn: 'Back to sign in',
  validation: {
    codeRequired: 'Enter the code.',
    codeInvalid: 'A code is 6 digits; a recovery code is 12 letters and digits.',
    expired: 'Your sign-in expired. Sign in again.',
  },
  errors: {
    codeWrong: 'This code is not correct. Enter the code the app shows now, or a recovery code.',
    codeUsed: 'This code was used already. Wait for the next code in your app.',
  },
};
