import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountsService } from '@dd/accounts';
import { loadApiEnv } from '@dd/config';
import { createTestDatabase, type TestDatabase } from '@dd/db/testing';
import { checkPain001, createPayoutService, DEFAULT_PAYOUT_SETTINGS, writeBatchFile } from '@dd/payouts';
import { ageAccount, creditEarnings, uniqueIban } from '@dd/payouts/testing';
import { createTestQueues } from '@dd/queue/testing';
import { buildServer } from './server';
import { signInThroughSecondStep } from '@dd/api/testing';

const ORIGIN = 'http://localhost:3000';
const headers = { origin: ORIGIN, 'x-trpc-source': 'portal', 'content-type': 'application/json' };
const PASSWORD = 'Tulpenveld-Lente-7';

let tdb: TestDatabase;
let app: FastifyInstance;
let testQueues: ReturnType<typeof createTestQueues>;

beforeAll(async () => {
  tdb = await createTestDatabase();
  testQueues = createTestQueues();
  const env = loadApiEnv({ PUBLIC_ORIGIN: ORIGIN, PORTAL_DIST: '/nonexistent', LOG_LEVEL: 'silent' });
  app = await buildServer({ env, db: tdb.db, queues: testQueues.queues, logger: pino({ level: 'silent' }), pingRedis: async () => 'PONG', payouts: { ...DEFAULT_PAYOUT_SETTINGS, holdingDays: 0 } });
});

afterAll(async () => {
  await app?.close();
  await testQueues?.close();
  await tdb?.drop();
});

/** The session cookie after the password and, for an admin, the second step. */
async function cookieFor(email: string): Promise<string> {
  let cookie = '';
  await signInThroughSecondStep(
    async (procedure, input) => {
      const res = await app.inject({ method: 'POST', url: `/trpc/${procedure}`, headers, payload: JSON.stringify(input) });
      expect(res.statusCode).toBe(200);
      const session = [res.headers['set-cookie']].flat().find((c) => c?.startsWith('dd_session='));
      if (session) cookie = session.split(';')[0]!;
      return (res.json() as { result: { data: unknown } }).result.data;
    },
    email,
    PASSWORD,
  );
  return cookie;
}

describe('the pain.001 download', () => {
  it('serves the stored file to an admin with the session cookie, and to nobody else', async () => {
    await createAccountsService({ db: tdb.db }).ensureAdmin('beheer@example.nl', PASSWORD);
    const signUp = await app.inject({
      method: 'POST',
      url: '/trpc/auth.signUpCustomer',
      headers,
      payload: JSON.stringify({ displayName: 'Eva Jansen', email: 'eva@example.nl', password: PASSWORD }),
    });
    const customerCookie = String(signUp.headers['set-cookie']).split(';')[0]!;
    const { id: customerId } = await tdb.db.selectFrom('users').select('id').where('email', '=', 'eva@example.nl').executeTakeFirstOrThrow();
    await ageAccount(tdb.db, customerId, 40);
    await creditEarnings(tdb.db, customerId, 2_500);

    const payouts = createPayoutService({ db: tdb.db, queues: testQueues.queues, settings: { ...DEFAULT_PAYOUT_SETTINGS, holdingDays: 0 } });
    const request = await payouts.requestPayout(customerId, { amount: 'all', iban: uniqueIban(), accountHolder: 'Eva Jansen' });
    const batch = await payouts.createBatch(customerId, [request.id]);
    const url = `/api/admin/payout-batches/${batch.id}/pain001.xml`;

    const adminCookie = await cookieFor('beheer@example.nl');
    const early = await app.inject({ method: 'GET', url, headers: { cookie: adminCookie } });
    expect(early.statusCode).toBe(404);
    expect(early.json()).toEqual({ error: 'The payment file of this batch is not ready yet. Try again in a moment.' });

    await writeBatchFile(tdb.db, batch.id);
    const res = await app.inject({ method: 'GET', url, headers: { cookie: adminCookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="datadividend-payouts-\d{4}-\d{2}-\d{2}-DDM[0-9A-F]{32}\.xml"$/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(checkPain001(res.body)).toEqual([]);
    expect(res.body).toContain('<InstdAmt Ccy="EUR">25.00</InstdAmt>');

    expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401);
    const asCustomer = await app.inject({ method: 'GET', url, headers: { cookie: customerCookie } });
    expect(asCustomer.statusCode).toBe(403);
    expect(asCustomer.json()).toEqual({ error: 'Only admins can download payment files.' });
    expect((await app.inject({ method: 'GET', url: '/api/admin/payout-batches/not-a-uuid/pain001.xml', headers: { cookie: adminCookie } })).statusCode).toBe(404);
  });
});
