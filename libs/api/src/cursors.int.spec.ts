import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@dd/db/testing';
import { createTestQueues } from '@dd/queue/testing';
import { createAppServices, type AppServices } from './services';
import { rejection, signedInAdmin } from './testing/actors';

// Every list that pages: a cursor or date that cannot exist is a field error (400) with a message the
// portal translates, never a query PostgreSQL refuses (the finding: `2026-02-30_1` gave a 500).

let tdb: TestDatabase;
let redis: ReturnType<typeof createTestQueues>;
let services: AppServices;

beforeAll(async () => {
  tdb = await createTestDatabase();
  redis = createTestQueues();
  services = createAppServices(tdb.db, redis.queues, { sessionTtlHours: 1 });
});
afterAll(async () => {
  await redis.close();
  await tdb.drop();
});

/** A cursor as libs/payouts writes one (base64url JSON of the last row's key). */
const payoutCursor = (key: unknown[]) => Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');

describe('cursors and dates of the admin’s lists', () => {
  it('payout requests and batches refuse a cursor with an impossible timestamp or a bad shape', async () => {
    const { client: a } = await signedInAdmin({ db: tdb.db, queues: redis.queues, services });
    for (const cursor of [payoutCursor([1, '2026-02-30T00:00:00.000000Z', randomUUID()]), payoutCursor([1, '2026-01-01T25:00:00Z', randomUUID()]), 'bm90IGpzb24']) {
      const error = await rejection((await a.call()).admin.payouts.requests({ status: 'all', cursor }));
      expect(error.code, cursor).toBe('BAD_REQUEST');
      expect(a.errorShape(error, 'admin.payouts.requests').data, cursor).toMatchObject({ fieldErrors: { cursor: ['validation.cursorInvalid'] } });
    }
    const batch = await rejection((await a.call()).admin.payouts.batches({ cursor: payoutCursor(['2026-02-30T00:00:00Z', randomUUID()]) }));
    expect(a.errorShape(batch, 'admin.payouts.batches').data).toMatchObject({ domainCode: 'VALIDATION_FAILED', fieldErrors: { cursor: ['validation.cursorInvalid'] } });
    const shape = await rejection((await a.call()).admin.payouts.batches({ cursor: 'no spaces or $' }));
    expect(a.errorShape(shape, 'admin.payouts.batches').data).toMatchObject({ fieldErrors: { cursor: ['validation.cursorInvalid'] } });
    // A real first page still answers.
    await expect((await a.call()).admin.payouts.batches({})).resolves.toMatchObject({ items: [] });
  });

  it('the audit search refuses days that do not exist', async () => {
    const { client: a } = await signedInAdmin({ db: tdb.db, queues: redis.queues, services });
    for (const from of ['2026-02-30', '2026-13-01', '0000-01-01']) {
      const error = await rejection((await a.call()).admin.audit.search({ from }));
      expect(a.errorShape(error, 'admin.audit.search').data, from).toMatchObject({ fieldErrors: { from: ['adminAudit:validation.dateInvalid'] } });
    }
    await expect((await a.call()).admin.audit.search({ from: '2024-02-29', to: '2026-02-28' })).resolves.toHaveProperty('entries');
  });

  it('the organisations list refuses a cursor that is not an id', async () => {
    const { client: a } = await signedInAdmin({ db: tdb.db, queues: redis.queues, services });
    const error = await rejection((await a.call()).admin.organisations.list({ cursor: '2026-02-30_1' }));
    expect(a.errorShape(error, 'admin.organisations.list').data).toMatchObject({ fieldErrors: { cursor: ['validation.invalidId'] } });
  });
});
