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
});
