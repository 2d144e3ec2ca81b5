import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openLocalDatabase } from '@dd/db';
import { ensureLocalRedis } from '@dd/queue';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

/**
 * The servers integration and browser tests need, on any machine: TEST_DATABASE_URL when set,
 * otherwise the same embedded PostgreSQL `npm start` uses (its own data folder, started once per
 * run); Redis at TEST_REDIS_URL, started from redis-server when nothing answers there. Test files
 * load after this has run and read the variables it sets.
 */
export async function ensureTestServices(): Promise<() => Promise<void>> {
  const stops: (() => Promise<void>)[] = [];
  if (!process.env['TEST_DATABASE_URL']) {
    const database = await openLocalDatabase(undefined, { dataDir: resolve(root, '.data/test-postgres') });
    process.env['TEST_DATABASE_URL'] = database.url;
    stops.push(() => database.stop());
  }
  const redisUrl = process.env['TEST_REDIS_URL'] || 'redis://127.0.0.1:6379';
  const redis = await ensureLocalRedis(redisUrl, { dataDir: resolve(root, '.data/test-redis') });
  process.env['TEST_REDIS_URL'] = redisUrl;
  stops.push(() => redis.stop());
  return async () => {
    for (const stop of stops.reverse()) await stop();
  };
}
