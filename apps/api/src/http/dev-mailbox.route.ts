import type { FastifyInstance } from 'fastify';
import { devMailboxEnabled, listDevMailbox } from '@dd/mail';

export interface DevMailboxOptions {
  NODE_ENV: string;
  SMTP_URL?: string | undefined;
  MAIL_DIR: string;
}

/**
 * The development mailbox: without a mail server, the worker writes each message to MAIL_DIR and
 * `/dev/mailbox` in the portal lists them (links clickable), so `npm start` shows sign-up and reset
 * mail with nothing installed. In production, or when real mail goes out, every `/dev/` path is a
 * plain 404, the portal page included: the messages hold live sign-in links.
 */
export function registerDevMailbox(app: FastifyInstance, options: DevMailboxOptions): void {
  if (!devMailboxEnabled(options)) {
    app.all('/dev/*', async (_req, reply) => reply.code(404).send({ error: 'Not found' }));
    return;
  }
  app.get('/dev/mailbox/messages', async (_req, reply) => {
    const messages = await listDevMailbox(options.MAIL_DIR);
    return reply.header('cache-control', 'no-store').send({ messages });
  });
}
