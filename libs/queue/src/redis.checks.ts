import { Redis } from 'ioredis';
import { describeRedisUrl } from './redis.connection';
import { RedisSetupError } from './queue.errors';

const START_HINT = 'redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no';

function portOf(url: string): string {
  try {
    return new URL(url).port || '6379';
  } catch {
    return '6379';
  }
}

/**
 * Connects once with a short timeout so a missing Redis is reported as one actionable line at
 * start-up, instead of as an endless stream of reconnect errors.
 */
export async function checkRedis(url: string, options: { timeoutMs?: number } = {}): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 2_000;
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
    connectionName: 'dd-check',
  });
  // Failures are reported through the promise below; the event would only repeat them on stderr.
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/NOAUTH|WRONGPASS|invalid password|invalid username/i.test(message)) {
      throw new RedisSetupError(`Redis at ${describeRedisUrl(url)} refused the credentials in REDIS_URL (${message}). Fix the user/password in REDIS_URL.`);
    }
    const port = portOf(url);
    const hint = START_HINT.replace('--port 6379', `--port ${port}`);
    throw new RedisSetupError(`Redis is not reachable at ${describeRedisUrl(url)}. Start it with: ${hint} (or set REDIS_URL).`);
  } finally {
    client.disconnect();
  }
}

function where(connection: Redis): string {
  const { host, port } = connection.options;
  return `${host ?? '127.0.0.1'}:${port ?? 6379}`;
}

/** `redis-cli` with -h/-p only when they differ from its defaults, so the fix can be pasted as is. */
function redisCli(connection: Redis): string {
  const { host, port } = connection.options;
  const hostFlag = host && host !== '127.0.0.1' && host !== 'localhost' ? ` -h ${host}` : '';
  const portFlag = port && port !== 6379 ? ` -p ${port}` : '';
  return `redis-cli${hostFlag}${portFlag}`;
}

async function readEvictionPolicy(connection: Redis): Promise<string | undefined> {
  try {
    const reply = (await connection.config('GET', 'maxmemory-policy')) as unknown;
    if (Array.isArray(reply) && typeof reply[1] === 'string') return reply[1];
  } catch {
    // Managed Redis services often disable or rename CONFIG; INFO carries the same setting.
  }
  const info = await connection.info('memory');
  return /^maxmemory_policy:(\S+)/m.exec(info)?.[1];
}

/**
 * BullMQ keeps jobs as ordinary keys: under any eviction policy other than noeviction, Redis
 * silently deletes queued jobs when memory runs short. Refuse to run rather than lose work.
 */
export async function assertNoEviction(connection: Redis): Promise<void> {
  const policy = await readEvictionPolicy(connection);
  if (policy === 'noeviction') return;
  if (policy === undefined) {
    throw new RedisSetupError(
      `Could not read maxmemory-policy from Redis at ${where(connection)}; it must be "noeviction" or queued jobs can be lost. Check with: ${redisCli(connection)} config get maxmemory-policy`,
    );
  }
  throw new RedisSetupError(
    `Redis at ${where(connection)} has maxmemory-policy "${policy}", which lets Redis delete queued jobs; it must be "noeviction". Fix: ${redisCli(connection)} config set maxmemory-policy noeviction (and set it in redis.conf so it survives a restart).`,
  );
}
