import type { MailContent } from '../mail.layout';

export interface PasswordChangedParams {
  displayName: string;
  /** Through a reset link or on the account page. */
  via: 'reset' | 'change';
}

export const passwordChangedTemplate: Record<'nl' | 'en', (params: PasswordChangedParams) => MailContent> = {
  nl: ({ displayName, via }) => ({
    subject: 'Je DataDividend-wachtwoord is gewijzigd',
    blocks: [
      { text: `Hallo ${displayName},` },
      {
        text:
          via === 'reset'
            ? 'Het wachtwoord van je account is zojuist opnieuw ingesteld via een link uit je e-mail. Je bent overal uitgelogd.'
            : 'Het wachtwoord van je account is zojuist gewijzigd op de accountpagina. Je bent op je andere apparaten uitgelogd.',
      },
      { text: 'Was jij dit niet? Stel dan meteen een nieuw wachtwoord in.' },
      { link: { label: 'Nieuw wachtwoord aanvragen', path: '/forgot-password' } },
    ],
  }),
  en: ({ displayName, via }) => ({
    subject: 'Your DataDividend password was changed',
    blocks: [
      { text: `Hello ${displayName},` },
      {
        text:
          via === 'reset'
            ? 'The password of your account was just reset through a link from your email. You have been signed out everywhere.'
            : 'The password of your account was just changed on the account page. You have been signed out on your other devices.',
      },
      { text: 'If this was not you, set a new password right away.' },
      { link: { label: 'Request a new password', path: '/forgot-password' } },
    ],
  }),
};
