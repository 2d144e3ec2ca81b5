import { z } from 'zod';
import { requireInProduction, type IssueSink } from './env-rules';

/** Outgoing mail: sent by the worker, and the development mailbox the API shows without SMTP. */
export const mailEnvShape = {
  /** `smtp://user:password@host:587` (STARTTLS when offered) or `smtps://…:465`; unset: messages are written as .eml files to MAIL_DIR. */
  SMTP_URL: z
    .string()
    .url()
    .refine((url) => /^smtps?:\/\//.test(url), 'must start with smtp:// or smtps://')
    .optional(),
  /** The sender of every message, `Name <address>`; production must name a real address. */
  MAIL_FROM: z.string().trim().min(3).max(320).optional(),
  /** Where messages go without SMTP_URL; the development mailbox (/dev/mailbox) lists them. */
  MAIL_DIR: z.string().min(1).default('.data/mail'),
};

const EXAMPLE_FROM = 'DataDividend <no-reply@localhost>';

/** Production sends real mail: messages written to a folder would never reach anyone. */
export function checkMail(env: { NODE_ENV?: unknown } & Record<string, unknown>, ctx: IssueSink): void {
  requireInProduction(env, ctx, ['SMTP_URL', 'MAIL_FROM'], 'account mail must reach people');
}

export function resolveMailFrom(env: { MAIL_FROM?: string | undefined }): { MAIL_FROM: string } {
  return { MAIL_FROM: env.MAIL_FROM ?? EXAMPLE_FROM };
}
