import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadApiEnv } from '@dd/config';
import { createTestDatabase, type TestDatabase } from '@dd/db/testing';
import { createMailTransport, renderMessage } from '@dd/mail';
import { createTestQueues } from '@dd/queue/testing';
import { buildServer } from './server';

const ORIGIN = 'http://localhost:3000';
let tdb: TestDatabase;
let testQueues: ReturnType<typeof createTestQueues>;
let distDir: string;
let mailDir: string;
const servers: FastifyInstance[] = [];

/** `production` is set after parsing: production's other required settings (seller, contacts) are beside the point here. */
async function serverWith(env: Record<string, string>, production = false) {
  const parsed = loadApiEnv({ PUBLIC_ORIGIN: ORIGIN, PORTAL_DIST: distDir, LOG_LEVEL: 'silent', MAIL_DIR: mailDir, ...env });
  const app = await buildServer({
    env: production ? { ...parsed, NODE_ENV: 'production' } : parsed,
    db: tdb.db,
    queues: testQueues.queues,
    logger: pino({ level: 'silent' }),
    pingRedis: async () => 'PONG',
  });
  servers.push(app);
  return app;
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  testQueues = createTestQueues();
  distDir = mkdtempSync(join(tmpdir(), 'dd-portal-'));
  writeFileSync(join(distDir, 'index.html'), '<!doctype html><title>DataDividend</title><div id="root"></div>');
  mailDir = mkdtempSync(join(tmpdir(), 'dd-mail-'));
  // A message as the worker writes it without SMTP_URL.
  const transport = createMailTransport({ smtpUrl: undefined, mailDir });
  const rendered = renderMessage('account.password-reset', 'en', { displayName: 'Eva <Jansen>', token: 'a'.repeat(43) }, ORIGIN);
  await transport.send({ messageId: '<dev-1@localhost>', from: 'DataDividend <no-reply@localhost>', to: 'eva@example.nl', ...rendered });
  transport.close();
});

afterAll(async () => {
  for (const app of servers) await app.close();
  await testQueues.close();
  await tdb.drop();
});

describe('the development mailbox', () => {
  it('lists the messages written to MAIL_DIR, with their text and its links, and the portal page loads', async () => {
    const app = await serverWith({ NODE_ENV: 'development' });
    const res = await app.inject({ method: 'GET', url: '/dev/mailbox/messages' });
    expect(res.statusCode).toBe(200);
    const { messages } = res.json<{ messages: { to: string; subject: string; text: string; html: string }[] }>();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ to: 'eva@example.nl', subject: 'Set a new password for DataDividend' });
    expect(messages[0]!.text).toContain(`${ORIGIN}/reset-password?token=${'a'.repeat(43)}`);
    expect(messages[0]!.html).toContain('Hello Eva &lt;Jansen&gt;,');
    const page = await app.inject({ method: 'GET', url: '/dev/mailbox', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
  });

  it('does not exist in production: the list and the portal page are 404', async () => {
    const app = await serverWith({ NODE_ENV: 'development' }, true);
    expect((await app.inject({ method: 'GET', url: '/dev/mailbox/messages' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/dev/mailbox', headers: { accept: 'text/html' } })).statusCode).toBe(404);
  });

  it('does not exist when real mail goes out through SMTP', async () => {
    const app = await serverWith({ NODE_ENV: 'development', SMTP_URL: 'smtp://127.0.0.1:2525' });
    expect((await app.inject({ method: 'GET', url: '/dev/mailbox/messages' })).statusCode).toBe(404);
  });
});
