import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';

export interface MailEnvelope {
  /** Deterministic per outbox row, so a receiving server can tell a repeat apart. */
  messageId: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface MailTransport {
  send(message: MailEnvelope): Promise<void>;
  close(): void;
}

export interface MailSettings {
  /** `smtp://user:pass@host:587` or `smtps://…`; unset: messages are written to `mailDir`. */
  smtpUrl: string | undefined;
  from: string;
  /** Where messages go without SMTP: one `.eml` file each, listed by the development mailbox. */
  mailDir: string;
}

export const DEFAULT_MAIL_DIR = '.data/mail';

export function mailSettingsFrom(env: { SMTP_URL?: string | undefined; MAIL_FROM: string; MAIL_DIR: string }): MailSettings {
  return { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, mailDir: env.MAIL_DIR };
}

/** The file name of a message in the mail folder: sortable by time, unique per outbox row. */
const fileNameOf = (messageId: string) => `${new Date().toISOString().replace(/[:.]/g, '-')}-${messageId.replace(/[^\w-]/g, '_')}.eml`;

/** Writes each message as an `.eml` file, for development with nothing installed. */
function fileTransport(mailDir: string): MailTransport {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true });
  return {
    async send(message) {
      const info = await composer.sendMail(message);
      await mkdir(mailDir, { recursive: true });
      const path = join(mailDir, fileNameOf(message.messageId));
      // Written under a temporary name first, so the mailbox never lists half a message.
      await writeFile(`${path}.tmp`, info.message as Buffer);
      await rename(`${path}.tmp`, path);
    },
    close: () => composer.close(),
  };
}

function smtpTransport(smtpUrl: string): MailTransport {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(message) {
      await transport.sendMail(message);
    },
    close: () => transport.close(),
  };
}

export function createMailTransport(settings: Pick<MailSettings, 'smtpUrl' | 'mailDir'>): MailTransport {
  return settings.smtpUrl ? smtpTransport(settings.smtpUrl) : fileTransport(settings.mailDir);
}
