import { testRedisUrl } from '@dd/db/testing';
import type { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { assertNoEviction, checkRedis } from './redis.checks';
import { createRedisConnection } from './redis.connection';
import { startRedisServer, unusedPort } from './testing/redis-server';

describe('checkRedis', () => {
  it('passes when Redis answers', async () => {
    await expect(checkRedis(testRedisUrl)).resolves.toBeUndefined();
  });

  it('fails with one actionable line when nothing listens', async () => {
    const port = await unusedPort();
    const started = Date.now();
    await expect(checkRedis(`redis://127.0.0.1:${port}`)).rejects.toThrow(
      `Redis is not reachable at redis://127.0.0.1:${port}. Start it with: redis-server --daemonize yes --bind 127.0.0.1 --port ${port} --save "" --appendonly no (or set REDIS_URL).`,
    );
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});

describe('assertNoEviction', () => {
  const servers: { stop(): void }[] = [];
  const connections: Redis[] = [];
  afterAll(() => {
    for (const connection of connections) connection.disconnect();
    for (const server of servers) server.stop();
  });

  async function connectTo(args: string[]): Promise<Redis> {
    const server = await startRedisServer(args);
    servers.push(server);
    const connection = createRedisConnection(server.url, 'worker');
    connections.push(connection);
    return connection;
  }

  it('passes on the main Redis, which is noeviction', async () => {
    const connection = createRedisConnection(testRedisUrl, 'worker');
    connections.push(connection);
    await expect(assertNoEviction(connection)).resolves.toBeUndefined();
  });

  it('refuses an evicting Redis and says how to fix it', async () => {
    const connection = await connectTo(['--maxmemory-policy', 'allkeys-lru']);
    const port = connection.options.port;
    await expect(assertNoEviction(connection)).rejects.toThrow(
      `Redis at 127.0.0.1:${port} has maxmemory-policy "allkeys-lru", which lets Redis delete queued jobs; it must be "noeviction". Fix: redis-cli -p ${port} config set maxmemory-policy noeviction`,
    );
  });

  it('reads the policy from INFO when CONFIG is disabled, as on managed Redis', async () => {
    const connection = await connectTo(['--maxmemory-policy', 'volatile-lru', '--rename-command', 'CONFIG', '']);
    await expect(connection.config('GET', 'maxmemory-policy')).rejects.toThrow(/unknown command/i);
    await expect(assertNoEviction(connection)).rejects.toThrow(/maxmemory-policy "volatile-lru"/);
  });
});
