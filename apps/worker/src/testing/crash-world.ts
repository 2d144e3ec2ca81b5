import { randomUUID } from 'node:crypto';
import { afterAll } from 'vitest';
import type { Db } from '@dd/db';
import { createTestDatabase, testRedisUrl, type TestDatabase } from '@dd/db/testing';
import { createQueues, createRedisConnection, type Queues } from '@dd/queue';
import { startWorker, type WorkerProcess } from './worker-process';

/**
 * What a crash test needs: its own database and queue prefix, real worker processes started on
 * them, and a clean-up after the file that kills every worker it started and empties its queues.
 * Call in a describe block; `open()` in beforeAll.
 */
export function crashTestWorld() {
  const prefix = `test-${randomUUID()}`;
  const connection = createRedisConnection(testRedisUrl, 'producer');
  const workers: WorkerProcess[] = [];
  let database: TestDatabase | undefined;
  let queues: Queues | undefined;

  afterAll(async () => {
    for (const worker of workers) worker.child.kill('SIGKILL');
    for (const queue of queues?.all() ?? []) await queue.obliterate({ force: true }).catch(() => undefined);
    await queues?.close();
    connection.disconnect();
    await database?.drop();
  });

  return {
    async open(): Promise<{ db: Db; queues: Queues }> {
      database = await createTestDatabase();
      queues = createQueues(connection, prefix);
      return { db: database.db, queues };
    },
    /** A real worker process on this world's database and queues; killed at the end if still alive. */
    startWorker(): WorkerProcess {
      if (!database) throw new Error('open() the crash-test world first');
      const worker = startWorker({ DATABASE_URL: database.url, REDIS_URL: testRedisUrl, QUEUE_PREFIX: prefix });
      workers.push(worker);
      return worker;
    },
  };
}
