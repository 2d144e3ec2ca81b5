import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** A port nobody listens on right now: bind to 0, read the number, release it. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface NodeProcess {
  child: ChildProcess;
  /** The recent output, for the message when it fails. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * `node --import tsx <entry>` in the repository, as `npm start` runs the API and the worker: a process of its own.
 * `nodeArgs` go before the entry (`--cpu-prof` to profile the process while it is measured).
 */
export function startNodeProcess(entry: string, env: NodeJS.ProcessEnv, nodeArgs: readonly string[] = []): NodeProcess {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', entry], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const chunks: string[] = [];
  const keep = (data: Buffer) => {
    chunks.push(data.toString());
    if (chunks.length > 200) chunks.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // A bench that dies on an error must not leave an API or a worker running on its dropped database.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  void exited.then(() => process.off('exit', killOnExit));
  return {
    child,
    output: () => chunks.join(''),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Polls until `ready` says yes; fails early when the process exits, with its output. */
export async function waitUntil(proc: NodeProcess, what: string, ready: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.child.exitCode !== null) throw new Error(`${what} exited with code ${proc.child.exitCode}:\n${proc.output()}`);
    if (await ready().catch(() => false)) return;
    await sleep(200);
  }
  throw new Error(`${what} was not ready within ${timeoutMs / 1000} s:\n${proc.output()}`);
}
