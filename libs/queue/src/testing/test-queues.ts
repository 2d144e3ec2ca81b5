import { randomUUID } from 'node:crypto';
import { createQueues, type Queues } from '../queues.factory';
import { createRedisConnection } from '../redis.connection';

/** Real queues on the test Redis under a prefix of their own, so parallel test files never meet. */
export function createTestQueues(redisUrl = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379'): { queues: Queues; prefix: string; close(): Promise<void> } {
  const prefix = `test-${randomUUID()}`;
  const connection = createRedisConnection(redisUrl, 'producer');
  const queues = createQueues(connection, prefix);
  return {
    queues,
    prefix,
    async close() {
      for (const queue of queues.all()) await queue.obliterate({ force: true }).catch(() => undefined);
      await queues.close();
      connection.disconnect();
    },
  };
}
