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

// INCR and PEXPIRE as one script: atomic like the MULTI it replaces, but one command and one round trip.
const HIT = `local count = redis.call('INCR', KEYS[1]) redis.call('PEXPIRE', KEYS[1], ARGV[1]) return count`;
// Only a key that still exists is decremented: after its window expired there is nothing to give back.
const REFUND = `if redis.call('EXISTS', KEYS[1]) == 1 then return redis.call('DECR', KEYS[1]) end return 0`;

/** The scripts as ioredis commands: sent as EVALSHA, and by ioredis as EVAL once to a server that does not know them yet. */
interface RateLimitCommands {
  ddRateLimitHit(key: string, expireMs: number): Promise<number>;
  ddRateLimitRefund(key: string): Promise<number>;
}

function withRateLimitCommands(connection: Redis): Redis & RateLimitCommands {
  if (!('ddRateLimitHit' in connection)) {
    connection.defineCommand('ddRateLimitHit', { lua: HIT, numberOfKeys: 1 });
    connection.defineCommand('ddRateLimitRefund', { lua: REFUND, numberOfKeys: 1 });
  }
  return connection as Redis & RateLimitCommands;
}

/** A producer connection has no offline queue: wait for the first connect of a process that just started. */
export async function ensureReady(connection: Redis): Promise<void> {
  if (connection.options.enableOfflineQueue === false && !(await readyForFirstUse(connection))) {
    throw new Error('Redis is not reachable; the rate limit cannot be checked.');
  }
}

/**
 * Fixed-window counter in Redis (INCR + PEXPIRE in one script), so every API process shares one limit.
 * A window boundary can let through up to twice the limit in a short burst, which is fine for a
 * limit whose job is to stop scripted querying, not to meter exactly. INCR is atomic, so parallel
 * requests never get more than the limit through within one window.
 */
export function createRedisRateLimiter(connection: Redis, prefix: string): RefundableRateLimiter {
  const keyOf = (key: string, window: number) => `${prefix}:ratelimit:${key}:${window}`;
  const redis = withRateLimitCommands(connection);
  return {
    async hit(key, limit, windowMs) {
      // Checked here first: the ordinary case, a connection that is up, then costs no extra await.
      if (connection.status !== 'ready') await ensureReady(connection);
      const window = Math.floor(Date.now() / windowMs);
      const count = Number(await redis.ddRateLimitHit(keyOf(key, window), windowMs * 2));
      return count <= limit
        ? { allowed: true, retryAfterMs: 0, count, window }
        : { allowed: false, retryAfterMs: (window + 1) * windowMs - Date.now(), count, window };
    },

    async refund(key, window) {
      await ensureReady(connection);
      await redis.ddRateLimitRefund(keyOf(key, window));
    },
  };
}
