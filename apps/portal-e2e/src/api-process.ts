import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

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

export interface ApiProcess {
  child: ChildProcess;
  /** Everything the process wrote so far, for the failure message. */
  output(): string;
  stop(): Promise<void>;
}

/** Starts `node --import tsx apps/api/src/main.ts` in the repository with the given environment. */
export function startApi(options: { cwd: string; env: NodeJS.ProcessEnv }): ApiProcess {
  return startNodeProcess('apps/api/src/main.ts', options);
}

/** Starts `node --import tsx <entry>` in the repository, keeping its recent output for failure messages. */
export function startNodeProcess(entry: string, options: { cwd: string; env: NodeJS.ProcessEnv }): ApiProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const chunks: string[] = [];
  const keep = (prefix: string) => (data: Buffer) => {
    chunks.push(`${prefix}${data.toString()}`);
    if (chunks.length > 400) chunks.shift();
  };
  child.stdout?.on('data', keep(''));
  child.stderr?.on('data', keep('[stderr] '));

  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null) resolve();
    child.once('exit', () => resolve());
  });

  return {
    child,
    output: () => chunks.join(''),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Polls `GET /healthz` until it answers 200; fails early if the process exits. */
export async function waitForHealthy(baseUrl: string, api: ApiProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (api.child.exitCode !== null) throw new Error(`The API exited with code ${api.child.exitCode} before it was healthy.`);
    try {
      const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
      last = `HTTP ${response.status}: ${await response.text()}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The API did not become healthy within ${timeoutMs / 1000} s (last: ${last}).`);
}

/** Waits until the process writes a line matching `pattern` on stdout; fails early if it exits. */
export function waitForOutput(proc: ApiProcess, pattern: RegExp, timeoutMs = 30_000): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const done = (error?: Error) => {
      clearTimeout(timer);
      proc.child.stdout?.off('data', onData);
      proc.child.off('exit', onExit);
      if (error) reject(error);
      else resolve();
    };
    const onData = (data: Buffer) => {
      // Keep only the tail: a line may arrive split over two chunks.
      seen = (seen + data.toString()).slice(-4_000);
      if (pattern.test(seen)) done();
    };
    const onExit = (code: number | null) => done(new Error(`The process exited with code ${code} before it logged ${pattern}.`));
    const timer = setTimeout(() => done(new Error(`The process did not log ${pattern} within ${timeoutMs / 1000} s.`)), timeoutMs);
    if (proc.child.exitCode !== null) return onExit(proc.child.exitCode);
    if (pattern.test(proc.output())) return done();
    proc.child.stdout?.on('data', onData);
    proc.child.once('exit', onExit);
  });
}
