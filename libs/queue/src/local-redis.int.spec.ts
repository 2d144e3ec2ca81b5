import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { testRedisUrl } from '@dd/db/testing';
import { ensureLocalRedis } from './local-redis';
import { unusedPort } from './testing/redis-server';

const dataDir = mkdtempSync(join(tmpdir(), 'dd-redis-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('Redis for npm start', () => {
  it('uses the Redis that answers and starts nothing', async () => {
    const redis = await ensureLocalRedis(testRedisUrl, { dataDir });
    expect(redis.started).toBe(false);
  });

  it('starts redis-server when nothing answers on this machine: noeviction, append-only, stopped on request', async () => {
    const url = `redis://127.0.0.1:${await unusedPort()}`;
    const redis = await ensureLocalRedis(url, { dataDir });
    expect(redis.started).toBe(true);
    const client = new Redis(url, { maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => {});
    expect(await client.config('GET', 'maxmemory-policy')).toEqual(['maxmemory-policy', 'noeviction']);
    expect(await client.config('GET', 'appendonly')).toEqual(['appendonly', 'yes']);
    expect(await client.config('GET', 'dir')).toEqual(['dir', dataDir]);
    client.disconnect();
    await redis.stop();
    await expect(ensureLocalRedis(url, { dataDir: join(dataDir, 'x') }).then((r) => r.stop())).resolves.toBeUndefined();
  });

  it('says in one line how to install Redis when redis-server is missing', async () => {
    const url = `redis://127.0.0.1:${await unusedPort()}`;
    await expect(ensureLocalRedis(url, { dataDir, path: '/nonexistent' })).rejects.toThrow(
      /^Redis is not reachable at redis:\/\/127\.0\.0\.1:\d+ and redis-server is not installed: install it \(Debian\/Ubuntu: `sudo apt-get install -y redis-server`; macOS: `brew install redis`; Docker: .*\) or set REDIS_URL\.$/,
    );
  });

  it('never starts a server for a Redis on another host', async () => {
    await expect(ensureLocalRedis('redis://redis.invalid:6379', { dataDir })).rejects.toThrow(/not reachable/);
  });
});
