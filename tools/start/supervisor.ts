import { spawn, type ChildProcess } from 'node:child_process';

export interface ProcessSpec {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export interface SupervisorOptions {
  /** Crashes within `windowMs` after which the supervisor gives up. */
  maxCrashes?: number;
  windowMs?: number;
  /** First restart delay; doubles with every crash in the window, up to `maxDelayMs`. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** How long a stopping child may take after SIGTERM before it is killed. */
  stopTimeoutMs?: number;
  log: { info(message: string): void; warn(message: string): void; error(message: string): void };
  /** Called once when a child crashed too often; the supervisor has stopped everything by then. */
  onGiveUp(reason: string): void;
  stdio?: 'inherit' | 'pipe' | 'ignore';
}

/**
 * Keeps the platform's processes running: a crashed API or worker is restarted with a growing
 * delay, so one bad job or a lost connection does not take the rest down; a process that keeps
 * crashing is a real fault, and then everything stops with the reason.
 */
export function createSupervisor(specs: ProcessSpec[], options: SupervisorOptions) {
  const maxCrashes = options.maxCrashes ?? 5;
  const windowMs = options.windowMs ?? 60_000;
  const initialDelayMs = options.initialDelayMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 8_000;
  const stopTimeoutMs = options.stopTimeoutMs ?? 15_000;
  const running = new Map<string, ChildProcess>();
  const crashes = new Map<string, number[]>();
  const timers = new Set<NodeJS.Timeout>();
  let stopping = false;

  const launch = (spec: ProcessSpec) => {
    // The IPC channel closes when this process dies, however it dies: children watch it (see
    // stopWhenOrphaned) so a killed supervisor leaves no API or worker behind.
    const io = options.stdio ?? 'inherit';
    const child = spawn(spec.command, spec.args, { cwd: spec.cwd, env: spec.env, stdio: [io === 'inherit' ? 'ignore' : io, io, io, 'ipc'] });
    running.set(spec.name, child);
    child.once('exit', (code, signal) => {
      running.delete(spec.name);
      if (stopping) return;
      const now = Date.now();
      const recent = [...(crashes.get(spec.name) ?? []), now].filter((at) => now - at < windowMs);
      crashes.set(spec.name, recent);
      const how = signal ? `signal ${signal}` : `code ${code}`;
      if (recent.length >= maxCrashes) {
        const reason = `the ${spec.name} stopped ${recent.length} times within ${Math.round(windowMs / 1000)} s (last: ${how}); see its log lines above`;
        options.log.error(`${reason}. Stopping the platform.`);
        void stop().then(() => options.onGiveUp(reason));
        return;
      }
      const delay = Math.min(maxDelayMs, initialDelayMs * 2 ** (recent.length - 1));
      options.log.warn(`the ${spec.name} exited (${how}); restarting it in ${(delay / 1000).toFixed(1)} s`);
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!stopping) launch(spec);
      }, delay);
      timers.add(timer);
    });
  };

  const stop = async () => {
    stopping = true;
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    await Promise.all(
      [...running.values()].map(
        (child) =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            const kill = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
            child.once('exit', () => {
              clearTimeout(kill);
              done();
            });
            child.kill('SIGTERM');
          }),
      ),
    );
  };

  return {
    start() {
      for (const spec of specs) launch(spec);
    },
    stop,
    /** The live process of a name, for tests and status lines. */
    pid: (name: string) => running.get(name)?.pid ?? null,
  };
}

export type Supervisor = ReturnType<typeof createSupervisor>;
