import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadApiEnv } from '@dd/config';
import { createTestDatabase, type TestDatabase } from '@dd/db/testing';
import { createTestQueues } from '@dd/queue/testing';
import { buildServer } from './server';

const ORIGIN = 'http://localhost:3000';
const portalHeaders = { origin: ORIGIN, 'x-trpc-source': 'portal', 'content-type': 'application/json' };
const PASSWORD = 'Tulpenveld-Lente-7';

let tdb: TestDatabase;
let app: FastifyInstance;
let testQueues: ReturnType<typeof createTestQueues>;

beforeAll(async () => {
  tdb = await createTestDatabase();
  testQueues = createTestQueues();
  const env = loadApiEnv({ PUBLIC_ORIGIN: ORIGIN, LOG_LEVEL: 'silent' });
  app = await buildServer({ env, db: tdb.db, queues: testQueues.queues, logger: pino({ level: 'silent' }), pingRedis: async () => 'PONG' });
});

afterAll(async () => {
  await app?.close();
  await testQueues?.close();
  await tdb?.drop();
});

let people = 0;
const freshEmail = () => `http-${++people}-${Date.now()}@example.nl`;

const post = (url: string, body: unknown, remoteAddress: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url, headers: { ...portalHeaders, ...headers }, payload: JSON.stringify(body), remoteAddress });

describe('throttling over HTTP', () => {
  it('answers the 21st failed sign-in from one address with 429 and a Retry-After header, whatever X-Forwarded-For says', async () => {
    const statuses = [];
    let last;
    for (let i = 0; i < 21; i++) {
      // trustProxy is off: a client cannot pose as many addresses by sending the header a proxy would.
      last = await post('/trpc/auth.signIn', { email: freshEmail(), password: `Raden-${i}-wachtwoord` }, '198.51.100.77', { 'x-forwarded-for': `10.0.0.${i}` });
      statuses.push(last.statusCode);
    }
    expect(statuses.slice(0, 20).every((status) => status === 401)).toBe(true);
    expect(last!.statusCode).toBe(429);
    const { error } = last!.json();
    expect(error.data.domainCode).toBe('TOO_MANY_ATTEMPTS');
    expect(error.data.reason.code).toBe('signInAddressLimited');
    expect(last!.headers['retry-after']).toBe(String(error.data.reason.params.retryAfterSeconds));
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);

    // Another address still gets a normal answer.
    expect((await post('/trpc/auth.signIn', { email: freshEmail(), password: 'Raden-wachtwoord-1' }, '198.51.100.78')).statusCode).toBe(401);
  });

  it('sets a long-lived, HttpOnly, SameSite=Strict device cookie at a successful sign-in', async () => {
    const email = freshEmail();
    expect((await post('/trpc/auth.signUpCustomer', { displayName: 'Eva', email, password: PASSWORD }, '192.0.2.50')).statusCode).toBe(200);
    const res = await post('/trpc/auth.signIn', { email, password: PASSWORD }, '192.0.2.50');
    expect(res.statusCode).toBe(200);
    const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    const device = cookies.find((cookie) => cookie.startsWith('dd_device='));
    expect(device).toMatch(/^dd_device=[\w-]{43};/);
    expect(device).toContain('HttpOnly');
    expect(device).toContain('SameSite=Strict');
    expect(device).toContain('Path=/trpc');
    const expires = new Date(/Expires=([^;]+)/.exec(device!)![1]!).getTime();
    expect(expires - Date.now()).toBeGreaterThan(179 * 86_400_000);
  });

  it('answers the 21st sign-up from one address with 429 and a Retry-After header', async () => {
    let last;
    for (let i = 0; i < 21; i++) last = await post('/trpc/auth.signUpCustomer', { displayName: 'X', email: 'geen-adres', password: PASSWORD }, '198.51.100.90');
    expect(last!.statusCode).toBe(429);
    const { error } = last!.json();
    expect(error.data.reason).toEqual({ code: 'rateLimited', params: { retryAfterSeconds: expect.any(Number), action: 'sign-up' } });
    expect(last!.headers['retry-after']).toBe(String(error.data.reason.params.retryAfterSeconds));
  });
});
