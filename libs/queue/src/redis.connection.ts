import { Redis, type RedisOptions } from 'ioredis';

/**
 * 'worker': long-lived, blocking reads; BullMQ requires maxRetriesPerRequest: null so a blocking
 * command survives a reconnect. 'producer': used inside API requests, so every command fails
 * within seconds when Redis is down instead of queueing up behind a reconnect.
 */
export type RedisRole = 'worker' | 'producer';

export interface RedisConnectionOptions {
  /** Shown in `CLIENT LIST`, which makes a stuck connection easy to trace to its process. */
  connectionName?: string;
  /** Connection errors are emitted as events; without a listener ioredis prints each one to stderr. */
  onError?: (error: Error) => void;
}

const ROLE_OPTIONS: Record<RedisRole, RedisOptions> = {
  worker: { maxRetriesPerRequest: null },
  producer: {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    connectTimeout: 2_000,
    commandTimeout: 5_000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  },
};

export function redisOptionsFor(role: RedisRole): RedisOptions {
  return { ...ROLE_OPTIONS[role] };
}

export function createRedisConnection(url: string, role: RedisRole, options: RedisConnectionOptions = {}): Redis {
  const connection = new Redis(url, { ...redisOptionsFor(role), connectionName: options.connectionName ?? `dd-${role}` });
  if (options.onError) connection.on('error', options.onError);
  return connection;
}

/** The URL without its password, safe to print in a log line or error message. */
export function describeRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return '(an unparsable REDIS_URL)';
  }
}
