import type { MailContent } from '../mail.layout';

/** The four messages of an e-mail change: the link to the new address, and notices to the old one. */

export interface EmailChangeConfirmParams {
  displayName: string;
  token: string;
}

export interface EmailChangeNoticeParams {
  displayName: string;
  newEmail: string;
  supportEmail: string;
}

export interface EmailChangeTakenParams {
  displayName: string;
  supportEmail: string;
}

export const emailChangeConfirmTemplate: Record<'nl' | 'en', (params: EmailChangeConfirmParams) => MailContent> = {
  nl: ({ displayName, token }) => ({
    subject: 'Bevestig je nieuwe e-mailadres bij DataDividend',
    blocks: [
      { text: `Hallo ${displayName},` },
      { text: 'Je hebt gevraagd om dit adres voortaan te gebruiken voor je DataDividend-account. Bevestig dat dit adres van jou is; daarna log je ermee in.' },
      { link: { label: 'Nieuw e-mailadres bevestigen', path: '/confirm-email-change', query: { token } } },
      { text: 'De link werkt 24 uur en één keer. Na de bevestiging word je op je andere apparaten uitgelogd. Heb je dit niet gevraagd? Dan kun je dit bericht negeren.' },
    ],
  }),
  en: ({ displayName, token }) => ({
    subject: 'Confirm your new email address for DataDividend',
    blocks: [
      { text: `Hello ${displayName},` },
      { text: 'You asked to use this address for your DataDividend account from now on. Please confirm that it is yours; you then sign in with it.' },
      { link: { label: 'Confirm new email address', path: '/confirm-email-change', query: { token } } },
      { text: 'The link works once, for 24 hours. Once confirmed, your other devices are signed out. If you did not ask for this, you can ignore this message.' },
    ],
  }),
};

export const emailChangeRequestedTemplate: Record<'nl' | 'en', (params: EmailChangeNoticeParams) => MailContent> = {
  nl: ({ displayName, newEmail, supportEmail }) => ({
    subject: 'Wijziging van je e-mailadres aangevraagd',
    blocks: [
      { text: `Hallo ${displayName},` },
      { text: `Op je accountpagina is gevraagd om het e-mailadres van je DataDividend-account te wijzigen in ${newEmail}. Het adres verandert pas als iemand de link in het bericht aan dat adres volgt.` },
      { text: `Was jij dit niet? Stel dan meteen een nieuw wachtwoord in en mail ons via ${supportEmail}.` },
      { link: { label: 'Nieuw wachtwoord aanvragen', path: '/forgot-password' } },
    ],
  }),
  en: ({ displayName, newEmail, supportEmail }) => ({
    subject: 'A change of your email address was requested',
    blocks: [
      { text: `Hello ${displayName},` },
      { text: `On your account page, someone asked to change the email address of your DataDividend account to ${newEmail}. The address only changes once the link in the message to that address is followed.` },
      { text: `If this was not you, set a new password right away and write to us at ${supportEmail}.` },
      { link: { label: 'Request a new password', path: '/forgot-password' } },
    ],
  }),
};

export const emailChangedTemplate: Record<'nl' | 'en', (params: EmailChangeNoticeParams) => MailContent> = {
  nl: ({ displayName, newEmail, supportEmail }) => ({
    subject: 'Je e-mailadres bij DataDividend is gewijzigd',
    blocks: [
      { text: `Hallo ${displayName},` },
      { text: `Het e-mailadres van je DataDividend-account is zojuist gewijzigd in ${newEmail}. Je logt voortaan met dat adres in; berichten gaan niet meer naar dit adres. Je bent op je andere apparaten uitgelogd.` },
      { text: `Was jij dit niet? Mail ons dan meteen via ${supportEmail}, dan zetten we je account terug.` },
    ],
  }),
  en: ({ displayName, newEmail, supportEmail }) => ({
    subject: 'Your DataDividend email address was changed',
    blocks: [
      { text: `Hello ${displayName},` },
      { text: `The email address of your DataDividend account was just changed to ${newEmail}. From now on you sign in with that address, and messages no longer go to this one. Your other devices have been signed out.` },
      { text: `If this was not you, write to us right away at ${supportEmail} and we will restore your account.` },
    ],
  }),
};

export const emailChangeTakenTemplate: Record<'nl' | 'en', (params: EmailChangeTakenParams) => MailContent> = {
  nl: ({ displayName, supportEmail }) => ({
    subject: 'Iemand probeerde je e-mailadres te gebruiken',
    blocks: [
      { text: `Hallo ${displayName},` },
      { text: 'Iemand vroeg om het e-mailadres van een ander DataDividend-account te wijzigen in dit adres. Dit adres hoort al bij jouw account, dus er is niets veranderd en je hoeft niets te doen.' },
      { text: `Was jij het, met een tweede account? Eén adres kan maar bij één account horen. Vragen? Mail ons via ${supportEmail}.` },
    ],
  }),
  en: ({ displayName, supportEmail }) => ({
    subject: 'Someone tried to use your email address',
    blocks: [
      { text: `Hello ${displayName},` },
      { text: 'Someone asked to change the email address of another DataDividend account to this address. This address already belongs to your account, so nothing has changed and you need not do anything.' },
      { text: `Was it you, with a second account? One address can belong to one account only. Questions? Write to us at ${supportEmail}.` },
    ],
  }),
};
