import type { Redis } from 'ioredis';
import { readyForFirstUse } from './enqueue';

export interface RateLimitResult {
  allowed: boolean;
  /** When the caller may try again, if not allowed. */
  retryAfterMs: number;
  /** Hits in this window so far, this one included (limit + 1 is the first refusal of the window). */
  count: number;
  /** The fixed window the hit was counted in, for `refund`. */
  window: number;
}

export interface RateLimiter {
  hit(key: string, limit: number, windowMs: number): Promise<RateLimitResult>;
}

/** A limiter that can take a hit back, for attempts that turn out not to count (a successful sign-in). */
export interface RefundableRateLimiter extends RateLimiter {
  refund(key: string, window: number): Promise<void>;
}

// Only a key that still exists is decremented: after its window expired there is nothing to give back.
const REFUND = `if redis.call('EXISTS', KEYS[1]) == 1 then return redis.call('DECR', KEYS[1]) end return 0`;

/** A producer connection has no offline queue: wait for the first connect of a process that just started. */
export async function ensureReady(connection: Redis): Promise<void> {
  if (connection.options.enableOfflineQueue === false && !(await readyForFirstUse(connection))) {
    throw new Error('Redis is not reachable; the rate limit cannot be checked.');
  }
}

/**
 * Fixed-window counter in Redis (INCR + PEXPIRE in one MULTI), so every API process shares one limit.
 * A window boundary can let through up to twice the limit in a short burst, which is fine for a
 * limit whose job is to stop scripted querying, not to meter exactly. INCR is atomic, so parallel
 * requests never get more than the limit through within one window.
 */
export function createRedisRateLimiter(connection: Redis, prefix: string): RefundableRateLimiter {
  const keyOf = (key: string, window: number) => `${prefix}:ratelimit:${key}:${window}`;
  return {
    async hit(key, limit, windowMs) {
      await ensureReady(connection);
      const window = Math.floor(Date.now() / windowMs);
      const redisKey = keyOf(key, window);
      const results = await connection.multi().incr(redisKey).pexpire(redisKey, windowMs * 2).exec();
      const count = Number(results?.[0]?.[1] ?? Number.POSITIVE_INFINITY);
      return count <= limit
        ? { allowed: true, retryAfterMs: 0, count, window }
        : { allowed: false, retryAfterMs: (window + 1) * windowMs - Date.now(), count, window };
    },

    async refund(key, window) {
      await ensureReady(connection);
      await connection.eval(REFUND, 1, keyOf(key, window));
    },
  };
}
