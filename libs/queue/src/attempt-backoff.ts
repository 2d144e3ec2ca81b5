import type { Redis } from 'ioredis';
import { ensureReady } from './rate-limiter';

export interface BackoffPolicy {
  /** Attempts allowed back to back before the first delay. */
  freeAttempts: number;
  /** The delay after the last free attempt; every later attempt doubles it, up to `maxDelayMs`. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** A key without attempts for this long is forgotten (it must outlast `maxDelayMs`). */
  forgetAfterMs: number;
}

export type BackoffDecision =
  | {
      allowed: true;
      /** This attempt's number since the key was last reset or forgotten (1 = the first). */
      attempt: number;
      /** The wait this attempt imposed on the next one (0 while attempts are free); reset() lifts it. */
      delayMs: number;
    }
  | {
      allowed: false;
      retryAfterMs: number;
      /** True for the first refusal of the current wait, so it can be reported once rather than per request. */
      firstRefusal: boolean;
    };

export interface AttemptBackoff {
  /** Atomically: refuse while a wait runs, otherwise count the attempt and, past the free ones, start the next wait. */
  take(key: string, policy: BackoffPolicy, nowMs: number): Promise<BackoffDecision>;
  /** Forgets the key (the attempt succeeded). */
  reset(key: string): Promise<void>;
}

/**
 * One script, so the check and the count cannot interleave between API processes: of 40 parallel
 * attempts exactly `freeAttempts` get through, because the last free one starts the wait before the
 * next request reads it. The wait starts when the attempt is taken, before its outcome is known;
 * a successful attempt calls reset(), which lifts it.
 */
const TAKE = `
local key = KEYS[1]
local now = tonumber(ARGV[1])
local free = tonumber(ARGV[2])
local first = tonumber(ARGV[3])
local max = tonumber(ARGV[4])
local ttl = tonumber(ARGV[5])
local blocked = tonumber(redis.call('HGET', key, 'until') or '0')
if now < blocked then
  local refusals = redis.call('HINCRBY', key, 'refused', 1)
  return {0, blocked - now, refusals}
end
local n = redis.call('HINCRBY', key, 'n', 1)
local delay = 0
if n >= free then
  delay = math.floor(math.min(max, first * math.pow(2, n - free)))
  redis.call('HSET', key, 'until', string.format('%d', now + delay), 'refused', 0)
end
redis.call('PEXPIRE', key, ttl)
return {1, n, delay}
`;

/** Growing waits per key in Redis (the "exponential backoff" of the well-known login throttlers), shared by every API process. */
export function createRedisAttemptBackoff(connection: Redis, prefix: string): AttemptBackoff {
  const keyOf = (key: string) => `${prefix}:backoff:${key}`;
  return {
    async take(key, policy, nowMs) {
      await ensureReady(connection);
      const args = [nowMs, policy.freeAttempts, policy.firstDelayMs, policy.maxDelayMs, policy.forgetAfterMs].map((n) => String(Math.floor(n)));
      const [allowed, a, b] = (await connection.eval(TAKE, 1, keyOf(key), ...args)) as [number, number, number];
      return allowed === 1 ? { allowed: true, attempt: a, delayMs: b } : { allowed: false, retryAfterMs: a, firstRefusal: b === 1 };
    },

    async reset(key) {
      await ensureReady(connection);
      await connection.del(keyOf(key));
    },
  };
}
