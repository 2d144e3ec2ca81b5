import { NOTIFICATION_KINDS, type MandatoryReason, type NotificationKind } from '@dd/contract';
import type { Locale } from '@dd/db';
import { z } from 'zod';

export interface NotificationText {
  title: string;
  body: string;
}

export interface NotificationDefinition<P extends z.ZodType = z.ZodType> {
  /** Checked when a notification is written and again when it is shown. */
  readonly params: P;
  /** Who can receive it: the settings list only the kinds of the user's role. */
  readonly role: 'customer' | 'advertiser';
  readonly text: Record<Locale, (params: z.output<P>) => NotificationText>;
  /** The portal page where it happened. */
  readonly link: (params: z.output<P>) => string;
  /** Whether it is mailed to a user who never chose. */
  readonly mailByDefault: boolean;
  /** Set when the user may not switch the mail off: a service message about their money or their account. */
  readonly mandatory: MandatoryReason | null;
}

function define<P extends z.ZodType>(definition: NotificationDefinition<P>): NotificationDefinition<P> {
  return Object.freeze({ ...definition });
}

const cents = z.number().int().nonnegative();
const name = z.string().min(1).max(200);
const reason = z.string().min(1).max(1000);
const id = z.string().uuid();

const CURRENCY: Record<Locale, Intl.NumberFormat> = {
  nl: new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' }),
  en: new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }),
};
const euros = (amountCents: number, locale: Locale) => CURRENCY[locale].format(amountCents / 100);
const DATE: Record<Locale, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }),
};
const day = (date: string, locale: Locale) => DATE[locale].format(new Date(`${date}T00:00:00Z`));
/** "2026-W49" → "week 49 van 2026" / "week 49 of 2026". */
const week = (isoWeek: string, locale: Locale) => {
  const [year, number] = isoWeek.split('-W');
  return locale === 'nl' ? `week ${Number(number)} van ${year}` : `week ${Number(number)} of ${year}`;
};

/**
 * Every notification the platform sends: what it says in both languages, where it links to and
 * whether it is mailed. One wording serves the portal's list and the mail (libs/mail's `notice.*`
 * messages carry the rendered title and text), so they never tell a different story.
 */
export const NOTIFICATIONS = {
  'gdpr.exportReady': define({
    params: z.object({ expiresOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
    role: 'customer',
    text: {
      nl: ({ expiresOn }) => ({ title: 'Je gegevens staan klaar', body: `Het ZIP-bestand met al je gegevens kun je downloaden tot en met ${day(expiresOn, 'nl')}.` }),
      en: ({ expiresOn }) => ({ title: 'Your data is ready', body: `You can download the ZIP file with all your data until ${day(expiresOn, 'en')}.` }),
    },
    link: () => '/customer/privacy',
    mailByDefault: true,
    mandatory: null,
  }),
  'offers.received': define({
    // Only who sent it: the offer itself is read in the portal, never in a mail (the offers page promises so).
    params: z.object({ advertiser: name }),
    role: 'customer',
    text: {
      nl: ({ advertiser }) => ({ title: 'Nieuwe aanbieding', body: `Er staat een nieuwe aanbieding van ${advertiser} in je inbox.` }),
      en: ({ advertiser }) => ({ title: 'New offer', body: `There is a new offer from ${advertiser} in your inbox.` }),
    },
    link: () => '/customer/offers',
    mailByDefault: false,
    mandatory: null,
  }),
  'sales.weeklyDigest': define({
    params: z.object({ week: z.string().regex(/^\d{4}-W\d{2}$/), sales: z.number().int().positive(), shareCents: cents }),
    role: 'customer',
    text: {
      nl: (p) => ({
        title: `Je gegevens in ${week(p.week, 'nl')}`,
        body: `In ${week(p.week, 'nl')} ${p.sales === 1 ? 'zat je in 1 verkoop' : `zat je in ${p.sales} verkopen`}. Jouw deel: ${euros(p.shareCents, 'nl')}.`,
      }),
      en: (p) => ({
        title: `Your data in ${week(p.week, 'en')}`,
        body: `In ${week(p.week, 'en')} you were part of ${p.sales === 1 ? '1 sale' : `${p.sales} sales`}. Your share: ${euros(p.shareCents, 'en')}.`,
      }),
    },
    link: () => '/customer/timeline',
    mailByDefault: true,
    mandatory: null,
  }),
  'payouts.sent': define({
    params: z.object({ amountCents: cents }),
    role: 'customer',
    text: {
      nl: ({ amountCents }) => ({ title: 'Uitbetaling verstuurd', body: `We hebben ${euros(amountCents, 'nl')} naar je rekening overgemaakt.` }),
      en: ({ amountCents }) => ({ title: 'Payout sent', body: `We transferred ${euros(amountCents, 'en')} to your bank account.` }),
    },
    link: () => '/customer/earnings',
    mailByDefault: true,
    mandatory: 'money',
  }),
  'payouts.returned': define({
    params: z.object({ amountCents: cents, reasonCode: z.string().regex(/^[A-Z0-9]{4}$/) }),
    role: 'customer',
    text: {
      nl: ({ amountCents, reasonCode }) => ({
        title: 'Uitbetaling teruggekomen',
        body: `De bank heeft ${euros(amountCents, 'nl')} teruggestuurd (reden ${reasonCode}). Het bedrag staat weer bij je verdiensten; vraag een uitbetaling aan naar een andere rekening.`,
      }),
      en: ({ amountCents, reasonCode }) => ({
        title: 'Payout returned',
        body: `The bank sent ${euros(amountCents, 'en')} back (reason ${reasonCode}). The amount is back in your earnings; request a payout to another account.`,
      }),
    },
    link: () => '/customer/earnings',
    mailByDefault: true,
    mandatory: 'money',
  }),
  'purchases.approved': define({
    params: z.object({ purchaseId: id, title: name }),
    role: 'advertiser',
    text: {
      nl: ({ title }) => ({ title: 'Aankoop goedgekeurd', body: `Je aanvraag "${title}" is goedgekeurd en wordt nu uitgevoerd.` }),
      en: ({ title }) => ({ title: 'Purchase approved', body: `Your request "${title}" was approved and is being fulfilled.` }),
    },
    link: ({ purchaseId }) => `/advertiser/purchases/${purchaseId}`,
    mailByDefault: true,
    mandatory: null,
  }),
  'purchases.rejected': define({
    params: z.object({ purchaseId: id, title: name, reason }),
    role: 'advertiser',
    text: {
      nl: ({ title, reason }) => ({ title: 'Aankoop afgewezen', body: `Je aanvraag "${title}" is afgewezen. Reden: “${reason}”. Het gereserveerde bedrag staat weer in je saldo.` }),
      en: ({ title, reason }) => ({ title: 'Purchase rejected', body: `Your request "${title}" was rejected. Reason: “${reason}”. The reserved amount is back in your balance.` }),
    },
    link: ({ purchaseId }) => `/advertiser/purchases/${purchaseId}`,
    mailByDefault: true,
    mandatory: null,
  }),
  'purchases.delivered': define({
    params: z.object({ purchaseId: id, title: name }),
    role: 'advertiser',
    text: {
      nl: ({ title }) => ({ title: 'Aankoop geleverd', body: `"${title}" is geleverd. De resultaten en de factuur staan klaar.` }),
      en: ({ title }) => ({ title: 'Purchase delivered', body: `"${title}" was delivered. The results and the invoice are ready.` }),
    },
    link: ({ purchaseId }) => `/advertiser/purchases/${purchaseId}`,
    mailByDefault: true,
    mandatory: null,
  }),
  'organisation.verified': define({
    params: z.object({ organisationName: name }),
    role: 'advertiser',
    text: {
      nl: ({ organisationName }) => ({ title: 'Organisatie geverifieerd', body: `${organisationName} is geverifieerd: je ziet nu schattingen en kunt aankopen doen.` }),
      en: ({ organisationName }) => ({ title: 'Organisation verified', body: `${organisationName} is verified: you now see estimates and can make purchases.` }),
    },
    link: () => '/advertiser/organisation',
    mailByDefault: true,
    mandatory: 'account',
  }),
  'organisation.rejected': define({
    params: z.object({ organisationName: name, reason }),
    role: 'advertiser',
    text: {
      nl: ({ organisationName, reason }) => ({ title: 'Organisatie niet geverifieerd', body: `${organisationName} is niet geverifieerd. Reden: “${reason}”. Pas de gegevens aan en sla ze op om opnieuw te laten beoordelen.` }),
      en: ({ organisationName, reason }) => ({ title: 'Organisation not verified', body: `${organisationName} was not verified. Reason: “${reason}”. Correct the details and save them to have them reviewed again.` }),
    },
    link: () => '/advertiser/organisation',
    mailByDefault: true,
    mandatory: 'account',
  }),
  'billing.lowBalance': define({
    params: z.object({ balanceCents: z.number().int(), thresholdCents: cents }),
    role: 'advertiser',
    text: {
      nl: ({ balanceCents, thresholdCents }) => ({ title: 'Saldo bijna op', body: `Je saldo is ${euros(balanceCents, 'nl')}, minder dan ${euros(thresholdCents, 'nl')}. Vul het aan om nieuwe aankopen te kunnen doen.` }),
      en: ({ balanceCents, thresholdCents }) => ({ title: 'Balance running low', body: `Your balance is ${euros(balanceCents, 'en')}, below ${euros(thresholdCents, 'en')}. Top it up to keep making purchases.` }),
    },
    link: () => '/advertiser/billing',
    mailByDefault: true,
    mandatory: null,
  }),
} as const satisfies Record<NotificationKind, NotificationDefinition>;

export type NotificationParams<K extends NotificationKind> = z.input<(typeof NOTIFICATIONS)[K]['params']>;

/** The confirmation of an erasure: mail only, in the language of the account that is gone. */
export const ERASURE_DONE_TEXT: Record<Locale, NotificationText> = {
  nl: { title: 'Je account is verwijderd', body: 'Je account en alle gegevens die we over je bewaarden zijn verwijderd. Dit is het laatste bericht dat je van ons krijgt; ook dit e-mailadres bewaren we niet.' },
  en: { title: 'Your account was erased', body: 'Your account and all data we kept about you have been erased. This is the last message you get from us; we do not keep this email address either.' },
};

export function definitionOf(kind: NotificationKind): NotificationDefinition {
  return NOTIFICATIONS[kind] as NotificationDefinition;
}

/** Title, text and link of a stored notification, in the reader's language. */
export function renderNotification(kind: NotificationKind, params: unknown, locale: Locale): NotificationText & { link: string } {
  const definition = definitionOf(kind);
  const parsed = definition.params.parse(params);
  return { ...definition.text[locale](parsed), link: definition.link(parsed) };
}

export const isNotificationKind = (kind: string): kind is NotificationKind => (NOTIFICATION_KINDS as readonly string[]).includes(kind);
