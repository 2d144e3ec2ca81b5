import { randomUUID } from 'node:crypto';
import { testRedisUrl } from '@dd/db/testing';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisRateLimiter } from './rate-limiter';
import { createRedisConnection } from './redis.connection';

const connection = createRedisConnection(testRedisUrl, 'producer');
// Producer connections fail fast instead of queueing commands, so wait until this one is up.
beforeAll(async () => {
  if (connection.status !== 'ready') await once(connection, 'ready');
});
afterAll(() => connection.disconnect());

describe('createRedisRateLimiter', () => {
  it('allows up to the limit per window and then says when to come back', async () => {
    const limiter = createRedisRateLimiter(connection, `test-${randomUUID()}`);
    const results = [];
    for (let i = 0; i < 7; i++) results.push(await limiter.hit('org-a', 5, 60_000));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, true, true, false, false]);
    expect(results[5]!.retryAfterMs).toBeGreaterThan(0);
    expect(results[5]!.retryAfterMs).toBeLessThanOrEqual(60_000);
  });

  it('counts each key on its own and shares the count between limiter instances', async () => {
    const prefix = `test-${randomUUID()}`;
    const [one, two] = [createRedisRateLimiter(connection, prefix), createRedisRateLimiter(connection, prefix)];
    expect((await one.hit('org-a', 1, 60_000)).allowed).toBe(true);
    expect((await two.hit('org-a', 1, 60_000)).allowed).toBe(false);
    expect((await two.hit('org-b', 1, 60_000)).allowed).toBe(true);
  });

  it('keeps its count under the window key, expiring after two windows', async () => {
    const prefix = `test-${randomUUID()}`;
    const limiter = createRedisRateLimiter(connection, prefix);
    // An hour's window, so the two hits all but never straddle a boundary.
    const first = await limiter.hit('org-a', 5, 3_600_000);
    await limiter.hit('org-a', 5, 3_600_000);
    const key = `${prefix}:ratelimit:org-a:${first.window}`;
    expect(await connection.get(key)).toBe('2');
    const ttl = await connection.pttl(key);
    expect(ttl).toBeGreaterThan(3_600_000);
    expect(ttl).toBeLessThanOrEqual(7_200_000);
  });

  it('lets exactly the limit through when hits arrive at once', async () => {
    const limiter = createRedisRateLimiter(connection, `test-${randomUUID()}`);
    const results = await Promise.all(Array.from({ length: 20 }, () => limiter.hit('org-a', 7, 60_000)));
    expect(results.filter((r) => r.allowed)).toHaveLength(7);
    expect(results.map((r) => r.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('gives a refunded hit back, and nothing for a window that has gone', async () => {
    const prefix = `test-${randomUUID()}`;
    const limiter = createRedisRateLimiter(connection, prefix);
    const hit = await limiter.hit('org-a', 1, 60_000);
    await limiter.refund('org-a', hit.window);
    expect((await limiter.hit('org-a', 1, 60_000)).allowed).toBe(true);
    await limiter.refund('org-a', hit.window - 5);
    expect(await connection.exists(`${prefix}:ratelimit:org-a:${hit.window - 5}`)).toBe(0);
  });
});
