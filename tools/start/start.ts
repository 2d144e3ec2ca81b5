import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createLogger, EnvError, loadPlatformEnv } from '@dd/config';
import { createDb, EmbeddedDatabaseError, openLocalDatabase } from '@dd/db';
import { ensureLocalRedis, RedisSetupError } from '@dd/queue';
import { prepareDatabase } from './prepare-database';
import { createSupervisor } from './supervisor';

/**
 * `npm start`: one command for the whole platform. Makes sure Redis answers (starting a local one
 * when it is installed), opens PostgreSQL (DATABASE_URL, or the embedded server under .data/),
 * migrates, builds the portal when its sources changed, then runs the API (which serves the
 * portal) and the worker under a supervisor that restarts them when they crash. `--dev` runs the
 * Vite dev server with hot reload instead of a build.
 */
const dev = process.argv.includes('--dev');
const root = resolve(import.meta.dirname, '../..');
// The user's environment as it was when they typed the command: children get exactly this plus
// what start-up decided, never whatever a library left in process.env on the way.
const userEnv: NodeJS.ProcessEnv = { ...process.env };

function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function portalIsStale(distDir: string): boolean {
  const index = resolve(distDir, 'index.html');
  const sources = ['apps/portal/src', 'apps/portal/index.html', 'libs/ui/src', 'libs/contract/src'].map((p) => resolve(root, p));
  const newestSource = Math.max(...sources.map((p) => (existsSync(p) && statSync(p).isFile() ? statSync(p).mtimeMs : newestMtime(p))));
  return !existsSync(index) || statSync(index).mtimeMs < newestSource;
}

/** Vite builds in a process of its own: it sets NODE_ENV=production in whatever process runs it. */
function buildPortal(env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [resolve(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'apps/portal/vite.config.ts', '--logLevel', 'warn'], {
      cwd: root,
      env: { ...env, NODE_ENV: 'production' },
      stdio: 'inherit',
    });
    child.once('error', fail);
    child.once('exit', (code) => (code === 0 ? done() : fail(new Error(`the portal build failed (exit code ${code}); its errors are above`))));
  });
}

async function main(): Promise<void> {
  // The worker's settings too: a bad one is refused here, once, instead of crash-looping under the supervisor.
  const env = loadPlatformEnv(userEnv).api;
  const logger = createLogger({ level: env.LOG_LEVEL, name: 'start', pretty: process.stdout.isTTY });
  const log = { info: (m: string) => logger.info(m), warn: (m: string) => logger.warn(m), error: (m: string) => logger.error(m) };

  const redis = await ensureLocalRedis(env.REDIS_URL, { dataDir: resolve(root, '.data/redis') });
  if (redis.started) logger.info(`started redis-server for the platform at ${env.REDIS_URL} (data in .data/redis)`);
  let database;
  try {
    database = await openLocalDatabase(env.DATABASE_URL, { dataDir: resolve(root, '.data/postgres'), onLog: (line) => logger.debug(line) });
  } catch (error) {
    await redis.stop();
    throw error;
  }
  const release = async () => {
    await database.stop();
    await redis.stop();
  };
  if (database.kind === 'embedded') logger.info('using the embedded PostgreSQL in .data/postgres (set DATABASE_URL to use a server)');
  if (database.kind === 'shared') logger.info('using the embedded PostgreSQL another process of this checkout runs');

  try {
    const db = createDb(database.url, { max: 1, applicationName: 'migrate' });
    const { applied, rules } = await prepareDatabase(db).finally(() => db.destroy());
    logger.info(`${applied.length ? `applied migrations: ${applied.join(', ')}` : 'database schema is up to date'}; ${rules} categorisation rules`);
    if (!dev && portalIsStale(resolve(root, env.PORTAL_DIST))) {
      logger.info('building the portal…');
      await buildPortal(userEnv);
    }
  } catch (error) {
    await release();
    throw error;
  }

  const childEnv: NodeJS.ProcessEnv = {
    ...userEnv,
    NODE_ENV: userEnv['NODE_ENV'] || 'development',
    DATABASE_URL: database.url,
    REDIS_URL: env.REDIS_URL,
  };
  const node = (name: string, script: string) => ({ name, command: process.execPath, args: ['--import', 'tsx', script], cwd: root, env: childEnv });
  const specs = [node('API', 'apps/api/src/main.ts'), node('worker', 'apps/worker/src/main.ts')];
  if (dev) {
    specs.push({ name: 'Vite dev server', command: process.execPath, args: [resolve(root, 'node_modules/vite/bin/vite.js'), '--config', 'apps/portal/vite.config.ts'], cwd: root, env: childEnv });
  }

  let exitCode = 0;
  const supervisor = createSupervisor(specs, {
    log,
    onGiveUp: () => {
      exitCode = 1;
      void shutdown();
    },
  });
  let shuttingDown: Promise<void> | undefined;
  const shutdown = () =>
    (shuttingDown ??= (async () => {
      await supervisor.stop();
      await release();
      logger.info('stopped');
      process.exit(exitCode);
    })());
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());

  supervisor.start();
  const url = dev ? `http://localhost:5173 (Vite, proxying the API on port ${env.PORT})` : env.PUBLIC_ORIGIN;
  logger.info(`DataDividend is starting at ${url}`);
}

main().catch((error: unknown) => {
  const known = error instanceof EnvError || error instanceof RedisSetupError || error instanceof EmbeddedDatabaseError;
  console.error(known ? error.message : error);
  process.exit(1);
});
