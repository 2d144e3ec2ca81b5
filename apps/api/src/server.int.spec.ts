import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadApiEnv } from '@dd/config';
import { createTestDatabase, testRedisUrl, type TestDatabase } from '@dd/db/testing';
import { createTestQueues } from '@dd/queue/testing';
import { buildServer } from './server';

const ORIGIN = 'http://localhost:3000';
const portalHeaders = { origin: ORIGIN, 'x-trpc-source': 'portal', 'content-type': 'application/json' };

let tdb: TestDatabase;
let app: FastifyInstance;
let redis: Redis;
let distDir: string;
let testQueues: ReturnType<typeof createTestQueues>;

async function serverWith(pingRedis: () => Promise<unknown>, portalDist = distDir) {
  const env = loadApiEnv({ PUBLIC_ORIGIN: ORIGIN, PORTAL_DIST: portalDist, LOG_LEVEL: 'silent' });
  return buildServer({ env, db: tdb.db, queues: testQueues.queues, logger: pino({ level: 'silent' }), pingRedis });
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  testQueues = createTestQueues();
  redis = new Redis(testRedisUrl, { maxRetriesPerRequest: 1 });
  distDir = mkdtempSync(join(tmpdir(), 'dd-portal-'));
  writeFileSync(join(distDir, 'index.html'), '<!doctype html><title>DataDividend</title><div id="root"></div>');
  app = await serverWith(() => redis.ping());
});

afterAll(async () => {
  await app?.close();
  redis?.disconnect();
  await testQueues?.close();
  await tdb?.drop();
});

const signUpBody = (email: string, password = 'Tulpenveld-Lente-7') => JSON.stringify({ displayName: 'Eva Jansen', email, password });

describe('HTTP surface', () => {
  it('reports database and Redis health', async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: 'ok', redis: 'ok' });
  });

  it('reports Redis as down when it does not answer', async () => {
    const unreachable = new Redis('redis://127.0.0.1:1', { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
    unreachable.on('error', () => {}); // the failed connect is the point of this test
    const degraded = await serverWith(async () => {
      await unreachable.connect();
      return unreachable.ping();
    });
    const res = await degraded.inject({ method: 'GET', url: '/healthz' });
    await degraded.close();
    unreachable.disconnect();
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ status: 'degraded', database: 'ok', redis: 'down' });
  });

  it('sets security headers and a request id on every response', async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'req-123' } });
    // The server's own id, never the client's (hardening.http.int.spec.ts: the client's is logged beside it).
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    const generated = await app.inject({ method: 'GET', url: '/healthz' });
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('signs up over HTTP with an HttpOnly, SameSite session cookie', async () => {
    const res = await app.inject({ method: 'POST', url: '/trpc/auth.signUpCustomer', headers: portalHeaders, payload: signUpBody('http-user@example.nl') });
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^dd_session=[\w-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
    const token = /dd_session=([\w-]+)/.exec(cookie)![1];
    const me = await app.inject({ method: 'GET', url: '/trpc/auth.me', headers: { cookie: `dd_session=${token}` } });
    expect(me.json().result.data).toMatchObject({ email: 'http-user@example.nl', role: 'customer' });
  });

  it('shows validation errors per field, with a message for people', async () => {
    const res = await app.inject({ method: 'POST', url: '/trpc/auth.signUpCustomer', headers: portalHeaders, payload: signUpBody('geen-email', 'kort') });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.message).toBe('Some fields need attention.');
    expect(error.data.domainCode).toBe('VALIDATION_FAILED');
    expect(error.data.fieldErrors).toEqual({ email: ['validation.emailInvalid'], password: ['validation.passwordTooShort', 'validation.passwordTooSimple'] });
    expect(error.data.stack).toBeUndefined();
  });

  it('refuses a state-changing request without the CSRF header and writes nothing', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/trpc/auth.signUpCustomer',
      headers: { origin: ORIGIN, 'content-type': 'application/json' },
      payload: signUpBody('csrf@example.nl'),
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.data.domainCode).toBe('CSRF_REJECTED');
    expect(res.json().error.message).toBe(
      'This request was blocked because it did not come from the DataDividend portal. Reload the page and try again.',
    );
    expect(res.headers['set-cookie']).toBeUndefined();
    const row = await tdb.db.selectFrom('users').select('id').where('email', '=', 'csrf@example.nl').executeTakeFirst();
    expect(row).toBeUndefined();
  });

  it('refuses a cross-origin request that carries the header', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/trpc/auth.signUpCustomer',
      headers: { ...portalHeaders, origin: 'https://elders.example' },
      payload: signUpBody('cross@example.nl'),
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.data.domainCode).toBe('CSRF_REJECTED');
  });

  it('answers a wrong role with 403 and a reason', async () => {
    const signUp = await app.inject({ method: 'POST', url: '/trpc/auth.signUpCustomer', headers: portalHeaders, payload: signUpBody('rol@example.nl') });
    const cookie = String(signUp.headers['set-cookie']).split(';')[0]!;
    const res = await app.inject({ method: 'GET', url: '/trpc/admin.overview', headers: { cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ message: 'This part of DataDividend is only for admin accounts.', data: { domainCode: 'WRONG_ROLE' } });
  });

  it('serves the portal, with client-side routes falling back to index.html', async () => {
    const root = await app.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } });
    expect(root.statusCode).toBe(200);
    expect(root.body).toContain('<div id="root">');
    const deep = await app.inject({ method: 'GET', url: '/customer/consent', headers: { accept: 'text/html' } });
    expect(deep.statusCode).toBe(200);
    expect(deep.body).toContain('<div id="root">');
    const api404 = await app.inject({ method: 'GET', url: '/nope.json', headers: { accept: 'application/json' } });
    expect(api404.statusCode).toBe(404);
  });

  it('explains how to build the portal when it is missing', async () => {
    const bare = await serverWith(() => redis.ping(), join(distDir, 'missing'));
    const res = await bare.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } });
    await bare.close();
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('npm run build:portal');
  });
});
