import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';

/** A port nothing listens on right now: for "Redis is down" tests and throw-away servers. */
export async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('Could not allocate a free port.');
  return address.port;
}

/** A throw-away redis-server on a free port, so the machine's own Redis keeps its settings. */
export async function startRedisServer(args: string[]): Promise<{ url: string; port: number; stop(): void }> {
  const port = await unusedPort();
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', ...args],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  const stop = () => {
    child.kill('SIGKILL');
  };
  for (let attempt = 0; attempt < 50; attempt++) {
    const probe = new Redis(url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    probe.on('error', () => {});
    try {
      await probe.connect();
      await probe.ping();
      return { url, port, stop };
    } catch {
      await sleep(100);
    } finally {
      probe.disconnect();
    }
  }
  stop();
  throw new Error(`redis-server did not start on port ${port}.`);
}
