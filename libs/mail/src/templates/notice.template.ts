import type { MailContent } from '../mail.layout';

export interface NoticeParams {
  displayName: string;
  /** The notification's title and text in the recipient's language (libs/notifications' registry): one wording for the portal and the mail. */
  title: string;
  body: string;
  /** The portal page where it happened; none when there is nothing left to show (an erased account). */
  path?: string | undefined;
}

/** Every notification mails the same small message: greeting, what happened, where to see it. */
export const noticeTemplate: Record<'nl' | 'en', (params: NoticeParams) => MailContent> = {
  nl: ({ displayName, title, body, path }) => ({
    subject: title,
    blocks: [
      { text: `Hallo ${displayName},` },
      { text: body },
      ...(path ? [{ link: { label: 'Bekijk het in DataDividend', path } }] : []),
      { text: 'Welke berichten je per e-mail krijgt, stel je in op je accountpagina onder Meldingen.' },
    ],
  }),
  en: ({ displayName, title, body, path }) => ({
    subject: title,
    blocks: [
      { text: `Hello ${displayName},` },
      { text: body },
      ...(path ? [{ link: { label: 'View it in DataDividend', path } }] : []),
      { text: 'Choose which messages you get by email on your account page, under Notifications.' },
    ],
  }),
};
