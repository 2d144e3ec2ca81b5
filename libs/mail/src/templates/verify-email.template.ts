import type { MailContent } from '../mail.layout';

export interface VerifyEmailParams {
  displayName: string;
  token: string;
}

export const verifyEmailTemplate: Record<'nl' | 'en', (params: VerifyEmailParams) => MailContent> = {
  nl: ({ displayName, token }) => ({
    subject: 'Bevestig je e-mailadres bij DataDividend',
    blocks: [
      { text: `Hallo ${displayName},` },
      { text: 'Bevestig dat dit e-mailadres van jou is. Tot je dat hebt gedaan, verdien je nog niets en ontvang je geen aanbiedingen.' },
      { link: { label: 'E-mailadres bevestigen', path: '/verify-email', query: { token } } },
      { text: 'De link werkt 24 uur en één keer. Heb je geen account aangemaakt? Dan kun je dit bericht negeren.' },
    ],
  }),
  en: ({ displayName, token }) => ({
    subject: 'Confirm your email address for DataDividend',
    blocks: [
      { text: `Hello ${displayName},` },
      { text: 'Please confirm that this email address is yours. Until you do, you earn nothing and receive no offers.' },
      { link: { label: 'Confirm email address', path: '/verify-email', query: { token } } },
      { text: 'The link works once, for 24 hours. If you did not create an account, you can ignore this message.' },
    ],
  }),
};
