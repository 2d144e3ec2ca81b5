import { randomUUID } from 'node:crypto';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadWorkerEnv, type Logger, type WorkerEnv } from '@dd/config';
import { testRedisUrl } from '@dd/db/testing';
import { checkRedis } from '@dd/queue';
import { pino } from 'pino';

/** A worker env with its own queue prefix, so parallel test files never share keys. */
export function testWorkerEnv(overrides: Record<string, string> = {}): WorkerEnv {
  return loadWorkerEnv({ REDIS_URL: testRedisUrl, QUEUE_PREFIX: `test-${randomUUID()}`, LOG_LEVEL: 'silent', ...overrides });
}

export interface LogLine {
  msg: string;
  level: number;
  [key: string]: unknown;
}

/** A real pino logger whose lines land in an array the test can inspect. */
export function captureLogger(): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) if (line.trim()) lines.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

/** Polls until `check` returns a value other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(50);
  }
}

/** A port nothing listens on right now, to start the worker against a missing Redis. */
export async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('Could not allocate a free port.');
  return address.port;
}

/** A throw-away redis-server on a free port (e.g. with an evicting policy); the caller stops it. */
export async function startRedisServer(args: string[]): Promise<{ url: string; stop(): void }> {
  const port = await unusedPort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', ...args], {
    stdio: 'ignore',
  });
  const url = `redis://127.0.0.1:${port}`;
  const stop = () => void child.kill('SIGKILL');
  try {
    await waitFor('redis-server to accept connections', () => checkRedis(url, { timeoutMs: 200 }).then(() => true, () => undefined), 5_000);
  } catch (error) {
    stop();
    throw error;
  }
  return { url, stop };
}
