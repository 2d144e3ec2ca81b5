import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { testRedisUrl } from '@dd/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisAttemptBackoff, type BackoffPolicy } from './attempt-backoff';
import { createRedisRateLimiter } from './rate-limiter';
import { createRedisConnection } from './redis.connection';

const connection = createRedisConnection(testRedisUrl, 'producer');
beforeAll(async () => {
  if (connection.status !== 'ready') await once(connection, 'ready');
});
afterAll(() => connection.disconnect());

const policy: BackoffPolicy = { freeAttempts: 3, firstDelayMs: 10_000, maxDelayMs: 35_000, forgetAfterMs: 3_600_000 };
const T = 1_800_000_000_000;

describe('createRedisAttemptBackoff', () => {
  it('lets the free attempts through, then makes each further attempt wait twice as long, up to the maximum', async () => {
    const backoff = createRedisAttemptBackoff(connection, `test-${randomUUID()}`);
    const free = [await backoff.take('a', policy, T), await backoff.take('a', policy, T), await backoff.take('a', policy, T)];
    expect(free).toEqual([
      { allowed: true, attempt: 1, delayMs: 0 },
      { allowed: true, attempt: 2, delayMs: 0 },
      { allowed: true, attempt: 3, delayMs: 10_000 },
    ]);
    expect(await backoff.take('a', policy, T + 4_000)).toEqual({ allowed: false, retryAfterMs: 6_000, firstRefusal: true });
    expect(await backoff.take('a', policy, T + 5_000)).toEqual({ allowed: false, retryAfterMs: 5_000, firstRefusal: false });
    expect(await backoff.take('a', policy, T + 10_000)).toEqual({ allowed: true, attempt: 4, delayMs: 20_000 });
    expect(await backoff.take('a', policy, T + 29_999)).toMatchObject({ allowed: false, retryAfterMs: 1, firstRefusal: true });
    expect(await backoff.take('a', policy, T + 30_000)).toEqual({ allowed: true, attempt: 5, delayMs: 35_000 });
    expect(await backoff.take('a', policy, T + 65_000)).toEqual({ allowed: true, attempt: 6, delayMs: 35_000 });
    // Another key is untouched, and a reset forgets everything.
    expect(await backoff.take('b', policy, T + 65_001)).toEqual({ allowed: true, attempt: 1, delayMs: 0 });
    await backoff.reset('a');
    expect(await backoff.take('a', policy, T + 65_002)).toEqual({ allowed: true, attempt: 1, delayMs: 0 });
  });

  it('lets exactly the free attempts through when 40 arrive at once', async () => {
    const backoff = createRedisAttemptBackoff(connection, `test-${randomUUID()}`);
    const results = await Promise.all(Array.from({ length: 40 }, () => backoff.take('parallel', policy, T)));
    expect(results.filter((r) => r.allowed)).toHaveLength(3);
    expect(results.filter((r) => !r.allowed && r.firstRefusal)).toHaveLength(1);
  });
});

describe('createRedisRateLimiter refunds', () => {
  it('takes a hit back in the window it was counted in', async () => {
    const limiter = createRedisRateLimiter(connection, `test-${randomUUID()}`);
    const first = await limiter.hit('ip', 2, 60_000);
    expect(first).toMatchObject({ allowed: true, count: 1 });
    await limiter.refund('ip', first.window);
    expect(await limiter.hit('ip', 2, 60_000)).toMatchObject({ allowed: true, count: 1 });
    expect(await limiter.hit('ip', 2, 60_000)).toMatchObject({ allowed: true, count: 2 });
    const refused = await limiter.hit('ip', 2, 60_000);
    expect(refused).toMatchObject({ allowed: false, count: 3 });
    expect(refused.retryAfterMs).toBeGreaterThan(0);
  });
});
