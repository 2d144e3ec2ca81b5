import type { MailContent } from '../mail.layout';

export interface PasswordResetParams {
  displayName: string;
  token: string;
}

export const passwordResetTemplate: Record<'nl' | 'en', (params: PasswordResetParams) => MailContent> = {
  nl: ({ displayName, token }) => ({
    subject: 'Nieuw wachtwoord instellen voor DataDividend',
    blocks: [
      { text: `Hallo ${displayName},` },
      { text: 'Iemand heeft gevraagd om een nieuw wachtwoord voor je DataDividend-account. Was jij dat? Kies dan hier een nieuw wachtwoord.' },
      { link: { label: 'Nieuw wachtwoord kiezen', path: '/reset-password', query: { token } } },
      { text: 'De link werkt één uur en één keer. Heb je niets aangevraagd? Dan kun je dit bericht negeren; je wachtwoord blijft hetzelfde.' },
    ],
  }),
  en: ({ displayName, token }) => ({
    subject: 'Set a new password for DataDividend',
    blocks: [
      { text: `Hello ${displayName},` },
      { text: 'Someone asked for a new password for your DataDividend account. If that was you, choose a new password here.' },
      { link: { label: 'Choose a new password', path: '/reset-password', query: { token } } },
      { text: 'The link works once, for one hour. If you did not ask for this, you can ignore this message; your password stays the same.' },
    ],
  }),
};
