import type { Redis } from 'ioredis';

export interface RateLimitResult {
  allowed: boolean;
  /** When the caller may try again, if not allowed. */
  retryAfterMs: number;
}

export interface RateLimiter {
  hit(key: string, limit: number, windowMs: number): Promise<RateLimitResult>;
}

/**
 * Fixed-window counter in Redis (INCR + PEXPIRE in one MULTI), so every API process shares one limit.
 * A window boundary can let through up to twice the limit in a short burst, which is fine for a
 * limit whose job is to stop scripted querying, not to meter exactly.
 */
export function createRedisRateLimiter(connection: Redis, prefix: string): RateLimiter {
  return {
    async hit(key, limit, windowMs) {
      const window = Math.floor(Date.now() / windowMs);
      const redisKey = `${prefix}:ratelimit:${key}:${window}`;
      const results = await connection.multi().incr(redisKey).pexpire(redisKey, windowMs * 2).exec();
      const count = Number(results?.[0]?.[1] ?? Number.POSITIVE_INFINITY);
      return count <= limit ? { allowed: true, retryAfterMs: 0 } : { allowed: false, retryAfterMs: (window + 1) * windowMs - Date.now() };
    },
  };
}
