import { describe, expect, it } from 'vitest';
import { createSupervisor, type ProcessSpec } from './supervisor';

const nodeProcess = (name: string, script: string): ProcessSpec => ({ name, command: process.execPath, args: ['-e', script], cwd: process.cwd(), env: {} });

function recorder() {
  const lines: string[] = [];
  return { lines, log: { info: (m: string) => lines.push(`info ${m}`), warn: (m: string) => lines.push(`warn ${m}`), error: (m: string) => lines.push(`error ${m}`) } };
}

describe('the platform supervisor', () => {
  it('restarts a crashed process with a growing delay and says why', async () => {
    const { lines, log } = recorder();
    let gaveUp = false;
    const supervisor = createSupervisor([nodeProcess('worker', 'process.exit(3)')], { log, initialDelayMs: 20, maxCrashes: 100, stdio: 'ignore', onGiveUp: () => (gaveUp = true) });
    supervisor.start();
    await expect.poll(() => lines.length, { timeout: 5_000 }).toBeGreaterThanOrEqual(3);
    await supervisor.stop();
    expect(gaveUp).toBe(false);
    expect(lines[0]).toBe('warn the worker exited (code 3); restarting it in 0.0 s');
    expect(lines[1]).toMatch(/^warn the worker exited \(code 3\); restarting it in 0\.0 s$/);
  });

  it('gives up after 5 crashes within the window, with the reason', async () => {
    const { lines, log } = recorder();
    const reason = new Promise<string>((resolve) => {
      const supervisor = createSupervisor([nodeProcess('API', 'process.exit(1)'), nodeProcess('worker', 'setInterval(() => {}, 1000)')], {
        log,
        initialDelayMs: 10,
        maxDelayMs: 40,
        stdio: 'ignore',
        onGiveUp: resolve,
      });
      supervisor.start();
    });
    expect(await reason).toMatch(/^the API stopped 5 times within 60 s \(last: code 1\)/);
    expect(lines.filter((l) => l.startsWith('warn the API exited'))).toHaveLength(4);
    expect(lines.at(-1)).toMatch(/^error the API stopped 5 times .*Stopping the platform\.$/);
  });

  it('stops every process on stop() and restarts none of them', async () => {
    const { lines, log } = recorder();
    const supervisor = createSupervisor([nodeProcess('worker', 'setInterval(() => {}, 1000)')], { log, stdio: 'ignore', onGiveUp: () => undefined });
    supervisor.start();
    const pid = supervisor.pid('worker');
    expect(pid).toBeGreaterThan(0);
    await supervisor.stop();
    expect(supervisor.pid('worker')).toBeNull();
    expect(() => process.kill(pid!, 0)).toThrow();
    expect(lines).toEqual([]);
  });
});
