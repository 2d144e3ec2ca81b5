import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, testRedisUrl, type TestDatabase } from '@dd/db/testing';
import { freePort, startApi, startNodeProcess, waitForHealthy, waitForOutput, type ApiProcess } from './api-process';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export interface SeededPlatform {
  baseUrl: string;
  database: TestDatabase;
  /** The seed tool's own output, for the failure message and the log. */
  seedOutput: string;
  seedSeconds: number;
  /** Environment the platform's processes share, for tools run against it (demo:top-up). */
  env: NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

/** Runs a repository command (`npx tsx <entry> …`) to its end and returns what it printed; rejects on a non-zero exit. */
export function runTool(entry: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (data: Buffer) => (output += data.toString()));
    child.stderr.on('data', (data: Buffer) => (output += data.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`${entry} exited with ${code}:\n${output}`))));
  });
}

/**
 * A platform of its own, as the README's marketplace journey starts it: a fresh database filled by
 * `npm run seed -- --customers N`, then the API (serving a copy of the portal the e2e setup built) and the
 * worker on it, with the production privacy settings. The shared e2e platform cannot serve: it starts
 * empty, and other specs change it.
 */
export async function startSeededPlatform(customers: number): Promise<SeededPlatform> {
  // A copy of the portal build: another test run rebuilding apps/portal/dist must not pull the pages from under this walk.
  const portal = await mkdtemp(join(tmpdir(), 'dd-readme-portal-'));
  await cp(fileURLToPath(new URL('../../portal/dist/', import.meta.url)), portal, { recursive: true });
  const database = await createTestDatabase();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    REDIS_URL: testRedisUrl,
    QUEUE_PREFIX: `e2e-readme-${randomBytes(4).toString('hex')}`,
  };
  // The shared e2e setup raises the estimate budget for its many small questions; the README walk asks few.
  delete env['PRIVACY_ESTIMATE_EPSILON'];
  delete env['PRIVACY_ESTIMATE_MONTHLY_EPSILON'];

  let api: ApiProcess | undefined;
  let worker: ApiProcess | undefined;
  const stop = async () => {
    // The worker first: it may still be finishing a job against the database.
    await worker?.stop();
    await api?.stop();
    await database.drop();
    await rm(portal, { recursive: true, force: true });
  };
  try {
    const started = Date.now();
    const seedOutput = await runTool('tools/seed/src/seed.cli.ts', ['--customers', String(customers)], env);
    const seedSeconds = (Date.now() - started) / 1000;

    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    api = startApi({ cwd: repoRoot, env: { ...env, PORT: String(port), HOST: '127.0.0.1', PUBLIC_ORIGIN: baseUrl, LOG_LEVEL: 'warn', PORTAL_DIST: portal } });
    // `info`, because readiness is the "worker ready" log line.
    worker = startNodeProcess('apps/worker/src/main.ts', { cwd: repoRoot, env: { ...env, LOG_LEVEL: 'info' } });
    try {
      await Promise.all([waitForHealthy(baseUrl, api, 60_000), waitForOutput(worker, /worker ready/, 60_000)]);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`${reason}\n--- API output ---\n${api.output() || '(nothing)'}\n--- worker output ---\n${worker.output() || '(nothing)'}`);
    }
    return { baseUrl, database, seedOutput, seedSeconds, env, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
