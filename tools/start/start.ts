import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createLogger, EnvError, loadApiEnv } from '@dd/config';
import { createDb, openLocalDatabase } from '@dd/db';
import { checkRedis, RedisSetupError } from '@dd/queue';
import { prepareDatabase } from './prepare-database';

/**
 * `npm start`: one command for the whole platform. Checks Redis, opens PostgreSQL (DATABASE_URL
 * or the embedded one under .data/), migrates, builds the portal when its sources changed, then
 * runs the API (which serves the portal) and the worker as child processes. `--dev` runs the
 * Vite dev server with hot reload instead of a build.
 */
const dev = process.argv.includes('--dev');
const root = resolve(import.meta.dirname, '../..');

function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

async function buildPortalIfStale(distDir: string, log: (msg: string) => void): Promise<void> {
  const index = resolve(distDir, 'index.html');
  const sources = ['apps/portal/src', 'apps/portal/index.html', 'libs/ui/src', 'libs/contract/src'].map((p) => resolve(root, p));
  const newestSource = Math.max(...sources.map((p) => (existsSync(p) && statSync(p).isFile() ? statSync(p).mtimeMs : newestMtime(p))));
  if (existsSync(index) && statSync(index).mtimeMs >= newestSource) return;
  log('building the portal…');
  const { build } = await import('vite');
  await build({ configFile: resolve(root, 'apps/portal/vite.config.ts'), logLevel: 'warn' });
}

async function main(): Promise<void> {
  const env = loadApiEnv(process.env);
  const logger = createLogger({ level: env.LOG_LEVEL, name: 'start', pretty: process.stdout.isTTY });
  await checkRedis(env.REDIS_URL);

  const database = await openLocalDatabase(env.DATABASE_URL);
  if (database.kind === 'embedded') logger.info('using the embedded PostgreSQL in .data/postgres (set DATABASE_URL to use a server)');
  const db = createDb(database.url, { max: 1, applicationName: 'migrate' });
  const { applied, rules } = await prepareDatabase(db).finally(() => db.destroy());
  logger.info(`${applied.length ? `applied migrations: ${applied.join(', ')}` : 'database schema is up to date'}; ${rules} categorisation rules`);

  if (!dev) await buildPortalIfStale(resolve(root, env.PORTAL_DIST), (m) => logger.info(m));

  const childEnv = { ...process.env, DATABASE_URL: database.url };
  const tsx = ['--import', 'tsx'];
  const children: ChildProcess[] = [
    spawn(process.execPath, [...tsx, 'apps/api/src/main.ts'], { cwd: root, env: childEnv, stdio: 'inherit' }),
    spawn(process.execPath, [...tsx, 'apps/worker/src/main.ts'], { cwd: root, env: childEnv, stdio: 'inherit' }),
  ];
  if (dev) {
    children.push(
      spawn(process.execPath, [resolve(root, 'node_modules/vite/bin/vite.js'), '--config', 'apps/portal/vite.config.ts'], {
        cwd: root,
        env: childEnv,
        stdio: 'inherit',
      }),
    );
  }
  const url = dev ? 'http://localhost:5173 (Vite, proxying the API on port ' + env.PORT + ')' : env.PUBLIC_ORIGIN;
  logger.info(`DataDividend is starting at ${url}`);

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      ),
    );
    await database.stop();
    process.exit(code);
  };
  for (const child of children) {
    child.once('exit', (code) => {
      if (!stopping) {
        logger.error(`a platform process exited (code ${code}); stopping everything`);
        void stop(code || 1);
      }
    });
  }
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
}

main().catch((error: unknown) => {
  console.error(error instanceof EnvError || error instanceof RedisSetupError ? error.message : error);
  process.exit(1);
});
