import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, testRedisUrl, type TestDatabase } from '@dd/db/testing';
import { createQueues, createRedisConnection, JOBS, queueNamesOf } from '@dd/queue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unusedPort } from './testing/worker.testing';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const SHUTDOWN_TIMEOUT_MS = 3_000;

/** Runs the real entry point the way production does, with tsx resolving the workspace aliases. */
function startWorker(env: Record<string, string>): { child: ChildProcessWithoutNullStreams; output: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/worker/src/main.ts'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'info', ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exit };
}

async function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe('worker process', () => {
  let database: TestDatabase;
  const prefix = `test-${randomUUID()}`;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    const connection = createRedisConnection(testRedisUrl, 'worker');
    const queues = createQueues(connection, prefix);
    for (const queue of queues.all()) await queue.obliterate({ force: true });
    await queues.close();
    await connection.quit();
    await database?.drop();
  });

  it('starts, reports ready, and exits 0 on SIGTERM within the shutdown bound', async () => {
    const worker = startWorker({
      DATABASE_URL: database.url,
      REDIS_URL: testRedisUrl,
      QUEUE_PREFIX: prefix,
      WORKER_SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
    });
    try {
      await within(15_000, '"worker ready"', new Promise<void>((resolve, reject) => {
        const check = () => (worker.output().includes('"msg":"worker ready"') ? resolve() : undefined);
        worker.child.stdout.on('data', check);
        void worker.exit.then((code) => reject(new Error(`worker exited with ${code} before ready:\n${worker.output()}`)));
      }));
      // One worker per queue of the registry, in the registry's order.
      expect(worker.output()).toContain(`"queues":${JSON.stringify(queueNamesOf(JOBS))}`);

      const signalled = Date.now();
      worker.child.kill('SIGTERM');
      const code = await within(SHUTDOWN_TIMEOUT_MS + 2_000, 'the worker to exit', worker.exit);
      expect(code).toBe(0);
      expect(Date.now() - signalled).toBeLessThan(SHUTDOWN_TIMEOUT_MS + 2_000);
      expect(worker.output()).toContain('"msg":"worker stopped"');
    } finally {
      worker.child.kill('SIGKILL');
    }
  });

  it('exits 1 with one clear line when Redis is not running', async () => {
    const port = await unusedPort();
    const worker = startWorker({ DATABASE_URL: database.url, REDIS_URL: `redis://127.0.0.1:${port}`, QUEUE_PREFIX: prefix });
    try {
      const code = await within(10_000, 'the worker to exit', worker.exit);
      expect(code).toBe(1);
      expect(worker.output().trim()).toBe(
        `Redis is not reachable at redis://127.0.0.1:${port}. Start it with: redis-server --daemonize yes --bind 127.0.0.1 --port ${port} --save "" --appendonly no (or set REDIS_URL).`,
      );
    } finally {
      worker.child.kill('SIGKILL');
    }
  });
});
