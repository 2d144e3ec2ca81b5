import { spawn } from 'node:child_process';
import { accessSync, constants, mkdirSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { checkRedis } from './redis.checks';
import { describeRedisUrl } from './redis.connection';
import { RedisSetupError } from './queue.errors';

export interface LocalRedis {
  /** True when this process started the server (and so stops it). */
  started: boolean;
  stop(): Promise<void>;
}

const INSTALL_HINT =
  'install it (Debian/Ubuntu: `sudo apt-get install -y redis-server`; macOS: `brew install redis`; Docker: `docker run -d -p 6379:6379 redis:7 --maxmemory-policy noeviction`) or set REDIS_URL';

function onPath(command: string, path = process.env['PATH'] ?? ''): string | null {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  return null;
}

function loopbackPort(url: string): number | null {
  try {
    const parsed = new URL(url);
    const loopback = ['127.0.0.1', 'localhost', '[::1]', '::1'].includes(parsed.hostname);
    return loopback && !parsed.password && !parsed.username ? Number(parsed.port || 6379) : null;
  } catch {
    return null;
  }
}

/**
 * Redis for a platform run on one machine: the one at `url` when it answers; otherwise, when `url`
 * points at this machine and `redis-server` is installed, one started here with its data in
 * `dataDir` (append-only file on, `noeviction` as BullMQ requires) and stopped with `stop()`.
 * Otherwise one line that says how to install it.
 */
export async function ensureLocalRedis(
  url: string,
  options: { dataDir: string; onLog?: (line: string) => void; /** Where to look for redis-server; PATH by default. */ path?: string },
): Promise<LocalRedis> {
  const none: LocalRedis = { started: false, stop: async () => {} };
  try {
    await checkRedis(url, { timeoutMs: 1_000 });
    return none;
  } catch (error) {
    const port = loopbackPort(url);
    if (port === null || !(error instanceof RedisSetupError) || !/not reachable/.test(error.message)) throw error;
    const binary = onPath('redis-server', options.path);
    if (!binary) throw new RedisSetupError(`Redis is not reachable at ${describeRedisUrl(url)} and redis-server is not installed: ${INSTALL_HINT}.`);
    return startLocalRedis(binary, url, port, resolve(options.dataDir), options.onLog);
  }
}

async function startLocalRedis(binary: string, url: string, port: number, dataDir: string, onLog?: (line: string) => void): Promise<LocalRedis> {
  mkdirSync(dataDir, { recursive: true });
  const child = spawn(
    binary,
    ['--bind', '127.0.0.1', '--port', String(port), '--dir', dataDir, '--appendonly', 'yes', '--save', '', '--maxmemory-policy', 'noeviction', '--daemonize', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-2_000);
    for (const line of chunk.toString().split('\n')) if (line.trim()) onLog?.(line.trim());
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  let exited = false;
  const exit = new Promise<void>((done) => child.once('exit', () => ((exited = true), done())));
  // Never outlive the process that started it.
  const onExit = () => child.kill('SIGTERM');
  process.once('exit', onExit);
  const stop = async () => {
    process.removeListener('exit', onExit);
    if (!exited) child.kill('SIGTERM');
    await exit;
  };
  for (let attempt = 0; attempt < 100 && !exited; attempt++) {
    try {
      await checkRedis(url, { timeoutMs: 500 });
      return { started: true, stop };
    } catch {
      await sleep(100);
    }
  }
  await stop();
  const lastLine = output.trim().split('\n').pop() ?? '';
  throw new RedisSetupError(`redis-server did not start on port ${port}${lastLine ? `: ${lastLine}` : ''}. Start Redis yourself or set REDIS_URL.`);
}
