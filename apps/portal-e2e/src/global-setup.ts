import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { createTestDatabase, testRedisUrl } from '@dd/db/testing';
import { freePort, startApi, startNodeProcess, waitForHealthy, waitForOutput } from './api-process';
import type { E2eAdmin } from './provided-context';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** The production build the API serves. Vitest sets NODE_ENV=test, which would give React's development build. */
async function buildPortal(): Promise<void> {
  const previous = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    await build({ configFile: fileURLToPath(new URL('../../portal/vite.config.ts', import.meta.url)), mode: 'production', logLevel: 'warn' });
  } finally {
    process.env['NODE_ENV'] = previous;
  }
}

/**
 * Runs after libs/db's global setup (which migrated the template database): builds the portal,
 * starts the real API on a fresh database and a free port, starts the worker on the same database
 * and queues (so uploads and exports get processed), and hands the URL to the tests.
 */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  await buildPortal();

  const database = await createTestDatabase();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // The API creates this admin at start-up (ADMIN_EMAIL / ADMIN_PASSWORD); its name is the API's default.
  const admin: E2eAdmin = { email: 'beheer@datadividend.test', password: `Beheer-${randomBytes(6).toString('hex')}-9`, displayName: 'Administrator' };

  const mailDir = mkdtempSync(join(tmpdir(), 'dd-e2e-mail-'));
  const shared = {
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    REDIS_URL: testRedisUrl,
    QUEUE_PREFIX: `e2e-${randomBytes(4).toString('hex')}`,
    // A few hundred test members make small audiences: estimates precise enough that "fewer than
    // k" and "about N" fall where the tests expect, and a budget for every question they ask.
    PRIVACY_ESTIMATE_EPSILON: '1',
    PRIVACY_ESTIMATE_MONTHLY_EPSILON: '1000',
    // Links in mail point at the portal under test; without SMTP_URL the worker writes mail here and
    // the development mailbox lists it, which is how the tests confirm new accounts' addresses.
    PUBLIC_ORIGIN: baseUrl,
    MAIL_DIR: mailDir,
  };
  const api = startApi({
    cwd: repoRoot,
    env: {
      ...shared,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_ORIGIN: baseUrl,
      LOG_LEVEL: 'warn',
      PORTAL_DIST: 'apps/portal/dist',
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
    },
  });
  // `info`, because readiness is the "worker ready" log line.
  const worker = startNodeProcess('apps/worker/src/main.ts', { cwd: repoRoot, env: { ...shared, LOG_LEVEL: 'info' } });

  try {
    // Both compile the workspace with tsx as they start: on a busy 2-core machine that alone can take half a minute.
    await Promise.all([waitForHealthy(baseUrl, api, 90_000), waitForOutput(worker, /worker ready/, 90_000)]);
  } catch (error) {
    await Promise.all([api.stop(), worker.stop()]);
    await database.drop();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${reason}\n--- API output ---\n${api.output() || '(nothing)'}\n--- worker output ---\n${worker.output() || '(nothing)'}`);
  }

  project.provide('baseUrl', baseUrl);
  project.provide('admin', admin);
  project.provide('databaseUrl', database.url);

  return async () => {
    // The worker first: it may still be finishing a job against the database.
    await worker.stop();
    await api.stop();
    await database.drop();
    rmSync(mailDir, { recursive: true, force: true });
  };
}
