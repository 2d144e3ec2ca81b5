import { once } from 'node:events';
import { randomUUID } from 'node:crypto';
import { Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRepository } from '@dd/accounts';
import type { AuditSearchInput } from '@dd/contract';
import { createTestDatabase, testRedisUrl, type TestDatabase } from '@dd/db/testing';
import { runExport } from '@dd/gdpr';
import { createRedisConnection, JOBS, queueNamesOf } from '@dd/queue';
import { createTestQueues } from '@dd/queue/testing';
import { createAppServices, type AppServices } from './services';
import { rejection } from './testing/actors';
import { createTestClient } from './testing/test-context';
import { signInWithSecondStep } from './testing/two-factor';

const PASSWORD = 'Zonnebloem-Akker-42';
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


const client = () => createTestClient(tdb.db, redis.queues, undefined, { services });

async function admin() {
  // A new admin each time: a third sign-in of one admin within 30 s would wait for a new code.
  const email = `beheer-ops-${randomUUID()}@example.nl`;
  await services.accounts.ensureAdmin(email, PASSWORD);
  const c = client();
  await signInWithSecondStep(c, email, PASSWORD);
  return { client: c, id: (await (await c.call()).auth.me())!.id };
}

async function customer(name = 'Eva Jansen') {
  const c = client();
  const email = `klant-${randomUUID()}@example.nl`;
  const viewer = await (await c.call()).auth.signUpCustomer({ displayName: name, email, password: PASSWORD });
  return { client: c, id: viewer.id, email };
}

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('admin.audit.search', () => {
  it('filters by action, subject, text and days, newest first, in pages', async () => {
    const { client: a } = await admin();
    const run = randomUUID().slice(0, 8);
    for (let n = 1; n <= 5; n++) {
      await auditRepository.append(tdb.db, { actorUserId: null, actorRole: 'system', action: 'test.paging', subjectType: 'widget', subjectId: `w${n}-${run}`, details: { note: `needle-${run}` } });
    }
    await auditRepository.append(tdb.db, { actorUserId: null, actorRole: 'system', action: 'test.percent', subjectType: 'gadget', subjectId: null, details: { note: `100% zeker ${run}` } });
    await auditRepository.append(tdb.db, { actorUserId: null, actorRole: 'system', action: 'test.percent', subjectType: 'gadget', subjectId: null, details: { note: `1000 euro ${run}` } });
    const search = async (input: AuditSearchInput) => (await a.call()).admin.audit.search(input);

    const pages: string[][] = [];
    let cursor: number | undefined;
    do {
      const page = await search({ action: 'test.paging', limit: 2, ...(cursor ? { cursor } : {}) });
      pages.push(page.entries.map((e) => e.subjectId!));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(pages).toEqual([[`w5-${run}`, `w4-${run}`], [`w3-${run}`, `w2-${run}`], [`w1-${run}`]]);

    expect((await search({ query: `needle-${run}` })).entries).toHaveLength(5);
    expect((await search({ query: `W3-${run}` })).entries.map((e) => e.subjectId)).toEqual([`w3-${run}`]);
    // Wildcards are literal: "100%" does not find "1000 euro".
    expect((await search({ query: `100% zeker ${run}` })).entries).toHaveLength(1);
    expect((await search({ query: '100%', subjectType: 'gadget' })).entries.map((e) => e.details['note'])).toEqual([`100% zeker ${run}`]);
    expect((await search({ subjectType: 'gadget', query: run })).entries).toHaveLength(2);
    expect((await search({ action: 'test.paging', subjectType: 'gadget' })).entries).toEqual([]);

    // The actor by display name and role (the admin's table never shows a bare id); the system has none.
    const { id: adminId } = await admin();
    await auditRepository.append(tdb.db, { actorUserId: adminId, actorRole: 'admin', action: 'test.actor', subjectType: 'widget', subjectId: `actor-${run}`, details: {} });
    const [byAdmin] = (await search({ action: 'test.actor', query: `actor-${run}` })).entries;
    expect(byAdmin).toMatchObject({ actorUserId: adminId, actorRole: 'admin', actorName: expect.any(String) });
    expect(byAdmin!.actorName!.length).toBeGreaterThan(0);
    expect((await search({ query: `needle-${run}` })).entries.every((e) => e.actorName === null)).toBe(true);

    expect((await search({ action: 'test.paging', from: day(0), to: day(0) })).entries).toHaveLength(5);
    expect((await search({ action: 'test.paging', from: day(1) })).entries).toEqual([]);
    expect((await search({ action: 'test.paging', to: day(-1) })).entries).toEqual([]);
    const reversed = await rejection(search({ from: day(0), to: day(-1) }));
    expect(a.errorShape(reversed, 'admin.audit.search').data).toMatchObject({ fieldErrors: { to: ['adminAudit:validation.rangeReversed'] } });

    const facets = await (await a.call()).admin.audit.facets();
    expect(facets.actions).toEqual(expect.arrayContaining(['test.paging', 'test.percent', 'admin.created']));
    expect(facets.subjectTypes).toEqual(expect.arrayContaining(['widget', 'gadget']));
  });
});

describe('admin.jobs', () => {
  it('shows every queue of the registry, a failed job without its payload, and retries it (audited)', async () => {
    const { client: a, id: adminId } = await admin();
    const secretCustomerId = randomUUID();
    const jobId = `test-fail-${randomUUID()}`;
    const connection = createRedisConnection(testRedisUrl, 'worker');
    const failing = new Worker(
      'maintenance',
      async () => {
        throw new Error('Database unreachable\n    at somewhere (file.ts:1:1)');
      },
      { connection, prefix: redis.prefix },
    );
    const failed = once(failing, 'failed');
    await redis.queues.get('maintenance').add('sessions.purge', { customerId: secretCustomerId }, { jobId, attempts: 1 });
    await failed;
    await failing.close();

    const overview = await (await a.call()).admin.jobs.overview();
    expect(overview.queues.map((q) => q.queue)).toEqual([...queueNamesOf(JOBS)]);
    const maintenance = overview.queues.find((q) => q.queue === 'maintenance')!;
    expect(maintenance.counts).toMatchObject({ failed: 1, waiting: 0, active: 0 });
    expect(maintenance.failed).toEqual([
      { queue: 'maintenance', jobId, name: 'sessions.purge', failedReason: 'Database unreachable', attemptsMade: 1, finishedAt: expect.any(String) },
    ]);
    expect(JSON.stringify(overview)).not.toContain(secretCustomerId);

    await expect((await a.call()).admin.jobs.retry({ queue: 'maintenance', jobId })).resolves.toEqual({ ok: true });
    const after = (await (await a.call()).admin.jobs.overview()).queues.find((q) => q.queue === 'maintenance')!;
    expect(after.counts).toMatchObject({ failed: 0, waiting: 1 });
    expect(after.failed).toEqual([]);

    const again = await rejection((await a.call()).admin.jobs.retry({ queue: 'maintenance', jobId }));
    expect(a.errorShape(again, 'admin.jobs.retry').data).toMatchObject({ domainCode: 'CONFLICT', reason: { code: 'jobNotFailed', params: { state: 'waiting' } } });
    expect((await rejection((await a.call()).admin.jobs.retry({ queue: 'maintenance', jobId: 'nope' }))).code).toBe('NOT_FOUND');
    expect((await rejection((await a.call()).admin.jobs.retry({ queue: 'no-such-queue', jobId }))).code).toBe('NOT_FOUND');

    // The retried job runs again with a worker that now succeeds.
    const healthy = new Worker('maintenance', async () => 'done', { connection, prefix: redis.prefix });
    await once(healthy, 'completed');
    await healthy.close();
    connection.disconnect();
    expect((await (await a.call()).admin.jobs.overview()).queues.find((q) => q.queue === 'maintenance')!.counts).toMatchObject({ completed: 1, waiting: 0, failed: 0 });

    const log = await (await a.call()).admin.audit.search({ action: 'job.retried' });
    expect(log.entries).toHaveLength(1);
    expect(log.entries[0]).toMatchObject({ actorUserId: adminId, subjectType: 'job', subjectId: `maintenance:${jobId}`, details: { name: 'sessions.purge' } });
  });
});

describe('admin.gdpr.inProgress', () => {
  it('lists pending exports and erasures by short reference and age, never a name or email', async () => {
    const { client: a } = await admin();
    const exporter = await customer('Geheime Naam');
    const requested = await (await exporter.client.call()).privacy.requestExport();
    const finished = await customer('Klaar Klant');
    const done = await (await finished.client.call()).privacy.requestExport();
    expect(await runExport(tdb.db, done.id)).toBe('ready');
    const eraser = await customer('Weg Ermee');
    await (await eraser.client.call()).privacy.erase({ confirmEmail: eraser.email });

    const progress = await (await a.call()).admin.gdpr.inProgress();
    expect(progress.exports).toContainEqual({
      exportRef: requested.id.slice(0, 8),
      customerRef: exporter.id.slice(0, 8),
      status: 'requested',
      requestedAt: requested.requestedAt,
      ageMinutes: 0,
    });
    expect(progress.exports.map((e) => e.exportRef)).not.toContain(done.id.slice(0, 8));
    expect(progress.erasures.map((e) => e.customerRef)).toEqual([eraser.id.slice(0, 8)]);
    const text = JSON.stringify(progress);
    for (const personal of [exporter.email, eraser.email, 'Geheime Naam', 'Weg Ermee', exporter.id, eraser.id]) expect(text).not.toContain(personal);
  });
});
